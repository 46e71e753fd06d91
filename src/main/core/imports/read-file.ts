import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { MessageChannel } from 'node:worker_threads';
import type { ImportWarning, RejectedRow } from '@shared/api/imports';
import { isSupportedCountry } from 'libphonenumber-js';
import { AppError } from '../errors';
import { MAX_IMPORT_BYTES, tooLarge } from './limits';
import { suggestMapping } from './map/headers';
import type { ImportedLead } from './normalize/row';
import { inspectFile } from './read/inspect';
import { parseRows } from './worker/parse';
import type { RowsMessage } from './worker/protocol';

/** A file read by the import pipeline without writing anything: its accepted leads and the rows refused. */
export type ReadLeads = {
  fileName: string;
  leads: ImportedLead[];
  rejected: RejectedRow[];
  warnings: ImportWarning[];
};

/**
 * Reads a lead file at `path` the way the desktop's import does — the same encoding, delimiter and
 * header detection (`inspectFile`), the suggested column mapping, and the same row rules
 * (`parseRows`: E.164 phones read for `region`, emails, time zones, vocabulary) — on this thread,
 * writing nothing. For the manager's server import, which sends the leads to the team server.
 * Throws `invalid_input` (a region Dialdeck cannot read numbers of, a file that cannot be read),
 * `import_too_large` and the
 * reading codes of `inspectFile`/`parseRows` (`import_not_csv`, `import_no_name_column`…).
 */
export const readLeadsFile = async (path: string, region: string): Promise<ReadLeads> => {
  const upper = region.toUpperCase();
  if (!isSupportedCountry(upper)) {
    throw new AppError(
      'invalid_input',
      `"${region}" is not a country whose phone numbers Dialdeck can read. Use a two-letter ISO country code such as US, GB, CN or KR.`,
      undefined,
      { value: region },
    );
  }
  const fileName = basename(path);
  const bytes = await readFile(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT' || error.code === 'EISDIR' || error.code === 'EACCES') {
      throw new AppError(
        'invalid_input',
        `Cannot read "${path}" (${error.code}). Give the path of a CSV file you may read.`,
        undefined,
        { value: path },
      );
    }
    throw error;
  });
  if (bytes.length > MAX_IMPORT_BYTES) throw tooLarge(fileName, bytes.length);
  const { text: _text, ...inspection } = await inspectFile(bytes, fileName, {});
  const shared = new SharedArrayBuffer(bytes.length);
  new Uint8Array(shared).set(bytes);
  const { port1, port2 } = new MessageChannel();
  const leads: ImportedLead[] = [];
  const ended = new Promise<void>((done) => {
    port2.on('message', (message: RowsMessage) => {
      if (message.type === 'rows') leads.push(...message.rows);
      else {
        port2.close();
        done();
      }
    });
  });
  try {
    const result = await parseRows(
      {
        kind: 'parse',
        bytes: { buffer: shared, length: bytes.length },
        fileName,
        inspection,
        read: {
          encoding: inspection.encoding,
          delimiter: inspection.delimiter,
          headerRow: inspection.headerLine,
        },
        mapping: suggestMapping(inspection.headers),
        region: upper,
        origin: { overrideColumns: false },
        rows: port1,
      },
      () => {},
    );
    await ended;
    return { fileName, leads, rejected: result.rejected, warnings: result.warnings };
  } finally {
    port2.close();
  }
};
