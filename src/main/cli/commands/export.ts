import { resolve } from 'node:path';
import type { Command } from 'commander';
import { writeUserFile } from '../../core/files/userFiles';
import { call, type GlobalOptions, withCore } from '../context';
import { print } from '../output';

export const registerExport = (program: Command, globals: () => GlobalOptions) => {
  program
    .command('export')
    .description('export every lead to a CSV file (UTF-8 with BOM; re-imports as the same leads)')
    .argument('<file>', 'where to write the CSV')
    .action(async (target: string) => {
      const opts = globals();
      await withCore(opts, async (core) => {
        const { csv, count } = await call(core, 'imports.exportCsv', {});
        const file = resolve(target);
        writeUserFile(file, csv);
        print(
          opts.json ?? false,
          { exported: count, file },
          () => `Exported ${count.toLocaleString('en')} lead${count === 1 ? '' : 's'} to ${file}.`,
        );
      });
    });
};
