import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openCore } from '../../src/main/core';
import { newId } from '../../src/main/core/ids';
import { writeNow } from '../../src/main/core/store/write-lock';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'dialdeck-outbox-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const hlcs = (core: ReturnType<typeof openCore>) =>
  (core.db.prepare('SELECT hlc FROM outbox ORDER BY seq').all() as { hlc: string }[]).map((r) => r.hlc);

describe('outbox clock', () => {
  it('keeps issuing later timestamps after a restart, even when the wall clock went back', () => {
    const dataDir = tempDir();
    let clock = 2_000_000_000_000;
    const first = openCore({ dataDir, now: () => clock });
    first.db.transaction(() => {
      first.outbox.record('cadence.delete', { id: newId() });
      first.outbox.record('cadence.delete', { id: newId() });
    })();
    const before = hlcs(first);
    first.close();

    clock -= 60_000;
    const second = openCore({ dataDir, now: () => clock });
    second.db.transaction(() => second.outbox.record('cadence.delete', { id: newId() }))();
    const after = hlcs(second);
    second.close();

    expect(after).toHaveLength(3);
    expect(after.slice(0, 2)).toEqual(before);
    expect([...after].sort()).toEqual(after);
    expect(new Set(after).size).toBe(3);
  });
});

describe('outbox clock across processes', () => {
  it('stamps each mutation later than every one another connection committed before it', () => {
    const dataDir = tempDir();
    // Both connections read the same frozen wall clock, the worst case for equal stamps.
    const clock = 2_000_000_000_000;
    const app = openCore({ dataDir, now: () => clock });
    const cli = openCore({ dataDir, now: () => clock });
    try {
      for (let round = 0; round < 3; round += 1) {
        writeNow(app.db, () => app.outbox.record('cadence.delete', { id: newId() }));
        writeNow(cli.db, () => {
          cli.outbox.record('cadence.delete', { id: newId() });
          cli.outbox.record('cadence.delete', { id: newId() });
        });
      }
      const stamps = hlcs(app);
      expect(stamps).toHaveLength(9);
      expect(new Set(stamps).size).toBe(9);
      expect([...stamps].sort()).toEqual(stamps);
    } finally {
      cli.close();
      app.close();
    }
  });
});
