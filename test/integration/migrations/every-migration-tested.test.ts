import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION } from '../../../src/main/core/store/db';

const MIGRATIONS_DIR = join(import.meta.dirname, '../../../src/main/core/store/migrations');

/** The migration source files (`NNN_name.ts`), by name without the extension. */
const migrationFiles = (): string[] =>
  readdirSync(MIGRATIONS_DIR)
    .filter((file) => /^\d{3}_\w+\.ts$/.test(file))
    .map((file) => file.replace(/\.ts$/, ''))
    .sort();

// STYLE: one test per migration, starting from the previous schema with data in it (see ./helpers.ts).
// Matched by file name, so a migration keeps its test when migrations from several branches are joined.
describe('migration tests', () => {
  it('has a NNN_name.test.ts file for every NNN_name.ts migration', () => {
    const tests = new Set(readdirSync(import.meta.dirname));
    const missing = migrationFiles().filter((name) => !tests.has(`${name}.test.ts`));
    expect(missing, 'add test/integration/migrations/NNN_<name>.test.ts using describeMigration()').toEqual(
      [],
    );
  });

  it('registers every migration file, one schema version each', () => {
    expect(migrationFiles()).toHaveLength(LATEST_SCHEMA_VERSION);
  });
});
