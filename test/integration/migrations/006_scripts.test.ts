import { describe, expect } from 'vitest';
import type { Db } from '../../../src/main/core/store/db';
import { migrations } from '../../../src/main/core/store/migrations';
import { migration006Scripts } from '../../../src/main/core/store/migrations/006_scripts';
import { columnsOf, describeMigration, tableNames } from './helpers';

// Its place in the list, whichever migrations were merged before it.
const VERSION = migrations.indexOf(migration006Scripts) + 1;

/** A lead with research notes, written with the previous schema. */
const seed = (db: Db) => {
  db.prepare(`INSERT INTO leads (id, name, source_channel, direction, status, created_at, updated_at)
    VALUES ('lead-1', 'Jo Park', 'web_form', 'inbound', 'working', 1000, 1000)`).run();
  db.prepare(
    `INSERT INTO research (lead_id, body, updated_at) VALUES ('lead-1', 'Uses HubSpot', 1000)`,
  ).run();
};

describe('migration 006: scripts and research facts', () => {
  describeMigration(VERSION, {
    seed,
    verify: (db) => {
      expect(tableNames(db)).toEqual(expect.arrayContaining(['scripts', 'research_facts']));
      expect(columnsOf(db, 'research_facts')).toEqual([
        'lead_id',
        'trigger_event',
        'pain_point',
        'tech_stack',
        'current_tool',
        'updated_at',
      ]);
      // The notes are untouched, and a lead's facts start empty but for what is set.
      expect(db.prepare("SELECT body FROM research WHERE lead_id = 'lead-1'").pluck().get()).toBe(
        'Uses HubSpot',
      );
      db.prepare(
        "INSERT INTO research_facts (lead_id, pain_point, updated_at) VALUES ('lead-1', 'slow dials', 2000)",
      ).run();
      expect(db.prepare('SELECT trigger_event, pain_point FROM research_facts').get()).toEqual({
        trigger_event: '',
        pain_point: 'slow dials',
      });
      // Facts go with their lead.
      db.prepare("DELETE FROM leads WHERE id = 'lead-1'").run();
      expect(db.prepare('SELECT count(*) FROM research_facts').pluck().get()).toBe(0);

      const insert = (kind: string, language: string) =>
        db
          .prepare(`INSERT INTO scripts (id, kind, scope, name, body, language, created_at, updated_at)
            VALUES (lower(hex(randomblob(8))), ?, 'team', 'n', 'b', ?, 1, 1)`)
          .run(kind, language);
      insert('voicemail', 'zh-CN');
      expect(() => insert('email', 'en')).toThrow(/CHECK constraint/);
      expect(() => insert('opener', 'fr')).toThrow(/CHECK constraint/);
    },
  });
});
