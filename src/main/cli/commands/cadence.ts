import { resolve } from 'node:path';
import type { Command } from 'commander';
import { readUserFile, writeUserFile } from '../../core/files/userFiles';
import { call, type GlobalOptions, withCore } from '../context';
import { print } from '../output';

export const registerCadence = (program: Command, globals: () => GlobalOptions) => {
  const cadence = program
    .command('cadence')
    .description('cadences: list, import, export, enroll, pause, resume, remove');

  cadence
    .command('list')
    .description('cadences in rule order, with their steps')
    .action(async () => {
      const opts = globals();
      await withCore(opts, async (core) => {
        const list = await call(core, 'cadences.list', {});
        print(opts.json ?? false, list, () =>
          list
            .map(
              (c) =>
                `${c.id}  ${c.name} (${c.activeEnrollments} on it)\n${c.steps.map((s) => `   ${s.id}: ${s.kind} — ${s.title}`).join('\n')}`,
            )
            .join('\n'),
        );
      });
    });

  cadence
    .command('import <file>')
    .description('import cadences from a JSON file (the export format, a list, or one cadence)')
    .action(async (file: string) => {
      const opts = globals();
      await withCore(opts, async (core) => {
        const json = readUserFile(resolve(file)).toString('utf8');
        const { saved } = await call(core, 'cadences.import', { json });
        print(opts.json ?? false, { saved }, () => saved.map((c) => `Saved ${c.name} (${c.id}).`).join('\n'));
      });
    });

  cadence
    .command('export <file>')
    .description('write every cadence (or --id ones) to a JSON file')
    .option('--id <id...>', 'only these cadences')
    .action(async (file: string, options: { id?: string[] }) => {
      const opts = globals();
      await withCore(opts, async (core) => {
        const { json, file: content } = await call(core, 'cadences.export', { ids: options.id });
        writeUserFile(resolve(file), json);
        print(
          opts.json ?? false,
          { file, count: content.cadences.length },
          () => `Wrote ${content.cadences.length} cadence(s) to ${file}.`,
        );
      });
    });

  cadence
    .command('enroll <leadIds...>')
    .description('put leads on a cadence (--cadence ID), or on the one their rule picks')
    .option('--cadence <id>', 'the cadence')
    .action(async (leadIds: string[], options: { cadence?: string }) => {
      const opts = globals();
      await withCore(opts, async (core) => {
        const result = await call(core, 'enrollments.enroll', { leadIds, cadenceId: options.cadence });
        print(opts.json ?? false, result, () =>
          [
            `Enrolled ${result.enrolled.length} lead(s).`,
            ...result.skipped.map((s) => `Skipped ${s.leadId}: ${s.reason}`),
          ].join('\n'),
        );
      });
    });

  for (const [name, method, verb] of [
    ['pause', 'enrollments.pause', 'Paused'],
    ['resume', 'enrollments.resume', 'Resumed'],
    ['remove', 'enrollments.remove', 'Removed from'],
  ] as const) {
    cadence
      .command(`${name} <leadId>`)
      .description(`${name} a lead's cadence`)
      .action(async (leadId: string) => {
        const opts = globals();
        await withCore(opts, async (core) => {
          const enrollment = await call(core, method, { leadId });
          print(opts.json ?? false, enrollment, () => `${verb} ${enrollment.cadenceName}.`);
        });
      });
  }
};
