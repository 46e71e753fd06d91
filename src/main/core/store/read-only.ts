import { existsSync, readFileSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { Db } from './db';

/** Bytes 18 and 19 of an SQLite header: the file format versions, 2 for WAL, 1 for a rollback journal. */
const WRITE_VERSION_OFFSET = 18;
const READ_VERSION_OFFSET = 19;
const ROLLBACK_JOURNAL = 1;

const sizeOf = (path: string): number => {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
};

/** Opens `make()` and reads the schema once, so a store SQLite cannot read here fails now. */
const tryOpen = (make: () => Db): Db | null => {
  let db: Db | undefined;
  try {
    db = make();
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    return db;
  } catch {
    db?.close();
    return null;
  }
};

/**
 * Opens the store at `file` for reading only, for when it cannot be written here (a read-only file,
 * folder or disk). A store in WAL mode needs its `-shm` index, which SQLite can neither create in a
 * read-only folder nor, in this build (no URI filenames, so no `immutable=1`), do without; so:
 * 1. SQLite's own read-only open, which works when the `-wal` and `-shm` files are there
 *    (https://www.sqlite.org/wal.html#readonly);
 * 2. otherwise, when no committed data waits in a `-wal` file, the file's bytes deserialized into
 *    memory with the header marked as a rollback-journal database (https://www.sqlite.org/fileformat.html,
 *    offsets 18–19) — the same pages, read as they are on disk, never written back.
 * Returns null when neither can read it (a non-empty `-wal` without its `-shm`: reading the main file
 * alone would miss committed writes). Every write on the result fails with SQLITE_READONLY.
 */
export const openReadOnly = (file: string, nativeBinding?: string): Db | null => {
  const binding = nativeBinding ? { nativeBinding } : {};
  const direct = tryOpen(() => new Database(file, { ...binding, readonly: true, fileMustExist: true }));
  if (direct) return direct;
  if (existsSync(`${file}-wal`) && sizeOf(`${file}-wal`) > 0) return null;
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return null;
  }
  if (bytes.length > READ_VERSION_OFFSET) {
    bytes[WRITE_VERSION_OFFSET] = ROLLBACK_JOURNAL;
    bytes[READ_VERSION_OFFSET] = ROLLBACK_JOURNAL;
  }
  return tryOpen(() => new Database(bytes, { ...binding, readonly: true }));
};
