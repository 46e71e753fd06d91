import { z } from 'zod';

/**
 * The largest file Dialdeck takes in one upload (a lead import): 100 MiB, about a million leads as CSV.
 * The one source for every size check: the wizard (before reading the file), the CLI (before reading
 * it), the contract's base64 fields, and the web host's largest WebSocket message.
 */
export const MAX_UPLOAD_BYTES = 100 * 1024 * 1024;

/** Characters of the base64 text (RFC 4648, padded) of `bytes` bytes: 4 for every started 3. */
export const base64Length = (bytes: number): number => 4 * Math.ceil(bytes / 3);

/** The longest base64 text the contract accepts: the encoding of a MAX_UPLOAD_BYTES file. */
export const MAX_UPLOAD_BASE64_CHARS = base64Length(MAX_UPLOAD_BYTES);

/** Room around the largest upload in one request message: its id, method, file name and options. */
const REQUEST_ENVELOPE_BYTES = 64 * 1024;

/** The web host's largest accepted WebSocket message, in bytes: the largest upload and its envelope. */
export const MAX_REQUEST_BYTES = MAX_UPLOAD_BASE64_CHARS + REQUEST_ENVELOPE_BYTES;

const megabytes = (bytes: number): string => `${Math.ceil(bytes / (1024 * 1024))} MB`;

/**
 * A file's bytes as base64 text, at most MAX_UPLOAD_BASE64_CHARS long. A longer one fails the
 * contract's validation (`invalid_input`) before anything is decoded, with a message that says what to do.
 */
export const Base64Upload = z.string().max(MAX_UPLOAD_BASE64_CHARS, {
  error: `The file is larger than ${megabytes(MAX_UPLOAD_BYTES)}, the most Dialdeck takes at once. Split it into smaller files and import them one by one.`,
});
