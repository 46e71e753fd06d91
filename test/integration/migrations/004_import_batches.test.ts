import { describe, expect } from 'vitest';
import type { Db } from '../../../src/main/core/store/db';
import { published } from '../../../src/main/core/store/published';
import { describeMigration, tableNames } from './helpers';

const TAGGED = ['accounts', 'enrollments', 'lead_phones', 'leads', 'outbox', 'research', 'tasks'];

/** A lead with a phone and an outbox row, written with schema 3's columns. */
const seed = (db: Db) => {
  db.prepare(`INSERT INTO leads (id, name, source_channel, direction, status, created_at, updated_at)
    VALUES ('lead-1', 'Jo Park', 'web_form', 'inbound', 'working', 1000, 1000)`).run();
  db.prepare(
    `INSERT INTO lead_phones (lead_id, position, e164, raw) VALUES ('lead-1', 0, '+12025550143', '202')`,
  ).run();
  db.prepare(
    `INSERT INTO outbox (id, name, args, hlc, created_at) VALUES ('m-1', 'lead.create', '{}', 'h', 1000)`,
  ).run();
};

const visibleLeads = (db: Db) =>
  db
    .prepare<[], string>(`SELECT id FROM leads l WHERE ${published('l')} ORDER BY id`)
    .pluck()
    .all();

describe('migration 004: import batches', () => {
  describeMigration(4, {
    seed,
    verify: (db) => {
      expect(tableNames(db)).toContain('import_batches');
      for (const table of TAGGED) {
        const columns = db.pragma(`table_info(${table})`) as Array<{ name: string }>;
        expect(
          columns.map((c) => c.name),
          table,
        ).toContain('batch_id');
      }
      // Rows written before the migration belong to no batch: every reader still sees them.
      expect(visibleLeads(db)).toEqual(['lead-1']);

      // A batch being written hides its rows; publishing it shows them.
      db.prepare(`INSERT INTO import_batches (id, state, file_name, pid, host, outbox_seq, started_at)
        VALUES ('b-1', 'writing', 'leads.csv', 1, 'h', 0, 0)`).run();
      db.prepare(`INSERT INTO leads (id, name, source_channel, direction, status, created_at, updated_at, batch_id)
        VALUES ('lead-2', 'Ana Ruiz', 'import', 'outbound', 'new', 2000, 2000, 'b-1')`).run();
      expect(visibleLeads(db)).toEqual(['lead-1']);
      db.prepare("UPDATE import_batches SET state = 'published' WHERE id = 'b-1'").run();
      expect(visibleLeads(db)).toEqual(['lead-1', 'lead-2']);
      expect(() => db.prepare("UPDATE import_batches SET state = 'gone'").run()).toThrow(/CHECK constraint/);
    },
  });
});
