import { isInstant } from '@shared/domain/instant';
import type { QueueEntry } from '@shared/domain/queue';
import { parseInstant } from '@shared/queue/instant';
import type { Command } from 'commander';
import { AppError } from '../../core/errors';
import { call, type GlobalOptions, withCore } from '../context';
import { print } from '../output';

/**
 * Reads a `--at` / `--callback-at` value as UTC epoch ms. Throws AppError `invalid_input` for anything that is not a complete ISO 8601 date-time, or one outside
 * 2000-01-01..2100-01-01 (see `Instant`).
 */
export const instantOption = (flag: string, value: string | undefined): number | undefined => {
  if (value === undefined) return undefined;
  const at = parseInstant(value);
  if (at === null) {
    throw new AppError(
      'invalid_input',
      `${flag}: "${value}" is not an ISO 8601 date-time; write e.g. 2025-03-10T14:00:00Z or 2025-03-10T09:00-05:00.`,
    );
  }
  if (!isInstant(at)) {
    throw new AppError(
      'invalid_input',
      `${flag}: "${value}" is outside the times Dialdeck accepts (2000-01-01 to 2100-01-01); check the year.`,
    );
  }
  return at;
};

/** One queue entry as a line of text for the terminal. */
export const entryLine = (entry: QueueEntry): string => {
  const { lead, zone } = entry;
  const where = zone.timeZoneUnknown
    ? `time zone unknown (${zone.country ?? 'no country'})`
    : `${zone.localTime} local`;
  return [
    `${entry.position}. ${lead.name}${lead.company ? ` (${lead.company})` : ''}  ${lead.phone ?? 'no phone'}`,
    `   ${entry.task.title}${entry.cadenceName ? ` — ${entry.cadenceName}` : ''}; ${where}`,
    ...entry.reasons.map((r) => `   · ${r.message}`),
    `   lead ${lead.id}`,
  ].join('\n');
};

export const registerNext = (program: Command, globals: () => GlobalOptions) => {
  program
    .command('next')
    .description('the lead to call now, with the reasons for its place in the queue')
    .option('--at <iso>', 'answer for this instant instead of now (ISO 8601)')
    .action(async (options: { at?: string }) => {
      const opts = globals();
      await withCore(opts, async (core) => {
        const at = instantOption('--at', options.at);
        const next = await call(core, 'queue.next', { at });
        print(opts.json ?? false, next, () =>
          next.entry
            ? entryLine(next.entry)
            : 'No lead is callable now. `dialdeck plan` shows the day ahead.',
        );
      });
    });
};
