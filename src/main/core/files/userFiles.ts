import { accessSync, constants, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { AppError } from '../errors';
import { fileFailure, translateFileFailure } from './failures';

const statOf = (path: string) => {
  try {
    return statSync(path);
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') return undefined;
    throw translateFileFailure(error, path, 'read') ?? error;
  }
};

/**
 * The size in bytes of the file the user named, checked before a byte of it is read.
 * Throws AppError `file_not_found`, `file_is_directory`, `file_permission_denied` or `file_io_error`
 * naming `path`.
 */
export const userFileSize = (path: string): number => {
  const info = statOf(path);
  if (!info) throw fileFailure('file_not_found', path);
  if (info.isDirectory()) throw fileFailure('file_is_directory', path);
  return info.size;
};

/** Reads the whole file the user named. Throws the same codes as `userFileSize`. */
export const readUserFile = (path: string): Buffer => {
  userFileSize(path);
  try {
    return readFileSync(path);
  } catch (error) {
    throw translateFileFailure(error, path, 'read') ?? error;
  }
};

/** True when the process may write into `folder` (root may, whatever its mode says). */
const canWrite = (path: string): boolean => {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
};

/**
 * Writes `data` to the file the user named, whole or not at all: beside it as `<path>.partial`, then
 * renamed over it, so an interrupted or failed write never leaves half a file nor a partial one.
 * Throws AppError `file_folder_not_found` (naming the folder), `file_is_directory`,
 * `file_permission_denied`, `file_read_only`, `file_disk_full` or `file_io_error` naming `path`.
 */
export const writeUserFile = (path: string, data: string | Buffer): void => {
  const folder = statOf(dirname(path));
  if (!folder) throw fileFailure('file_folder_not_found', dirname(path));
  if (!folder.isDirectory()) throw fileFailure('file_folder_not_found', dirname(path));
  if (!canWrite(dirname(path))) throw fileFailure('file_read_only', path);
  const target = statOf(path);
  if (target?.isDirectory()) throw fileFailure('file_is_directory', path);
  // A file its owner made read-only stays so: renaming over it would go around that.
  if (target && !canWrite(path)) throw fileFailure('file_read_only', path);
  const partial = `${path}.partial`;
  try {
    writeFileSync(partial, data);
    renameSync(partial, path);
  } catch (error) {
    try {
      rmSync(partial, { force: true });
    } catch {
      // The disk refused this too; the failure reported below is the one to act on.
    }
    const known = translateFileFailure(error, path, 'write');
    if (known instanceof AppError) throw known;
    throw error;
  }
};

/**
 * The file that stands where `folder` or one of the folders above it should be (the first one that
 * exists, going up), or undefined when the path is clear: a data folder there cannot be made.
 */
export const fileInPlaceOfFolder = (folder: string): string | undefined => {
  for (let path = folder; ; path = dirname(path)) {
    let info: ReturnType<typeof statSync> | undefined;
    try {
      info = statSync(path);
    } catch {
      info = undefined;
    }
    if (info) return info.isDirectory() ? undefined : path;
    if (dirname(path) === path) return undefined;
  }
};
