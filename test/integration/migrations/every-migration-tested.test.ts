import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION } from '../../../src/main/core/store/db';

// STYLE: one test per migration, starting from the previous schema with data in it (see ./helpers.ts).
describe('migration tests', () => {
  it('has a NNN_*.test.ts file for every schema version', () => {
    const files = readdirSync(import.meta.dirname);
    const missing = Array.from({ length: LATEST_SCHEMA_VERSION }, (_, i) => i + 1).filter(
      (version) =>
        !files.some(
          (file) => file.startsWith(`${String(version).padStart(3, '0')}_`) && file.endsWith('.test.ts'),
        ),
    );
    expect(missing, 'add test/integration/migrations/NNN_<name>.test.ts using describeMigration()').toEqual(
      [],
    );
  });
});
