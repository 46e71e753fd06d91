import type { Delimiter } from '@shared/api/imports';
import Papa from 'papaparse';

/** One record of the file: its cells and the physical line (1-based) it starts on. */
export type CsvRecord = {
  line: number;
  fields: string[];
  /**
   * Set when the record's quotes are broken. Such a record is cut back to its first line (its
   * cells split as if the quote were plain text) and reading goes on with the next line, so a
   * stray quote costs one lead, never the rows after it.
   */
  quoteError?: 'unterminated_quote' | 'malformed_quotes';
  /** Physical lines the record spans. */
  lines: number;
};

/**
 * One line break for every kind a file may mix: \r\n (Windows), \n (Unix) and a lone \r (classic
 * Mac, some exporters) each end one physical line. Cells keep their breaks as \n.
 */
export const unifyLineBreaks = (text: string): string =>
  text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;

const occurrences = (text: string, part: string): number => {
  let count = 0;
  for (let at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length)) count++;
  return count;
};

/**
 * True when every \n that is not part of a \r\n comes after an odd number of quotes, that is inside
 * a quoted cell: how spreadsheets write a line break within a cell of a \r\n file. A stray quote
 * inside an unquoted cell can make this wrong; the rows it joins are then refused as ragged, never
 * dropped without a word.
 */
const loneBreaksQuoted = (text: string): boolean => {
  let quotes = 0;
  let quote = text.indexOf('"');
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) {
    if (text.charCodeAt(at - 1) === 13) continue;
    while (quote >= 0 && quote < at) {
      quotes++;
      quote = text.indexOf('"', quote + 1);
    }
    if (quotes % 2 === 0) return false;
  }
  return true;
};

/**
 * The text to parse and its one line break. A file with only \n, or only \r\n between rows (with
 * \n inside quoted cells, as spreadsheets write them), is read as it is: the common case, and no
 * copy of a large file. Any other mix is unified to \n first.
 */
const withOneLineBreak = (text: string): { text: string; newline: '\n' | '\r\n' } => {
  const cr = occurrences(text, '\r');
  if (cr === 0) return { text, newline: '\n' };
  if (cr === occurrences(text, '\r\n') && loneBreaksQuoted(text)) return { text, newline: '\r\n' };
  return { text: unifyLineBreaks(text), newline: '\n' };
};

/** Line breaks inside a cell; in the text given to the parser every break holds one \n. */
const breaksIn = (cell: string): number => {
  let breaks = 0;
  let at = cell.indexOf('\n');
  while (at >= 0) {
    breaks++;
    at = cell.indexOf('\n', at + 1);
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

/** Finds where physical lines start, walking forward from the last line asked for. */
const lineStarts = (text: string) => {
  let line = 1;
  let offset = 0;
  return (target: number): number => {
    while (line < target && offset >= 0) {
      const next = text.indexOf('\n', offset);
      offset = next < 0 ? -1 : next + 1;
      line++;
    }
    return offset < 0 ? text.length : offset;
  };
};

/** The cells of one physical line, quotes taken as plain text: what a broken record shows. */
const plainCells = (text: string, start: number, delimiter: Delimiter): string[] => {
  const end = text.indexOf('\n', start);
  const line = text.slice(start, end < 0 ? text.length : end);
  return (line.endsWith('\r') ? line.slice(0, -1) : line).split(delimiter);
};

/**
 * The most text one record may hold while a quote is open. A spreadsheet cell holds at most
 * 32,767 characters (Excel's specifications and limits), so a record still open after 1 MiB is a
 * quote that is never closed. Bounding it also bounds papaparse's work: it re-reads an open record
 * with every chunk, which on a 60 MB file with a stray quote near the top takes minutes.
 */
const MAX_OPEN_RECORD = 1024 * 1024;

/** Where to read on after a record with broken quotes; undefined when the pass reached the end. */
type Pass = { restartAt?: number };

/** Parses from `startLine` to the end, or to the first record whose quotes are broken across lines. */
const readPass = (
  text: string,
  newline: '\n' | '\r\n',
  startOffset: number,
  startLine: number,
  delimiter: Delimiter,
  options: ReadCsvOptions,
  offsetOf: (line: number) => number,
): Promise<Pass> => {
  let line = startLine;
  let failure: unknown;
  let pass: Pass = {};
  const input = startOffset === 0 ? text : text.slice(startOffset);
  const chunkSize = options.chunkSize ?? 128 * 1024;
  let fed = 0;
  return new Promise<Pass>((resolve, reject) => {
    Papa.parse<string[]>(input, {
      delimiter,
      newline,
      quoteChar: '"',
      skipEmptyLines: false,
      chunkSize,
      chunk: (results: Papa.ParseResult<string[]>, parser: Papa.Parser) => {
        fed = Math.min(input.length, fed + chunkSize);
        const errors = new Map<number, CsvRecord['quoteError']>();
        for (const error of results.errors) {
          if (error.row === undefined) continue;
          if (error.code === 'MissingQuotes') errors.set(error.row, 'unterminated_quote');
          else if (error.code === 'InvalidQuotes' && !errors.has(error.row))
            errors.set(error.row, 'malformed_quotes');
        }
        const records: CsvRecord[] = [];
        for (let i = 0; i < results.data.length; i++) {
          const fields = results.data[i] as string[];
          let breaks = 0;
          for (const cell of fields) if (cell.length > 0) breaks += breaksIn(cell);
          const quoteError = errors.get(i);
          if (quoteError && breaks > 0) {
            // The quote ran over line breaks: keep its first line as the broken record, read on after it.
            records.push({ line, fields: plainCells(text, offsetOf(line), delimiter), lines: 1, quoteError });
            pass = { restartAt: line + 1 };
            break;
          }
          records.push(
            quoteError ? { line, fields, lines: 1, quoteError } : { line, fields, lines: breaks + 1 },
          );
          line += breaks + 1;
        }
        // The cursor stays where the open record starts until its quote closes.
        if (
          pass.restartAt === undefined &&
          fed < input.length &&
          fed - results.meta.cursor > MAX_OPEN_RECORD
        ) {
          const fields = plainCells(text, offsetOf(line), delimiter);
          records.push({ line, fields, lines: 1, quoteError: 'unterminated_quote' });
          pass = { restartAt: line + 1 };
        }
        parser.pause();
        Promise.resolve(options.onRecords(records))
          .then(nextTick)
          .then(() => (pass.restartAt === undefined ? parser.resume() : parser.abort()))
          .catch((error: unknown) => {
            failure = error;
            parser.abort();
          });
      },
      complete: () => (failure ? reject(failure) : resolve(pass)),
      error: (error: Error) => reject(error),
    });
  });
};

/**
 * Reads CSV text record by record with papaparse, in chunks, yielding to the event loop between
 * chunks so a large file does not stall the app. Quoted cells may hold delimiters, quotes and line
 * breaks; line breaks may be \r\n, \n and \r mixed in one file (then cells hold their breaks as \n). Each record carries the physical
 * line it starts on, counting the breaks inside cells. A quote that is never closed, or that closes
 * lines later with text after it, marks its first line as broken and reading resumes on the next
 * line, so the rows after it are still read.
 */
export const readCsv = async (text: string, delimiter: Delimiter, options: ReadCsvOptions): Promise<void> => {
  const { text: unified, newline } = withOneLineBreak(text);
  const offsetOf = lineStarts(unified);
  let startLine = 1;
  let startOffset = 0;
  for (;;) {
    const pass = await readPass(unified, newline, startOffset, startLine, delimiter, options, offsetOf);
    if (pass.restartAt === undefined) return;
    startLine = pass.restartAt;
    startOffset = offsetOf(startLine);
    if (startOffset >= unified.length) return;
  }
};
