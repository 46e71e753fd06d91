import type {
  ImportOptions,
  ImportProgress,
  ImportSummary,
  ImportWarning,
  RejectedRow,
} from '@shared/api/imports';
import { isSupportedCountry } from 'libphonenumber-js';
import type { z } from 'zod';
import type { CoreContext } from '../context';
import { AppError } from '../errors';
import { readSettings } from '../settings/repo';
import { suggestMapping } from './map/headers';
import { createRowNormalizer, type ImportedLead } from './normalize/row';
import { isBlank, isRagged, readCsv } from './read/csv';
import { checkRagged, decodeFile, inspectFile } from './read/inspect';
import { quoteRejection } from './read/quotes';
import type { HeldFile } from './session';
import { writeImport } from './write/writer';

type RunOptions = z.output<typeof ImportOptions>;
type Phase = ImportProgress['phase'];

/** Leads:changed lists ids only for small imports; a large one tells the renderer to reload. */
const MAX_CHANGED_IDS = 1_000;

/** Reads the file again with the run's encoding, delimiter and header row, if they differ from the preview's. */
const readForRun = async (
  file: HeldFile,
  options: RunOptions,
  progress: (phase: Phase, done: number, total: number) => void,
) => {
  const { inspection } = file;
  const encoding = options.encoding ?? inspection.encoding;
  const delimiter = options.delimiter ?? inspection.delimiter;
  const headerRow = options.headerRow ?? inspection.headerLine;
  if (
    encoding === inspection.encoding &&
    delimiter === inspection.delimiter &&
    headerRow === inspection.headerLine
  ) {
    return { inspection, text: decodeFile(file.bytes, file.fileName, encoding).text };
  }
  const { text, ...again } = await inspectFile(
    file.bytes,
    file.fileName,
    { encoding, delimiter, headerRow },
    (done) => progress('reading', done, 0),
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
  if (!isSupportedCountry(region)) {
    throw new AppError(
      'invalid_input',
      `"${region}" is not a country whose phone numbers Dialdeck can read. Use a two-letter ISO country code such as US, GB, CN or KR.`,
      undefined,
      { value: region },
    );
  }
  const normalize = createRowNormalizer(headers, mapping, region, {
    direction: options.direction,
    sourceChannel: options.sourceChannel,
    overrideColumns: options.overrideColumns,
  });

  const rows: ImportedLead[] = [];
  const rejected: RejectedRow[] = [];
  const warnings: ImportWarning[] = [];
  let done = 0;
  let ragged = 0;
  progress('checking', 0, rowCount);
  await readCsv(text, inspection.delimiter, {
    onRecords: (records) => {
      for (const record of records) {
        // Title lines and notes above the header are not leads.
        if (record.line <= inspection.headerLine || isBlank(record)) continue;
        done++;
        if (record.quoteError) {
          ragged++;
          rejected.push(quoteRejection(record, inspection.delimiter));
          continue;
        }
        if (isRagged(record.fields, headers.length)) ragged++;
        const result = normalize(record.fields, record.line);
        if (result.ok) {
          rows.push(result.lead);
          for (const warning of result.warnings) warnings.push(warning);
        } else rejected.push(result.rejection);
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
  return {
    imported: written.imported,
    merged: written.merged,
    skipped: written.skipped,
    rejected,
    warnings,
  };
};
