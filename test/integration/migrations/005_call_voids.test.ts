import { describe, expect } from 'vitest';
import type { Db } from '../../../src/main/core/store/db';
import { describeMigration, indexNames } from './helpers';

/** A lead with one logged call, written with schema 4's columns. */
const seed = (db: Db) => {
  db.prepare(`INSERT INTO leads (id, name, source_channel, direction, status, created_at, updated_at)
    VALUES ('lead-1', 'Jo Park', 'web_form', 'inbound', 'working', 1000, 1000)`).run();
  db.prepare(`INSERT INTO activities (id, lead_id, kind, outcome, body, data, occurred_at, created_at)
    VALUES ('act-1', 'lead-1', 'call', 'no_answer', 'Rang out', '{}', 2000, 2000)`).run();
};

describe('migration 005: call ids and voids', () => {
  describeMigration(5, {
    seed,
    verify: (db) => {
      expect(indexNames(db)).toEqual(expect.arrayContaining(['activities_call_id']));
      // A call logged before keeps everything, with no call id and not void.
      expect(db.prepare('SELECT * FROM activities').all()).toEqual([
        {
          id: 'act-1',
          lead_id: 'lead-1',
          kind: 'call',
          outcome: 'no_answer',
          body: 'Rang out',
          data: '{}',
          occurred_at: 2000,
          created_at: 2000,
          call_id: null,
          voided_at: null,
          void_reason: null,
          void_kind: null,
          reversal: null,
        },
      ]);
      db.prepare(
        "UPDATE activities SET voided_at = 3000, void_reason = 'Wrong lead', void_kind = 'void'",
      ).run();
      expect(() => db.prepare("UPDATE activities SET void_kind = 'erase'").run()).toThrow(/CHECK constraint/);
      // One outcome per call id can be looked up by index.
      expect(
        db
          .prepare<[], { detail: string }>(
            "EXPLAIN QUERY PLAN SELECT id FROM activities WHERE call_id = 'c-1'",
          )
          .all()
          .map((r) => r.detail)
          .join(' '),
      ).toContain('activities_call_id');
    },
  });
});
