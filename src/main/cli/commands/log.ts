import { isoOrNull } from '@shared/domain/instant';
import type { Command } from 'commander';
import { call, type GlobalOptions, withCore } from '../context';
import { print } from '../output';
import { instantOption } from './next';

export const registerLog = (program: Command, globals: () => GlobalOptions) => {
  program
    .command('log <leadId> <outcome>')
    .description("log a call outcome (see `dialdeck outcomes`); the lead's status and next task follow")
    .option('--note <text>', 'a note on the call')
    .option('--callback-at <iso>', 'when to call back (required by the callback outcome; ISO 8601)')
    .option('--at <iso>', 'when the call happened, instead of now (ISO 8601)')
    .option('--call-id <uuid>', 'the call attempt this outcome is for; a second outcome for it is refused')
    .action(
      async (
        leadId: string,
        outcome: string,
        options: { note?: string; callbackAt?: string; at?: string; callId?: string },
      ) => {
        const opts = globals();
        await withCore(opts, async (core) => {
          const logged = await call(core, 'outcomes.log', {
            leadId,
            outcome,
            note: options.note,
            callbackAt: instantOption('--callback-at', options.callbackAt),
            at: instantOption('--at', options.at),
            callId: options.callId,
          });
          print(opts.json ?? false, logged, () =>
            [
              `Logged ${logged.outcome}. Status: ${logged.statusBefore} → ${logged.status}.`,
              logged.nextTask
                ? `Next: ${logged.nextTask.title} (${logged.nextTask.kind}), due ${isoOrNull(logged.nextTask.dueAt) ?? 'at an unknown time'}.`
                : logged.enrollment?.state === 'finished'
                  ? `The cadence "${logged.enrollment.cadenceName}" is finished (${logged.enrollment.finishReason}).`
                  : 'No next task.',
            ].join('\n'),
          );
        });
      },
    );

  program
    .command('done <taskId>')
    .description('mark an email, LinkedIn or other task done (or --skip any task); the cadence moves on')
    .option('--skip', 'skip the task instead')
    .option('--note <text>', 'a note')
    .option('--at <iso>', 'when it was done, instead of now (ISO 8601)')
    .action(async (taskId: string, options: { skip?: boolean; note?: string; at?: string }) => {
      const opts = globals();
      await withCore(opts, async (core) => {
        const done = await call(core, 'tasks.complete', {
          taskId,
          result: options.skip ? 'skipped' : 'done',
          note: options.note,
          at: instantOption('--at', options.at),
        });
        print(opts.json ?? false, done, () =>
          done.nextTask
            ? `Next: ${done.nextTask.title}, due ${isoOrNull(done.nextTask.dueAt) ?? 'at an unknown time'}.`
            : 'No next task.',
        );
      });
    });
};
