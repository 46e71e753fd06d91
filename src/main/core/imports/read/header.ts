import { AppError } from '../../errors';
import { fieldForHeader } from '../map/headers';
import type { CsvRecord } from './csv';
import { dominantWidth } from './delimiter';

/** Rows near the top where the header is looked for. */
const HEADER_WINDOW = 15;

const filled = (record: CsvRecord): number => record.fields.filter((cell) => cell.trim() !== '').length;

const knownFields = (record: CsvRecord): number =>
  record.fields.filter((cell) => fieldForHeader(cell.trim()) !== null).length;

/**
 * Finds the header among the first non-blank records of a file, skipping title lines and notes
 * above it. `head` is the file's first non-blank records (40 or more when the file has them).
 *
 * The rule: the rows' common width W is the most frequent number of cells. A header candidate is
 * one of the first 15 rows with unbroken quotes and at least max(2, W/2) filled cells (1 for a
 * one-column file); a title line or a note fills one or two. Among candidates, the one whose
 * cells name the most known lead fields (Name, Phone, Email, 电话, 이름…) wins, the earliest on a
 * tie; when none names a field, the first candidate. Without candidates, the first record.
 */
export const findHeader = (head: readonly CsvRecord[]): CsvRecord | undefined => {
  const width = dominantWidth(head.map((record) => record.fields.length));
  const needed = width >= 2 ? Math.max(2, Math.ceil(width / 2)) : 1;
  const candidates = head
    .slice(0, HEADER_WINDOW)
    .filter((record) => !record.quoteError && filled(record) >= needed);
  let best: CsvRecord | undefined;
  let bestKnown = 0;
  for (const record of candidates) {
    const known = knownFields(record);
    if (known > bestKnown) [best, bestKnown] = [record, known];
  }
  return best ?? candidates[0] ?? head[0];
};

/**
 * The record that starts on the physical line the user chose as the header.
 * Raises `invalid_input` when no row starts there (a blank line, the inside of a multi-line cell,
 * or past the end), naming the lines that do hold rows.
 */
export const chosenHeader = (head: readonly CsvRecord[], line: number, fileName: string): CsvRecord => {
  const record = head.find((candidate) => candidate.line === line);
  if (record && !record.quoteError) return record;
  const first = head[0]?.line ?? 1;
  throw new AppError(
    'invalid_input',
    `No row of "${fileName}" starts on line ${line.toLocaleString('en')}${record ? ' that can be read (a quote in it is never closed)' : ''}. Choose the line that names the columns, for example line ${first.toLocaleString('en')}.`,
  );
};
