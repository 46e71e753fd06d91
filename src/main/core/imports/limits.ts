import { MAX_UPLOAD_BYTES } from '@shared/api/limits';
import { AppError } from '../errors';

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
