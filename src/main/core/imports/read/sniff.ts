import { AppError } from '../../errors';

/** Signatures of the files people most often pick by mistake instead of a CSV. */
const SIGNATURES: readonly [bytes: readonly number[], what: string][] = [
  [[0x50, 0x4b, 0x03, 0x04], 'an Excel workbook (.xlsx), an OpenDocument or Numbers file, or a zip archive'],
  [[0x50, 0x4b, 0x05, 0x06], 'an empty zip archive'],
  [
    [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
    'an Excel 97–2003 workbook (.xls) or another Office file',
  ],
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
  [[0x47, 0x49, 0x46, 0x38], 'a GIF image'],
  [[0x25, 0x50, 0x44, 0x46], 'a PDF document'],
  [[0x1f, 0x8b], 'a gzip archive'],
  [[0x37, 0x7a, 0xbc, 0xaf], 'a 7-Zip archive'],
  [[0x52, 0x61, 0x72, 0x21], 'a RAR archive'],
  [[0x7b, 0x5c, 0x72, 0x74, 0x66], 'an RTF document'],
  [[0x53, 0x51, 0x4c, 0x69, 0x74, 0x65, 0x20, 0x66], 'an SQLite database'],
];

const startsWith = (bytes: Uint8Array, signature: readonly number[]): boolean =>
  bytes.length >= signature.length && signature.every((byte, i) => bytes[i] === byte);

export const notCsv = (fileName: string, what: string): AppError =>
  new AppError(
    'import_not_csv',
    `"${fileName}" is ${what}, not a CSV file. Open it in your spreadsheet app, save it as "CSV UTF-8 (comma delimited)", and import that file.`,
  );

/** Refuses files that are plainly another format, before any decoding. */
export const refuseOtherFormats = (bytes: Uint8Array, fileName: string): void => {
  for (const [signature, what] of SIGNATURES) if (startsWith(bytes, signature)) throw notCsv(fileName, what);
};

/** Refuses decoded text that is markup rather than rows (spreadsheet XML, saved web pages). */
export const refuseMarkup = (text: string, fileName: string): void => {
  const head = text.slice(0, 200).trimStart().toLowerCase();
  if (head.startsWith('<?xml') || head.startsWith('<!doctype html') || head.startsWith('<html')) {
    throw notCsv(fileName, 'an XML or web page file');
  }
};
