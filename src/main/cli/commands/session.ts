import { SKIP_REASONS, SNOOZE_REASONS } from '@shared/domain/session';
import { parseDuration } from '@shared/queue/duration';
import type { Command } from 'commander';
import { AppError } from '../../core/errors';
import { call, type GlobalOptions, withCore } from '../context';
import { print } from '../output';
import { instantOption } from './next';

/**
 * Reads `--reason`: one of `codes` (spaces or dashes for underscores, case ignored) is that reason;
 * any other text is reason `other` with the text as the note. Throws AppError `invalid_input` when empty.
 */
export const reasonOption = <R extends string>(
  codes: readonly R[],
  value: string | undefined,
): { reason: R | 'other'; note?: string } => {
  const text = value?.trim() ?? '';
  if (!text) {
    throw new AppError(
      'invalid_input',
      `--reason is required: one of ${codes.join(', ')}, or your own words (recorded as "other").`,
    );
  }
  const code = text.toLowerCase().replace(/[\s-]+/g, '_');
  const known = codes.find((c) => c === code);
  return known ? { reason: known } : { reason: 'other', note: text };
};

/**
 * The end of a snooze from `--until ISO` or `--for DURATION` (exactly one), in UTC epoch ms. Throws
 * AppError `invalid_input` for neither, both, or a duration it cannot read.
 */
const snoozeEnd = (options: { until?: string; for?: string }, at: number): number => {
  if ((options.until === undefined) === (options.for === undefined)) {
    throw new AppError(
      'invalid_input',
      'Give exactly one of --until (an ISO 8601 time, e.g. 2026-03-10T09:00-05:00) or --for (a duration, e.g. 1h, 30m, 2d).',
    );
  }
  if (options.until !== undefined) return instantOption('--until', options.until) as number;
  const ms = parseDuration(options.for ?? '');
  if (ms === null) {
    throw new AppError(
      'invalid_input',
      `--for: "${options.for}" is not a duration; write minutes, hours, days or weeks such as 30m, 1h, 1h30m, 2d or 1w (at most a year).`,
    );
  }
  return at + ms;
};

export const registerSession = (program: Command, globals: () => GlobalOptions) => {
  program
    .command('skip <leadId>')
    .description('pass over a lead in this calling session, with a reason (recorded; the queue order stays)')
    .option('--reason <text>', `${SKIP_REASONS.join(', ')}, or your own words`)
    .option('--at <iso>', 'when it happened instead of now (ISO 8601)')
    .action(async (leadId: string, options: { reason?: string; at?: string }) => {
      const opts = globals();
      await withCore(opts, async (core) => {
        const { reason, note } = reasonOption(SKIP_REASONS, options.reason);
        const skip = await call(core, 'session.skip', {
          leadId,
          reason,
          note,
          at: instantOption('--at', options.at),
        });
        print(
          opts.json ?? false,
          skip,
          () => `Skipped (${skip.reason}${skip.note ? `: ${skip.note}` : ''}).`,
        );
      });
    });

  program
    .command('snooze <leadId>')
    .description('keep a lead out of the queue until a time (--until) or for a while (--for), with a reason')
    .option('--until <iso>', 'snooze until this instant (ISO 8601)')
    .option('--for <duration>', 'snooze for a duration: 30m, 1h, 1h30m, 2d, 1w')
    .option('--reason <text>', `${SNOOZE_REASONS.join(', ')}, or your own words`)
    .option('--at <iso>', 'when it happened instead of now (ISO 8601)')
    .action(
      async (leadId: string, options: { until?: string; for?: string; reason?: string; at?: string }) => {
        const opts = globals();
        await withCore(opts, async (core) => {
          const { reason, note } = reasonOption(SNOOZE_REASONS, options.reason);
          const at = instantOption('--at', options.at) ?? core.now();
          const until = snoozeEnd(options, at);
          const snooze = await call(core, 'session.snooze', { leadId, until, reason, note, at });
          print(opts.json ?? false, snooze, () => `Snoozed until ${snooze.untilIso} (${snooze.reason}).`);
        });
      },
    );

  program
    .command('stats')
    .description("today's dials, connects, conversations, talk time, voicemails and MQLs against the target")
    .option('--at <iso>', 'the day containing this instant instead of today (ISO 8601)')
    .action(async (options: { at?: string }) => {
      const opts = globals();
      await withCore(opts, async (core) => {
        const stats = await call(core, 'session.stats', { at: instantOption('--at', options.at) });
        print(opts.json ?? false, stats, () =>
          [
            `Today (${stats.timeZone}): ${stats.dials} of ${stats.target} dials`,
            `connects ${stats.connects}, conversations ${stats.conversations}, talk ${Math.round(stats.talkSeconds / 60)} min`,
            `voicemails ${stats.voicemails}, MQLs ${stats.mqls}, skips ${stats.skips}, snoozes ${stats.snoozes}`,
          ].join('\n'),
        );
      });
    });
};
