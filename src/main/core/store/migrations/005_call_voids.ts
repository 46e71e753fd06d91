import type { Database } from 'better-sqlite3';

/**
 * One outcome per call, and voids.
 *
 * - `activities.call_id`: the call attempt an outcome was logged for (a UUID the workspace makes when a
 *   lead is shown), so a second outcome for the same call is refused instead of logging a second call.
 * - `activities.voided_at`, `void_reason`, `void_kind` (`undo` within seconds, or `void` later from the
 *   history): a voided outcome stays in the history, marked.
 * - `activities.reversal` (JSON): what logging the outcome changed, as it was before (dial counters, the
 *   live task, the enrollment) and as it left it, so a void can put back exactly what is still the
 *   outcome's own. Kept on the activity's own row, so logging a call writes no extra b-tree page; local
 *   only: the server learns a reversal from the void's own mutation.
 *
 * Columns are added, never changed; rows written before this migration have no call id and no reversal.
 */
export const migration005CallVoids = (db: Database): void => {
  db.exec(`
    ALTER TABLE activities ADD COLUMN call_id TEXT;
    ALTER TABLE activities ADD COLUMN voided_at INTEGER;
    ALTER TABLE activities ADD COLUMN void_reason TEXT;
    ALTER TABLE activities ADD COLUMN void_kind TEXT CHECK (void_kind IN ('undo', 'void'));
    ALTER TABLE activities ADD COLUMN reversal TEXT;
    CREATE INDEX activities_call_id ON activities(call_id) WHERE call_id IS NOT NULL;
  `);
};
