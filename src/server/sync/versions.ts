import type pg from 'pg';

/** The PostgreSQL channel a committed team change is announced on (payload: `teamId:version`). */
export const TEAM_CHANGE_CHANNEL = 'dialdeck_team_change';

/**
 * Hands out the team's next change version inside the caller's transaction and returns it. The
 * team's `team_versions` row stays locked until that transaction ends, so versions are assigned in
 * commit order and a pull by version never skips a row committed out of order. The version is also
 * announced with `pg_notify(TEAM_CHANGE_CHANNEL, 'teamId:version')`, which PostgreSQL delivers to
 * every listening server process only when (and if) the transaction commits.
 */
export const nextVersion = async (client: pg.PoolClient, teamId: string): Promise<number> => {
  const { rows } = await client.query<{ version: string }>(
    `INSERT INTO team_versions (team_id, version) VALUES ($1, 1)
     ON CONFLICT (team_id) DO UPDATE SET version = team_versions.version + 1 RETURNING version`,
    [teamId],
  );
  const version = Number(rows[0]?.version);
  await client.query('SELECT pg_notify($1, $2)', [TEAM_CHANGE_CHANNEL, `${teamId}:${version}`]);
  return version;
};

/**
 * Hands out the team's next `count` change versions at once inside the caller's transaction (one
 * statement, as `nextVersion` `count` times would), and returns the first; the caller uses `first` …
 * `first + count - 1`. The team's row stays locked until that transaction ends, so the block is in
 * commit order like any single version; the highest is announced on `TEAM_CHANGE_CHANNEL` at commit.
 * Take it before writing any row the transaction locks (a mutation's row), so two transactions never
 * wait on each other's locks in opposite order. `count` is at least 1.
 */
export const nextVersions = async (client: pg.PoolClient, teamId: string, count: number): Promise<number> => {
  const { rows } = await client.query<{ version: string }>(
    `WITH bumped AS (
       INSERT INTO team_versions (team_id, version) VALUES ($1, $2)
       ON CONFLICT (team_id) DO UPDATE SET version = team_versions.version + $2 RETURNING team_id, version)
     SELECT version, pg_notify($3, team_id::text || ':' || version::text) FROM bumped`,
    [teamId, count, TEAM_CHANGE_CHANNEL],
  );
  return Number(rows[0]?.version) - count + 1;
};

/**
 * `text` as a dollar-quoted SQL string constant (`$q…$text$q…$`, with a tag the text does not
 * contain): PostgreSQL takes it as it is, whatever quotes or backslashes it holds, so a large JSON
 * document is written into a statement without being escaped character by character.
 */
export const sqlText = (text: string): string => {
  let n = 0;
  let tag = '$q$';
  // The constant ends at the first tag after the opening one: it must be the closing tag itself, not
  // one inside the text or one that the text's last characters begin.
  while (`${text}${tag}`.indexOf(tag) !== text.length) tag = `$q${++n}$`;
  return `${tag}${text}${tag}`;
};

/**
 * `nextVersions` as one SQL statement with its values written in (`literal` makes a string constant,
 * e.g. `sqlText`), for a caller that sends it in one round trip together with the statements around
 * it (simple query protocol: `BEGIN; <this>; …`). It answers one row `{version}`: the last of the
 * `count` versions handed out, so the caller uses `version - count + 1` … `version`. The same lock, in
 * the same place in the transaction, and the same `pg_notify` at commit as `nextVersions`. `count` is
 * a positive integer; anything else throws a RangeError before any SQL is made.
 */
export const nextVersionsSql = (literal: (text: string) => string, teamId: string, count: number): string => {
  if (!Number.isSafeInteger(count) || count < 1) throw new RangeError(`version count ${count}`);
  const team = literal(teamId);
  return `WITH bumped AS (
       INSERT INTO team_versions (team_id, version) VALUES (${team}::uuid, ${count})
       ON CONFLICT (team_id) DO UPDATE SET version = team_versions.version + ${count} RETURNING team_id, version)
     SELECT version, pg_notify(${literal(TEAM_CHANGE_CHANNEL)}, team_id::text || ':' || version::text) FROM bumped`;
};
