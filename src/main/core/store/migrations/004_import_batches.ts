import type { Database } from 'better-sqlite3';

/**
 * Imports publish in one small transaction. An import writes its rows in many short transactions, each
 * row carrying the id of its `import_batches` row; while that batch is `writing`, no read shows them
 * (store/published.ts). Publishing flips the batch to `published`; a batch left `writing` by a process
 * that died is removed on the next open (imports/write/batches.ts).
 *
 * `pid` and `host` name the process writing the batch, so an open elsewhere leaves a live import alone;
 * `outbox_seq` is the outbox's last row when the import read the store, so publishing can find the leads
 * written meanwhile. Columns are added, never changed: `batch_id` is NULL on every row written otherwise.
 */
export const migration004ImportBatches = (db: Database): void => {
  db.exec(`
    CREATE TABLE import_batches (
      id TEXT PRIMARY KEY,
      state TEXT NOT NULL CHECK (state IN ('writing', 'published')),
      file_name TEXT NOT NULL,
      pid INTEGER NOT NULL,
      host TEXT NOT NULL,
      outbox_seq INTEGER NOT NULL,
      started_at INTEGER NOT NULL,
      published_at INTEGER
    ) STRICT;
    CREATE INDEX import_batches_writing ON import_batches(state) WHERE state = 'writing';

    ALTER TABLE leads ADD COLUMN batch_id TEXT;
    ALTER TABLE lead_phones ADD COLUMN batch_id TEXT;
    ALTER TABLE accounts ADD COLUMN batch_id TEXT;
    ALTER TABLE research ADD COLUMN batch_id TEXT;
    ALTER TABLE enrollments ADD COLUMN batch_id TEXT;
    ALTER TABLE tasks ADD COLUMN batch_id TEXT;
    ALTER TABLE outbox ADD COLUMN batch_id TEXT;
  `);
};
