import { TeamRole } from '@shared/server/admin';
import {
  ConsoleInviteInput,
  ConsoleLinkOutput,
  ConsoleResetInput,
  InviteRoleConflict,
} from '@shared/server/console';
import type { Command } from 'commander';
import { AppError } from '../../core/errors';
import type { GlobalOptions } from '../context';
import { print } from '../output';
import { callServer } from '../server-client';
import { run, type TargetOptions, targetOf, withTarget } from './admin';

const linkText = (issued: ConsoleLinkOutput): string =>
  [
    `user: ${issued.email} (${issued.userId})`,
    `link: ${issued.link}`,
    `expires: ${new Date(issued.expiresAt).toISOString()}`,
    'Send the link to this user privately: it sets their console password, works once and is shown only now.',
  ].join('\n');

/**
 * A `conflict` for a member already on the team under another role, with the flag that fixes it
 * added to the server's message (`hint`, also in details) so the command line says what to type;
 * any other error as it came.
 */
export const withRoleHint = (error: unknown): unknown => {
  if (!(error instanceof AppError) || error.code !== 'conflict') return error;
  const clash = InviteRoleConflict.safeParse(error.details);
  if (!clash.success) return error;
  const hint = `Run the command again with --role ${clash.data.role}.`;
  return new AppError('conflict', `${error.message} ${hint}`, { ...clash.data, hint });
};

/**
 * The console's access commands, sent to a running team server:
 * - `dialdeck admin invite EMAIL --team ID [--role rep|ae|manager]` → `ConsoleLinkOutput` (adds the user
 *   when new, then a 7-day single-use link that sets their console password);
 * - `dialdeck admin password-reset EMAIL --team ID` → `ConsoleLinkOutput` (a 1-hour single-use link).
 * Failures keep the server's code (`not_found`, `conflict`, `forbidden`, `server_unreachable`…).
 */
export const registerAdminConsole = (admin: Command, globals: () => GlobalOptions): void => {
  withTarget(
    admin
      .command('invite')
      .argument('<email>', "the user's email")
      .description('Invite a user to the team console: print a one-time link that sets their password')
      .requiredOption('--team <id>', 'the team id')
      .option('--role <role>', `one of: ${TeamRole.options.join(', ')}`, 'ae'),
  ).action((email: string, options: TargetOptions & { team: string; role: string }) =>
    run(globals, async (json) => {
      const input = ConsoleInviteInput.safeParse({ email, role: options.role });
      if (!input.success) {
        throw new AppError(
          'invalid_input',
          `Give a valid email and a --role of ${TeamRole.options.join(', ')} (got "${email}", "${options.role}").`,
        );
      }
      const issued = await callServer(
        targetOf(options),
        'POST',
        `/v1/teams/${encodeURIComponent(options.team)}/console/invitations`,
        input.data,
        ConsoleLinkOutput,
      ).catch((error: unknown) => {
        throw withRoleHint(error);
      });
      print(json, issued, () => linkText(issued));
    }),
  );

  withTarget(
    admin
      .command('password-reset')
      .argument('<email>', "the user's email")
      .description('Print a one-time link that sets a new console password for a team member')
      .requiredOption('--team <id>', 'the team id'),
  ).action((email: string, options: TargetOptions & { team: string }) =>
    run(globals, async (json) => {
      const input = ConsoleResetInput.safeParse({ email });
      if (!input.success) throw new AppError('invalid_input', `Give a valid email (got "${email}").`);
      const issued = await callServer(
        targetOf(options),
        'POST',
        `/v1/teams/${encodeURIComponent(options.team)}/console/password-resets`,
        input.data,
        ConsoleLinkOutput,
      );
      print(json, issued, () => linkText(issued));
    }),
  );
};
