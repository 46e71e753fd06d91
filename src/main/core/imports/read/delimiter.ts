import type { Delimiter } from '@shared/api/imports';
import Papa from 'papaparse';
import { AppError } from '../../errors';

const SAMPLE_CHARS = 64 * 1024;
const READ: readonly Delimiter[] = [',', ';', '\t'];
/** Delimiters some tools write that Dialdeck does not read, so it can say what it found. */
const FOREIGN = ['|', '^', '~'] as const;

const describe = (delimiter: string): string =>
  delimiter === '\t'
    ? 'tabs'
    : delimiter === ','
      ? 'commas'
      : delimiter === ';'
        ? 'semicolons'
        : `"${delimiter}"`;

const sampleOf = (text: string): string => {
  if (text.length <= SAMPLE_CHARS) return text;
  const cut = text.lastIndexOf('\n', SAMPLE_CHARS);
  return text.slice(0, cut > 0 ? cut : SAMPLE_CHARS);
};

/** Cells in each of the first rows with this delimiter. */
const widths = (sample: string, delimiter: string): number[] =>
  Papa.parse<string[]>(sample, { delimiter, preview: 30, skipEmptyLines: true }).data.map(
    (row) => row.length,
  );

/** A delimiter splits well when the header and most rows get the same number of cells (2 or more). */
const consistency = (counts: number[]): number => {
  const header = counts[0] ?? 0;
  if (header < 2) return 0;
  const same = counts.filter((count) => count === header).length;
  return same / counts.length + header / 1000;
};

export type DelimiterChoice = { delimiter: Delimiter; columns: number };

/**
 * Finds the delimiter (comma, semicolon or tab) that splits the first rows most consistently, or
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
    const columns = mine?.counts[0] ?? 1;
    if (columns < 2 && best && best.score > 0.5 && best.delimiter !== chosen) {
      throw new AppError(
        'import_wrong_delimiter',
        `"${fileName}" has its columns separated by ${describe(best.delimiter)}, not ${describe(chosen)}. Choose ${describe(best.delimiter)} as the delimiter, or let Dialdeck detect it.`,
      );
    }
    return { delimiter: chosen, columns };
  }
  if (best && best.score > 0.5) return { delimiter: best.delimiter, columns: best.counts[0] ?? 1 };
  for (const mark of FOREIGN) {
    if (consistency(widths(sample, mark)) > 0.5) {
      throw new AppError(
        'import_wrong_delimiter',
        `"${fileName}" has its columns separated by ${describe(mark)}. Dialdeck reads columns separated by commas, semicolons or tabs: save the file as CSV from your spreadsheet app and import that file.`,
      );
    }
  }
  // One column, or no consistent split: read it with commas and let the header checks explain.
  return { delimiter: best && best.score > 0 ? best.delimiter : ',', columns: best?.counts[0] ?? 1 };
};
