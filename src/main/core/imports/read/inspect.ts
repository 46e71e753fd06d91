import type { Delimiter, Encoding } from '@shared/api/imports';
import { AppError } from '../../errors';
import { fieldForHeader } from '../map/headers';
import { isEmail } from '../normalize/email';
import { type CsvRecord, isBlank, isRagged, readCsv } from './csv';
import { checkReadable, decodeBytes, detectEncoding } from './decode';
import { chooseDelimiter } from './delimiter';
import { refuseMarkup, refuseOtherFormats } from './sniff';

export const SAMPLE_ROWS = 20;

/** What a first read of a file found: how to read it, its header, and how many rows it holds. */
export type Inspection = {
  encoding: Encoding;
  delimiter: Delimiter;
  headers: string[];
  headerLine: number;
  sampleRows: string[][];
  rowCount: number;
  raggedCount: number;
};

export type ReadOptions = { encoding?: Encoding; delimiter?: Delimiter };

/** The decoded text of a file, checked to be readable text that is not another format. */
export const decodeFile = (bytes: Buffer, fileName: string, encoding?: Encoding) => {
  if (bytes.length === 0) {
    throw new AppError(
      'import_empty_file',
      `"${fileName}" is empty. Export your leads again and import that file.`,
    );
  }
  refuseOtherFormats(bytes, fileName);
  const chosen = encoding ?? detectEncoding(bytes, fileName);
  const text = decodeBytes(bytes, chosen);
  checkReadable(text, fileName, chosen);
  refuseMarkup(text, fileName);
  if (text.trim() === '') {
    throw new AppError(
      'import_empty_file',
      `"${fileName}" has no rows. Export your leads again and import that file.`,
    );
  }
  return { text, encoding: chosen };
};

/** A first row made of addresses and numbers is a lead, not column names. */
const looksLikeData = (cells: readonly string[]): boolean =>
  cells.some(
    (cell) =>
      isEmail(cell.trim()) || (cell.replace(/\D/g, '').length >= 7 && /^[+\d\s().\-/]+$/.test(cell.trim())),
  );

/** Refuses a file whose rows mostly disagree with its header about the number of cells. */
export const checkRagged = (fileName: string, ragged: number, rows: number): void => {
  if (rows > 0 && ragged * 2 > rows) {
    throw new AppError(
      'import_ragged_rows',
      `${ragged.toLocaleString('en')} of the ${rows.toLocaleString('en')} rows in "${fileName}" have a different number of cells than the header row. Check that the file uses one delimiter throughout and that quoted cells are closed, then import it again.`,
    );
  }
};

/**
 * Reads the whole file once to find its encoding, delimiter and header, a sample of rows and the
 * row count, refusing files Dialdeck cannot import with a code that says why.
 */
export const inspectFile = async (
  bytes: Buffer,
  fileName: string,
  options: ReadOptions,
  onProgress?: (done: number) => void,
): Promise<Inspection & { text: string }> => {
  const { text, encoding } = decodeFile(bytes, fileName, options.encoding);
  const { delimiter } = chooseDelimiter(text, fileName, options.delimiter);
  let header: CsvRecord | undefined;
  const sampleRows: string[][] = [];
  let rowCount = 0;
  let raggedCount = 0;
  await readCsv(text, delimiter, {
    onRecords: (records) => {
      for (const record of records) {
        if (isBlank(record)) continue;
        if (!header) {
          header = record;
          continue;
        }
        rowCount++;
        if (record.quoteError || isRagged(record.fields, header.fields.length)) raggedCount++;
        if (sampleRows.length < SAMPLE_ROWS) sampleRows.push(record.fields);
      }
      onProgress?.(rowCount);
    },
  });
  if (!header || header.quoteError) {
    throw new AppError(
      'import_no_header',
      `"${fileName}" has no readable header row. The first line should name the columns (Name, Company, Phone, Email…).`,
    );
  }
  const headers = header.fields.map((cell) => cell.trim());
  if (!headers.some((name) => fieldForHeader(name)) && looksLikeData(headers)) {
    throw new AppError(
      'import_no_header',
      `The first line of "${fileName}" looks like a lead, not column names. Add a header row (Name, Company, Phone, Email…) and import it again.`,
    );
  }
  if (rowCount === 0) {
    throw new AppError('import_empty_file', `"${fileName}" has a header row but no leads under it.`);
  }
  checkRagged(fileName, raggedCount, rowCount);
  return { text, encoding, delimiter, headers, headerLine: header.line, sampleRows, rowCount, raggedCount };
};
