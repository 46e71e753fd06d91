import type { Delimiter, RejectedRow } from '@shared/api/imports';
import type { CsvRecord } from './csv';

/**
 * The rejection for a record whose quotes are broken: one lead, on the line where the quote opens.
 * The reader has cut the record back to that line, so the rows after it are read as usual.
 * Codes: `unterminated_quote`, `malformed_quotes` (translated under `rejectReasons`); `params.value`
 * is the start of the line as the file has it (up to 80 characters).
 */
export const quoteRejection = (record: CsvRecord, delimiter: Delimiter): RejectedRow => {
  const text = record.fields.join(delimiter);
  const params = { value: text.length > 80 ? `${text.slice(0, 79)}…` : text };
  return record.quoteError === 'unterminated_quote'
    ? {
        line: record.line,
        column: null,
        code: 'unterminated_quote',
        message: `A quoted cell that starts on line ${record.line} is never closed, so this row was left out; the rows after it were read as usual. Close the quote (or remove it) and import this row again.`,
        params,
      }
    : {
        line: record.line,
        column: null,
        code: 'malformed_quotes',
        message:
          'A quoted cell on this line has text after its closing quote, so this row was left out. Put the whole cell in quotes and double any quote inside it ("").',
        params,
      };
};
