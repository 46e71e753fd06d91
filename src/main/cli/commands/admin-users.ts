import { LeadStatus } from '@shared/domain/lead';
import {
  RemoveUserInput,
  RemoveUserOutput,
  ReplaceUserTokenOutput,
  RevokeUserTokensOutput,
  TeamUsersOutput,
} from '@shared/server/admin';
import { MAX_TEAM_LEADS_PAGE, TeamLeadsOutput, TeamLeadsQuery } from '@shared/server/leads';
import type { Command } from 'commander';
import { AppError } from '../../core/errors';
import type { GlobalOptions } from '../context';
import { print } from '../output';
import { callServer } from '../server-client';
import { run, type TargetOptions, targetOf, withTarget } from './admin';

type TeamOptions = TargetOptions & { team: string };

const userPath = (team: string, user: string, action: string): string =>
  `/v1/teams/${encodeURIComponent(team)}/users/${encodeURIComponent(user)}/${action}`;

const when = (ms: number | null): string => (ms === null ? '' : new Date(ms).toISOString());

/**
 * A manager's hold on the team's users, under `dialdeck admin user` (also `admin users`); USER is an
 * email or a user id:
 * - `list --team ID` → `{users: [{userId, email, role, createdAt, removedAt}]}`;
 * - `remove USER --team ID [--reassign-to EMAIL]` → `RemoveUserOutput`: the user can no longer sign
 *   in (their tokens revoked, open event streams ended), their leads go to EMAIL or stay unassigned,
 *   and what they pushed stays;
 * - `token revoke USER --team ID` → `{userId, tokensRevoked}`;
 * - `token replace USER --team ID` → `{userId, tokensRevoked, token}` (the new token, shown once).
 * Failures keep the server's code: `not_found`, `user_removed`, `forbidden`, `unauthorized`,
 * `invalid_input` (exit 2), `server_unreachable`.
 */
export const registerAdminUsers = (user: Command, globals: () => GlobalOptions): void => {
  withTarget(
    user
      .command('list')
      .description("List the team's users, removed ones marked")
      .requiredOption('--team <id>', 'the team id'),
  ).action((options: TeamOptions) =>
    run(globals, async (json) => {
      const { users } = await callServer(
        targetOf(options),
        'GET',
        `/v1/teams/${encodeURIComponent(options.team)}/users`,
        undefined,
        TeamUsersOutput,
      );
      print(
        json,
        { users },
        () =>
          users
            .map(
              (u) =>
                `${u.userId}  ${u.role.padEnd(7)}  ${u.email}${u.removedAt === null ? '' : `  (removed ${when(u.removedAt)})`}`,
            )
            .join('\n') || 'no users',
      );
    }),
  );

  withTarget(
    user
      .command('remove')
      .argument('<user>', "the user's email or id")
      .description(
        'Remove a user: their tokens stop working at once; their leads are reassigned or unassigned',
      )
      .requiredOption('--team <id>', 'the team id')
      .option(
        '--reassign-to <email>',
        "a team member who takes the user's leads (default: leave them unassigned)",
      ),
  ).action((ref: string, options: TeamOptions & { reassignTo?: string }) =>
    run(globals, async (json) => {
      const input = RemoveUserInput.safeParse({ reassignTo: options.reassignTo ?? null });
      if (!input.success) {
        throw new AppError(
          'invalid_input',
          `--reassign-to takes the email of the team member who takes the leads (got "${options.reassignTo}"); leave it out to unassign them.`,
        );
      }
      const removed = await callServer(
        targetOf(options),
        'POST',
        userPath(options.team, ref, 'remove'),
        input.data,
        RemoveUserOutput,
      );
      print(json, removed, () =>
        [
          `removed ${removed.email} (${removed.userId}); ${removed.tokensRevoked} token(s) revoked`,
          removed.leads.reassignedTo === null
            ? `${removed.leads.count} lead(s) left unassigned: hand them out with dialdeck admin leads assign`
            : `${removed.leads.count} lead(s) reassigned to ${options.reassignTo}`,
        ].join('\n'),
      );
    }),
  );

  const token = user.command('token').description("A user's bearer token");
  withTarget(
    token
      .command('revoke')
      .argument('<user>', "the user's email or id")
      .description('Revoke every token of a user (they are signed out everywhere at once)')
      .requiredOption('--team <id>', 'the team id'),
  ).action((ref: string, options: TeamOptions) =>
    run(globals, async (json) => {
      const revoked = await callServer(
        targetOf(options),
        'POST',
        userPath(options.team, ref, 'token/revoke'),
        {},
        RevokeUserTokensOutput,
      );
      print(json, revoked, () => `${revoked.tokensRevoked} token(s) of ${revoked.userId} revoked`);
    }),
  );
  withTarget(
    token
      .command('replace')
      .argument('<user>', "the user's email or id")
      .description("Revoke a user's tokens and print a new one")
      .requiredOption('--team <id>', 'the team id'),
  ).action((ref: string, options: TeamOptions) =>
    run(globals, async (json) => {
      const replaced = await callServer(
        targetOf(options),
        'POST',
        userPath(options.team, ref, 'token/replace'),
        {},
        ReplaceUserTokenOutput,
      );
      print(json, replaced, () =>
        [
          `user id: ${replaced.userId}`,
          `token: ${replaced.token}`,
          `${replaced.tokensRevoked} earlier token(s) revoked. Give the new token to this user privately: it is shown only now.`,
        ].join('\n'),
      );
    }),
  );
};

/** The leads one `--page` of `dialdeck admin leads list` holds unless `--page-size` says otherwise. */
export const LEADS_LIST_PAGE_SIZE = 50;

type LeadsListOptions = TeamOptions & {
  owner?: string;
  unassigned?: boolean;
  search?: string;
  status?: string;
  page?: string;
  pageSize?: string;
};

/** A whole number ≥ `min` given to `flag`, or `invalid_input` saying what to give. */
const wholeNumber = (flag: string, text: string, min: number, max: number): number => {
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new AppError(
      'invalid_input',
      `${flag} takes a whole number from ${min} to ${max} (got "${text}").`,
    );
  }
  return value;
};

/**
 * The `GET /v1/teams/:teamId/leads` query for the list's flags, checked with the route's own schema
 * (`TeamLeadsQuery`): `--owner` → `owner`, `--unassigned` → `unassigned=true`, `--status` → `status`,
 * `--search` → `q`, `--page N` (from 1) with `--page-size M` (1–500, default 50) → `limit=M`,
 * `offset=(N-1)·M`. `invalid_input` (exit 2) names the flag to fix.
 */
export const leadsListQuery = (options: LeadsListOptions): URLSearchParams => {
  if (options.pageSize !== undefined && options.page === undefined) {
    throw new AppError('invalid_input', '--page-size goes with --page: add --page 1 for the first page.');
  }
  const status = options.status === undefined ? undefined : LeadStatus.safeParse(options.status.trim());
  if (status !== undefined && !status.success) {
    throw new AppError(
      'invalid_input',
      `--status takes one of ${LeadStatus.options.join(', ')} (got "${options.status}").`,
    );
  }
  const size =
    options.pageSize === undefined
      ? LEADS_LIST_PAGE_SIZE
      : wholeNumber('--page-size', options.pageSize, 1, MAX_TEAM_LEADS_PAGE);
  const page = options.page === undefined ? undefined : wholeNumber('--page', options.page, 1, 1_000_000);
  const query = TeamLeadsQuery.safeParse({
    owner: options.owner,
    unassigned: options.unassigned ? 'true' : undefined,
    status: status?.data,
    q: options.search,
    limit: page === undefined ? undefined : size,
    offset: page === undefined ? undefined : (page - 1) * size,
  });
  if (!query.success) {
    const issue = query.error.issues[0];
    const flag = { unassigned: '--unassigned', q: '--search', owner: '--owner' }[String(issue?.path[0])];
    throw new AppError(
      'invalid_input',
      flag === '--unassigned'
        ? 'Give --owner or --unassigned, not both.'
        : `${flag ?? 'A flag'} is not usable: ${issue?.message ?? 'check it'}.`,
    );
  }
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query.data)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  return params;
};

/**
 * `dialdeck admin leads list --team ID [--owner EMAIL | --unassigned] [--status S] [--search TEXT]
 * [--page N [--page-size M]]` → `{leads: [{leadId, name, company, status, phone, ownerId, ownerEmail,
 * updatedAt}]}`, oldest first: the team's leads on the server, or those matching the filters (the
 * console's Leads page's search and filters: `--search` words must all appear in the name, company,
 * email or a number's digits). With `--page`, one page of `--page-size` (default 50) leads and `total`,
 * how many match in all. Errors: `invalid_input` (exit 2) for a bad flag, then the server's codes.
 */
export const registerAdminLeadsList = (leads: Command, globals: () => GlobalOptions): void => {
  withTarget(
    leads
      .command('list')
      .description("List the team's leads on the server with their owners")
      .requiredOption('--team <id>', 'the team id')
      .option('--owner <email>', "only this member's leads (an email or user id)")
      .option('--unassigned', 'only leads nobody owns')
      .option('--status <status>', `only leads with this status: ${LeadStatus.options.join(', ')}`)
      .option('--search <text>', 'words that must all appear in the name, company, email or a number')
      .option('--page <n>', 'only page N (from 1), with the total that match')
      .option('--page-size <n>', `leads per page with --page (1–${MAX_TEAM_LEADS_PAGE}, default 50)`),
  ).action((options: LeadsListOptions) =>
    run(globals, async (json) => {
      const params = leadsListQuery(options);
      const query = params.size === 0 ? '' : `?${params}`;
      const { leads: list, total } = await callServer(
        targetOf(options),
        'GET',
        `/v1/teams/${encodeURIComponent(options.team)}/leads${query}`,
        undefined,
        TeamLeadsOutput,
      );
      const page = Number(params.get('offset') ?? 0);
      print(json, total === undefined ? { leads: list } : { leads: list, total }, () =>
        [
          ...list.map(
            (l) =>
              `${l.leadId}  ${l.status.padEnd(12)}  ${l.name}${l.company ? ` (${l.company})` : ''}  ${l.phone ?? ''}  → ${l.ownerEmail ?? 'unassigned'}`,
          ),
          ...(list.length === 0 ? ['no leads'] : []),
          ...(total === undefined
            ? []
            : [`${list.length === 0 ? 0 : page + 1}–${page + list.length} of ${total}`]),
        ].join('\n'),
      );
    }),
  );
};
