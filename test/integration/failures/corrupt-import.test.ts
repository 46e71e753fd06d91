import { closeSync, existsSync, openSync, readdirSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { storeFile } from '../../../src/main/core/paths';
import { bytesOf, dialdeck, failureOf, tempDir, translations } from './helpers';

/** A CSV of `rows` leads whose names, phones and emails start with `prefix`. */
const csvOf = (prefix: string, area: number, rows: number): string =>
  [
    'Name,Phone,Email',
    ...Array.from(
      { length: rows },
      (_, i) =>
        `${prefix} ${i},+1${area}${String(2_000_000 + i).padStart(7, '0')},${prefix.toLowerCase()}${i}@example.com`,
    ),
  ].join('\n');

/** Overwrites every page of one index with noise: the tables stay readable, the index is damaged. */
const damageIndex = (file: string, index: string): number[] => {
  const db = new Database(file, { readonly: true });
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const pages = db.prepare<[string], number>('SELECT pageno FROM dbstat WHERE name = ?').pluck().all(index);
  db.close();
  const fd = openSync(file, 'r+');
  for (const page of pages) writeSync(fd, Buffer.alloc(pageSize, 0xa5), 0, pageSize, (page - 1) * pageSize);
  closeSync(fd);
  return pages;
};

// Each test runs the real CLI several times, a few seconds each.
describe('an import into a damaged store', { timeout: 120_000 }, () => {
  it('is refused as store_corrupt before it writes: the file stays byte-identical, no -wal left', async () => {
    const dir = tempDir('corrupt-import');
    const dataDir = join(dir, 'data');
    const first = join(dir, 'first.csv');
    writeFileSync(first, csvOf('Lead', 212, 3_000));
    expect((await dialdeck(dataDir, ['import', first])).status).toBe(0);
    const file = storeFile(dataDir);
    expect(damageIndex(file, 'leads_email').length).toBeGreaterThan(1);
    const bytes = bytesOf(file);

    const second = join(dir, 'second.csv');
    writeFileSync(second, csvOf('New', 313, 3_000));
    const run = await dialdeck(dataDir, ['import', second]);
    expect(run.status).toBe(1);
    const failure = failureOf(run);
    expect(failure.code).toBe('store_corrupt');
    expect(failure.params?.path).toBe(file);
    for (const text of translations(failure)) expect(text).toContain(file);
    expect(bytesOf(file).equals(bytes)).toBe(true);
    expect(existsSync(`${file}-wal`)).toBe(false);
    expect(readdirSync(dataDir).filter((name) => name.startsWith('dialdeck'))).toEqual(['dialdeck.sqlite']);
  });
});
