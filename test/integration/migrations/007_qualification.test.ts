import { describe, expect } from 'vitest';
import type { Db } from '../../../src/main/core/store/db';
import { migrations } from '../../../src/main/core/store/migrations';
import { migration007Qualification } from '../../../src/main/core/store/migrations/007_qualification';
import { describeMigration, tableNames } from './helpers';

// The schema version this migration reaches is its place in the list.
const VERSION = migrations.indexOf(migration007Qualification) + 1;

/** A lead written with the previous schema, which the new tables refer to. */
const seed = (db: Db) => {
  db.prepare(`INSERT INTO leads (id, name, source_channel, direction, status, created_at, updated_at)
    VALUES ('lead-1', 'Jo Park', 'web_form', 'inbound', 'working', 1000, 1000)`).run();
};

describe('migration 007: qualification and hand-offs', () => {
  describeMigration(VERSION, {
    seed,
    verify: (db) => {
      expect(tableNames(db)).toEqual(
        expect.arrayContaining(['lead_bant', 'lead_profile_checks', 'handoffs']),
      );
      // The lead from before keeps its status; it starts with no answers and no hand-off.
      expect(db.prepare("SELECT status FROM leads WHERE id = 'lead-1'").pluck().get()).toBe('working');
      expect(db.prepare('SELECT count(*) FROM lead_bant').pluck().get()).toBe(0);

      db.prepare(
        "INSERT INTO lead_bant (lead_id, criterion, confirmed, note, updated_at) VALUES ('lead-1', 'budget', 1, '$40k', 2000)",
      ).run();
      expect(() =>
        db
          .prepare(
            "INSERT INTO lead_bant (lead_id, criterion, confirmed, updated_at) VALUES ('lead-1', 'money', 1, 2000)",
          )
          .run(),
      ).toThrow(/CHECK constraint/);
      expect(() =>
        db
          .prepare(
            "INSERT INTO lead_profile_checks (lead_id, item_id, checked, updated_at) VALUES ('nobody', 'industry', 1, 2000)",
          )
          .run(),
      ).toThrow(/FOREIGN KEY/);
      db.prepare(`INSERT INTO handoffs (id, lead_id, summary, bant, next_step, suggested_ae, profile_filled,
        profile_total, status_before, created_at) VALUES ('h-1', 'lead-1', 'Ready', '[]', '', NULL, 4, 15, 'working', 3000)`).run();
      // Deleting a lead takes its answers and hand-offs with it.
      db.prepare("DELETE FROM leads WHERE id = 'lead-1'").run();
      expect(db.prepare('SELECT count(*) FROM handoffs').pluck().get()).toBe(0);
      expect(db.prepare('SELECT count(*) FROM lead_bant').pluck().get()).toBe(0);
    },
  });
});
