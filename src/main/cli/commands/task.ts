import type { LogResult } from '@shared/api/outcomes';
import { isoOrNull } from '@shared/domain/instant';
import type { Command } from 'commander';
import { call, type GlobalOptions, withCore } from '../context';
import { print } from '../output';
import { instantOption } from './next';

const nextLine = (done: LogResult): string =>
  done.nextTask
    ? `Next: ${done.nextTask.title}, due ${isoOrNull(done.nextTask.dueAt) ?? 'at an unknown time'}.`
    : 'No next task.';

/** `dialdeck task done|skip` and `dialdeck email render`: the Tasks view's steps, for scripts. */
export const registerTask = (program: Command, globals: () => GlobalOptions) => {
  const task = program.command('task').description('finish one email, LinkedIn or other task');
  task
    .command('done <taskId>')
    .description('mark the task done; the cadence moves on (refused for a do-not-contact lead)')
    .option('--note <text>', 'a note')
    .option('--at <iso>', 'when it was done, instead of now (ISO 8601)')
    .action(async (taskId: string, options: { note?: string; at?: string }) => {
      const opts = globals();
      await withCore(opts, async (core) => {
        const done = await call(core, 'tasks.complete', {
          taskId,
          result: 'done',
          note: options.note,
          at: instantOption('--at', options.at),
        });
        print(opts.json ?? false, done, () => nextLine(done));
      });
    });
  task
    .command('skip <taskId>')
    .description('skip the task, with the reason kept as its note; the cadence moves on')
    .option('--reason <text>', 'why it was skipped')
    .option('--at <iso>', 'when it was skipped, instead of now (ISO 8601)')
    .action(async (taskId: string, options: { reason?: string; at?: string }) => {
      const opts = globals();
      await withCore(opts, async (core) => {
        const skipped = await call(core, 'tasks.complete', {
          taskId,
          result: 'skipped',
          note: options.reason,
          at: instantOption('--at', options.at),
        });
        print(opts.json ?? false, skipped, () => nextLine(skipped));
      });
    });

  program
    .command('email')
    .description("an email step's email")
    .command('render <taskId>')
    .description('fill the email step for its lead: to, subject, body, the mailto: URL and missing variables')
    .action(async (taskId: string) => {
      const opts = globals();
      await withCore(opts, async (core) => {
        const email = await call(core, 'tasks.renderEmail', { taskId });
        const json = {
          to: email.to,
          subject: email.subject,
          body: email.body,
          mailto: email.mailto,
          missing: email.missing,
          mailtoTooLong: email.mailtoTooLong,
        };
        print(opts.json ?? false, json, () =>
          [
            `To: ${email.to ?? '(the lead has no email address; skip the step)'}`,
            `Subject: ${email.subject}`,
            '',
            email.body,
            ...(email.missing.length > 0 ? ['', `Missing: ${email.missing.join(', ')}`] : []),
          ].join('\n'),
        );
      });
    });
};
