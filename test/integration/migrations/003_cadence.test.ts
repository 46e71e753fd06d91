import { describe, expect } from 'vitest';
import type { Db } from '../../../src/main/core/store/db';
import { describeMigration, indexNames, tableNames } from './helpers';

const NEW_TABLES = ['cadence_steps', 'cadences', 'dnc', 'enrollments', 'lead_queue', 'tasks'];

/** A lead with a logged call, written with schema 2's columns. */
const seed = (db: Db) => {
  db.prepare(`INSERT INTO leads (id, name, source_channel, direction, status, created_at, updated_at)
    VALUES ('lead-1', 'Jo Park', 'web_form', 'inbound', 'working', 1000, 1000)`).run();
  db.prepare(`INSERT INTO activities (id, lead_id, kind, outcome, occurred_at, created_at)
    VALUES ('act-1', 'lead-1', 'call', 'no_answer', 2000, 2000)`).run();
};

const task = (db: Db, id: string, state: string) =>
  db
    .prepare(`INSERT INTO tasks (id, lead_id, kind, lane, title, state, due_at, ready_at, zone_key, band,
      lead_created_at, created_at) VALUES (?, 'lead-1', 'call', 'dial', 'Call', ?, 0, 0, 'UTC', 0, 1000, 0)`)
    .run(id, state);

describe('migration 003: cadences, tasks and the do-not-contact list', () => {
  describeMigration(3, {
    seed,
    verify: (db) => {
      expect(tableNames(db)).toEqual(expect.arrayContaining(NEW_TABLES));
      const tables = db.pragma('table_list') as Array<{ name: string; strict: number; wr: number }>;
      expect(tables.filter((t) => NEW_TABLES.includes(t.name)).every((t) => t.strict === 1)).toBe(true);
      // The tables every logged call writes are one b-tree each, keyed by their id.
      expect(
        tables
          .filter((t) => t.wr === 1)
          .map((t) => t.name)
          .sort(),
      ).toEqual(['enrollments', 'lead_queue', 'tasks']);
      expect(indexNames(db)).toEqual(expect.arrayContaining(['tasks_live', 'activities_call_time']));

      // The seeded lead and its call are still there.
      expect(db.prepare('SELECT name FROM leads').all()).toEqual([{ name: 'Jo Park' }]);
      expect(db.prepare('SELECT outcome FROM activities').all()).toEqual([{ outcome: 'no_answer' }]);

      // One live task per lead; finished ones may pile up.
      task(db, 'task-1', 'open');
      expect(() => task(db, 'task-2', 'paused')).toThrow(/UNIQUE constraint failed/);
      task(db, 'task-3', 'done');
      task(db, 'task-4', 'done');

      // A number is on the do-not-contact list once.
      const dnc = db.prepare(
        "INSERT INTO dnc (id, kind, value, created_at) VALUES (?, 'phone', '+12025550143', 0)",
      );
      dnc.run('dnc-1');
      expect(() => dnc.run('dnc-2')).toThrow(/UNIQUE constraint failed/);
    },
  });
});
