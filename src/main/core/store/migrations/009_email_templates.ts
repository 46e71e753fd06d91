import type { Database } from 'better-sqlite3';

/**
 * Email templates for the Tasks view's email steps.
 * - `email_templates`: team and personal follow-up emails, `{{variable}}` placeholders in subject and
 *   body. A table of its own rather than more kinds in `scripts`: an email has a subject a script has
 *   not, and `scripts.kind`'s CHECK could only take a new kind by rebuilding a synced table. Built-in
 *   templates are not stored (they live in code under fixed ids); `archived` keeps a deleted one's id.
 * - `cadence_steps.email_template_id`: the template an email step sends (null: the built-in one of the
 *   rep's language). Not a foreign key, so a deleted template leaves the step on the default.
 *
 * Columns and tables are added, never changed; steps from before have no template.
 */
export const migration009EmailTemplates = (db: Database): void => {
  db.exec(`
    CREATE TABLE email_templates (
      id TEXT PRIMARY KEY,
      scope TEXT NOT NULL CHECK (scope IN ('team', 'personal')),
      name TEXT NOT NULL,
      language TEXT NOT NULL CHECK (language IN ('en', 'zh-CN', 'ko')),
      subject TEXT NOT NULL,
      body TEXT NOT NULL,
      archived INTEGER NOT NULL DEFAULT 0,
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL
    ) STRICT;
    ALTER TABLE cadence_steps ADD COLUMN email_template_id TEXT;
  `);
};
