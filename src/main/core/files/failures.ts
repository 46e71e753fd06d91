import { dirname } from 'node:path';
import type { ErrorCode } from '@shared/api';
import { AppError } from '../errors';

/** The failures of a file the user names (an import's input, an export's target, the data folder). */
export type FileFailureCode = Extract<
  ErrorCode,
  | 'file_not_found'
  | 'file_folder_not_found'
  | 'file_is_directory'
  | 'file_permission_denied'
  | 'file_read_only'
  | 'file_disk_full'
  | 'file_io_error'
  | 'data_dir_not_directory'
>;

/**
 * The core's English wording of each failure; `{path}` is the file or folder concerned. The interface
 * shows `errors.codes.<code>` in the user's language with the same `path` param.
 */
const MESSAGES: Record<FileFailureCode, (path: string) => string> = {
  file_not_found: (path) =>
    `There is no file at ${path}. Check the path and its spelling (a relative path is taken from the current folder), then try again.`,
  file_folder_not_found: (path) =>
    `There is no folder at ${path}, so nothing was written. Create it or choose a path in a folder that exists, then try again.`,
  file_is_directory: (path) =>
    `${path} is a folder, not a file. Give the path of a file (for an export, a new file name inside that folder), then try again.`,
  file_permission_denied: (path) =>
    `Dialdeck has no permission to use ${path}. Give your user access to it (and to its folder), or choose another path, then try again.`,
  file_read_only: (path) =>
    `${path} is read-only (the file, its folder or its disk), so nothing was written. Make it writable or choose another path, then try again.`,
  file_disk_full: (path) =>
    `The disk that holds ${path} is full, so nothing was written and no partial file was left. Free some space on that disk or choose another, then try again.`,
  file_io_error: (path) =>
    `Dialdeck could not read or write ${path}: the disk reported an input/output error. Check that the disk or network drive is connected and healthy, then try again.`,
  data_dir_not_directory: (path) =>
    `${path} is a file where Dialdeck expects its data folder. Move that file away, or choose another data folder with --data-dir or DIALDECK_DATA_DIR, then try again.`,
};

/** The AppError for a failure of the file or folder at `path`: its code, its English message and `{ path }`. */
export const fileFailure = (code: FileFailureCode, path: string): AppError =>
  new AppError(code, MESSAGES[code](path), undefined, { path });

const codeOf = (error: unknown): string | undefined =>
  typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string'
    ? error.code
    : undefined;

/** What was being done to the file: reading the user's input or writing where the user asked. */
export type FileUse = 'read' | 'write';

/**
 * Turns Node's file-system error (errno names, errno(3)) while reading or writing the user's `path`
 * into its `file_*` AppError; null for anything else. A missing path is the file itself when reading
 * and its folder when writing (ENOENT from open(2) with O_CREAT means a folder on the way is missing).
 */
export const translateFileFailure = (error: unknown, path: string, use: FileUse): AppError | null => {
  if (error instanceof AppError) return error;
  switch (codeOf(error)) {
    case 'ENOENT':
    case 'ENOTDIR':
      return use === 'read'
        ? fileFailure('file_not_found', path)
        : fileFailure('file_folder_not_found', dirname(path));
    case 'EISDIR':
      return fileFailure('file_is_directory', path);
    case 'EACCES':
    case 'EPERM':
      return fileFailure('file_permission_denied', path);
    case 'EROFS':
      return fileFailure('file_read_only', path);
    case 'ENOSPC':
    case 'EDQUOT':
    case 'EFBIG':
      return fileFailure('file_disk_full', path);
    case 'EIO':
      return fileFailure('file_io_error', path);
    default:
      return null;
  }
};
