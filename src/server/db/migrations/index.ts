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
];

/** The schema version a fully migrated database has. */
export const latestServerSchema = Math.max(...serverMigrations.map((m) => m.version));
