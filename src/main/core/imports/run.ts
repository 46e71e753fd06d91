import type { ImportOptions, ImportProgress, ImportSummary, RejectedRow } from '@shared/api/imports';
import type { z } from 'zod';
import { AppError } from '../errors';
import type { CoreContext } from '../index';
import { readSettings } from '../settings/repo';
import { suggestMapping } from './map/headers';
import { createRowNormalizer, type ImportedLead } from './normalize/row';
import { type CsvRecord, isBlank, isRagged, readCsv } from './read/csv';
import { checkRagged, decodeFile, inspectFile } from './read/inspect';
import type { HeldFile } from './session';
import { writeImport } from './write/writer';

type RunOptions = z.output<typeof ImportOptions>;
type Phase = ImportProgress['phase'];

/** Leads:changed lists ids only for small imports; a large one tells the renderer to reload. */
const MAX_CHANGED_IDS = 1_000;

const quoteRejection = (record: CsvRecord): RejectedRow =>
  record.quoteError === 'unterminated_quote'
    ? {
        line: record.line,
        column: null,
        code: 'unterminated_quote',
        message: `A quoted cell that starts on this line is never closed, so ${record.lines.toLocaleString('en')} lines from here on were read as one cell. Close the quote and import the file again.`,
      }
    : {
        line: record.line,
        column: null,
        code: 'malformed_quotes',
        message:
          'A quoted cell on this line has text after its closing quote. Put the whole cell in quotes and double any quote inside it ("").',
      };

/** Reads the file again with the run's encoding and delimiter, if they differ from the preview's. */
const readForRun = async (
  file: HeldFile,
  options: RunOptions,
  progress: (phase: Phase, done: number, total: number) => void,
) => {
  const { inspection } = file;
  const encoding = options.encoding ?? inspection.encoding;
  const delimiter = options.delimiter ?? inspection.delimiter;
  if (encoding === inspection.encoding && delimiter === inspection.delimiter) {
    return { inspection, text: decodeFile(file.bytes, file.fileName, encoding).text };
  }
  const { text, ...again } = await inspectFile(file.bytes, file.fileName, { encoding, delimiter }, (done) =>
    progress('reading', done, 0),
  );
  return { inspection: again, text };
};

/**
 * Imports a previewed file: reads and checks every row (yielding between chunks so the app keeps
 * answering), then writes the accepted rows, with each new lead's place on its cadence, in short
 * transactions that no reader sees until one small transaction publishes them (write/writer.ts). Rejected rows are reported with their line, column and a stable code;
 * nothing is written when the file itself is refused.
 */
export const runImport = async (
  context: CoreContext,
  file: HeldFile,
  options: RunOptions,
): Promise<ImportSummary> => {
  const { db, outbox, now, events, dialing } = context;
  const progress = (phase: Phase, done: number, total: number) =>
    events.emit('import:progress', { token: file.token, phase, done, total });
  progress('reading', 0, 0);
  const { inspection, text } = await readForRun(file, options, progress);
  const { headers, rowCount } = inspection;
  const mapping = options.mapping ?? suggestMapping(headers);
  if (mapping.length !== headers.length) {
    throw new AppError(
      'invalid_input',
      `The column mapping has ${mapping.length} entries but the file has ${headers.length} columns. Map each column once (null leaves it out).`,
    );
  }
  if (!mapping.some((field) => field === 'name' || field === 'firstName' || field === 'lastName')) {
    throw new AppError(
      'import_no_name_column',
      `No column of "${file.fileName}" holds the lead's name. Name a column "Name" (or "First name" and "Last name"), or map one by hand, and import again.`,
    );
  }
  const region = options.region ?? readSettings(db).defaultRegion;
  const normalize = createRowNormalizer(headers, mapping, region);

  const rows: ImportedLead[] = [];
  const rejected: RejectedRow[] = [];
  let done = 0;
  let ragged = 0;
  progress('checking', 0, rowCount);
  await readCsv(text, inspection.delimiter, {
    onRecords: (records) => {
      for (const record of records) {
        if (record.line <= inspection.headerLine || isBlank(record)) continue;
        done++;
        if (record.quoteError) {
          ragged++;
          rejected.push(quoteRejection(record));
          continue;
        }
        if (isRagged(record.fields, headers.length)) ragged++;
        const result = normalize(record.fields, record.line);
        if (result.ok) rows.push(result.lead);
        else rejected.push(result.rejection);
      }
      progress('checking', done, rowCount);
    },
  });
  checkRagged(file.fileName, ragged, done);

  // Short transactions into rows no reader sees, then one small transaction publishes them all.
  progress('writing', 0, rows.length);
  const written = await writeImport(db, outbox, now, {
    fileName: file.fileName,
    rows,
    rejected: rejected.length,
    onDuplicate: options.onDuplicate,
    enroll: (created, at, batchId) => dialing.engine.enrollCreated(created, at, batchId),
    requeue: (leadIds, at) => dialing.maintenance.refreshLeads(leadIds, at),
    onProgress: (written, total) => progress('writing', written, total),
  });
  const changed = [...written.created, ...written.mergedInto];
  if (changed.length > 0) {
    events.emit('leads:changed', changed.length <= MAX_CHANGED_IDS ? { ids: changed } : {});
    events.emit('queue:changed', { reason: 'enrollment' });
  }
  progress('done', done, done);
  return { imported: written.imported, merged: written.merged, skipped: written.skipped, rejected };
};
