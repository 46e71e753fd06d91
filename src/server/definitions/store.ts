import type { CadenceDefinition } from '@shared/domain/cadence';
import { DEFAULT_OUTCOMES, type Outcome } from '@shared/domain/outcome';
import type { DncEntry, DncKind } from '@shared/domain/queue';
import { formatHlc, parseHlc } from '@shared/hlc';
import type {
  TeamCadence,
  TeamDncEntry,
  TeamDncOutput,
  TeamDncQuery,
  TeamOutcomesOutput,
  TeamScript,
} from '@shared/server/definitions';
import type pg from 'pg';

/**
 * The team's definitions (migration 11's `team_definitions`): team scripts, cadences, the outcome set
 * and the do-not-contact list, one register per definition, last writer wins by HLC. Desktops write
 * them through their pushes (`applyDefinitionChange`), a manager through the console's routes; every
 * member's desktop pulls them (`definitionChanges`).
 */

/** A definition's kind as stored. */
export type DefinitionKind = 'script' | 'cadence' | 'outcome_set' | 'dnc';

/** The stored body of a team script (its times and author are the row's). */
export type ScriptBody = Pick<TeamScript, 'id' | 'kind' | 'name' | 'body' | 'language'>;

/** The key of the one outcome-set register of a team. */
export const OUTCOME_SET_KEY = 'team';

/** The node id the console's writes are stamped with (HLC text form: `wall:counter:node`). */
export const SERVER_NODE = 'server';

/** A DNC entry's register key: `KIND:VALUE`, the value as normalised (E.164, lower-case email or domain). */
export const dncKey = (kind: DncKind, value: string): string => `${kind}:${value}`;

/**
 * One write of a definition: its register (`kind`, `key`), the body whole, whether it deletes the
 * definition, its HLC stamp, when it was made (epoch ms), by whom (null: the administrator), and the
 * team change version the caller's transaction took (`nextVersion`).
 */
export type DefinitionWrite = {
  kind: DefinitionKind;
  key: string;
  body: unknown;
  deleted: boolean;
  hlc: string;
  at: number;
  by: string | null;
  version: number;
};

/**
 * Writes one definition inside the caller's transaction when `write.hlc` is later than the stored
 * one's (or none is stored): last writer wins per register, so a push delivered late never undoes a
 * later edit. Returns whether the write took effect.
 */
export const writeDefinition = async (
  client: pg.PoolClient,
  teamId: string,
  write: DefinitionWrite,
): Promise<boolean> => {
  const { rowCount } = await client.query(
    `INSERT INTO team_definitions (team_id, kind, key, body, deleted, hlc, updated_at, updated_by, change_version)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     ON CONFLICT (team_id, kind, key) DO UPDATE SET body = excluded.body, deleted = excluded.deleted,
       hlc = excluded.hlc, updated_at = excluded.updated_at, updated_by = excluded.updated_by,
       change_version = excluded.change_version
     WHERE team_definitions.hlc < excluded.hlc`,
    [
      teamId,
      write.kind,
      write.key,
      JSON.stringify(write.body),
      write.deleted,
      write.hlc,
      write.at,
      write.by,
      write.version,
    ],
  );
  return (rowCount ?? 0) > 0;
};

/**
 * The HLC for a console edit of register (`kind`, `key`) at `now`: the server's clock, or one tick past
 * the stored stamp when that one is ahead (a desktop whose clock runs fast), so an edit a manager makes
 * while looking at the current definition always wins over it. Locks the register's row until the
 * caller's transaction ends, so two console edits of one definition take turns.
 */
export const consoleHlc = async (
  client: pg.PoolClient,
  teamId: string,
  kind: DefinitionKind,
  key: string,
  now: number,
): Promise<string> => {
  const { rows } = await client.query<{ hlc: string }>(
    'SELECT hlc FROM team_definitions WHERE team_id = $1 AND kind = $2 AND key = $3 FOR UPDATE',
    [teamId, kind, key],
  );
  const held = rows[0] ? parseHlc(rows[0].hlc) : null;
  const state =
    held && held.wall >= now ? { wall: held.wall, counter: held.counter + 1 } : { wall: now, counter: 0 };
  return formatHlc(state, SERVER_NODE);
};

type Row = {
  kind: DefinitionKind;
  key: string;
  body: unknown;
  deleted: boolean;
  updated_at: string;
  updated_by: string | null;
  change_version: string;
};

/** A stored script row as the contract's `TeamScript`. */
export const toTeamScript = (row: Pick<Row, 'body' | 'updated_at' | 'updated_by'>): TeamScript => ({
  ...(row.body as ScriptBody),
  updatedAt: Number(row.updated_at),
  updatedBy: row.updated_by,
});

/** A stored cadence row as the contract's `TeamCadence`. */
export const toTeamCadence = (row: Pick<Row, 'body' | 'updated_at' | 'updated_by'>): TeamCadence => ({
  definition: row.body as CadenceDefinition,
  updatedAt: Number(row.updated_at),
  updatedBy: row.updated_by,
});

/** A stored DNC row as the contract's `TeamDncEntry`. */
export const toTeamDnc = (row: Pick<Row, 'body' | 'updated_by'>): TeamDncEntry => ({
  ...(row.body as DncEntry),
  addedBy: row.updated_by,
});

const live = async (db: pg.Pool | pg.PoolClient, teamId: string, kind: DefinitionKind): Promise<Row[]> => {
  const { rows } = await db.query<Row>(
    `SELECT kind, key, body, deleted, updated_at, updated_by, change_version FROM team_definitions
      WHERE team_id = $1 AND kind = $2 AND NOT deleted`,
    [teamId, kind],
  );
  return rows;
};

const SCRIPT_KIND_ORDER = { voicemail: 0, opener: 1, objection: 2 } as const;

/** The team's scripts not deleted: voicemail, opener, objection, each by name. */
export const listTeamScripts = async (db: pg.Pool | pg.PoolClient, teamId: string): Promise<TeamScript[]> =>
  (await live(db, teamId, 'script'))
    .map(toTeamScript)
    .sort(
      (a, b) =>
        SCRIPT_KIND_ORDER[a.kind] - SCRIPT_KIND_ORDER[b.kind] ||
        a.name.localeCompare(b.name) ||
        a.id.localeCompare(b.id),
    );

/** The team's cadences not deleted: by priority, then name. */
export const listTeamCadences = async (db: pg.Pool | pg.PoolClient, teamId: string): Promise<TeamCadence[]> =>
  (await live(db, teamId, 'cadence'))
    .map(toTeamCadence)
    .sort(
      (a, b) =>
        a.definition.priority - b.definition.priority || a.definition.name.localeCompare(b.definition.name),
    );

/** The team's outcome set: as last saved, or `DEFAULT_OUTCOMES` (`edited` false) while never saved. */
export const teamOutcomes = async (
  db: pg.Pool | pg.PoolClient,
  teamId: string,
): Promise<TeamOutcomesOutput> => {
  const { rows } = await db.query<Pick<Row, 'body' | 'updated_at'>>(
    `SELECT body, updated_at FROM team_definitions
      WHERE team_id = $1 AND kind = 'outcome_set' AND key = $2 AND NOT deleted`,
    [teamId, OUTCOME_SET_KEY],
  );
  const row = rows[0];
  if (!row) return { outcomes: DEFAULT_OUTCOMES, edited: false, updatedAt: null };
  return {
    outcomes: (row.body as { outcomes: Outcome[] }).outcomes,
    edited: true,
    updatedAt: Number(row.updated_at),
  };
};

/** A DNC page cursor: the last entry's `updated_at` and key, base64url. */
const encodeCursor = (updatedAt: number, key: string): string =>
  Buffer.from(JSON.stringify([updatedAt, key])).toString('base64url');

const decodeCursor = (cursor: string): [number, string] | null => {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && typeof value[0] === 'number' && typeof value[1] === 'string') {
      return [value[0], value[1]];
    }
  } catch {
    // An unreadable cursor reads as the first page's.
  }
  return null;
};

/** Escapes `%`, `_` and `\` for a LIKE pattern. */
const likeEscape = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * A page of the team's do-not-contact list, newest first: entries whose value contains `query.q`
 * (case-insensitive), at most `query.limit` (default 100) after the cursor `query.after`, the cursor of
 * the next page (null at the end), and how many entries match in all.
 */
export const listTeamDnc = async (
  db: pg.Pool | pg.PoolClient,
  teamId: string,
  query: TeamDncQuery,
): Promise<TeamDncOutput> => {
  const limit = query.limit ?? 100;
  const pattern = query.q ? `%${likeEscape(query.q.toLowerCase())}%` : null;
  const cursor = query.after ? decodeCursor(query.after) : null;
  const { rows } = await db.query<Row>(
    `SELECT kind, key, body, deleted, updated_at, updated_by, change_version FROM team_definitions
      WHERE team_id = $1 AND kind = 'dnc' AND NOT deleted
        AND ($2::text IS NULL OR lower(body->>'value') LIKE $2)
        AND ($3::bigint IS NULL OR (updated_at, key) < ($3::bigint, $4::text))
      ORDER BY updated_at DESC, key DESC LIMIT $5`,
    [teamId, pattern, cursor?.[0] ?? null, cursor?.[1] ?? null, limit + 1],
  );
  const { rows: counted } = await db.query<{ total: string }>(
    `SELECT count(*) AS total FROM team_definitions
      WHERE team_id = $1 AND kind = 'dnc' AND NOT deleted AND ($2::text IS NULL OR lower(body->>'value') LIKE $2)`,
    [teamId, pattern],
  );
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    entries: page.map(toTeamDnc),
    next: rows.length > limit && last ? encodeCursor(Number(last.updated_at), last.key) : null,
    total: Number(counted[0]?.total ?? 0),
  };
};

/** One stored definition, deleted or not; null when the team has none under that register. */
export const findDefinition = async (
  db: pg.Pool | pg.PoolClient,
  teamId: string,
  kind: DefinitionKind,
  key: string,
): Promise<Row | null> => {
  const { rows } = await db.query<Row>(
    `SELECT kind, key, body, deleted, updated_at, updated_by, change_version FROM team_definitions
      WHERE team_id = $1 AND kind = $2 AND key = $3`,
    [teamId, kind, key],
  );
  return rows[0] ?? null;
};

/** The DNC entry with entry id `id` (not the register key); null when the team has none. */
export const findDncById = async (
  db: pg.Pool | pg.PoolClient,
  teamId: string,
  id: string,
): Promise<Row | null> => {
  const { rows } = await db.query<Row>(
    `SELECT kind, key, body, deleted, updated_at, updated_by, change_version FROM team_definitions
      WHERE team_id = $1 AND kind = 'dnc' AND body->>'id' = $2 AND NOT deleted`,
    [teamId, id],
  );
  return rows[0] ?? null;
};

export type { Row as DefinitionRow };
