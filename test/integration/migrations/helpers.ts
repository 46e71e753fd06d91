import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { type Db, migrate, openStore, schemaVersion } from '../../../src/main/core/store/db';
import { migrations } from '../../../src/main/core/store/migrations';

/**
 * One test file per migration (`NNN_name.test.ts`), each starting from the previous schema with data
 * in it. A migration's file calls `describeMigration(N, { seed, verify })`:
 *   - `seed(db)` writes rows into a store at version N - 1, using that version's schema;
 *   - `verify(db)` checks them, and the new schema, after the store was upgraded to N.
 * The helper adds the checks every migration must pass: it upgrades a store holding data, it is one
 * transaction (a failure part-way leaves version N - 1 exactly as it was), and reopening is a no-op.
 */
export type MigrationCase = {
  seed?: (db: Db) => void;
  verify: (db: Db) => void;
};

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A new store file in its own temp folder. */
export const tempStoreFile = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'dialdeck-migration-'));
  dirs.push(dir);
  return join(dir, 'dialdeck.sqlite');
};

/** A store at `version`, with `seed` written into it, closed again. */
export const storeAt = (version: number, seed?: (db: Db) => void): string => {
  const file = tempStoreFile();
  const db = openStore(file, { targetVersion: version });
  try {
    expect(schemaVersion(db)).toBe(version);
    seed?.(db);
  } finally {
    db.close();
  }
  return file;
};

/** Tables, indexes, triggers and views with their SQL: the schema as SQLite stores it. */
export const schemaOf = (db: Db): Array<{ type: string; name: string; sql: string | null }> =>
  db
    .prepare<[], { type: string; name: string; sql: string | null }>(
      "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name",
    )
    .all();

export const tableNames = (db: Db): string[] =>
  schemaOf(db)
    .filter((entry) => entry.type === 'table')
    .map((entry) => entry.name);

export const indexNames = (db: Db): string[] =>
  schemaOf(db)
    .filter((entry) => entry.type === 'index')
    .map((entry) => entry.name);

export const columnsOf = (db: Db, table: string): string[] =>
  db
    .prepare<[], { name: string }>(`SELECT name FROM pragma_table_info('${table.replaceAll("'", "''")}')`)
    .all()
    .map((column) => column.name);

/** Every row of every table, in a fixed order (tables WITHOUT ROWID have no rowid to sort by). */
export const contentsOf = (db: Db): Record<string, unknown[]> =>
  Object.fromEntries(
    tableNames(db).map((table) => [
      table,
      db
        .prepare(`SELECT * FROM "${table}"`)
        .all()
        .map((row) => JSON.stringify(row))
        .sort()
        .map((row) => JSON.parse(row) as unknown),
    ]),
  );

const assertSound = (db: Db) => {
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  expect(db.pragma('foreign_key_check')).toEqual([]);
};

/** Registers the tests of migration `version` (1-based: the schema version it reaches). */
export const describeMigration = (version: number, testCase: MigrationCase): void => {
  const step = migrations[version - 1];

  it(`exists as schema version ${version}`, () => {
    expect(step).toBeTypeOf('function');
  });

  it(`upgrades a store at version ${version - 1} with data in it`, () => {
    const file = storeAt(version - 1, testCase.seed);
    const db = openStore(file, { targetVersion: version });
    try {
      expect(schemaVersion(db)).toBe(version);
      assertSound(db);
      testCase.verify(db);
    } finally {
      db.close();
    }
  });

  it('is one transaction: a failure part-way leaves the previous version exactly as it was', () => {
    const file = storeAt(version - 1, testCase.seed);
    const db = openStore(file, { targetVersion: version - 1 });
    try {
      const before = { schema: schemaOf(db), contents: contentsOf(db) };
      const failing = (inner: Db) => {
        step?.(inner);
        throw new Error('stopped at the end of the migration');
      };
      const steps = [...migrations.slice(0, version - 1), failing];
      expect(() => migrate(db, version, steps)).toThrow('stopped at the end of the migration');
      expect(schemaVersion(db)).toBe(version - 1);
      expect(schemaOf(db)).toEqual(before.schema);
      expect(contentsOf(db)).toEqual(before.contents);
    } finally {
      db.close();
    }
  });

  it('leaves an upgraded store as it is when it is opened again', () => {
    const file = storeAt(version - 1, testCase.seed);
    openStore(file, { targetVersion: version }).close();
    const first = openStore(file, { targetVersion: version });
    const snapshot = { schema: schemaOf(first), contents: contentsOf(first) };
    first.close();
    const again = openStore(file, { targetVersion: version });
    try {
      expect(schemaVersion(again)).toBe(version);
      expect({ schema: schemaOf(again), contents: contentsOf(again) }).toEqual(snapshot);
    } finally {
      again.close();
    }
  });
};
