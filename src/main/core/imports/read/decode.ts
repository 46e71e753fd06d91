import { isUtf8 } from 'node:buffer';
import type { Encoding } from '@shared/api/imports';
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { AppError } from '../../errors';

const SAMPLE_BYTES = 64 * 1024;
/** Stretches of the file searched for non-ASCII lines; each gives at most its share of the sample. */
const STRIPES = 64;

const LOOK_BACK = 256;

/**
 * Where the line holding `at` starts, or `floor` when that is further back: the bytes between
 * `floor` and `at` are ASCII, so starting there splits no character.
 */
const startOfLine = (bytes: Buffer, at: number, floor: number): number => {
  for (let i = at - 1; i >= floor; i--) if (bytes[i] === 0x0a || bytes[i] === 0x0d) return i + 1;
  return floor;
};

const endOfLine = (bytes: Buffer, from: number, limit: number): number => {
  const end = Math.min(bytes.length, limit);
  for (let i = from; i < end; i++) if (bytes[i] === 0x0a || bytes[i] === 0x0d) return i + 1;
  return end;
};

/**
 * The lines that hold non-ASCII bytes, gathered from every part of the file (up to 64 KB in all,
 * an equal share from each of 64 stretches), so a file whose first thousands of rows are plain
 * ASCII is still judged by its names and companies. Lines are cut at \n, which is never the
 * second byte of a GB18030 or CP949 character, so no character is split.
 */
export const nonAsciiSample = (bytes: Buffer): Buffer => {
  const share = Math.ceil(SAMPLE_BYTES / STRIPES);
  const stripe = Math.max(share, Math.ceil(bytes.length / STRIPES));
  const parts: Buffer[] = [];
  let done = 0;
  for (let from = 0; from < bytes.length; from += stripe) {
    const end = Math.min(bytes.length, from + stripe);
    // A stretch starts on a line start, never inside a character.
    let at = from === 0 ? 0 : Math.max(done, from > done ? endOfLine(bytes, from, end) : done);
    let taken = 0;
    while (at < end && taken < share) {
      let high = at;
      while (high < end && (bytes[high] as number) < 0x80) high++;
      if (high >= end) break;
      const start = startOfLine(bytes, high, Math.max(at, high - LOOK_BACK));
      const lineEnd = endOfLine(bytes, high, high + share);
      const line = bytes.subarray(start, Math.min(lineEnd, start + share));
      parts.push(line);
      taken += line.length;
      at = lineEnd;
    }
    done = Math.max(done, at);
  }
  return Buffer.concat(parts);
};

const bomOf = (bytes: Buffer): Encoding | undefined => {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
};

/** UTF-16 saved without a byte-order mark: mostly-ASCII text leaves every other byte zero. */
const utf16WithoutBom = (sample: Buffer): Encoding | undefined => {
  let evenZeros = 0;
  let oddZeros = 0;
  const pairs = Math.floor(sample.length / 2);
  for (let i = 0; i < pairs * 2; i += 2) {
    if (sample[i] === 0) evenZeros++;
    if (sample[i + 1] === 0) oddZeros++;
  }
  if (pairs < 2) return undefined;
  if (oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05) return 'utf-16be';
  return undefined;
};

const unreadable = (fileName: string, detail: string): AppError =>
  new AppError(
    'import_unreadable',
    `Dialdeck can't read "${fileName}" as text: ${detail}. If it is a spreadsheet, open it in your spreadsheet app, save it as "CSV UTF-8 (comma delimited)", and import that file.`,
  );

/** Legacy single-byte text has lone high bytes (é between ASCII letters); CJK encodings pair them. */
const mostlyLoneHighBytes = (sample: Buffer): boolean => {
  let high = 0;
  let lone = 0;
  for (let i = 0; i < sample.length; i++) {
    const byte = sample[i] as number;
    if (byte < 0x80) continue;
    high++;
    const next = sample[i + 1] ?? 0;
    if (next < 0x80) lone++;
    else i++;
  }
  return high > 0 && lone / high > 0.5;
};

/**
 * Korean (EUC-KR / CP949) writes Hangul with lead bytes B0–C8; Chinese (GB2312 / GBK / GB18030)
 * uses leads up to F7 for common characters, so a fair share of leads above C8 means Chinese.
 */
const looksChinese = (sample: Buffer): boolean => {
  let pairs = 0;
  let highLeads = 0;
  for (let i = 0; i < sample.length - 1; i++) {
    const lead = sample[i] as number;
    if (lead < 0x81) continue;
    const trail = sample[i + 1] as number;
    pairs++;
    if (lead > 0xc8 && trail >= 0xa1) highLeads++;
    i++;
  }
  return pairs > 0 && highLeads / pairs > 0.05;
};

const UNSUPPORTED = new Set([
  'windows-1251',
  'KOI8-R',
  'ISO-8859-5',
  'Shift_JIS',
  'EUC-JP',
  'Big5',
  'ISO-2022-JP',
]);

/**
 * Guesses a file's encoding: a byte-order mark decides; else valid UTF-8 is UTF-8; else
 * UTF-16 without a mark, or one of the legacy encodings spreadsheets save in (GB18030 for
 * Chinese, CP949 for Korean, Windows-1252 for Western European), by chardet's statistics when
 * it is confident and by byte patterns when it is not.
 */
export const detectEncoding = (bytes: Buffer, fileName: string): Encoding => {
  const bom = bomOf(bytes);
  if (bom) return bom;
  const sample = bytes.subarray(0, SAMPLE_BYTES);
  const utf16 = utf16WithoutBom(sample);
  if (utf16) return utf16;
  if (sample.includes(0)) throw unreadable(fileName, 'it holds binary data');
  if (isUtf8(bytes)) return 'utf-8';
  // Judged on the lines with non-ASCII bytes wherever they are, not on the first rows.
  const text = nonAsciiSample(bytes);
  return legacyEncoding(text.length > 0 ? text : sample, fileName);
};

/** Picks the legacy encoding of text that is not UTF-8, from its non-ASCII lines. */
const legacyEncoding = (sample: Buffer, fileName: string): Encoding => {
  const best = chardet.analyse(sample)[0];
  if (best && best.confidence >= 50 && UNSUPPORTED.has(best.name)) {
    throw unreadable(fileName, `it seems to be in ${best.name}, which Dialdeck does not read`);
  }
  if (mostlyLoneHighBytes(sample)) return 'windows-1252';
  if (best && best.confidence >= 50 && best.name === 'GB18030') return 'gb18030';
  if (best && best.confidence >= 50 && best.name === 'EUC-KR') return 'cp949';
  return looksChinese(sample) ? 'gb18030' : 'cp949';
};

/** Decodes the file's bytes, dropping a byte-order mark. */
export const decodeBytes = (bytes: Buffer, encoding: Encoding): string => {
  const bom = bomOf(bytes);
  switch (encoding) {
    case 'utf-8':
      return bytes.toString('utf8', bom === 'utf-8' ? 3 : 0);
    case 'utf-16le':
      return bytes.toString('utf16le', bom === 'utf-16le' ? 2 : 0);
    case 'utf-16be': {
      const body = bytes.subarray(bom === 'utf-16be' ? 2 : 0);
      const swapped = Buffer.from(body.subarray(0, body.length - (body.length % 2)));
      return swapped.swap16().toString('utf16le');
    }
    default:
      return iconv.decode(bytes, encoding);
  }
};

/** Control characters and replacement marks: a few are noise, many mean the wrong encoding. */
export const checkReadable = (text: string, fileName: string, encoding: Encoding): void => {
  const sample = text.slice(0, SAMPLE_BYTES);
  let bad = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0xfffd || (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || (c >= 0x7f && c < 0xa0))
      bad++;
  }
  if (bad > 8 && bad > sample.length * 0.01) {
    throw unreadable(fileName, `it does not read as ${encoding} text (try another encoding)`);
  }
};
