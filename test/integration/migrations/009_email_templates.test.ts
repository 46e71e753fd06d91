import { describe, expect } from 'vitest';
import type { Db } from '../../../src/main/core/store/db';
import { migrations } from '../../../src/main/core/store/migrations';
import { migration009EmailTemplates } from '../../../src/main/core/store/migrations/009_email_templates';
import { describeMigration } from './helpers';

// The schema version this migration reaches is its place in the list.
const VERSION = migrations.indexOf(migration009EmailTemplates) + 1;

/** A cadence with an email step, written with the previous schema. */
const seed = (db: Db) => {
  db.prepare(`INSERT INTO cadences (id, name, description, rule, priority, limits, builtin, archived,
      created_at, updated_at) VALUES ('cad-1', 'Email first', '', NULL, 100, '{}', 0, 0, 1000, 1000)`).run();
  db.prepare(`INSERT INTO cadence_steps (cadence_id, position, step_id, kind, title, wait_amount, wait_unit,
      max_attempts, transitions) VALUES ('cad-1', 0, 'email-1', 'email', 'Intro email', 0, 'minutes', 1, '{}')`).run();
};

describe('migration 009: email templates', () => {
  describeMigration(VERSION, {
    seed,
    verify: (db) => {
      // The step from before keeps everything and names no template (the built-in one applies).
      expect(db.prepare('SELECT step_id, kind, title, email_template_id FROM cadence_steps').all()).toEqual([
        { step_id: 'email-1', kind: 'email', title: 'Intro email', email_template_id: null },
      ]);
      db.prepare(`INSERT INTO email_templates (id, scope, name, language, subject, body, created_at, updated_at)
        VALUES ('tpl-1', 'personal', 'Slides', 'en', 'Hi {{firstName}}', 'Body', 2000, 2000)`).run();
      expect(db.prepare('SELECT archived FROM email_templates').get()).toEqual({ archived: 0 });
      db.prepare("UPDATE cadence_steps SET email_template_id = 'tpl-1'").run();
      expect(() =>
        db.prepare("UPDATE email_templates SET scope = 'everyone' WHERE id = 'tpl-1'").run(),
      ).toThrow(/CHECK constraint/);
      expect(() => db.prepare("UPDATE email_templates SET language = 'fr' WHERE id = 'tpl-1'").run()).toThrow(
        /CHECK constraint/,
      );
      expect(() =>
        db.prepare("UPDATE email_templates SET created_at = 'yesterday' WHERE id = 'tpl-1'").run(),
      ).toThrow(/cannot store TEXT value in INTEGER column/);
    },
  });
});
