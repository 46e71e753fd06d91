import type { Database } from 'better-sqlite3';

/**
 * Snoozes, and the day's session figures.
 * - `lead_queue.snoozed_until` (UTC epoch ms) and `snooze_reason`: the queue keeps the lead out until
 *   then and `queue.why` says so (rule `snoozed`); the snooze itself is an activity (`kind = 'snooze'`).
 * - `activities_kind_time`: today's calls, skips and snoozes are read by kind and time (`session.stats`,
 *   the daily plan) without walking every activity.
 *
 * Columns are added, never changed; rows from before have no snooze.
 */
export const migration008Snooze = (db: Database): void => {
  db.exec(`
    ALTER TABLE lead_queue ADD COLUMN snoozed_until INTEGER;
    ALTER TABLE lead_queue ADD COLUMN snooze_reason TEXT;
    CREATE INDEX activities_kind_time ON activities(kind, occurred_at);
  `);
};
