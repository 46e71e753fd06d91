import {
  RemoveUserInput,
  RemoveUserOutput,
  ReplaceUserTokenOutput,
  RevokeUserTokensOutput,
  TeamUsersOutput,
} from '@shared/server/admin';
import { TeamLeadsOutput } from '@shared/server/leads';
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

/**
 * `dialdeck admin leads list --team ID [--owner EMAIL]` → `{leads: [{leadId, name, company, status,
 * phone, ownerId, ownerEmail, updatedAt}]}`: the team's leads on the server, or one member's.
 */
export const registerAdminLeadsList = (leads: Command, globals: () => GlobalOptions): void => {
  withTarget(
    leads
      .command('list')
      .description("List the team's leads on the server with their owners")
      .requiredOption('--team <id>', 'the team id')
      .option('--owner <email>', "only this member's leads (an email or user id)"),
  ).action((options: TeamOptions & { owner?: string }) =>
    run(globals, async (json) => {
      const query = options.owner === undefined ? '' : `?owner=${encodeURIComponent(options.owner)}`;
      const { leads: list } = await callServer(
        targetOf(options),
        'GET',
        `/v1/teams/${encodeURIComponent(options.team)}/leads${query}`,
        undefined,
        TeamLeadsOutput,
      );
      print(
        json,
        { leads: list },
        () =>
          list
            .map(
              (l) =>
                `${l.leadId}  ${l.status.padEnd(12)}  ${l.name}${l.company ? ` (${l.company})` : ''}  ${l.phone ?? ''}  → ${l.ownerEmail ?? 'unassigned'}`,
            )
            .join('\n') || 'no leads',
      );
    }),
  );
};
