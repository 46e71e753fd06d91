import { accessSync, constants, existsSync, statfsSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import type { ErrorCode } from '@shared/api';
import { AppError } from '../errors';

/** The storage failures a user can meet, each with its own stable code. */
export type StoreFailureCode = Extract<
  ErrorCode,
  | 'store_disk_full'
  | 'store_read_only'
  | 'store_busy'
  | 'store_corrupt'
  | 'store_not_a_database'
  | 'store_permission_denied'
  | 'store_empty_file'
  | 'store_io_error'
>;

/**
 * The core's English wording of each failure; `{path}` is the file or folder concerned. The interface
 * shows `errors.codes.<code>` in the user's language with the same `path` param.
 */
const MESSAGES: Record<StoreFailureCode, (path: string) => string> = {
  store_disk_full: (path) =>
    `The disk that holds ${path} is full, so nothing from this action was saved. Free some space on that disk, then try again.`,
  store_read_only: (path) =>
    `Dialdeck cannot write to ${path}: the file, its folder or its disk is read-only. Make it writable (or choose another data folder with --data-dir or DIALDECK_DATA_DIR), then try again.`,
  store_busy: (path) =>
    `${path} is locked by another program (another Dialdeck window, the CLI, or a backup or sync tool), so nothing from this action was saved. Wait for it to finish or close it, then try again.`,
  store_corrupt: (path) =>
    `${path} is damaged, so Dialdeck left it untouched. Restore it from a backup, or move it aside to start an empty store, and keep the damaged copy for recovery.`,
  store_not_a_database: (path) =>
    `${path} is not a Dialdeck store (it is not an SQLite database). Move that file out of the data folder, or choose another data folder with --data-dir.`,
  store_permission_denied: (path) =>
    `Dialdeck has no permission to open ${path}. Give your user read and write access to it and its folder, then try again.`,
  store_empty_file: (path) =>
    `${path} is empty (0 bytes) where a store should be: its data may have been lost by a failed copy or a sync tool. Restore it from a backup; to start an empty store instead, delete the file.`,
  store_io_error: (path) =>
    `Dialdeck could not read or write ${path}: the disk reported an input/output error. Check that the disk or network drive is connected and healthy, then try again.`,
};

/** The AppError for a storage failure at `path`: its code, its English message and `{ path }`. */
export const storeFailure = (code: StoreFailureCode, path: string): AppError =>
  new AppError(code, MESSAGES[code](path), undefined, { path });

/** Said after a failure that left an import's unpublished rows behind (params `cleanup: 'next_open'`). */
const CLEANUP_PENDING =
  'The rows this import had written so far could not be removed yet either: no list or queue shows them, and Dialdeck removes them the next time it opens the store with room to write.';

/**
 * A failure during an import after which removing the rows it had written failed too (the disk was
 * still full, say): `failure` is what stopped the import, `cleanupFailure` what stopped the removal.
 */
export class CleanupPending extends Error {
  constructor(
    readonly failure: unknown,
    readonly cleanupFailure: unknown,
  ) {
    super(failure instanceof Error ? failure.message : String(failure));
    this.name = 'CleanupPending';
  }
}

/** `failure` with the sentence and param that say the import's rows wait for the next open. */
const withCleanupPending = (failure: AppError): AppError =>
  new AppError(failure.code, `${failure.message} ${CLEANUP_PENDING}`, failure.details, {
    ...failure.params,
    cleanup: 'next_open',
  });

/** SQLite's result codes (better-sqlite3's `SqliteError.code`, e.g. SQLITE_BUSY_SNAPSHOT) by family. */
const SQLITE_FAMILIES: ReadonlyArray<[prefix: string, code: StoreFailureCode | 'diagnose']> = [
  ['SQLITE_FULL', 'store_disk_full'],
  ['SQLITE_READONLY', 'store_read_only'],
  ['SQLITE_BUSY', 'store_busy'],
  ['SQLITE_LOCKED', 'store_busy'],
  ['SQLITE_CORRUPT', 'store_corrupt'],
  ['SQLITE_NOTADB', 'store_not_a_database'],
  ['SQLITE_PERM', 'store_permission_denied'],
  ['SQLITE_IOERR', 'store_io_error'],
  ['SQLITE_CANTOPEN', 'diagnose'],
];

/** Node's file-system error codes (errno names) that mean the same failures. */
const FS_CODES: Readonly<Record<string, StoreFailureCode>> = {
  ENOSPC: 'store_disk_full',
  EDQUOT: 'store_disk_full',
  EROFS: 'store_read_only',
  EACCES: 'store_permission_denied',
  EPERM: 'store_permission_denied',
  EIO: 'store_io_error',
};

const codeOf = (error: unknown): string | undefined =>
  typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string'
    ? error.code
    : undefined;

const pathOf = (error: unknown): string | undefined =>
  typeof error === 'object' && error !== null && 'path' in error && typeof error.path === 'string'
    ? error.path
    : undefined;

/** Below this much free space, an I/O error is taken for a full disk. */
const NEARLY_FULL_BYTES = 1_048_576;

/** True when the file system holding `file` has (almost) no space left for this user. */
const isNearlyFull = (file: string): boolean => {
  try {
    const { bavail, bsize } = statfsSync(existingFolder(dirname(file)));
    return bavail * bsize < NEARLY_FULL_BYTES;
  } catch {
    return false;
  }
};

/** The errno name `access(2)` gives for `path` and `mode`, or null when access is granted. */
const accessError = (path: string, mode: number): string | null => {
  try {
    accessSync(path, mode);
    return null;
  } catch (error) {
    return codeOf(error) ?? 'EIO';
  }
};

/** The nearest folder at or above `path` that exists. */
const existingFolder = (path: string): string => {
  let dir = path;
  while (!existsSync(dir) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
};

/**
 * Why SQLite could not open `file` (SQLITE_CANTOPEN says only that it could not): asks the file
 * system about the file and the folder it needs for its write-ahead log. A folder we may read but not
 * write, or any EROFS, is read-only; a file or folder we may not read is permission denied.
 */
export const diagnoseCannotOpen = (file: string): { code: StoreFailureCode; path: string } => {
  const { R_OK, W_OK, X_OK } = constants;
  if (existsSync(file)) {
    const denied = accessError(file, R_OK | W_OK);
    if (denied === 'EROFS') return { code: 'store_read_only', path: file };
    if (denied)
      return { code: accessError(file, R_OK) ? 'store_permission_denied' : 'store_read_only', path: file };
  }
  const folder = existingFolder(dirname(file));
  if (accessError(folder, R_OK | X_OK)) return { code: 'store_permission_denied', path: folder };
  const denied = accessError(folder, W_OK);
  if (denied)
    return {
      code: denied === 'EROFS' || denied === 'EACCES' ? 'store_read_only' : 'store_permission_denied',
      path: folder,
    };
  return { code: isNearlyFull(file) ? 'store_disk_full' : 'store_io_error', path: file };
};

/**
 * Turns an SQLite or file-system failure into the AppError a user can act on, naming `storeFile`
 * (or, for a file-system error, the path it names). Returns null for anything else, which stays an
 * unexpected error. A `CleanupPending` keeps the code of what stopped the import and adds that its
 * rows wait for the next open (params `cleanup: 'next_open'`).
 * SQLite result codes: https://www.sqlite.org/rescode.html; errno names: errno(3).
 */
export const translateStoreFailure = (error: unknown, storeFile: string): AppError | null => {
  if (error instanceof AppError) return error;
  if (error instanceof CleanupPending) {
    const known =
      translateStoreFailure(error.failure, storeFile) ??
      translateStoreFailure(error.cleanupFailure, storeFile);
    return known ? withCleanupPending(known) : null;
  }
  const code = codeOf(error);
  if (code === undefined) return null;
  if (code.startsWith('SQLITE_')) {
    const family = SQLITE_FAMILIES.find(([prefix]) => code === prefix || code.startsWith(`${prefix}_`))?.[1];
    if (family === undefined) return null;
    if (family === 'diagnose') {
      const found = diagnoseCannotOpen(storeFile);
      return storeFailure(found.code, found.path);
    }
    // A full disk can surface as an I/O error, e.g. SQLITE_IOERR_SHMSIZE when the shared-memory
    // file of the write-ahead log cannot grow.
    if (family === 'store_io_error' && isNearlyFull(storeFile))
      return storeFailure('store_disk_full', storeFile);
    return storeFailure(family, storeFile);
  }
  const fsCode = FS_CODES[code];
  return fsCode ? storeFailure(fsCode, pathOf(error) ?? storeFile) : null;
};

/** True when `file` exists and holds no bytes: a store that was there has been emptied. */
export const isEmptyFile = (file: string): boolean => {
  try {
    const info = statSync(file);
    return info.isFile() && info.size === 0;
  } catch {
    return false;
  }
};
