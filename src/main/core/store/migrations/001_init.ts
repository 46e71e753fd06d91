import type { Database } from 'better-sqlite3';

/** The lead store: leads and their phones, accounts, activities, research notes, outbox, settings. */
export const migration001Init = (db: Database): void => {
  db.exec(`
    CREATE TABLE settings (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT;

    CREATE TABLE accounts (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      name_key TEXT NOT NULL,
      domain TEXT,
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL
    ) STRICT;
    CREATE UNIQUE INDEX accounts_name_key ON accounts(name_key);

    CREATE TABLE leads (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      title TEXT,
      account_id TEXT REFERENCES accounts(id),
      email TEXT,
      time_zone TEXT,
      country TEXT,
      region TEXT,
      city TEXT,
      source_channel TEXT NOT NULL,
      source_detail TEXT,
      direction TEXT NOT NULL CHECK (direction IN ('inbound', 'outbound')),
      status TEXT NOT NULL CHECK (status IN ('new', 'working', 'nurture', 'mql', 'sql', 'opportunity',
        'won', 'lost', 'disqualified', 'do_not_contact')),
      owner_id TEXT,
      is_demo INTEGER NOT NULL DEFAULT 0,
      import_id TEXT,
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX leads_email ON leads(email);
    CREATE INDEX leads_status ON leads(status);
    CREATE INDEX leads_account ON leads(account_id);

    CREATE TABLE lead_phones (
      lead_id TEXT NOT NULL REFERENCES leads(id) ON DELETE CASCADE,
      position INTEGER NOT NULL,
      e164 TEXT NOT NULL,
      ext TEXT,
      label TEXT,
      raw TEXT NOT NULL,
      PRIMARY KEY (lead_id, position)
    ) STRICT;
    CREATE INDEX lead_phones_e164 ON lead_phones(e164);

    CREATE TABLE activities (
      id TEXT PRIMARY KEY,
      lead_id TEXT NOT NULL REFERENCES leads(id) ON DELETE CASCADE,
      kind TEXT NOT NULL,
      outcome TEXT,
      body TEXT,
      data TEXT,
      occurred_at INTEGER NOT NULL,
      created_at INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX activities_lead ON activities(lead_id, occurred_at);

    CREATE TABLE research (
      lead_id TEXT PRIMARY KEY REFERENCES leads(id) ON DELETE CASCADE,
      body TEXT NOT NULL,
      updated_at INTEGER NOT NULL
    ) STRICT;

    CREATE TABLE imports (
      id TEXT PRIMARY KEY,
      file_name TEXT NOT NULL,
      imported INTEGER NOT NULL,
      merged INTEGER NOT NULL,
      skipped INTEGER NOT NULL,
      rejected INTEGER NOT NULL,
      created_at INTEGER NOT NULL
    ) STRICT;

    CREATE TABLE outbox (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      id TEXT NOT NULL UNIQUE,
      name TEXT NOT NULL,
      args TEXT NOT NULL,
      hlc TEXT NOT NULL,
      state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'rejected')),
      error TEXT,
      created_at INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX outbox_pending ON outbox(state, seq);
  `);
};
