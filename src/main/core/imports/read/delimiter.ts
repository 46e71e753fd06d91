import type { Delimiter } from '@shared/api/imports';
import Papa from 'papaparse';
import { AppError } from '../../errors';
import { unifyLineBreaks } from './csv';

const SAMPLE_CHARS = 64 * 1024;
const READ: readonly Delimiter[] = [',', ';', '\t', '|'];
/** Delimiters some tools write that Dialdeck does not read, so it can say what it found. */
const FOREIGN = ['^', '~'] as const;

const describe = (delimiter: string): string =>
  delimiter === '\t'
    ? 'tabs'
    : delimiter === ','
      ? 'commas'
      : delimiter === ';'
        ? 'semicolons'
        : `"${delimiter}"`;

const sampleOf = (text: string): string => {
  const head = unifyLineBreaks(text.slice(0, SAMPLE_CHARS + 1));
  if (head.length <= SAMPLE_CHARS) return head;
  const cut = head.lastIndexOf('\n', SAMPLE_CHARS);
  return head.slice(0, cut > 0 ? cut : SAMPLE_CHARS);
};

/** Cells in each of the first rows with this delimiter. */
const widths = (sample: string, delimiter: string): number[] =>
  Papa.parse<string[]>(sample, { delimiter, newline: '\n', preview: 40, skipEmptyLines: true }).data.map(
    (row) => row.length,
  );

/** The most common number of cells, the larger on a tie. */
export const dominantWidth = (counts: readonly number[]): number => {
  const tally = new Map<number, number>();
  for (const count of counts) tally.set(count, (tally.get(count) ?? 0) + 1);
  let best = 0;
  let seen = 0;
  for (const [width, times] of tally) {
    if (times > seen || (times === seen && width > best)) [best, seen] = [width, times];
  }
  return best;
};

/**
 * A delimiter splits well when most rows get the same number of cells (2 or more). The common
 * width is used rather than the first row's, so title lines above the header do not hide it.
 */
const consistency = (counts: number[]): number => {
  const width = dominantWidth(counts);
  if (width < 2) return 0;
  const same = counts.filter((count) => count === width).length;
  return same / counts.length + width / 1000;
};

/** The columns a delimiter gives: the common width of the first rows. */
const columnsOf = (counts: number[]): number => dominantWidth(counts) || 1;

export type DelimiterChoice = { delimiter: Delimiter; columns: number };

/**
 * Finds the delimiter (comma, semicolon, tab or pipe) that splits the first rows most consistently, or
 * checks the one the user chose. A file that only splits on another mark, or not at all when the
 * user's choice fails where another works, is refused with import_wrong_delimiter.
 */
export const chooseDelimiter = (text: string, fileName: string, chosen?: Delimiter): DelimiterChoice => {
  const sample = sampleOf(text);
  const scored = READ.map((delimiter) => ({ delimiter, counts: widths(sample, delimiter) }))
    .map((entry) => ({ ...entry, score: consistency(entry.counts) }))
    .sort((a, b) => b.score - a.score);
  const best = scored[0];
  if (chosen) {
    const mine = scored.find((entry) => entry.delimiter === chosen);
    const columns = mine ? columnsOf(mine.counts) : 1;
    if (columns < 2 && best && best.score > 0.5 && best.delimiter !== chosen) {
      throw new AppError(
        'import_wrong_delimiter',
        `"${fileName}" has its columns separated by ${describe(best.delimiter)}, not ${describe(chosen)}. Choose ${describe(best.delimiter)} as the delimiter, or let Dialdeck detect it.`,
      );
    }
    return { delimiter: chosen, columns };
  }
  if (best && best.score > 0.5) return { delimiter: best.delimiter, columns: columnsOf(best.counts) };
  for (const mark of FOREIGN) {
    if (consistency(widths(sample, mark)) > 0.5) {
      throw new AppError(
        'import_wrong_delimiter',
        `"${fileName}" has its columns separated by ${describe(mark)}. Dialdeck reads columns separated by commas, semicolons, tabs or pipes: save the file as CSV from your spreadsheet app and import that file.`,
      );
    }
  }
  // One column, or no consistent split: read it with commas and let the header checks explain.
  return {
    delimiter: best && best.score > 0 ? best.delimiter : ',',
    columns: best ? columnsOf(best.counts) : 1,
  };
};

const SEP_HINT = /^sep=(\\t|.)[ \t]*(?:\r\n|\n|\r|$)/i;
const HINTED: Record<string, Delimiter> = { ',': ',', ';': ';', '\t': '\t', '\\t': '\t', '|': '|' };

/**
 * A spreadsheet's `sep=X` first line (Excel writes and reads it; the text here is decoded, its
 * byte-order mark gone) names the delimiter: `sep=,` `sep=;` `sep=|`, and a tab as `sep=\t` or
 * `sep=` and a tab character. The line is blanked, not removed, so line numbers stay physical.
 * A hint naming a mark Dialdeck does not read is blanked too and the delimiter is detected.
 */
export const readSepHint = (text: string): { text: string; delimiter?: Delimiter } => {
  const hint = SEP_HINT.exec(text);
  if (!hint) return { text };
  const breakAt = hint[0].search(/[\r\n]/);
  const rest = text.slice(breakAt < 0 ? hint[0].length : breakAt);
  return { text: rest, delimiter: HINTED[hint[1] as string] };
};
