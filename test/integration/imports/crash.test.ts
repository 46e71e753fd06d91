import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { storeFile } from '../../../src/main/core/paths';
import { openStore } from '../../../src/main/core/store/db';
import { finished, simpleCsv, spawnCli, tempDir } from './helpers';

const ROWS = 20_000;
const TRIALS = 6;

const dir = tempDir('crash');
const file = join(dir, 'leads.csv');
writeFileSync(file, simpleCsv(ROWS));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A small seeded random source, so a failing trial can be replayed. */
const random = (seed: number) => () => {
  seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff;
  return seed / 0x7fffffff;
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
    for (let trial = 0; trial < TRIALS; trial++) {
      const data = join(dir, `trial-${trial}`);
      const child = spawnCli(['--data-dir', data, '--json', 'import', file]);
      const done = finished(child);
      const delay = Math.round(span * (0.3 + 0.8 * next()));
      const timer = setTimeout(() => child.kill('SIGKILL'), delay);
      const run = await done;
      clearTimeout(timer);
      expect(run.signal === 'SIGKILL' || run.code === 0).toBe(true);
      const state = storeState(data);
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
  }, 300_000);
});
