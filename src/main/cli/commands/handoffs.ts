import { HandoffListOutput, ServerHandoff } from '@shared/server/handoffs';
import type { Command } from 'commander';
import { AppError } from '../../core/errors';
import { toAppError } from '../../core/guard';
import { fileTokenStore } from '../../core/sync/credentials';
import { type GlobalOptions, placeOf } from '../context';
import { fail, print } from '../output';
import { callServer, type ServerTarget } from '../server-client';

const STATUSES = ['open', 'accepted', 'rejected', 'all'] as const;

/** The signed-in data folder's server and token; `sync_not_signed_in` before `dialdeck login`. */
const signedIn = (dataDir: string): ServerTarget => {
  const credentials = fileTokenStore(dataDir).read();
  if (credentials === null) {
    throw new AppError(
      'sync_not_signed_in',
      'This data folder is not signed in to a team server. Sign in first: dialdeck login --server URL --token T.',
    );
  }
  return { server: credentials.server, token: credentials.token };
};

const hours = (ms: number): string => `${(ms / 3_600_000).toFixed(1)} h`;

/** One line per hand-off for the human output. */
const line = (h: ServerHandoff): string =>
  [
    h.id,
    h.status,
    h.leadName ?? h.leadId,
    `rep ${h.rep.email}`,
    `AE ${h.ae?.email ?? 'none'}`,
    h.msLeft === null ? `decided ${new Date(h.decidedAt ?? 0).toISOString()}` : `${hours(h.msLeft)} left`,
    ...(h.missed ? ['MISSED'] : []),
    ...(h.reason ? [`reason: ${h.reason}`] : []),
  ].join('  ');

/**
 * `dialdeck handoffs [--status open|accepted|rejected|all]` for the signed-in user → `{handoffs:
 * [ServerHandoff…]}` (an AE: those routed to them; a rep: their own; a manager: the team's).
 */
export const registerHandoffs = (program: Command, globals: () => GlobalOptions): void => {
  program
    .command('handoffs')
    .description('List hand-offs on the team server (an AE: those routed to you, with the 48-hour clock)')
    .option('--status <status>', 'open (default), accepted, rejected or all')
    .action(async (options: { status?: string }) => {
      const opts = globals();
      const json = opts.json ?? false;
      const place = placeOf(opts);
      try {
        const status = options.status ?? 'open';
        if (!(STATUSES as readonly string[]).includes(status)) {
          throw new AppError(
            'invalid_input',
            `--status must be one of ${STATUSES.join(', ')} (got "${status}").`,
          );
        }
        const target = signedIn(place.dataDir);
        const output = await callServer(
          target,
          'GET',
          `/v1/handoffs?status=${encodeURIComponent(status)}`,
          undefined,
          HandoffListOutput,
        );
        print(json, output, () =>
          output.handoffs.length === 0 ? 'No hand-offs.' : output.handoffs.map(line).join('\n'),
        );
      } catch (error) {
        fail(json, toAppError(error, 'listing hand-offs', place));
      }
    });
};

/**
 * `dialdeck handoff accept|reject ID [--reason T]` for the signed-in AE → the `ServerHandoff` as
 * decided. Errors keep the server's codes: `handoff_reason_required`, `handoff_not_yours`, `not_found`,
 * `handoff_already_decided`, `forbidden` (not an AE).
 */
export const decideFromCli = async (
  opts: GlobalOptions,
  decision: 'accept' | 'reject',
  id: string | undefined,
  reason: string | undefined,
): Promise<void> => {
  const json = opts.json ?? false;
  const place = placeOf(opts);
  try {
    if (!id) throw new AppError('invalid_input', `Give the hand-off's id: dialdeck handoff ${decision} ID.`);
    if (decision === 'reject' && !reason?.trim()) {
      throw new AppError(
        'handoff_reason_required',
        'Say why you reject this hand-off with --reason "…": the rep reads it to nurture the lead.',
      );
    }
    const target = signedIn(place.dataDir);
    const decided = await callServer(
      target,
      'POST',
      `/v1/handoffs/${encodeURIComponent(id)}/${decision}`,
      decision === 'reject' ? { reason } : {},
      ServerHandoff,
    );
    print(json, decided, () => `${decided.status}: ${line(decided)}`);
  } catch (error) {
    fail(json, toAppError(error, 'deciding a hand-off', place));
  }
};
