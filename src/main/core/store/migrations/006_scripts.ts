import type { Database } from 'better-sqlite3';

/**
 * Scripts and talk tracks, and the research facts they are filled from.
 * - `scripts`: voicemail scripts, call openers and objection cards, team or personal, with
 *   `{{variable}}` placeholders. Built-in ones (`builtin = 1`) hold the PLAYBOOK's English text under
 *   fixed ids; `archived` keeps a deleted script's id so a re-seed never brings it back.
 * - `research_facts`: per lead, the trigger event, pain point, tech stack and current tool ('' while
 *   unknown), beside the free-text notes in `research`.
 */
export const migration006Scripts = (db: Database): void => {
  db.exec(`
    CREATE TABLE scripts (
      id TEXT PRIMARY KEY,
      kind TEXT NOT NULL CHECK (kind IN ('voicemail', 'opener', 'objection')),
      scope TEXT NOT NULL CHECK (scope IN ('team', 'personal')),
      name TEXT NOT NULL,
      body TEXT NOT NULL,
      language TEXT NOT NULL CHECK (language IN ('en', 'zh-CN', 'ko')),
      builtin INTEGER NOT NULL DEFAULT 0,
      archived INTEGER NOT NULL DEFAULT 0,
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX scripts_by_kind ON scripts(kind, archived);

    CREATE TABLE research_facts (
      lead_id TEXT PRIMARY KEY REFERENCES leads(id) ON DELETE CASCADE,
      trigger_event TEXT NOT NULL DEFAULT '',
      pain_point TEXT NOT NULL DEFAULT '',
      tech_stack TEXT NOT NULL DEFAULT '',
      current_tool TEXT NOT NULL DEFAULT '',
      updated_at INTEGER NOT NULL
    ) STRICT;
  `);
};
