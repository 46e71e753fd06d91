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

/** `dialdeck task done|skip`, `dialdeck email templates` and `dialdeck email render`: the Tasks view's steps, for scripts. */
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

  const email = program.command('email').description("email steps' emails and their templates");
  email
    .command('templates')
    .description('list the email templates: built-in ones (read-only), then team, then personal')
    .action(async () => {
      const opts = globals();
      await withCore(opts, async (core) => {
        const templates = await call(core, 'emailTemplates.list', {});
        print(opts.json ?? false, templates, () =>
          templates
            .map(
              (t) =>
                `${t.id}  ${t.scope}${t.builtin ? ' (built-in)' : ''}  ${t.language}  ${t.name}\n    ${t.subject}`,
            )
            .join('\n'),
        );
      });
    });
  email
    .command('render <taskId>')
    .description('fill the email step for its lead: to, subject, body, the mailto: URL and missing variables')
    .option('--template <id>', "the email template to use instead of the step's (see `email templates`)")
    .action(async (taskId: string, options: { template?: string }) => {
      const opts = globals();
      await withCore(opts, async (core) => {
        const rendered = await call(core, 'tasks.renderEmail', { taskId, templateId: options.template });
        const json = {
          templateId: rendered.templateId,
          to: rendered.to,
          subject: rendered.subject,
          body: rendered.body,
          mailto: rendered.mailto,
          missing: rendered.missing,
          mailtoTooLong: rendered.mailtoTooLong,
        };
        print(opts.json ?? false, json, () =>
          [
            `To: ${rendered.to ?? '(the lead has no email address; skip the step)'}`,
            `Subject: ${rendered.subject}`,
            '',
            rendered.body,
            ...(rendered.missing.length > 0 ? ['', `Missing: ${rendered.missing.join(', ')}`] : []),
          ].join('\n'),
        );
      });
    });
};
