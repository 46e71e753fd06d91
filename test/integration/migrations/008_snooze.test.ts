import { describe, expect } from 'vitest';
import type { Db } from '../../../src/main/core/store/db';
import { migrations } from '../../../src/main/core/store/migrations';
import { migration008Snooze } from '../../../src/main/core/store/migrations/008_snooze';
import { describeMigration, indexNames } from './helpers';

// The schema version this migration reaches is its place in the list.
const VERSION = migrations.indexOf(migration008Snooze) + 1;

/** A lead with dial counters and a logged call, written with the previous schema. */
const seed = (db: Db) => {
  db.prepare(`INSERT INTO leads (id, name, source_channel, direction, status, created_at, updated_at)
    VALUES ('lead-1', 'Jo Park', 'web_form', 'inbound', 'working', 1000, 1000)`).run();
  db.prepare(`INSERT INTO lead_queue (lead_id, attempts_total, attempts_day, attempts_day_key, updated_at)
    VALUES ('lead-1', 3, 1, '2026-11-02', 2000)`).run();
  db.prepare(`INSERT INTO activities (id, lead_id, kind, outcome, occurred_at, created_at)
    VALUES ('act-1', 'lead-1', 'call', 'no_answer', 2000, 2000)`).run();
};

describe('migration 008: snoozes and the session figures', () => {
  describeMigration(VERSION, {
    seed,
    verify: (db) => {
      // The counters from before stay, with no snooze.
      const row = db
        .prepare(
          "SELECT attempts_total, snoozed_until, snooze_reason FROM lead_queue WHERE lead_id = 'lead-1'",
        )
        .get();
      expect(row).toEqual({ attempts_total: 3, snoozed_until: null, snooze_reason: null });
      db.prepare(
        "UPDATE lead_queue SET snoozed_until = 9000, snooze_reason = 'At a conference' WHERE lead_id = 'lead-1'",
      ).run();
      expect(() =>
        db.prepare("UPDATE lead_queue SET snoozed_until = 'soon' WHERE lead_id = 'lead-1'").run(),
      ).toThrow(/cannot store TEXT value in INTEGER column/);
      expect(indexNames(db)).toContain('activities_kind_time');
      // Today's calls are read through the new index.
      const plan = db
        .prepare(
          "EXPLAIN QUERY PLAN SELECT count(*) FROM activities WHERE kind = 'call' AND occurred_at >= 0 AND occurred_at < 5000",
        )
        .all() as { detail: string }[];
      expect(plan.map((p) => p.detail).join(' ')).toMatch(/activities_kind_time/);
    },
  });
});
