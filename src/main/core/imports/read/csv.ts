import type { Delimiter } from '@shared/api/imports';
import Papa from 'papaparse';

/** One record of the file: its cells and the physical line (1-based) it starts on. */
export type CsvRecord = {
  line: number;
  fields: string[];
  /** Set when the record's quotes are broken; it may then run over many lines. */
  quoteError?: 'unterminated_quote' | 'malformed_quotes';
  /** Physical lines the record spans. */
  lines: number;
};

/** Line breaks inside a cell: \r\n, \n and a lone \r each end one physical line. */
const breaksIn = (cell: string): number => {
  let breaks = 0;
  let at = cell.indexOf('\n');
  while (at >= 0) {
    breaks++;
    at = cell.indexOf('\n', at + 1);
  }
  at = cell.indexOf('\r');
  while (at >= 0) {
    if (cell.charCodeAt(at + 1) !== 10) breaks++;
    at = cell.indexOf('\r', at + 1);
  }
  return breaks;
};

export const isBlank = (record: CsvRecord): boolean => record.fields.every((cell) => cell.trim() === '');

/** A row with fewer cells than the header, or more that are not empty (a trailing delimiter is fine). */
export const isRagged = (fields: readonly string[], width: number): boolean =>
  fields.length < width || (fields.length > width && fields.slice(width).some((cell) => cell.trim() !== ''));

export type ReadCsvOptions = {
  /** Characters parsed between two yields to the event loop. */
  chunkSize?: number;
  /** Called with each chunk of records; the reader waits for it and then yields. */
  onRecords: (records: CsvRecord[]) => void | Promise<void>;
};

const nextTick = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Reads CSV text record by record with papaparse, in chunks, yielding to the event loop between
 * chunks so a large file does not stall the app. Quoted cells may hold delimiters, quotes and line
 * breaks; each record carries the physical line it starts on, counting the breaks inside cells.
 */
export const readCsv = async (text: string, delimiter: Delimiter, options: ReadCsvOptions): Promise<void> => {
  let line = 1;
  let failure: unknown;
  await new Promise<void>((resolve, reject) => {
    Papa.parse<string[]>(text, {
      delimiter,
      skipEmptyLines: false,
      chunkSize: options.chunkSize ?? 128 * 1024,
      chunk: (results: Papa.ParseResult<string[]>, parser: Papa.Parser) => {
        const errors = new Map<number, CsvRecord['quoteError']>();
        for (const error of results.errors) {
          if (error.row === undefined) continue;
          if (error.code === 'MissingQuotes') errors.set(error.row, 'unterminated_quote');
          else if (error.code === 'InvalidQuotes' && !errors.has(error.row))
            errors.set(error.row, 'malformed_quotes');
        }
        const records: CsvRecord[] = new Array(results.data.length);
        for (let i = 0; i < results.data.length; i++) {
          const fields = results.data[i] as string[];
          let breaks = 0;
          for (const cell of fields) if (cell.length > 0) breaks += breaksIn(cell);
          const quoteError = errors.get(i);
          records[i] = quoteError
            ? { line, fields, lines: breaks + 1, quoteError }
            : { line, fields, lines: breaks + 1 };
          line += breaks + 1;
        }
        parser.pause();
        Promise.resolve(options.onRecords(records))
          .then(nextTick)
          .then(() => parser.resume())
          .catch((error: unknown) => {
            failure = error;
            parser.abort();
          });
      },
      complete: () => (failure ? reject(failure) : resolve()),
      error: (error: Error) => reject(error),
    });
  });
};
