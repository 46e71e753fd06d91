import { describe, expect, it } from 'vitest';
import { openCore } from '../../../src/main/core';
import { readSetting } from '../../../src/main/core/settings/repo';
import {
  acknowledge,
  pendingCount,
  pendingRows,
  rejectedChanges,
  SENT_ROWS_KEPT_MS,
} from '../../../src/main/core/sync/outbox-rows';
import { HOUR, openHarness, utc } from '../cadence/helpers';

const T = utc('2026-03-02T15:00:00Z');

const states = (db: ReturnType<typeof openCore>['db']) =>
  db.prepare('SELECT id, state FROM outbox ORDER BY seq').all() as { id: string; state: string }[];

describe('the sync client marks what the server acknowledged', () => {
  it('sent and rejected rows leave the pending list; rejections stay listed with code and message', async () => {
    const h = await openHarness(T);
    const db = h.core.db;
    const jo = h.lead({ name: 'Jo Park' });
    const bo = h.lead({ name: 'Bo Li' });
    await h.call('outcomes.log', { leadId: jo, outcome: 'no_answer', at: T });
    await h.call('outcomes.log', { leadId: bo, outcome: 'busy', at: T });
    const rows = pendingRows(db, 0, 1_000);
    expect(rows.length).toBeGreaterThanOrEqual(4);
    expect(rows.map((r) => r.seq)).toEqual([...rows.map((r) => r.seq)].sort((a, b) => a - b));
    // Paging by seq resumes after the last row read.
    expect(pendingRows(db, rows[1]?.seq ?? 0, 2)).toEqual(rows.slice(2, 4));

    const [first, second, ...rest] = rows;
    acknowledge(
      db,
      [first?.id ?? ''],
      [{ id: second?.id ?? '', code: 'sync_mutation_invalid', message: 'bad args' }],
      T,
    );
    expect(pendingCount(db)).toBe(rest.length);
    expect(pendingRows(db, 0, 1_000).map((r) => r.id)).toEqual(rest.map((r) => r.id));
    expect(rejectedChanges(db)).toEqual([
      {
        id: second?.id,
        name: second?.name,
        hlc: second?.hlc,
        createdAt: T,
        code: 'sync_mutation_invalid',
        message: 'bad args',
        dismissedAt: null,
      },
    ]);
    // An acknowledgement for a row already marked changes nothing (a duplicate answer).
    acknowledge(db, [second?.id ?? ''], [], T);
    expect(rejectedChanges(db)).toHaveLength(1);
  });

  it('old sent rows are pruned, but not the newest row nor what a running import still reads; the clock resumes', async () => {
    const h = await openHarness(T);
    const db = h.core.db;
    const leads = ['Jo Park', 'Bo Li', 'Cy Ng'].map((name) => h.lead({ name }));
    for (const leadId of leads) await h.call('outcomes.log', { leadId, outcome: 'no_answer', at: T });
    const rows = pendingRows(db, 0, 1_000);
    const newest = rows.at(-1);
    // A writing import that read the store after the second row: rows after it stay.
    db.prepare(
      `INSERT INTO import_batches (id, state, file_name, pid, host, outbox_seq, started_at)
       VALUES ('0196a000-0000-7000-8000-000000000001', 'writing', 'x.csv', 1, 'elsewhere', ?, ?)`,
    ).run(rows[1]?.seq, T);
    acknowledge(
      db,
      rows.map((r) => r.id),
      [],
      T,
    );
    expect(states(db).every((r) => r.state === 'sent')).toBe(true);
    // Not yet old enough.
    acknowledge(db, [], [], T + SENT_ROWS_KEPT_MS - 1);
    expect(states(db)).toHaveLength(rows.length);
    acknowledge(db, [], [], T + SENT_ROWS_KEPT_MS + HOUR);
    expect(states(db).map((r) => r.id)).toEqual(rows.slice(2).map((r) => r.id));
    expect(readSetting(db, 'sync.hlc')).toBe(rows[1]?.hlc);

    db.prepare("UPDATE import_batches SET state = 'published'").run();
    acknowledge(db, [], [], T + SENT_ROWS_KEPT_MS + HOUR);
    expect(states(db).map((r) => r.id)).toEqual([newest?.id]);
    expect(readSetting(db, 'sync.hlc')).toBe(rows.at(-2)?.hlc);

    // After a restart the clock goes on after every stamp it ever issued, pruned ones included.
    h.core.close();
    const again = openCore({ dataDir: h.dataDir, now: () => T - 10 * HOUR });
    again.outbox.record('lead.setFit', { id: leads[0] ?? '', fit: 10, updatedAt: T });
    const stamps = again.db.prepare('SELECT hlc FROM outbox ORDER BY seq').pluck().all() as string[];
    again.close();
    expect((stamps.at(-1) ?? '') > (newest?.hlc ?? '~')).toBe(true);
  });

  it('rows of an import still being written are not pushed', async () => {
    const h = await openHarness(T);
    const db = h.core.db;
    await h.call('outcomes.log', { leadId: h.lead({ name: 'Jo Park' }), outcome: 'no_answer', at: T });
    const visible = pendingRows(db, 0, 1_000).length;
    db.prepare(
      `INSERT INTO import_batches (id, state, file_name, pid, host, outbox_seq, started_at)
       VALUES ('0196a000-0000-7000-8000-000000000002', 'writing', 'y.csv', 1, 'elsewhere', 0, ?)`,
    ).run(T);
    // A copy of a real row, written by the import: same shape, its batch not yet published.
    db.prepare(
      `INSERT INTO outbox (id, name, args, hlc, created_at, batch_id)
       SELECT '0196a000-0000-7000-8000-000000000003', name, args, hlc, created_at,
              '0196a000-0000-7000-8000-000000000002' FROM outbox ORDER BY seq DESC LIMIT 1`,
    ).run();
    expect(pendingRows(db, 0, 1_000)).toHaveLength(visible);
    expect(pendingCount(db)).toBe(visible);
    db.prepare("UPDATE import_batches SET state = 'published'").run();
    expect(pendingCount(db)).toBe(visible + 1);
  });
});
