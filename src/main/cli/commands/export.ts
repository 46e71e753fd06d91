import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { AppError } from '../../core/errors';
import { translateStoreFailure } from '../../core/store/failures';
import { call, type GlobalOptions, withCore } from '../context';
import { print } from '../output';

/** Writes beside the target and renames, so an interrupted export never leaves half a file. */
const writeWhole = (file: string, text: string): void => {
  const partial = `${file}.partial`;
  try {
    writeFileSync(partial, text, 'utf8');
    renameSync(partial, file);
  } catch (error) {
    rmSync(partial, { force: true });
    // A full, read-only or forbidden disk gets its own code, naming the file asked for.
    const code = error instanceof Error && 'code' in error ? error.code : undefined;
    const known = translateStoreFailure({ code }, file);
    if (known) throw known;
    throw new AppError(
      'invalid_input',
      `Dialdeck can't write ${file}: ${error instanceof Error ? error.message : String(error)}. Choose another path.`,
    );
  }
};

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
        writeWhole(file, csv);
        print(
          opts.json ?? false,
          { exported: count, file },
          () => `Exported ${count.toLocaleString('en')} lead${count === 1 ? '' : 's'} to ${file}.`,
        );
      });
    });
};
