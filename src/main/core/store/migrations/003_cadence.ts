import type { Database } from 'better-sqlite3';

/**
 * The call-cadence engine: cadences and their steps, enrollments, tasks (one live task per lead),
 * the do-not-contact list, and per-lead dial counters kept on each logged call so the queue never has
 * to count activities.
 *
 * Every logged outcome writes to these tables with a durable commit, so each b-tree it touches is a page
 * in that commit: enrollments, tasks and lead_queue are keyed by their id WITHOUT ROWID (one b-tree
 * instead of a table plus its primary-key index), and indexes cover only the rows they are read for.
 */
export const migration003Cadence = (db: Database): void => {
  db.exec(`
    CREATE TABLE cadences (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      description TEXT NOT NULL DEFAULT '',
      rule TEXT,
      priority INTEGER NOT NULL DEFAULT 100,
      limits TEXT NOT NULL DEFAULT '{}',
      builtin INTEGER NOT NULL DEFAULT 0,
      archived INTEGER NOT NULL DEFAULT 0,
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL
    ) STRICT;

    CREATE TABLE cadence_steps (
      cadence_id TEXT NOT NULL REFERENCES cadences(id) ON DELETE CASCADE,
      position INTEGER NOT NULL,
      step_id TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('call', 'voicemail', 'email', 'linkedin', 'task')),
      title TEXT NOT NULL,
      wait_amount INTEGER NOT NULL,
      wait_unit TEXT NOT NULL CHECK (wait_unit IN ('minutes', 'hours', 'days', 'business_days')),
      max_attempts INTEGER NOT NULL DEFAULT 1,
      transitions TEXT NOT NULL DEFAULT '{}',
      PRIMARY KEY (cadence_id, step_id)
    ) STRICT;

    CREATE TABLE enrollments (
      id TEXT PRIMARY KEY,
      lead_id TEXT NOT NULL REFERENCES leads(id) ON DELETE CASCADE,
      cadence_id TEXT NOT NULL REFERENCES cadences(id),
      state TEXT NOT NULL CHECK (state IN ('active', 'paused', 'finished')),
      step_id TEXT NOT NULL,
      step_attempts INTEGER NOT NULL DEFAULT 0,
      finish_reason TEXT,
      started_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL,
      finished_at INTEGER
    ) STRICT, WITHOUT ROWID;
    CREATE UNIQUE INDEX enrollments_live ON enrollments(lead_id) WHERE state IN ('active', 'paused');
    CREATE INDEX enrollments_cadence ON enrollments(cadence_id) WHERE state IN ('active', 'paused');

    CREATE TABLE tasks (
      id TEXT PRIMARY KEY,
      lead_id TEXT NOT NULL REFERENCES leads(id) ON DELETE CASCADE,
      enrollment_id TEXT REFERENCES enrollments(id) ON DELETE CASCADE,
      step_id TEXT,
      kind TEXT NOT NULL CHECK (kind IN ('call', 'voicemail', 'email', 'linkedin', 'task', 'callback')),
      lane TEXT NOT NULL CHECK (lane IN ('callback', 'dial', 'todo')),
      title TEXT NOT NULL,
      interstitial INTEGER NOT NULL DEFAULT 0,
      state TEXT NOT NULL CHECK (state IN ('open', 'paused', 'done', 'skipped', 'cancelled')),
      due_at INTEGER NOT NULL,
      ready_at INTEGER NOT NULL,
      zone_key TEXT NOT NULL,
      band INTEGER NOT NULL,
      fresh INTEGER NOT NULL DEFAULT 0,
      lead_created_at INTEGER NOT NULL,
      outcome TEXT,
      created_at INTEGER NOT NULL,
      completed_at INTEGER
    ) STRICT, WITHOUT ROWID;
    CREATE UNIQUE INDEX tasks_live ON tasks(lead_id) WHERE state IN ('open', 'paused');
    CREATE INDEX tasks_dial ON tasks(zone_key, band, ready_at, id, lead_id) WHERE state = 'open' AND lane = 'dial';
    CREATE INDEX tasks_fresh ON tasks(lead_created_at, id, lead_id, ready_at, zone_key)
      WHERE state = 'open' AND lane = 'dial' AND fresh = 1;
    CREATE INDEX tasks_callback ON tasks(due_at, id, lead_id, zone_key) WHERE state = 'open' AND lane = 'callback';
    CREATE INDEX tasks_todo ON tasks(due_at, id) WHERE state = 'open' AND lane = 'todo';

    CREATE TABLE lead_queue (
      lead_id TEXT PRIMARY KEY REFERENCES leads(id) ON DELETE CASCADE,
      attempts_total INTEGER NOT NULL DEFAULT 0,
      attempts_day INTEGER NOT NULL DEFAULT 0,
      attempts_day_key TEXT,
      connects_total INTEGER NOT NULL DEFAULT 0,
      last_attempt_at INTEGER,
      last_outcome TEXT,
      fit INTEGER CHECK (fit BETWEEN 0 AND 100),
      reserved_by TEXT,
      reserved_until INTEGER,
      updated_at INTEGER NOT NULL
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE dnc (
      id TEXT PRIMARY KEY,
      kind TEXT NOT NULL CHECK (kind IN ('phone', 'email', 'domain')),
      value TEXT NOT NULL,
      reason TEXT,
      lead_id TEXT,
      created_at INTEGER NOT NULL,
      UNIQUE (kind, value)
    ) STRICT;

    CREATE INDEX activities_call_time ON activities(occurred_at) WHERE kind = 'call';
  `);
};
