import { MAX_UPLOAD_BYTES } from '@shared/api/limits';
import { AppError } from '../errors';
import type { SharedBytes } from './worker/protocol';

/** The largest file Dialdeck imports: the shared upload limit. A CSV of this size holds about a million leads. */
export const MAX_IMPORT_BYTES = MAX_UPLOAD_BYTES;

const megabytes = (bytes: number): string => `${Math.ceil(bytes / (1024 * 1024)).toLocaleString('en')} MB`;

export const tooLarge = (fileName: string, bytes: number): AppError =>
  new AppError(
    'import_too_large',
    `"${fileName}" is ${megabytes(bytes)}; Dialdeck imports files up to ${megabytes(MAX_IMPORT_BYTES)}. Split it into smaller files and import them one by one.`,
  );

/** The size of the bytes a base64 text decodes to, without decoding it. */
export const base64Size = (text: string): number => {
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  return Math.floor((text.length * 3) / 4) - padding;
};

/** Base64 characters decoded per turn of the event loop (a multiple of 4: about 3 MB of bytes, a few ms). */
const DECODE_SLICE = 4 * 1024 * 1024;

/**
 * Decodes an upload's base64 text into shared memory a slice per turn of the event loop, so a 30 MB
 * file never holds the host for long and the import threads read the bytes without a copy. Text with
 * line breaks or spaces (which shift the slices) is decoded in one go instead, as Buffer does it.
 */
export const decodeBase64 = async (text: string): Promise<SharedBytes> => {
  const buffer = new SharedArrayBuffer(Math.max(0, base64Size(text)));
  const view = Buffer.from(buffer);
  let length = 0;
  for (let from = 0; from < text.length; from += DECODE_SLICE) {
    const slice = text.slice(from, from + DECODE_SLICE);
    const last = from + DECODE_SLICE >= text.length;
    const wrote = view.write(slice, length, 'base64');
    length += wrote;
    if (!last && wrote !== (slice.length / 4) * 3) return decodeWhole(text);
    if (!last) await new Promise((done) => setImmediate(done));
  }
  return { buffer, length };
};

const decodeWhole = (text: string): SharedBytes => {
  const bytes = Buffer.from(text, 'base64');
  const buffer = new SharedArrayBuffer(bytes.length);
  bytes.copy(Buffer.from(buffer));
  return { buffer, length: bytes.length };
};
