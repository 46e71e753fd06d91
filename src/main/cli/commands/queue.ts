import { TaskDue } from '@shared/api/queue';
import { isoOrNull } from '@shared/domain/instant';
import { DncKind } from '@shared/domain/queue';
import type { Command } from 'commander';
import { AppError } from '../../core/errors';
import { call, type GlobalOptions, withCore } from '../context';
import { print } from '../output';
import { entryLine, instantOption } from './next';

const positiveInt = (flag: string, value: string | undefined, max: number): number | undefined => {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > max) {
    throw new AppError('invalid_input', `${flag}: "${value}" is not a whole number from 1 to ${max}.`);
  }
  return n;
};

/** A stored instant as ISO text; one that is not a real time (a hand-edited store) shows as unknown. */
const iso = (ms: number | null) => (ms === null ? '—' : (isoOrNull(ms) ?? 'unknown time'));

export const registerQueue = (program: Command, globals: () => GlobalOptions) => {
  program
    .command('queue')
    .description("today's call list, in queue order, with the reasons for each lead's place")
    .option('--at <iso>', 'answer for this instant instead of now (ISO 8601)')
    .option('--limit <n>', 'at most N leads (default 50, up to 500)')
    .action(async (options: { at?: string; limit?: string }) => {
      const opts = globals();
      await withCore(opts, async (core) => {
        const at = instantOption('--at', options.at);
        const limit = positiveInt('--limit', options.limit, 500);
        const queue = await call(core, 'queue.list', { at, limit });
        print(opts.json ?? false, queue, () =>
          queue.entries.length === 0 ? 'No lead is callable now.' : queue.entries.map(entryLine).join('\n'),
        );
      });
    });

  program
    .command('plan')
    .description("the day's dials against the target, with the estimated finish at your pace")
    .option('--at <iso>', 'plan from this instant instead of now (ISO 8601)')
    .action(async (options: { at?: string }) => {
      const opts = globals();
      await withCore(opts, async (core) => {
        const plan = await call(core, 'queue.plan', { at: instantOption('--at', options.at) });
        print(opts.json ?? false, plan, () =>
          [
            `Dials today: ${plan.dialsToday} of ${plan.target}; ${plan.remaining} to go.`,
            `Pace: ${Math.round(plan.pace.secondsPerDial)} s per dial (${plan.pace.source}).`,
            plan.estimatedFinishAt !== null
              ? `Estimated finish: ${iso(plan.estimatedFinishAt)}.`
              : `Only ${plan.items.length} lead(s) can be called before the day ends (${plan.shortfall} short).`,
            ...plan.items.map(
              (item) => `${iso(item.plannedAt)}  ${item.entry.lead.name}  ${item.entry.lead.phone ?? ''}`,
            ),
          ].join('\n'),
        );
      });
    });

  program
    .command('tasks')
    .description('email, LinkedIn and other tasks that are due')
    .option('--at <iso>', 'answer for this instant instead of now (ISO 8601)')
    .option('--due <when>', `by your day: ${TaskDue.options.join(', ')} (default: due by now)`)
    .action(async (options: { at?: string; due?: string }) => {
      const opts = globals();
      await withCore(opts, async (core) => {
        const due = options.due === undefined ? undefined : TaskDue.safeParse(options.due);
        if (due && !due.success) {
          throw new AppError(
            'invalid_input',
            `--due: "${options.due}" is not one of ${TaskDue.options.join(', ')}.`,
          );
        }
        const tasks = await call(core, 'tasks.list', {
          at: instantOption('--at', options.at),
          due: due?.data,
        });
        print(opts.json ?? false, tasks, () =>
          tasks.length === 0
            ? 'No tasks are due.'
            : tasks.map((t) => `${t.task.id}  ${t.task.kind}  ${t.lead.name}: ${t.task.title}`).join('\n'),
        );
      });
    });

  const dnc = program.command('dnc').description('the do-not-contact list');
  dnc
    .command('list')
    .description('every do-not-contact entry')
    .action(async () => {
      const opts = globals();
      await withCore(opts, async (core) => {
        const entries = await call(core, 'dnc.list', {});
        print(opts.json ?? false, entries, () =>
          entries.length === 0
            ? 'The do-not-contact list is empty.'
            : entries
                .map((e) => `${e.id}  ${e.kind}  ${e.value}${e.reason ? `  (${e.reason})` : ''}`)
                .join('\n'),
        );
      });
    });
  dnc
    .command('add <kind> <value>')
    .description(`add an entry: kind is ${DncKind.options.join(', ')}`)
    .option('--reason <text>', 'why the entry was added')
    .action(async (kind: string, value: string, options: { reason?: string }) => {
      const opts = globals();
      await withCore(opts, async (core) => {
        const parsed = DncKind.safeParse(kind);
        if (!parsed.success) {
          throw new AppError('invalid_input', `Unknown kind "${kind}"; use ${DncKind.options.join(', ')}.`);
        }
        const result = await call(core, 'dnc.add', {
          entries: [{ kind: parsed.data, value }],
          reason: options.reason,
        });
        print(opts.json ?? false, result, () =>
          result.added.length === 0
            ? `${value} is on the list already.`
            : `Added ${result.added[0]?.value}; ${result.leadsAffected} lead(s) taken off their cadence.`,
        );
      });
    });
  dnc
    .command('remove <id>')
    .description('remove an entry by its id')
    .action(async (id: string) => {
      const opts = globals();
      await withCore(opts, async (core) => {
        const removed = await call(core, 'dnc.remove', { id });
        print(opts.json ?? false, removed, () => `Removed ${removed.value}.`);
      });
    });
};
