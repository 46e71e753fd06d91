import type { Database } from 'better-sqlite3';

/**
 * Qualification and the MQL hand-off.
 * - `lead_bant`: one row per lead and BANT criterion the rep answered (`confirmed` 0/1, a note).
 * - `lead_profile_checks`: checklist items ticked by hand (items a lead's fields already answer are
 *   worked out when read, never stored).
 * - `handoffs`: each MQL handed to sales, with what the AE needs; `bant` is the answers as JSON
 *   (`[{criterion, confirmed, note}]`). Rows are never updated: the server records the AE's answer.
 */
export const migration007Qualification = (db: Database): void => {
  db.exec(`
    CREATE TABLE lead_bant (
      lead_id TEXT NOT NULL REFERENCES leads(id) ON DELETE CASCADE,
      criterion TEXT NOT NULL CHECK (criterion IN ('budget', 'authority', 'need', 'timeline')),
      confirmed INTEGER NOT NULL CHECK (confirmed IN (0, 1)),
      note TEXT NOT NULL DEFAULT '',
      updated_at INTEGER NOT NULL,
      PRIMARY KEY (lead_id, criterion)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE lead_profile_checks (
      lead_id TEXT NOT NULL REFERENCES leads(id) ON DELETE CASCADE,
      item_id TEXT NOT NULL,
      checked INTEGER NOT NULL CHECK (checked IN (0, 1)),
      updated_at INTEGER NOT NULL,
      PRIMARY KEY (lead_id, item_id)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE handoffs (
      id TEXT PRIMARY KEY,
      lead_id TEXT NOT NULL REFERENCES leads(id) ON DELETE CASCADE,
      summary TEXT NOT NULL,
      bant TEXT NOT NULL,
      next_step TEXT NOT NULL,
      suggested_ae TEXT,
      profile_filled INTEGER NOT NULL,
      profile_total INTEGER NOT NULL,
      status_before TEXT NOT NULL,
      created_at INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX handoffs_lead ON handoffs(lead_id, created_at);
  `);
};
