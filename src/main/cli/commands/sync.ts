import { mkdirSync } from 'node:fs';
import { MeOutput } from '@shared/server/admin';
import type { Command } from 'commander';
import { openCore } from '../../core';
import { AppError } from '../../core/errors';
import { toAppError } from '../../core/guard';
import { pushOutbox } from '../../core/sync/client';
import { fileTokenStore } from '../../core/sync/credentials';
import { placePulledLeads } from '../../core/sync/place-pulled';
import { pullOnce } from '../../core/sync/pull';
import { assertSwitchable } from '../../core/sync/sign-in';
import { forgetPreviousUser, type SwitchedUser } from '../../core/sync/switch-user';
import { type GlobalOptions, placeOf, withCore } from '../context';
import { fail, print } from '../output';
import { callServer } from '../server-client';
import { registerSyncRejected } from './sync-rejected';

/**
 * Puts pulled leads where the rep works them: leads now owned by `userId` go on the cadence their rule
 * picks (new and working ones not enrolled yet), and every pulled lead still here has its enrollment
 * and queue place follow its new fields. Leads of other reps (a manager's desktop) are not enrolled.
 */
/**
 * `dialdeck login --server URL --token T` checks the token with `GET /v1/me` and keeps the server and
 * token in the data folder (`sync-credentials.json`, mode 0600) → `{server, userId, teamId, teamName,
 * email, role}`, plus `previousUser: {from, clearedLeads, keptLocalLeads}` when the folder held another
 * user's synced leads, which are cleared (`forgetPreviousUser`; local-only leads stay); an
 * administrator token is refused (`invalid_input`: it belongs to no team).
 * `dialdeck sync` pushes the outbox, then pulls the team's changes this user may see (assigned leads,
 * their history, accounts; everything for a manager) → `{pushed, pulled, rejected, pending}`; offline it fails with
 * `server_unreachable` and a non-zero exit, every row kept; before login `sync_not_signed_in`; for
 * changes refused for clock skew `sync_clock_skew` (the summary in `details`, the rows kept).
 */
export const registerSync = (program: Command, globals: () => GlobalOptions): void => {
  program
    .command('login')
    .description('Sign this data folder in to the team server (the token is checked, then kept for sync)')
    .option('--server <url>', 'the team server, e.g. http://127.0.0.1:8470 (default: $DIALDECK_SERVER_URL)')
    .option('--token <token>', 'your token from your manager (default: $DIALDECK_SERVER_TOKEN)')
    .action(async (options: { server?: string; token?: string }) => {
      const opts = globals();
      const json = opts.json ?? false;
      const place = placeOf(opts);
      try {
        const server = options.server ?? process.env.DIALDECK_SERVER_URL;
        const token = options.token ?? process.env.DIALDECK_SERVER_TOKEN;
        if (!server) {
          throw new AppError(
            'invalid_input',
            'Give the server address with --server URL (or DIALDECK_SERVER_URL).',
          );
        }
        if (!token)
          throw new AppError('invalid_input', 'Give your token with --token T (or DIALDECK_SERVER_TOKEN).');
        const me = await callServer({ server, token }, 'GET', '/v1/me', undefined, MeOutput);
        if (me.kind !== 'user') {
          throw new AppError(
            'invalid_input',
            "That is the server's administrator token, which belongs to no team. Sign in with your own token (dialdeck admin user add makes one).",
          );
        }
        const base = new URL(server).origin;
        mkdirSync(place.dataDir, { recursive: true, mode: 0o700 });
        const tokens = fileTokenStore(place.dataDir);
        const core = openCore({ dataDir: place.dataDir });
        let switched: SwitchedUser | null;
        try {
          const previous = tokens.read();
          const next = { userId: me.userId, teamId: me.teamId };
          assertSwitchable(core.db, previous, next);
          switched = forgetPreviousUser(core.db, previous, next);
        } finally {
          core.close();
        }
        tokens.write({
          server: base,
          token,
          userId: me.userId,
          teamId: me.teamId,
          teamName: me.teamName,
          email: me.email,
          role: me.role,
          signedInAt: Date.now(),
        });
        const signedIn = {
          server: base,
          userId: me.userId,
          teamId: me.teamId,
          teamName: me.teamName,
          email: me.email,
          role: me.role,
          ...(switched === null ? {} : { previousUser: switched }),
        };
        print(json, signedIn, () =>
          [
            `signed in to ${base} as ${me.email} (${me.role}, ${me.teamName})`,
            ...(switched === null
              ? []
              : [
                  `${switched.clearedLeads} lead(s) of the previous user were cleared from this data folder (the server keeps them).`,
                  ...(switched.keptLocalLeads > 0
                    ? [
                        `${switched.keptLocalLeads} local lead(s) that never reached the server are kept here.`,
                      ]
                    : []),
                ]),
          ].join('\n'),
        );
      } catch (error) {
        fail(json, toAppError(error, 'signing in', place));
      }
    });

  const sync = program
    .command('sync')
    .description("Push the changes waiting in the outbox to the team server, then pull the team's changes");
  registerSyncRejected(sync, globals);
  sync.action(async () => {
    const opts = globals();
    await withCore(opts, async (core) => {
      const credentials = fileTokenStore(core.dataDir).read();
      if (credentials === null) {
        throw new AppError(
          'sync_not_signed_in',
          'This data folder is not signed in to a team server. Sign in first: dialdeck login --server URL --token T.',
        );
      }
      const { pushed, rejected, pending, clockSkew } = await pushOutbox(core.db, credentials);
      // Pushed first, so the server has this desktop's edits before its view of the leads comes down.
      const { pulled } = await pullOnce(core.db, credentials, {
        onApplied: (leadIds) => placePulledLeads(core, leadIds, credentials.userId),
        dialing: core.dialing,
      });
      const summary = { pushed, pulled, rejected, pending };
      if (clockSkew > 0) {
        throw new AppError(
          'sync_clock_skew',
          `${clockSkew} change(s) are stamped more than five minutes ahead of the server's clock, so the server refused them for now: this computer's clock is fast (or the server's is slow). Set the clock that is wrong from the network, then sync again; the changes are kept.`,
          summary,
        );
      }
      print(opts.json ?? false, summary, () =>
        [
          `pushed ${pushed}, pulled ${pulled}, rejected ${rejected}, waiting ${pending}`,
          ...(rejected > 0 ? ['Rejected changes stay listed with the reason the server gave.'] : []),
        ].join('\n'),
      );
    });
  });
};
