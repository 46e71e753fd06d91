import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../errors';
import { migrations } from './migrations';

export type Db = Database.Database;

export type OpenStoreOptions = {
  /** Path to a better-sqlite3 addon built for another runtime (the Electron host passes its own). */
  nativeBinding?: string;
  /** Stop after this schema version (tests of a single migration start from the previous one). */
  targetVersion?: number;
};

export const LATEST_SCHEMA_VERSION = migrations.length;

/**
 * Opens (creating if needed) the lead store and brings its schema up to date.
 * WAL with synchronous=FULL: an acknowledged write survives a power cut.
 */
export const openStore = (file: string, options: OpenStoreOptions = {}): Db => {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db, options.targetVersion ?? LATEST_SCHEMA_VERSION);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
};

export const schemaVersion = (db: Db): number => db.pragma('user_version', { simple: true }) as number;

/** Runs each pending migration in its own transaction, recording it in user_version. */
export const migrate = (db: Db, target: number = LATEST_SCHEMA_VERSION): void => {
  const current = schemaVersion(db);
  if (current > LATEST_SCHEMA_VERSION) {
    throw new AppError(
      'store_newer_version',
      `This data was written by a newer version of Dialdeck (schema ${current}; this version knows up to ${LATEST_SCHEMA_VERSION}). Update Dialdeck to open it.`,
    );
  }
  for (let version = current + 1; version <= target; version++) {
    const step = migrations[version - 1];
    if (!step) break;
    db.transaction(() => {
      step(db);
      db.pragma(`user_version = ${version}`);
    }).immediate();
  }
};
