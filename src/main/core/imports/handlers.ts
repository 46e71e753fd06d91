import type { CoreContext } from '../context';
import { AppError } from '../errors';
import type { Handlers } from '../handlers';
import { newId } from '../ids';
import { storeFile } from '../paths';
import { leadsToCsv } from './export/csv';
import { base64Size, decodeBase64, MAX_IMPORT_BYTES, tooLarge } from './limits';
import { suggestMapping } from './map/headers';
import { type ImportEnv, runImport } from './run';
import { createHeldFiles } from './session';

type ImportsHandlers = Pick<
  Handlers,
  'imports.preview' | 'imports.run' | 'imports.discard' | 'imports.exportCsv'
>;

/**
 * The import handlers. Previews and imports read and write on the import threads of `env`
 * (worker/threads.ts), so a 30 MB file never holds the host's event loop.
 */
export const createImportsHandlers = (context: CoreContext, env: ImportEnv): ImportsHandlers => {
  const held = createHeldFiles(context.now);
  let running = false;
  return {
    'imports.preview': async ({ fileName, dataBase64, options }) => {
      const size = base64Size(dataBase64);
      if (size > MAX_IMPORT_BYTES) throw tooLarge(fileName, size);
      const token = newId();
      const progress = (done: number) =>
        context.events.emit('import:progress', { token, phase: 'reading', done, total: 0 });
      progress(0);
      env.threads.prepareWriting();
      const bytes = await decodeBase64(dataBase64);
      const inspection = await env.threads.run(
        {
          kind: 'inspect',
          bytes,
          fileName,
          options: {
            encoding: options?.encoding,
            delimiter: options?.delimiter,
            headerRow: options?.headerRow,
          },
        },
        [],
        (p) => progress(p.done),
      );
      held.hold({ token, fileName, bytes, inspection, heldAt: context.now() });
      return {
        token,
        fileName,
        encoding: inspection.encoding,
        delimiter: inspection.delimiter,
        headers: inspection.headers,
        suggestedMapping: suggestMapping(inspection.headers),
        sampleRows: inspection.sampleRows,
        rowCount: inspection.rowCount,
        headerLine: inspection.headerLine,
        topRows: inspection.topRows,
        textRows: inspection.textRows,
        warnings: inspection.warnings,
        warningCount: inspection.warningCount,
      };
    },

    'imports.run': async ({ token, options }) => {
      const file = held.get(token);
      if (!file) {
        throw new AppError(
          'not_found',
          'This import is no longer open (it was finished, closed or timed out). Choose the file again.',
        );
      }
      if (running) {
        throw new AppError(
          'import_busy',
          'Another import is still running. Wait for it to finish, then import this file.',
        );
      }
      running = true;
      try {
        // A damaged store is refused before the import claims, writes or discards a single row.
        await env.threads.run(
          { kind: 'check', store: { file: storeFile(context.dataDir), nativeBinding: env.nativeBinding } },
          [],
        );
        const summary = await runImport(context, env, file, options);
        held.drop(token);
        return summary;
      } finally {
        running = false;
      }
    },

    'imports.discard': ({ token }) => {
      held.drop(token);
      return {};
    },

    'imports.exportCsv': () => leadsToCsv(context.db, context.leads.listFull({})),
  };
};
