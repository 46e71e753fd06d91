import Papa from 'papaparse';

export type CsvCell = string | number | boolean | null;

/**
 * A cell a spreadsheet would run as a formula (CSV injection) starts with `=`, `+`, `-`, `@`, a tab,
 * CR or LF (OWASP, "CSV Injection", https://owasp.org/www-community/attacks/CSV_Injection); numbers
 * are written as they are (a negative number is a value, not a formula).
 */
const FORMULA_START = /^[=+\-@\t\r\n]/;

const cellOf = (cell: CsvCell): string | number | boolean => {
  if (cell === null) return '';
  if (typeof cell !== 'string') return cell;
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
};

/**
 * A report as CSV text (RFC 4180 via papaparse, CRLF line ends), UTF-8 with a byte-order mark so
 * spreadsheets read Chinese and Korean names: one header row, then `rows` in order; text cells that
 * would start a formula are written with a leading `'`. Empty cells are null values.
 */
export const toCsv = (header: readonly string[], rows: readonly (readonly CsvCell[])[]): string =>
  `\uFEFF${Papa.unparse({ fields: [...header], data: rows.map((row) => row.map(cellOf)) }, { newline: '\r\n' })}\r\n`;
