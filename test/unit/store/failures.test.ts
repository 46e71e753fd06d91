import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../src/main/core/errors';
import { translateStoreFailure } from '../../../src/main/core/store/failures';

const dir = mkdtempSync(join(tmpdir(), 'dialdeck-failures-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const STORE = join(dir, 'dialdeck.sqlite');

/** An error shaped as better-sqlite3's SqliteError or Node's file-system errors are. */
const failure = (code: string, path?: string) => Object.assign(new Error(code), { code, path });

describe('translateStoreFailure', () => {
  it.each([
    ['SQLITE_FULL', 'store_disk_full'],
    ['SQLITE_READONLY', 'store_read_only'],
    ['SQLITE_READONLY_DBMOVED', 'store_read_only'],
    ['SQLITE_READONLY_RECOVERY', 'store_read_only'],
    ['SQLITE_BUSY', 'store_busy'],
    ['SQLITE_BUSY_SNAPSHOT', 'store_busy'],
    ['SQLITE_LOCKED', 'store_busy'],
    ['SQLITE_LOCKED_SHAREDCACHE', 'store_busy'],
    ['SQLITE_CORRUPT', 'store_corrupt'],
    ['SQLITE_CORRUPT_INDEX', 'store_corrupt'],
    ['SQLITE_NOTADB', 'store_not_a_database'],
    ['SQLITE_PERM', 'store_permission_denied'],
    ['SQLITE_IOERR_READ', 'store_io_error'],
  ])('SQLite %s is %s, naming the store', (code, expected) => {
    const translated = translateStoreFailure(failure(code), STORE);
    expect(translated).toBeInstanceOf(AppError);
    expect(translated?.code).toBe(expected);
    expect(translated?.params).toEqual({ path: STORE });
    expect(translated?.message).toContain(STORE);
  });

  it.each([
    ['ENOSPC', 'store_disk_full'],
    ['EDQUOT', 'store_disk_full'],
    ['EROFS', 'store_read_only'],
    ['EACCES', 'store_permission_denied'],
    ['EPERM', 'store_permission_denied'],
    ['EIO', 'store_io_error'],
  ])('file system %s is %s, naming the path it failed on', (code, expected) => {
    const translated = translateStoreFailure(failure(code, '/data/elsewhere.csv'), STORE);
    expect(translated?.code).toBe(expected);
    expect(translated?.params).toEqual({ path: '/data/elsewhere.csv' });
  });

  it('leaves everything else to be reported as unexpected', () => {
    expect(translateStoreFailure(failure('SQLITE_ERROR'), STORE)).toBeNull();
    expect(translateStoreFailure(failure('SQLITE_CONSTRAINT_UNIQUE'), STORE)).toBeNull();
    expect(translateStoreFailure(failure('ENOENT', '/x'), STORE)).toBeNull();
    expect(translateStoreFailure(new TypeError('x is undefined'), STORE)).toBeNull();
    expect(translateStoreFailure('a string', STORE)).toBeNull();
  });

  it('reads the code of a real SqliteError', () => {
    const db = new Database(':memory:');
    try {
      db.exec('CREATE TABLE t (x INTEGER PRIMARY KEY)');
      let thrown: unknown;
      try {
        db.exec('INSERT INTO t VALUES (1); INSERT INTO t VALUES (1);');
      } catch (error) {
        thrown = error;
      }
      expect((thrown as { code: string }).code).toBe('SQLITE_CONSTRAINT_PRIMARYKEY');
      expect(translateStoreFailure(thrown, STORE)).toBeNull();
    } finally {
      db.close();
    }
  });

  it('an AppError passes through unchanged', () => {
    const error = new AppError('not_found', 'No such lead.');
    expect(translateStoreFailure(error, STORE)).toBe(error);
  });
});
