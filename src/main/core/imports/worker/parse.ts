import type { ImportWarning, RejectedRow } from '@shared/api/imports';
import { AppError } from '../../errors';
import { createRowNormalizer, type ImportedLead } from '../normalize/row';
import { isBlank, isRagged, readCsv } from '../read/csv';
import { checkRagged, decodeFile, inspectFile } from '../read/inspect';
import { quoteRejection } from '../read/quotes';
import type { JobProgress, ParseJob, ParseResult, RowsMessage } from './protocol';

/** Accepted rows sent to the writing thread in one message (a few milliseconds of its work). */
const ROWS_PER_MESSAGE = 1_000;

/** Reads the file again with the run's encoding, delimiter and header row, if they differ from the preview's. */
const readForRun = async (job: ParseJob, progress: (p: JobProgress) => void) => {
  const { inspection, read, fileName } = job;
  const bytes = Buffer.from(job.bytes.buffer, 0, job.bytes.length);
  if (
    read.encoding === inspection.encoding &&
    read.delimiter === inspection.delimiter &&
    read.headerRow === inspection.headerLine
  ) {
    return { inspection, text: decodeFile(bytes, fileName, read.encoding).text };
  }
  const { text, ...again } = await inspectFile(bytes, fileName, read, (done) =>
    progress({ phase: 'reading', done, total: 0 }),
  );
  return { inspection: again, text };
};

/**
 * The parsing side of an import (runs on the reading thread): decodes the held bytes, checks the
 * column mapping against the header, reads and normalises every row and sends the accepted ones, in
 * file order, to the writing thread over `job.rows` while it goes on reading, so parsing the next rows
 * overlaps writing the last ones. Ends the port with `end` when the file is accepted, or `abort` when
 * it is refused (`invalid_input`, `import_no_name_column`, `import_ragged_rows` and the reading codes
 * of inspectFile), which it then throws. Returns how many rows it read and those it rejected or warned
 * about.
 */
export const parseRows = async (job: ParseJob, progress: (p: JobProgress) => void): Promise<ParseResult> => {
  const send = (message: RowsMessage) => job.rows.postMessage(message);
  try {
    const result = await readAll(job, progress, (rows) => send({ type: 'rows', rows }));
    send({ type: 'end', rejected: result.rejected.length });
    return result;
  } catch (error) {
    send({ type: 'abort' });
    throw error;
  } finally {
    job.rows.close();
  }
};

const readAll = async (
  job: ParseJob,
  progress: (p: JobProgress) => void,
  sendRows: (rows: ImportedLead[]) => void,
): Promise<ParseResult> => {
  progress({ phase: 'reading', done: 0, total: 0 });
  const { inspection, text } = await readForRun(job, progress);
  const { headers, rowCount } = inspection;
  const { mapping, fileName } = job;
  if (mapping.length !== headers.length) {
    throw new AppError(
      'invalid_input',
      `The column mapping has ${mapping.length} entries but the file has ${headers.length} columns. Map each column once (null leaves it out).`,
    );
  }
  if (!mapping.some((field) => field === 'name' || field === 'firstName' || field === 'lastName')) {
    throw new AppError(
      'import_no_name_column',
      `No column of "${fileName}" holds the lead's name. Name a column "Name" (or "First name" and "Last name"), or map one by hand, and import again.`,
    );
  }
  const normalize = createRowNormalizer(headers, mapping, job.region, job.origin);

  let batch: ImportedLead[] = [];
  const rejected: RejectedRow[] = [];
  const warnings: ImportWarning[] = [];
  let done = 0;
  let ragged = 0;
  let accepted = 0;
  progress({ phase: 'checking', done: 0, total: rowCount });
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
          batch.push(result.lead);
          accepted++;
          for (const warning of result.warnings) warnings.push(warning);
          if (batch.length >= ROWS_PER_MESSAGE) {
            sendRows(batch);
            batch = [];
          }
        } else rejected.push(result.rejection);
      }
      progress({ phase: 'checking', done, total: rowCount });
    },
  });
  if (batch.length > 0) sendRows(batch);
  // Rows already sent are only written into the unpublished batch, which the refusal discards.
  checkRagged(fileName, ragged, done);
  return { checked: done, accepted, rejected, warnings };
};
