import type { Delimiter, Encoding, PreviewRow, RejectedRow } from '@shared/api/imports';
import { AppError } from '../../errors';
import { fieldForHeader } from '../map/headers';
import { isEmail } from '../normalize/email';
import { type CsvRecord, isBlank, isRagged, readCsv } from './csv';
import { checkReadable, decodeBytes, detectEncoding } from './decode';
import { chooseDelimiter, readSepHint } from './delimiter';
import { chosenHeader, findHeader } from './header';
import { quoteRejection } from './quotes';
import { refuseMarkup, refuseOtherFormats } from './sniff';

export const SAMPLE_ROWS = 20;
/** Rows with non-ASCII text shown besides the first rows, to judge the decoding. */
const TEXT_ROWS = 5;
/** Rows of the top of the file shown to choose the header from (more when the header is lower). */
const TOP_ROWS = 12;
/** Non-blank records read before the header is chosen. */
const HEAD_RECORDS = 40;
const MAX_WARNINGS = 100;

/** What a first read of a file found: how to read it, its header, and how many rows it holds. */
export type Inspection = {
  encoding: Encoding;
  delimiter: Delimiter;
  headers: string[];
  headerLine: number;
  sampleRows: string[][];
  rowCount: number;
  raggedCount: number;
  topRows: PreviewRow[];
  textRows: PreviewRow[];
  warnings: RejectedRow[];
  warningCount: number;
};

export type ReadOptions = { encoding?: Encoding; delimiter?: Delimiter; headerRow?: number };

/**
 * The decoded text of a file, checked to be readable text that is not another format. A `sep=X`
 * first line is blanked (line numbers stay physical) and its delimiter returned as `hinted`.
 */
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
  const hint = readSepHint(text);
  return { text: hint.text, encoding: chosen, hinted: hint.delimiter };
};

const NON_ASCII = /[^\p{ASCII}]/u;
const hasNonAscii = (cells: readonly string[]): boolean => cells.some((cell) => NON_ASCII.test(cell));

/**
 * The user's delimiter, else the one a `sep=` line names, else the detected one. A `sep=` line that
 * does not split the file where another delimiter does is set aside for detection.
 */
const pickDelimiter = (text: string, fileName: string, chosen?: Delimiter, hinted?: Delimiter) => {
  if (chosen || !hinted) return chooseDelimiter(text, fileName, chosen);
  try {
    return chooseDelimiter(text, fileName, hinted);
  } catch {
    return chooseDelimiter(text, fileName);
  }
};

const rowOf = (record: CsvRecord): PreviewRow => ({ line: record.line, cells: record.fields });

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
 * Reads the whole file once to find its encoding, delimiter (a `sep=X` first line decides unless
 * the user chose one) and header row (found past title lines and notes, or the physical line
 * `options.headerRow`), a sample of rows, rows with non-ASCII text, rows whose quotes are broken
 * and the row count, refusing files Dialdeck cannot import with a code that says why
 * (`import_empty_file`, `import_not_csv`, `import_unreadable`, `import_wrong_delimiter`,
 * `import_no_header`, `import_ragged_rows`; `invalid_input` for a header row where none starts).
 */
export const inspectFile = async (
  bytes: Buffer,
  fileName: string,
  options: ReadOptions,
  onProgress?: (done: number) => void,
): Promise<Inspection & { text: string }> => {
  const { text, encoding, hinted } = decodeFile(bytes, fileName, options.encoding);
  const { delimiter } = pickDelimiter(text, fileName, options.delimiter, hinted);
  const head: CsvRecord[] = [];
  let header: CsvRecord | undefined;
  const sampleRows: string[][] = [];
  const textRows: PreviewRow[] = [];
  const warnings: RejectedRow[] = [];
  let warningCount = 0;
  let rowCount = 0;
  let raggedCount = 0;
  const take = (record: CsvRecord, width: number) => {
    rowCount++;
    if (record.quoteError) {
      raggedCount++;
      warningCount++;
      if (warnings.length < MAX_WARNINGS) warnings.push(quoteRejection(record, delimiter));
      return;
    }
    if (isRagged(record.fields, width)) raggedCount++;
    if (sampleRows.length < SAMPLE_ROWS) sampleRows.push(record.fields);
    else if (textRows.length < TEXT_ROWS && hasNonAscii(record.fields)) textRows.push(rowOf(record));
  };
  const settle = (): CsvRecord | undefined => {
    const found =
      options.headerRow === undefined ? findHeader(head) : chosenHeader(head, options.headerRow, fileName);
    if (found) for (const record of head) if (record.line > found.line) take(record, found.fields.length);
    return found;
  };
  await readCsv(text, delimiter, {
    onRecords: (records) => {
      for (const record of records) {
        if (isBlank(record)) continue;
        if (header) {
          take(record, header.fields.length);
          continue;
        }
        head.push(record);
        if (head.length >= HEAD_RECORDS && record.line >= (options.headerRow ?? 0)) header = settle();
      }
      onProgress?.(rowCount);
    },
  });
  if (!header) header = settle();
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
      `Line ${header.line.toLocaleString('en')} of "${fileName}" looks like a lead, not column names. Add a header row (Name, Company, Phone, Email…) and import it again.`,
    );
  }
  if (rowCount === 0) {
    throw new AppError('import_empty_file', `"${fileName}" has a header row but no leads under it.`);
  }
  checkRagged(fileName, raggedCount, rowCount);
  const headerAt = head.indexOf(header);
  const topRows = head.slice(0, Math.max(TOP_ROWS, headerAt + 4)).map(rowOf);
  return {
    text,
    encoding,
    delimiter,
    headers,
    headerLine: header.line,
    sampleRows,
    rowCount,
    raggedCount,
    topRows,
    textRows,
    warnings,
    warningCount,
  };
};
