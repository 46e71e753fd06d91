import { rmSync, statfsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { storeFile } from '../../../src/main/core/paths';
import { translatedError } from '../../../src/renderer/src/i18n/errors';
import { en } from '../../../src/renderer/src/i18n/resources/en';
import { ko } from '../../../src/renderer/src/i18n/resources/ko';
import { zhCN } from '../../../src/renderer/src/i18n/resources/zh-CN';
import { dialdeck, failureOf, isRoot, mountTmpfs, seedStore, storeState, tempDir } from './helpers';

const languages = { en, 'zh-CN': zhCN, ko } as const;

/** A CSV of `rows` distinct leads, about 70 bytes a row. */
const csvOf = (rows: number): string =>
  [
    'Name,Company,Phone,Email',
    ...Array.from({ length: rows }, (_, i) => {
      const line = String(i % 10_000).padStart(4, '0');
      return `Lead ${i},Company ${i % 97},(212) ${200 + Math.floor(i / 10_000)}-${line},lead${i}@example.com`;
    }),
  ].join('\n');

/** Rows of every kind in the store, unpublished ones included, and the import batches left. */
const rawCounts = (dataDir: string) => {
  const db = new Database(storeFile(dataDir), { readonly: true });
  try {
    const count = (table: string) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
    return {
      leads: count('leads'),
      phones: count('lead_phones'),
      accounts: count('accounts'),
      enrollments: count('enrollments'),
      tasks: count('tasks'),
      outbox: count('outbox'),
      batches: count('import_batches'),
    };
  } finally {
    db.close();
  }
};

// Each test runs the real CLI several times, a few seconds each.
describe('an import the disk fills up', { timeout: 120_000 }, () => {
  it.skipIf(!isRoot)(
    'whose rows cannot be removed at once either: says the next open removes them, and it does',
    async () => {
      const dataDir = tempDir('full-left');
      mountTmpfs(dataDir, '4m');
      const leadId = seedStore(dataDir);
      const before = rawCounts(dataDir);
      const state = storeState(dataDir);
      // About 2 MB to grow into: several chunks of the import commit before the disk is full, and
      // removing them needs more room than the failed chunk gave back.
      const ballast = join(dataDir, 'ballast');
      const { bavail, bsize } = statfsSync(dataDir);
      writeFileSync(ballast, Buffer.alloc(Math.max(0, bavail * bsize - 2048 * 1024)));
      const csv = join(tempDir('full-left-csv'), 'leads.csv');
      writeFileSync(csv, csvOf(30_000));

      const run = await dialdeck(dataDir, ['import', csv]);
      expect(run.status).toBe(1);
      const failure = failureOf(run);
      expect(failure.code).toBe('store_disk_full');
      expect(failure.params).toEqual({ path: storeFile(dataDir), cleanup: 'next_open' });
      expect(failure.message).toContain(storeFile(dataDir));
      expect(failure.message).toContain('removes them the next time it opens');
      await i18next.init({
        lng: 'en',
        resources: Object.fromEntries(
          Object.entries(languages).map(([language, translation]) => [language, { translation }]),
        ),
        interpolation: { escapeValue: false },
      });
      for (const [language, resources] of Object.entries(languages)) {
        await i18next.changeLanguage(language);
        const text = translatedError(failure.code, failure.message, failure.params);
        expect(text).toContain(storeFile(dataDir));
        expect(text).toContain(resources.errors.cleanupOnNextOpen);
      }
      // The rows are there but unseen: a reader on the full disk lists only the lead it had.
      expect(rawCounts(dataDir).batches).toBe(1);
      expect(rawCounts(dataDir).leads).toBeGreaterThan(before.leads);
      const whileFull = await dialdeck(dataDir, ['leads']);
      expect(whileFull.stderr).toBe('');
      expect((JSON.parse(whileFull.stdout) as { id: string }[]).map((lead) => lead.id)).toEqual([leadId]);

      rmSync(ballast);
      const leads = await dialdeck(dataDir, ['leads']);
      expect(leads.stderr).toBe('');
      expect((JSON.parse(leads.stdout) as { id: string }[]).map((lead) => lead.id)).toEqual([leadId]);
      expect(rawCounts(dataDir)).toEqual(before);
      expect(storeState(dataDir)).toEqual(state);
    },
  );
});
