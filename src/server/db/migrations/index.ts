/**
 * The server's schema, one entry per version, applied in order (see `../migrate.ts`). Entries are
 * never edited once released: a change is a new entry. Times are UTC epoch milliseconds (bigint),
 * ids UUIDv7 text made by the server.
 */
export type ServerMigration = { version: number; name: string; sql: string };

export const serverMigrations: readonly ServerMigration[] = [
  {
    version: 1,
    name: 'teams, users, tokens',
    sql: `
      CREATE TABLE teams (
        id uuid PRIMARY KEY,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        -- Signs inbound-lead webhooks (HMAC); the server must read it back to check a signature.
        inbound_secret text NOT NULL,
        created_at bigint NOT NULL
      );
      CREATE TABLE users (
        id uuid PRIMARY KEY,
        team_id uuid NOT NULL REFERENCES teams(id),
        email text NOT NULL,
        role text NOT NULL CHECK (role IN ('rep', 'ae', 'manager')),
        created_at bigint NOT NULL,
        UNIQUE (team_id, email)
      );
      -- Bearer tokens, kept only as SHA-256 digests. A token belongs to a user, or (user_id NULL,
      -- kind 'admin') is the server's administrator token.
      CREATE TABLE tokens (
        id uuid PRIMARY KEY,
        kind text NOT NULL CHECK (kind IN ('admin', 'user')),
        user_id uuid REFERENCES users(id),
        token_sha256 bytea NOT NULL UNIQUE CHECK (length(token_sha256) = 32),
        created_at bigint NOT NULL,
        revoked_at bigint,
        CHECK ((kind = 'admin') = (user_id IS NULL))
      );
      CREATE INDEX tokens_user ON tokens (user_id);
    `,
  },
  {
    version: 2,
    name: 'sync push: mutations, activities, voids, team change versions',
    sql: `
      -- Each team's change sequence: the row is locked by every applying transaction (UPDATE … RETURNING),
      -- so versions are handed out in commit order and a pull by version never skips a committed row.
      CREATE TABLE team_versions (
        team_id uuid PRIMARY KEY REFERENCES teams(id),
        version bigint NOT NULL
      );
      -- Every mutation a desktop pushed, once per (team, id): what it said and what became of it.
      -- status 'applied' (its effect is in the tables below), 'stored' (kept as received for a later
      -- version to apply) or 'rejected' (code and message say why; a retry is answered the same).
      CREATE TABLE mutations (
        team_id uuid NOT NULL REFERENCES teams(id),
        id uuid NOT NULL,
        user_id uuid NOT NULL REFERENCES users(id),
        name text NOT NULL,
        args jsonb,
        hlc text NOT NULL,
        status text NOT NULL CHECK (status IN ('applied', 'stored', 'rejected')),
        code text,
        message text,
        change_version bigint,
        received_at bigint NOT NULL,
        PRIMARY KEY (team_id, id),
        CHECK ((status = 'rejected') = (code IS NOT NULL))
      );
      CREATE INDEX mutations_version ON mutations (team_id, change_version) WHERE change_version IS NOT NULL;
      -- Calls, voicemails, emails, status changes, skips and snoozes: append-only, keyed by the id the
      -- desktop gave them. note is the rep's note.
      CREATE TABLE activities (
        team_id uuid NOT NULL REFERENCES teams(id),
        id uuid NOT NULL,
        lead_id uuid NOT NULL,
        user_id uuid NOT NULL REFERENCES users(id),
        mutation_id uuid NOT NULL,
        kind text NOT NULL,
        outcome text,
        note text,
        data jsonb,
        occurred_at bigint NOT NULL,
        hlc text NOT NULL,
        change_version bigint NOT NULL,
        received_at bigint NOT NULL,
        PRIMARY KEY (team_id, id)
      );
      CREATE INDEX activities_version ON activities (team_id, change_version);
      CREATE INDEX activities_lead ON activities (team_id, lead_id, occurred_at);
      -- Voids are facts of their own (append-only too): the activity row is never edited.
      CREATE TABLE activity_voids (
        team_id uuid NOT NULL REFERENCES teams(id),
        mutation_id uuid NOT NULL,
        activity_id uuid NOT NULL,
        lead_id uuid NOT NULL,
        user_id uuid NOT NULL REFERENCES users(id),
        kind text NOT NULL,
        reason text,
        voided_at bigint NOT NULL,
        hlc text NOT NULL,
        change_version bigint NOT NULL,
        received_at bigint NOT NULL,
        PRIMARY KEY (team_id, mutation_id, activity_id)
      );
      CREATE INDEX activity_voids_activity ON activity_voids (team_id, activity_id);
    `,
  },
  {
    version: 3,
    name: 'leads and accounts held by the server',
    sql: `
      -- Companies, keyed by the id the desktop (or the server's import) gave them; name_folded matches
      -- the desktop's folded-name rule so one company is one account per team.
      CREATE TABLE accounts (
        team_id uuid NOT NULL REFERENCES teams(id),
        id uuid NOT NULL,
        name text NOT NULL,
        name_folded text NOT NULL,
        created_at bigint NOT NULL,
        change_version bigint NOT NULL,
        PRIMARY KEY (team_id, id)
      );
      CREATE INDEX accounts_version ON accounts (team_id, change_version);
      CREATE INDEX accounts_name ON accounts (team_id, name_folded);
      -- Leads as the team sees them. fields holds the lead in the wire shape of @shared/domain/lead
      -- (everything but id, ownerId and isDemo) plus research notes under "research"; field_hlcs maps
      -- each field to the HLC of the write that set it, so concurrent edits merge per field,
      -- last writer wins. owner_id is server-owned (assignment): desktops never decide it.
      -- phones_e164 and email_folded mirror fields for dedupe (inbound, import) and number lookup.
      CREATE TABLE leads (
        team_id uuid NOT NULL REFERENCES teams(id),
        id uuid NOT NULL,
        owner_id uuid REFERENCES users(id),
        status text NOT NULL,
        fields jsonb NOT NULL,
        field_hlcs jsonb NOT NULL DEFAULT '{}'::jsonb,
        phones_e164 text[] NOT NULL DEFAULT '{}',
        email_folded text,
        created_at bigint NOT NULL,
        updated_at bigint NOT NULL,
        change_version bigint NOT NULL,
        PRIMARY KEY (team_id, id)
      );
      CREATE INDEX leads_version ON leads (team_id, change_version);
      CREATE INDEX leads_owner ON leads (team_id, owner_id);
      CREATE INDEX leads_phones ON leads USING gin (phones_e164);
      CREATE INDEX leads_email ON leads (team_id, email_folded) WHERE email_folded IS NOT NULL;
    `,
  },
  {
    version: 4,
    name: 'lead moves and lead creators',
    sql: `
      -- A lead changing hands (reassigned, released, claimed): the lead row names only its new owner, so
      -- the former owner's pull finds the departure here, and the new owner's pull the lead's history.
      CREATE TABLE lead_moves (
        team_id uuid NOT NULL REFERENCES teams(id),
        lead_id uuid NOT NULL,
        from_user_id uuid REFERENCES users(id),
        to_user_id uuid REFERENCES users(id),
        change_version bigint NOT NULL,
        PRIMARY KEY (team_id, lead_id, change_version)
      );
      CREATE INDEX lead_moves_from ON lead_moves (team_id, from_user_id, change_version);
      CREATE INDEX lead_moves_to ON lead_moves (team_id, to_user_id, lead_id);
      -- Who created a lead (null: the manager's import or an inbound form): a rep may write an unassigned
      -- lead only when they created it.
      ALTER TABLE leads ADD COLUMN created_by uuid REFERENCES users(id);
    `,
  },
];

/** The schema version a fully migrated database has. */
export const latestServerSchema = Math.max(...serverMigrations.map((m) => m.version));
