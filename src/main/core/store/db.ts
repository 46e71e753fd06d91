import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../errors';
import { fileFailure } from '../files/failures';
import { fileInPlaceOfFolder } from '../files/userFiles';
import { discardAbandonedBatches } from '../imports/write/batches';
import { diagnoseCannotOpen, isEmptyFile, storeFailure, translateStoreFailure } from './failures';
import { migrations } from './migrations';
import { openReadOnly } from './read-only';

export type Db = Database.Database;

/** One schema step: brings the store from version N - 1 to N. */
export type Migration = (db: Db) => void;

export type OpenStoreOptions = {
  /** Path to a better-sqlite3 addon built for another runtime (the Electron host passes its own). */
  nativeBinding?: string;
  /** Stop after this schema version (tests of a single migration start from the previous one). */
  targetVersion?: number;
};

export const LATEST_SCHEMA_VERSION = migrations.length;

/** The schema version that added import batches (migration 004). */
const IMPORT_BATCHES_VERSION = 4;

/**
 * SQLite's own checkpoint runs inside whichever commit takes the write-ahead log past this many pages,
 * adding its copies and fsyncs to that commit. Call outcomes are checkpointed between calls instead
 * (outcomes/checkpoint.ts), so this is only a backstop, at a log of about 40 MB.
 */
const AUTO_CHECKPOINT_PAGES = 10_000;

export const schemaVersion = (db: Db): number => db.pragma('user_version', { simple: true }) as number;

/** Refuses a store written by a newer Dialdeck before anything touches it. */
const assertKnownVersion = (db: Db, latest: number): void => {
  const current = schemaVersion(db);
  if (current > latest) {
    throw new AppError(
      'store_newer_version',
      `This data was written by a newer version of Dialdeck (schema ${current}; this version knows up to ${latest}). Update Dialdeck to open it.`,
    );
  }
};

/**
 * Opens (creating if needed) the lead store and brings its schema up to date.
 * WAL with synchronous=FULL: an acknowledged write survives a power cut.
 * Throws AppError `store_newer_version`, or a storage failure (`store_disk_full`, `store_read_only`,
 * `store_busy`, `store_corrupt`, `store_not_a_database`, `store_permission_denied`,
 * `store_empty_file`, `store_io_error`) whose message names the path; the file is left as it was.
 * A file where the data folder should be is `data_dir_not_directory`, naming that file. A store that
 * exists but cannot be written here opens read-only: reads work, writes fail as `store_read_only`.
 */
export const openStore = (file: string, options: OpenStoreOptions = {}): Db => {
  if (file === ':memory:') return openAndMigrate(file, options);
  const blocking = fileInPlaceOfFolder(dirname(file));
  if (blocking) throw fileFailure('data_dir_not_directory', blocking);
  // SQLite would take an emptied file for a new store and write an empty schema over the loss.
  if (isEmptyFile(file)) throw storeFailure('store_empty_file', file);
  try {
    mkdirSync(dirname(file), { recursive: true });
  } catch (error) {
    const found = diagnoseCannotOpen(file);
    throw translateStoreFailure(error, file) ?? storeFailure(found.code, found.path);
  }
  const existed = existsSync(file);
  try {
    return openAndMigrate(file, options);
  } catch (error) {
    // A store this call began and could not write (a full disk) must not stay behind as an empty
    // file, which the next open would take for a store whose data was lost.
    if (!existed) removeUnwritten(file);
    const failure = translateStoreFailure(error, file);
    if (existed && failure?.code === 'store_read_only') return openForReading(file, options, failure);
    throw failure ?? error;
  }
};

/**
 * A store that cannot be written here is still read (leads, queue, why, export): opened read-only
 * (store/read-only.ts), so every write fails as `store_read_only`. Throws `readOnlyFailure` when
 * SQLite cannot read it so, or when its schema is older than this version's (updating it is a write),
 * and `store_newer_version` for a newer one.
 */
const openForReading = (file: string, options: OpenStoreOptions, readOnlyFailure: AppError): Db => {
  const db = openReadOnly(file, options.nativeBinding);
  if (!db) throw readOnlyFailure;
  try {
    assertKnownVersion(db, LATEST_SCHEMA_VERSION);
    if (schemaVersion(db) < (options.targetVersion ?? LATEST_SCHEMA_VERSION)) throw readOnlyFailure;
    db.pragma('foreign_keys = ON');
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
};

/** Removes `file` and its write-ahead log files if SQLite never wrote a byte of the store into it. */
const removeUnwritten = (file: string): void => {
  if (!isEmptyFile(file)) return;
  try {
    for (const path of [file, `${file}-wal`, `${file}-shm`]) rmSync(path, { force: true });
  } catch {
    // The disk refused this too; the failure being reported already says what to do.
  }
};

/** The settings every connection to the store runs with (see openStore). */
const configure = (db: Db): void => {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma(`wal_autocheckpoint = ${AUTO_CHECKPOINT_PAGES}`);
};

/**
 * A further connection to a store `openStore` already opened and brought up to date in this process
 * (an import thread's own connection): the same settings, no migrations, no clean-up of abandoned
 * imports. Throws AppError `store_newer_version` when the schema is not the one this code knows, and
 * SQLite's errors as they are (the caller's guard translates them).
 */
export const openConnection = (file: string, options: Pick<OpenStoreOptions, 'nativeBinding'> = {}): Db => {
  const db = new Database(file, {
    fileMustExist: true,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
  try {
    assertKnownVersion(db, LATEST_SCHEMA_VERSION);
    configure(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
};

const openAndMigrate = (file: string, options: OpenStoreOptions): Db => {
  const db = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  try {
    // Checked first: switching the journal mode would already rewrite a newer store's header.
    assertKnownVersion(db, LATEST_SCHEMA_VERSION);
    configure(db);
    migrate(db, options.targetVersion ?? LATEST_SCHEMA_VERSION);
    // An import whose process died leaves rows no reader sees; they go before anything else runs.
    if (schemaVersion(db) >= IMPORT_BATCHES_VERSION) discardLeftBatches(db, file);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
};

/**
 * Discards abandoned import batches. Where the store cannot take that write now (a full disk, a
 * read-only or damaged file, another writer), the rows stay as they are — no reader sees them — and
 * the store still opens, so the leads it holds can be read; a later open removes them.
 */
const discardLeftBatches = (db: Db, file: string): void => {
  try {
    discardAbandonedBatches(db);
  } catch (error) {
    if (!translateStoreFailure(error, file)) throw error;
  }
};

/**
 * Runs each pending migration in its own transaction, recording it in user_version: a migration that
 * throws leaves neither part of its schema nor a new version behind. `steps` is for tests.
 */
export const migrate = (
  db: Db,
  target: number = LATEST_SCHEMA_VERSION,
  steps: ReadonlyArray<Migration> = migrations,
): void => {
  assertKnownVersion(db, steps.length);
  for (let version = schemaVersion(db) + 1; version <= Math.min(target, steps.length); version++) {
    const step = steps[version - 1];
    if (!step) break;
    db.transaction(() => {
      step(db);
      db.pragma(`user_version = ${version}`);
    }).immediate();
  }
};
