import { describe, expect } from 'vitest';
import type { Db } from '../../../src/main/core/store/db';
import { describeMigration, indexNames } from './helpers';

const LEADS = 30;

/** Leads written with schema 1's columns, as a store of that version holds them. */
const seed = (db: Db) => {
  db.prepare(
    "INSERT INTO accounts (id, name, name_key, created_at, updated_at) VALUES ('acc-1', 'Acme', 'acme', 1, 1)",
  ).run();
  const insert = db.prepare(`INSERT INTO leads (id, name, account_id, source_channel, direction, status,
    created_at, updated_at) VALUES (?, ?, 'acc-1', 'web_form', 'inbound', 'new', ?, ?)`);
  for (let i = 0; i < LEADS; i++)
    insert.run(`lead-${String(i).padStart(2, '0')}`, `Lead ${i}`, 1000 + i, 1000 + i);
};

describe('migration 002: the lead list order index', () => {
  describeMigration(2, {
    seed,
    verify: (db) => {
      expect(indexNames(db)).toContain('leads_list_order');
      const rows = db
        .prepare<[], { id: string }>('SELECT id FROM leads ORDER BY created_at DESC, id DESC')
        .all();
      expect(rows).toHaveLength(LEADS);
      expect(rows[0]?.id).toBe('lead-29');
      // The newest-first window is read from the index, not sorted row by row.
      const plan = db
        .prepare<[], { detail: string }>(
          'EXPLAIN QUERY PLAN SELECT id FROM leads ORDER BY created_at DESC, id DESC LIMIT 50',
        )
        .all()
        .map((step) => step.detail)
        .join('\n');
      expect(plan).toContain('leads_list_order');
      expect(plan).not.toContain('TEMP B-TREE');
    },
  });
});
