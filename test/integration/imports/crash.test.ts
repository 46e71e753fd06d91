import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { storeFile } from '../../../src/main/core/paths';
import { openStore } from '../../../src/main/core/store/db';
import { published } from '../../../src/main/core/store/published';
import { finished, simpleCsv, spawnCli, tempDir } from './helpers';

const ROWS = 20_000;
const TRIALS = 10;

const dir = tempDir('crash');
const file = join(dir, 'leads.csv');
writeFileSync(file, simpleCsv(ROWS));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A small seeded random source, so a failing trial can be replayed. */
const random = (seed: number) => () => {
  seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff;
  return seed / 0x7fffffff;
};

/**
 * What a reader sees right after the kill, before any open cleans up: published leads, tasks and outbox
 * rows, and how many rows of an unpublished batch were left behind.
 */
const readerView = (data: string) => {
  const nothing = { leads: 0, tasks: 0, created: 0, hidden: 0 };
  // Killed before the store was created: a reader sees nothing.
  if (!existsSync(storeFile(data))) return nothing;
  // A plain connection, not openStore: opening through the app would already clean up.
  const db = new Database(storeFile(data), { fileMustExist: true });
  try {
    const count = (sql: string) => db.prepare<[], number>(sql).pluck().get() as number;
    return {
      leads: count(`SELECT count(*) FROM leads l WHERE ${published('l')}`),
      tasks: count(`SELECT count(*) FROM tasks t WHERE state = 'open' AND ${published('t')}`),
      created: count(`SELECT count(*) FROM outbox o WHERE name = 'lead.create' AND ${published('o')}`),
      hidden: count(`SELECT count(*) FROM leads l WHERE NOT ${published('l')}`),
    };
  } catch (error) {
    // Killed before the store had its tables: a reader sees nothing.
    if (/no such table|no such column/.test(String(error))) return nothing;
    throw error;
  } finally {
    db.close();
  }
};

const storeState = (data: string) => {
  const db = openStore(storeFile(data));
  try {
    const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    return {
      leads: count('SELECT count(*) AS n FROM leads'),
      phones: count('SELECT count(*) AS n FROM lead_phones'),
      created: count("SELECT count(*) AS n FROM outbox WHERE name = 'lead.create'"),
      imports: count('SELECT count(*) AS n FROM imports'),
      enrolled: count("SELECT count(DISTINCT lead_id) AS n FROM enrollments WHERE state = 'active'"),
      tasks: count("SELECT count(*) AS n FROM tasks WHERE state = 'open'"),
      enrollMutations: count("SELECT count(*) AS n FROM outbox WHERE name = 'lead.enroll'"),
      batches: count("SELECT count(*) AS n FROM import_batches WHERE state = 'writing'"),
      batchRows:
        count('SELECT count(*) AS n FROM outbox WHERE batch_id IS NOT NULL') -
        count(
          "SELECT count(*) AS n FROM outbox o JOIN import_batches b ON b.id = o.batch_id AND b.state = 'published'",
        ),
      integrity: db.pragma('integrity_check', { simple: true }),
    };
  } finally {
    db.close();
  }
};

describe('an import killed at a random moment', () => {
  it('leaves none or all of its leads, each on its cadence with one open task, with a matching outbox', async () => {
    // One full run sets the range the kills are spread over.
    const whole = join(dir, 'whole');
    const started = Date.now();
    const complete = await finished(spawnCli(['--data-dir', whole, '--json', 'import', file]));
    const span = Date.now() - started;
    expect(complete.code).toBe(0);
    expect(storeState(whole)).toMatchObject({
      leads: ROWS,
      created: ROWS,
      imports: 1,
      enrolled: ROWS,
      tasks: ROWS,
      enrollMutations: ROWS,
    });

    const next = random(20_261_123);
    let caughtWriting = 0;
    for (let trial = 0; trial < TRIALS; trial++) {
      const data = join(dir, `trial-${trial}`);
      const child = spawnCli(['--data-dir', data, '--json', 'import', file]);
      const done = finished(child);
      const delay = Math.round(span * (0.3 + 0.8 * next()));
      const timer = setTimeout(() => child.kill('SIGKILL'), delay);
      const run = await done;
      clearTimeout(timer);
      expect(run.signal === 'SIGKILL' || run.code === 0).toBe(true);
      // Before anything cleans up, a reader already sees none or all of the import.
      const seen = readerView(data);
      expect([0, ROWS]).toContain(seen.leads);
      expect(seen.tasks).toBe(seen.leads);
      expect(seen.created).toBe(seen.leads);
      if (seen.hidden > 0) caughtWriting++;
      // The next open removes what the killed import left unpublished.
      const state = storeState(data);
      expect(state.batches).toBe(0);
      expect(state.batchRows).toBe(0);
      expect(state.integrity).toBe('ok');
      expect([0, ROWS]).toContain(state.leads);
      expect(state.phones).toBe(state.leads);
      expect(state.created).toBe(state.leads);
      expect(state.imports).toBe(state.leads === 0 ? 0 : 1);
      // The call queue is part of the same transaction: no lead is ever stored without its cadence.
      expect(state.enrolled).toBe(state.leads);
      expect(state.tasks).toBe(state.leads);
      expect(state.enrollMutations).toBe(state.leads);
    }
    // The kills are spread over the whole run, so some land while chunks are being written.
    expect(caughtWriting).toBeGreaterThan(0);
  }, 300_000);
});
