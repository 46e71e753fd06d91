import type { HistoryEntry } from '@shared/api/history';
import { isoOrNull } from '@shared/domain/instant';
import type { Command } from 'commander';
import { call, type GlobalOptions, withCore } from '../context';
import { print } from '../output';

/** One history entry as a line for the terminal: when, what, the note, and a void's mark. */
const entryLine = (entry: HistoryEntry): string => {
  const when = isoOrNull(entry.occurredAt) ?? 'unknown time';
  const what = `${entry.kind} ${entry.outcome ?? ''}`.trim();
  const status =
    entry.status && entry.statusBefore && entry.status !== entry.statusBefore
      ? ` (${entry.statusBefore} → ${entry.status})`
      : '';
  const voided = entry.void
    ? `  VOID${entry.void.kind === 'undo' ? ' (undone)' : ''} ${isoOrNull(entry.void.at) ?? ''}${
        entry.void.reason ? `: ${entry.void.reason}` : ''
      }`
    : '';
  return [
    `${when}  ${what}${status}${voided}`,
    ...(entry.note ? [`   ${entry.note}`] : []),
    `   ${entry.id}`,
  ].join('\n');
};

export const registerHistory = (program: Command, globals: () => GlobalOptions) => {
  program
    .command('history <leadId>')
    .description("the lead's call history: every activity, newest first, voided ones marked")
    .option('--limit <n>', 'at most N activities (default 200, up to 1000)')
    .action(async (leadId: string, options: { limit?: string }) => {
      const opts = globals();
      await withCore(opts, async (core) => {
        const history = await call(core, 'history.list', {
          leadId,
          ...(options.limit === undefined ? {} : { limit: Number(options.limit) }),
        });
        print(opts.json ?? false, history, () =>
          history.activities.length === 0
            ? 'No activity is logged for this lead yet.'
            : history.activities.map(entryLine).join('\n'),
        );
      });
    });

  const outcome = program.command('outcome').description('one logged call outcome (see also `outcomes`)');
  outcome
    .command('void <activityId>')
    .description(
      'void a logged call: it stays in the history, marked, and the status, task, cadence step, counters and do-not-contact entries it changed are put back where they are still its own',
    )
    .option('--reason <text>', 'why the outcome is void (shown in the history)')
    .action(async (activityId: string, options: { reason?: string }) => {
      const opts = globals();
      await withCore(opts, async (core) => {
        const voided = await call(core, 'outcomes.void', { activityId, reason: options.reason });
        print(opts.json ?? false, voided, () =>
          [
            `Voided ${voided.activityId}. Status: ${voided.statusBefore} → ${voided.status}.`,
            voided.reversed.task
              ? voided.nextTask
                ? `Next task back to: ${voided.nextTask.title}.`
                : 'The task it created is cancelled.'
              : 'The task and cadence step stay as they are (they changed since).',
            ...(voided.reversed.dncRemoved.length > 0
              ? [`${voided.reversed.dncRemoved.length} do-not-contact entry(ies) it added were removed.`]
              : []),
          ].join('\n'),
        );
      });
    });
};
