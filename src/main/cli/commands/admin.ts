import { TeamActivitiesOutput } from '@shared/server/activities';
import { AddUserInput, AddUserOutput, CreateTeamOutput, TeamRole } from '@shared/server/admin';
import {
  AssignLeadOutput,
  type ImportLead,
  ImportLeadsOutput as ImportLeadsAnswer,
  type ImportLeadsOutput,
  MAX_IMPORT_BATCH,
} from '@shared/server/leads';
import type { Command } from 'commander';
import { AppError } from '../../core/errors';
import { readLeadsFile } from '../../core/imports/read-file';
import type { GlobalOptions } from '../context';
import { fail, print } from '../output';
import { callServer, type ServerTarget } from '../server-client';
import { registerAdminConsole } from './admin-console';
import { registerAdminTwilio } from './admin-twilio';
import { registerAdminLeadsList, registerAdminUsers } from './admin-users';

export type TargetOptions = { server?: string; token?: string };

/** `--server`/`--token`, or DIALDECK_SERVER_URL/DIALDECK_SERVER_TOKEN (keeps a token out of shell history). */
export const targetOf = (options: TargetOptions): ServerTarget => {
  const server = options.server ?? process.env.DIALDECK_SERVER_URL;
  const token = options.token ?? process.env.DIALDECK_SERVER_TOKEN;
  if (!server)
    throw new AppError(
      'invalid_input',
      'Give the server address with --server URL (or DIALDECK_SERVER_URL).',
    );
  if (!token) throw new AppError('invalid_input', 'Give a token with --token T (or DIALDECK_SERVER_TOKEN).');
  return { server, token };
};

/** Adds `--server` and `--token` to an admin command. */
export const withTarget = (command: Command): Command =>
  command
    .option('--server <url>', 'the team server, e.g. http://127.0.0.1:8470 (default: $DIALDECK_SERVER_URL)')
    .option(
      '--token <token>',
      'the administrator token or a manager token (default: $DIALDECK_SERVER_TOKEN)',
    );

/** Runs an admin command's action, printing a failure with its code (see `fail`). */
export const run = async (
  globals: () => GlobalOptions,
  action: (json: boolean) => Promise<void>,
): Promise<void> => {
  const json = globals().json ?? false;
  try {
    await action(json);
  } catch (error) {
    fail(json, error instanceof AppError ? error : new AppError('internal', String(error)));
  }
};

/**
 * `dialdeck admin team create NAME` → `{teamId, inboundSecret}` and `dialdeck admin user add --team ID
 * --email E --role rep|ae|manager` → `{userId, token}`: a manager's set-up commands, sent over HTTP to
 * a running team server (never to its files); `dialdeck admin activities --team ID` → `{activities}`
 * (`TeamActivitiesOutput`). Failures keep the server's code (`unauthorized`,
 * `forbidden`, `user_email_taken`, `server_unreachable`…) with a non-zero exit.
 */
export const registerAdmin = (program: Command, globals: () => GlobalOptions): void => {
  const admin = program.command('admin').description('Set up a team on a running Dialdeck server');
  registerAdminTwilio(admin, globals);
  registerAdminConsole(admin, globals);
  const team = admin.command('team').description('Teams on the server');
  withTarget(
    team.command('create').argument('<name>', "the team's name").description('Create a team'),
  ).action((name: string, options: TargetOptions) =>
    run(globals, async (json) => {
      const created = await callServer(targetOf(options), 'POST', '/v1/teams', { name }, CreateTeamOutput);
      print(json, created, () =>
        [
          `team id: ${created.teamId}`,
          `inbound secret: ${created.inboundSecret}`,
          'Keep the inbound secret: web forms sign inbound leads with it, and it is shown only now.',
        ].join('\n'),
      );
    }),
  );

  const user = admin.command('user').alias('users').description('Users on a team');
  withTarget(
    user
      .command('add')
      .description('Add a rep, AE or manager to a team and print their token')
      .requiredOption('--team <id>', 'the team id (from `admin team create`)')
      .requiredOption('--email <email>', "the user's email (unique within the team)")
      .requiredOption('--role <role>', `one of: ${TeamRole.options.join(', ')}`),
  ).action((options: TargetOptions & { team: string; email: string; role: string }) =>
    run(globals, async (json) => {
      const input = AddUserInput.safeParse({ email: options.email, role: options.role });
      if (!input.success) {
        throw new AppError(
          'invalid_input',
          `Give a valid --email and a --role of ${TeamRole.options.join(', ')} (got "${options.email}", "${options.role}").`,
        );
      }
      const added = await callServer(
        targetOf(options),
        'POST',
        `/v1/teams/${encodeURIComponent(options.team)}/users`,
        input.data,
        AddUserOutput,
      );
      print(json, added, () =>
        [
          `user id: ${added.userId}`,
          `token: ${added.token}`,
          'Give the token to this user privately: it signs them in and is shown only now.',
        ].join('\n'),
      );
    }),
  );

  registerAdminUsers(user, globals);

  withTarget(
    admin
      .command('activities')
      .description("List every activity the server holds for a team (the desktop's ids and notes)")
      .requiredOption('--team <id>', 'the team id'),
  ).action((options: TargetOptions & { team: string }) =>
    run(globals, async (json) => {
      const { activities } = await callServer(
        targetOf(options),
        'GET',
        `/v1/teams/${encodeURIComponent(options.team)}/activities`,
        undefined,
        TeamActivitiesOutput,
      );
      print(
        json,
        { activities },
        () =>
          activities
            .map(
              (a) =>
                `${new Date(a.occurredAt).toISOString()}  ${a.id}  ${a.kind}  ${a.outcome ?? ''}${a.void ? ` (${a.void.kind})` : ''}${a.note ? `  ${a.note}` : ''}`,
            )
            .join('\n') || 'no activities',
      );
    }),
  );
  registerAdminLeads(admin, globals);
};

/** The `--assign` option as the import route takes it: round-robin over the reps, or one user by email. */
const assignOf = (assign: string): { mode: 'round-robin' } | { mode: 'user'; email: string } => {
  if (assign === 'round-robin') return { mode: 'round-robin' };
  const parsed = AddUserInput.shape.email.safeParse(assign);
  if (!parsed.success) {
    throw new AppError(
      'invalid_input',
      `--assign takes round-robin or a team member's email (got "${assign}").`,
    );
  }
  return { mode: 'user', email: parsed.data };
};

/**
 * `dialdeck admin leads import FILE --team ID [--assign round-robin|EMAIL] [--region CC]` reads FILE
 * with the desktop's import pipeline (same header detection, encodings and phone rules) and posts the
 * normalised leads to the team server in batches of `MAX_IMPORT_BATCH` → `{imported, duplicates,
 * rejected: [{row, code, message}], assigned: {userId: count}}` (rows the pipeline refused are listed
 * with their file line too). `dialdeck admin leads assign LEAD_ID --team ID --to EMAIL` moves a lead →
 * `{leadId, from, to}`. Both need the administrator's or a manager's token.
 */
const registerAdminLeads = (admin: Command, globals: () => GlobalOptions): void => {
  const leads = admin.command('leads').description("A team's leads on the server");
  registerAdminLeadsList(leads, globals);
  withTarget(
    leads
      .command('import')
      .argument('<file>', 'a CSV of leads, as the desktop imports')
      .description("Import a call list into the team's leads and assign it")
      .requiredOption('--team <id>', 'the team id')
      .option('--assign <how>', "round-robin over the reps, or one member's email", 'round-robin')
      .option('--region <code>', 'the country of numbers written without a country code', 'US'),
  ).action((file: string, options: TargetOptions & { team: string; assign: string; region: string }) =>
    run(globals, async (json) => {
      const target = targetOf(options);
      const assign = assignOf(options.assign);
      const read = await readLeadsFile(file, options.region);
      const total: ImportLeadsOutput = {
        imported: 0,
        duplicates: 0,
        rejected: read.rejected.map((r) => ({ row: r.line, code: r.code, message: r.message })),
        assigned: {},
      };
      const rows: ImportLead[] = read.leads.map((lead) => ({
        row: lead.line,
        name: lead.name,
        title: lead.title,
        company: lead.company,
        email: lead.email,
        phones: lead.phones,
        timeZone: lead.timeZone,
        country: lead.country,
        region: lead.region,
        city: lead.city,
        sourceChannel: lead.sourceChannel,
        sourceDetail: lead.sourceDetail,
        direction: lead.direction,
        status: lead.status,
        research: lead.research,
      }));
      for (let start = 0; start < rows.length; start += MAX_IMPORT_BATCH) {
        const answer = await callServer(
          target,
          'POST',
          `/v1/teams/${encodeURIComponent(options.team)}/leads/import`,
          {
            leads: rows.slice(start, start + MAX_IMPORT_BATCH),
            assign: assign.mode === 'round-robin' ? { mode: 'round-robin', offset: total.imported } : assign,
          },
          ImportLeadsAnswer,
        );
        total.imported += answer.imported;
        total.duplicates += answer.duplicates;
        total.rejected.push(...answer.rejected);
        for (const [userId, count] of Object.entries(answer.assigned))
          total.assigned[userId] = (total.assigned[userId] ?? 0) + count;
      }
      total.rejected.sort((a, b) => a.row - b.row);
      print(json, total, () =>
        [
          `imported ${total.imported}, duplicates ${total.duplicates}, rejected ${total.rejected.length}`,
          ...Object.entries(total.assigned).map(([userId, count]) => `  ${userId}: ${count}`),
          ...total.rejected.map((r) => `  row ${r.row}: ${r.message}`),
        ].join('\n'),
      );
    }),
  );

  withTarget(
    leads
      .command('assign')
      .argument('<leadId>', 'the lead to move')
      .description("Assign a lead to a team member (their next sync pulls it; the former owner's drops it)")
      .requiredOption('--team <id>', 'the team id')
      .requiredOption('--to <email>', 'the new owner\'s email, or "nobody"'),
  ).action((leadId: string, options: TargetOptions & { team: string; to: string }) =>
    run(globals, async (json) => {
      const moved = await callServer(
        targetOf(options),
        'POST',
        `/v1/teams/${encodeURIComponent(options.team)}/leads/${encodeURIComponent(leadId)}/assign`,
        { to: options.to === 'nobody' ? null : options.to },
        AssignLeadOutput,
      );
      print(json, moved, () => `lead ${moved.leadId}: ${moved.from ?? 'nobody'} → ${moved.to ?? 'nobody'}`);
    }),
  );
};
