import { rmSync } from 'node:fs';
import type { ImportProgress } from '@shared/api/imports';
import { afterEach, describe, expect, it } from 'vitest';
import { openCore } from '../../../src/main/core';
import { call, importFile, preview, simpleCsv, tempDir } from './helpers';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const count = (db: ReturnType<typeof openCore>['db'], sql: string) =>
  db.prepare<[], number>(sql).pluck().get();

describe('imports on threads of their own', () => {
  it('an import whose threads stop midway (the store is closed) leaves none of its leads, and the next open cleans up', async () => {
    const dir = tempDir('threads');
    dirs.push(dir);
    const core = openCore({ dataDir: dir });
    await importFile(core, 'Name,Phone\nJo Park,(415) 555-0100\n');
    const outboxBefore = count(core.db, 'SELECT count(*) FROM outbox');
    const { token } = await preview(core, simpleCsv(40_000));
    const writing = new Promise<void>((resolve) => {
      core.events.on('import:progress', (progress: ImportProgress) => {
        if (progress.phase === 'writing' || progress.phase === 'checking') resolve();
      });
    });
    const running = call(core, 'imports.run', { token, options: {} });
    running.catch(() => undefined);
    await writing;
    // Give the writing thread time to commit some chunks into the unpublished batch.
    await new Promise((resolve) => setTimeout(resolve, 300));
    core.close();
    await expect(running).rejects.toMatchObject({ code: 'internal' });

    const again = openCore({ dataDir: dir });
    try {
      expect(count(again.db, 'SELECT count(*) FROM leads')).toBe(1);
      expect(count(again.db, "SELECT count(*) FROM import_batches WHERE state <> 'published'")).toBe(0);
      expect(count(again.db, 'SELECT count(*) FROM outbox')).toBe(outboxBefore);
      expect(count(again.db, 'SELECT count(*) FROM tasks')).toBe(1);
      // The store takes the same file whole afterwards.
      expect(await importFile(again, simpleCsv(2_000))).toMatchObject({ imported: 2_000 });
    } finally {
      again.close();
    }
  }, 120_000);

  it('answers a preview while an import is being written, and a refused file writes nothing', async () => {
    const dir = tempDir('threads');
    dirs.push(dir);
    const core = openCore({ dataDir: dir });
    try {
      const running = importFile(core, simpleCsv(10_000));
      const quick = await preview(core, 'Name,Phone\nAna,+1 212 555 0100\n');
      expect(quick.rowCount).toBe(1);
      expect(await running).toMatchObject({ imported: 10_000 });
      // Rows mostly ragged: refused after the writing thread may have written part of it.
      const ragged = ['Name,Phone,Email', ...Array.from({ length: 3_000 }, (_, i) => `Lead ${i},x`)].join(
        '\n',
      );
      await expect(importFile(core, `${simpleCsv(3_000).trimEnd()}\r\n${ragged}`)).rejects.toMatchObject({
        code: expect.stringMatching(/^import_/),
      });
      expect(count(core.db, 'SELECT count(*) FROM leads')).toBe(10_000);
      expect(count(core.db, "SELECT count(*) FROM import_batches WHERE state <> 'published'")).toBe(0);
    } finally {
      core.close();
    }
  }, 120_000);
});
