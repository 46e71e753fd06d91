import { reportRollupsMigration, reportsMigration } from './reports';

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
  {
    version: 5,
    name: 'hand-offs to AEs, AE misses and the hand-off rotation',
    sql: `
      -- MQLs handed to sales, keyed by the id the desktop gave them (PLAYBOOK, "Hand-off rules").
      -- ae_id is the AE the server routed it to (NULL: none was eligible; a manager sees it).
      -- due_at = received_at + 48 h: the window runs from when the server (and so the AE) has it.
      -- decision is NULL until the AE accepts (lead -> sql) or rejects with a reason (lead -> nurture).
      -- missed_at is set once the window ran out with no decision (a miss against ae_id).
      CREATE TABLE handoffs (
        team_id uuid NOT NULL REFERENCES teams(id),
        id uuid NOT NULL,
        lead_id uuid NOT NULL,
        rep_id uuid NOT NULL REFERENCES users(id),
        ae_id uuid REFERENCES users(id),
        suggested_ae text,
        summary text NOT NULL,
        bant jsonb NOT NULL,
        next_step text NOT NULL,
        profile_filled integer NOT NULL,
        profile_total integer NOT NULL,
        status_before text NOT NULL,
        created_at bigint NOT NULL,
        received_at bigint NOT NULL,
        due_at bigint NOT NULL,
        decided_at bigint,
        decided_by uuid REFERENCES users(id),
        decision text CHECK (decision IN ('accepted', 'rejected')),
        reason text,
        missed_at bigint,
        change_version bigint NOT NULL,
        PRIMARY KEY (team_id, id),
        CHECK ((decision IS NULL) = (decided_at IS NULL)),
        CHECK (decision IS DISTINCT FROM 'rejected' OR reason IS NOT NULL)
      );
      CREATE INDEX handoffs_version ON handoffs (team_id, change_version);
      CREATE INDEX handoffs_ae ON handoffs (team_id, ae_id, due_at);
      CREATE INDEX handoffs_due ON handoffs (team_id, due_at) WHERE decision IS NULL AND missed_at IS NULL;
      -- One row per missed window: the AE, the hand-off and the month (UTC, 'YYYY-MM') it counts in.
      CREATE TABLE handoff_misses (
        team_id uuid NOT NULL REFERENCES teams(id),
        handoff_id uuid NOT NULL,
        ae_id uuid NOT NULL REFERENCES users(id),
        missed_at bigint NOT NULL,
        month text NOT NULL,
        PRIMARY KEY (team_id, handoff_id)
      );
      CREATE INDEX handoff_misses_ae ON handoff_misses (team_id, ae_id, month);
      -- Per team: the AE the last round-robin pick went to; per AE: out of rotation until (epoch ms).
      CREATE TABLE handoff_rotation (
        team_id uuid PRIMARY KEY REFERENCES teams(id),
        last_ae_id uuid REFERENCES users(id)
      );
      CREATE TABLE ae_eligibility (
        team_id uuid NOT NULL REFERENCES teams(id),
        ae_id uuid NOT NULL REFERENCES users(id),
        out_until bigint NOT NULL,
        since bigint NOT NULL,
        PRIMARY KEY (team_id, ae_id)
      );
    `,
  },
  {
    version: 6,
    name: 'inbound leads: shifts, round-robin pointer, webhook replay guard, inbound log',
    sql: `
      -- When a user takes inbound leads: one shift per user and team, on the weekdays named, from
      -- start_time to end_time local time in time_zone (IANA). An end before the start runs past
      -- midnight into the next day (22:00–06:00 on mon is Monday night into Tuesday morning).
      CREATE TABLE shifts (
        team_id uuid NOT NULL REFERENCES teams(id),
        user_id uuid NOT NULL REFERENCES users(id),
        days text[] NOT NULL CHECK (
          cardinality(days) BETWEEN 1 AND 7
          AND days <@ ARRAY['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']::text[]
        ),
        start_time text NOT NULL CHECK (start_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
        end_time text NOT NULL CHECK (end_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
        time_zone text NOT NULL,
        updated_at bigint NOT NULL,
        PRIMARY KEY (team_id, user_id),
        CHECK (start_time <> end_time)
      );
      -- The inbound round-robin pointer: the rep who got the team's last routed inbound lead. Its row is
      -- locked by each routing transaction, so concurrent posts take turns instead of picking one rep.
      CREATE TABLE inbound_routing (
        team_id uuid PRIMARY KEY REFERENCES teams(id),
        last_owner_id uuid REFERENCES users(id),
        updated_at bigint NOT NULL
      );
      -- Replay guard: every accepted webhook signature, kept past the timestamp window (older
      -- timestamps are refused anyway, so older rows are pruned).
      CREATE TABLE inbound_signatures (
        team_id uuid NOT NULL REFERENCES teams(id),
        signature bytea NOT NULL CHECK (length(signature) = 32),
        signed_at bigint NOT NULL,
        seen_at bigint NOT NULL,
        PRIMARY KEY (team_id, signature)
      );
      CREATE INDEX inbound_signatures_seen ON inbound_signatures (team_id, seen_at);
      -- Every accepted inbound post: the lead it made or came back to (duplicate), whom it was routed
      -- to and by which rule, and the body as received (nothing a form sent is lost).
      CREATE TABLE inbound_leads (
        team_id uuid NOT NULL REFERENCES teams(id),
        id uuid NOT NULL,
        lead_id uuid NOT NULL,
        duplicate boolean NOT NULL,
        owner_id uuid REFERENCES users(id),
        routed text NOT NULL CHECK (routed IN ('on_shift', 'next_shift', 'unassigned', 'kept')),
        source_channel text NOT NULL,
        source_detail text,
        payload jsonb NOT NULL,
        received_at bigint NOT NULL,
        change_version bigint NOT NULL,
        PRIMARY KEY (team_id, id)
      );
      CREATE INDEX inbound_leads_version ON inbound_leads (team_id, change_version);
      CREATE INDEX inbound_leads_lead ON inbound_leads (team_id, lead_id);
    `,
  },
  {
    version: 7,
    name: 'Twilio: team settings and secrets, voicemail drops, calls and their status events',
    sql: `
      -- A team's Twilio settings: what the server may show a manager again. local_presence is
      -- [{country, areaCode, number}]; recording is {enabled, allPartyConsent, allPartyRegions,
      -- announcement}; webhook_base_url is the address Twilio reaches this server at.
      CREATE TABLE twilio_settings (
        team_id uuid PRIMARY KEY REFERENCES teams(id),
        account_sid text NOT NULL,
        api_key_sid text NOT NULL,
        twiml_app_sid text NOT NULL,
        caller_id text NOT NULL,
        local_presence jsonb NOT NULL DEFAULT '[]'::jsonb,
        recording jsonb NOT NULL,
        webhook_base_url text NOT NULL,
        updated_at bigint NOT NULL
      );
      -- The team's Twilio secrets, apart from the settings so no query that answers a request reads
      -- them by accident. Kept readable (like teams.inbound_secret): the server signs access tokens
      -- with the API key secret and recomputes webhook signatures with the auth token.
      CREATE TABLE twilio_secrets (
        team_id uuid PRIMARY KEY REFERENCES teams(id),
        auth_token text NOT NULL,
        api_key_secret text NOT NULL,
        updated_at bigint NOT NULL
      );
      -- Each rep's recorded voicemail message, played into the prospect's voicemail on a drop.
      CREATE TABLE twilio_voicemail_drops (
        team_id uuid NOT NULL REFERENCES teams(id),
        user_id uuid NOT NULL REFERENCES users(id),
        url text NOT NULL,
        updated_at bigint NOT NULL,
        PRIMARY KEY (team_id, user_id)
      );
      -- One row per call the voice webhook bridged, keyed by Twilio's CallSid of the rep's leg;
      -- prospect_call_sid is the dialled leg's (learned from its callbacks). activity_id is the call
      -- activity the final status writes (once). answered_by is the AMD verdict; drop_requested the
      -- rep's ask to leave the recorded voicemail, dropped_at when it was played. recording_* is where
      -- Twilio keeps the dual-channel recording, from its recording status callback.
      CREATE TABLE twilio_calls (
        call_sid text PRIMARY KEY,
        team_id uuid NOT NULL REFERENCES teams(id),
        prospect_call_sid text UNIQUE,
        lead_id uuid NOT NULL,
        user_id uuid NOT NULL REFERENCES users(id),
        activity_id uuid NOT NULL,
        to_e164 text NOT NULL,
        caller_id text NOT NULL,
        recorded boolean NOT NULL,
        drop_requested boolean NOT NULL DEFAULT false,
        answered_by text,
        dropped_at bigint,
        status text NOT NULL,
        duration_seconds integer,
        recording_sid text,
        recording_url text,
        recording_duration_seconds integer,
        recording_channels integer,
        created_at bigint NOT NULL,
        updated_at bigint NOT NULL
      );
      CREATE INDEX twilio_calls_team ON twilio_calls (team_id, created_at);
      -- Every status callback once per (CallSid, status): Twilio's retries of one callback change nothing.
      CREATE TABLE twilio_call_events (
        call_sid text NOT NULL,
        status text NOT NULL,
        parent_call_sid text NOT NULL REFERENCES twilio_calls(call_sid),
        params jsonb NOT NULL,
        received_at bigint NOT NULL,
        PRIMARY KEY (call_sid, status)
      );
    `,
  },
  {
    version: 8,
    name: 'console: passwords, invitation and reset links, browser sessions',
    sql: `
      -- A user's console password as an scrypt hash in PHC-like form (see src/server/auth/passwords.ts).
      -- No row: the user has no password yet and signs in to the console with their token only.
      CREATE TABLE user_passwords (
        user_id uuid PRIMARY KEY REFERENCES users(id),
        hash text NOT NULL,
        updated_at bigint NOT NULL
      );
      -- One-time links that set a password: kind 'invite' (a new user's first password) or 'reset'
      -- (issued by a manager). Only the SHA-256 of the link's secret is kept; used_at makes it single-use.
      CREATE TABLE console_links (
        id uuid PRIMARY KEY,
        team_id uuid NOT NULL REFERENCES teams(id),
        user_id uuid NOT NULL REFERENCES users(id),
        kind text NOT NULL CHECK (kind IN ('invite', 'reset')),
        secret_sha256 bytea NOT NULL UNIQUE CHECK (length(secret_sha256) = 32),
        created_by uuid REFERENCES users(id),
        created_at bigint NOT NULL,
        expires_at bigint NOT NULL,
        used_at bigint
      );
      CREATE INDEX console_links_user ON console_links (user_id);
      -- Browser sessions of the console: the cookie's secret kept as SHA-256, the CSRF token every
      -- change must echo, and how the user signed in ('password' or 'token').
      CREATE TABLE console_sessions (
        id uuid PRIMARY KEY,
        team_id uuid NOT NULL REFERENCES teams(id),
        user_id uuid NOT NULL REFERENCES users(id),
        secret_sha256 bytea NOT NULL UNIQUE CHECK (length(secret_sha256) = 32),
        csrf_token text NOT NULL,
        method text NOT NULL CHECK (method IN ('password', 'token')),
        user_agent text,
        created_at bigint NOT NULL,
        last_seen_at bigint NOT NULL,
        expires_at bigint NOT NULL,
        revoked_at bigint
      );
      CREATE INDEX console_sessions_team ON console_sessions (team_id, created_at);
    `,
  },
  reportsMigration,
  {
    version: 10,
    name: 'users removed by a manager',
    sql: `
      -- A removed (deactivated) user: their tokens are revoked and refused, their leads moved on, and
      -- the row kept, because their pushed mutations, activities and hand-offs still name them.
      ALTER TABLE users ADD COLUMN removed_at bigint;
    `,
  },
  {
    version: 11,
    name: "the team's definitions: team scripts, cadences, outcome set, do-not-contact list",
    sql: `
      -- One register per definition, last writer wins by HLC (src/server/definitions/store.ts):
      -- kind 'script' and 'cadence' keyed by their id, 'outcome_set' by 'team', 'dnc' by 'KIND:VALUE'
      -- (the value normalised: E.164 phone, lower-case email or domain), so two desktops adding the
      -- same number meet in one row. A deleted definition keeps its row (deleted = true) so every
      -- desktop pulls the deletion.
      CREATE TABLE team_definitions (
        team_id uuid NOT NULL REFERENCES teams(id),
        kind text NOT NULL CHECK (kind IN ('script', 'cadence', 'outcome_set', 'dnc')),
        key text NOT NULL,
        body jsonb NOT NULL,
        deleted boolean NOT NULL DEFAULT false,
        hlc text NOT NULL,
        updated_at bigint NOT NULL,
        updated_by uuid REFERENCES users(id),
        change_version bigint NOT NULL,
        PRIMARY KEY (team_id, kind, key)
      );
      CREATE INDEX team_definitions_version ON team_definitions (team_id, change_version);
      CREATE INDEX team_definitions_live ON team_definitions (team_id, kind, updated_at DESC, key)
        WHERE NOT deleted;
    `,
  },
  reportRollupsMigration,
  {
    version: 13,
    name: 'round-robin membership of reps; leads searchable by name, company and owner',
    sql: `
      -- A rep out of rotation keeps their leads and shift but takes no inbound lead and no share of a
      -- round-robin import, until a manager puts them back. Only reps are routed, so only they use it.
      ALTER TABLE users ADD COLUMN in_rotation boolean NOT NULL DEFAULT true;
      -- The manager's lead list pages a team's leads in creation order, all or by owner or status.
      CREATE INDEX leads_team_created ON leads (team_id, created_at, id);
      CREATE INDEX leads_team_owner_created ON leads (team_id, owner_id, created_at, id);
      CREATE INDEX leads_team_status_created ON leads (team_id, status, created_at, id);
      -- What the lead search matches: name, company, email and numbers, lower case, one text. A
      -- trigram index (pg_trgm, a trusted extension shipped with PostgreSQL) finds '%word%' in it
      -- without reading every lead; where the extension cannot be created the search still works,
      -- reading the team's leads.
      CREATE FUNCTION dialdeck_lead_search_text(fields jsonb, email text, phones text[]) RETURNS text
        LANGUAGE sql IMMUTABLE PARALLEL SAFE
        AS $fn$ SELECT lower(coalesce(fields->>'name', '') || ' ' || coalesce(fields->>'company', '') || ' '
          || coalesce(email, '') || ' ' || array_to_string(phones, ' ')) $fn$;
      DO $do$ BEGIN
        CREATE EXTENSION IF NOT EXISTS pg_trgm;
        CREATE INDEX leads_search ON leads
          USING gin (dialdeck_lead_search_text(fields, email_folded, phones_e164) gin_trgm_ops);
      EXCEPTION WHEN insufficient_privilege OR undefined_file OR feature_not_supported THEN
        RAISE NOTICE 'pg_trgm is not available here: the lead search reads every lead of a team.';
      END $do$;
    `,
  },
  {
    version: 14,
    name: 'a hand-off re-routed to another AE can be missed again, by that AE',
    sql: `
      -- A removed AE's open hand-offs go to the next AE with a fresh 48-hour window; when the new AE
      -- lets it run out too, that miss counts against them, beside the first AE's: one row per hand-off
      -- and AE (was: per hand-off).
      ALTER TABLE handoff_misses DROP CONSTRAINT handoff_misses_pkey;
      ALTER TABLE handoff_misses ADD PRIMARY KEY (team_id, handoff_id, ae_id);
    `,
  },
];

/** The schema version a fully migrated database has. */
export const latestServerSchema = Math.max(...serverMigrations.map((m) => m.version));
