import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION } from '../../../src/main/core/store/db';

const MIGRATIONS_DIR = join(
  import.meta.dirname,
  '..',
  '..',
  '..',
  'src',
  'main',
  'core',
  'store',
  'migrations',
);

// STYLE: one test per migration, starting from the previous schema with data in it (see ./helpers.ts).
// Migration files are numbered when they are written (NNN_name.ts); each has NNN_name.test.ts here.
describe('migration tests', () => {
  it('has a NNN_*.test.ts file for every migration file, and a migration file for every schema version', () => {
    const sources = readdirSync(MIGRATIONS_DIR).filter((file) => /^\d{3}_.+\.ts$/.test(file));
    expect(sources).toHaveLength(LATEST_SCHEMA_VERSION);
    const tests = readdirSync(import.meta.dirname);
    const missing = sources
      .map((file) => file.replace(/\.ts$/, '.test.ts'))
      .filter((test) => !tests.includes(test));
    expect(missing, 'add test/integration/migrations/NNN_<name>.test.ts using describeMigration()').toEqual(
      [],
    );
  });
});
