import type { AddUserOutput, CreateTeamOutput, TeamRole, TeamUsersOutput } from '@shared/server/admin';
import type pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { newInboundSecret, newToken, tokenDigest } from '../auth/tokens';
import { ServerError } from '../errors';
import { refuseEmailOfAnotherTeam } from './user-email';

/** Runs `fn` in one transaction on one pooled connection, rolling back when it throws. */
export const inTransaction = async <T>(
  pool: pg.Pool,
  fn: (client: pg.PoolClient) => Promise<T>,
): Promise<T> => {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
};

/** PostgreSQL's advisory-lock key for making the administrator token (bytes of "DDADMIN"). */
const ADMIN_TOKEN_LOCK = '0x4444414447494e';

/**
 * Makes the server's administrator token if none exists yet and returns it (the only time it is
 * readable), or null when one was made before. Serialised by an advisory lock, so two processes
 * starting together make one token between them.
 */
export const ensureAdminToken = (pool: pg.Pool): Promise<string | null> =>
  inTransaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock($1::bigint)', [BigInt(ADMIN_TOKEN_LOCK).toString()]);
    const { rowCount } = await client.query("SELECT 1 FROM tokens WHERE kind = 'admin'");
    if ((rowCount ?? 0) > 0) return null;
    const token = newToken();
    await client.query(
      "INSERT INTO tokens (id, kind, user_id, token_sha256, created_at) VALUES ($1, 'admin', NULL, $2, $3)",
      [uuidv7(), tokenDigest(token), Date.now()],
    );
    return token;
  });

/** Creates a team with a fresh inbound-lead secret. `name` is already validated (1–200 characters). */
export const createTeam = async (pool: pg.Pool, name: string): Promise<CreateTeamOutput> => {
  const teamId = uuidv7();
  const inboundSecret = newInboundSecret();
  await pool.query('INSERT INTO teams (id, name, inbound_secret, created_at) VALUES ($1, $2, $3, $4)', [
    teamId,
    name,
    inboundSecret,
    Date.now(),
  ]);
  return { teamId, inboundSecret };
};

/** Whether a team with this id exists. */
export const teamExists = async (pool: pg.Pool, teamId: string): Promise<boolean> =>
  ((await pool.query('SELECT 1 FROM teams WHERE id = $1', [teamId])).rowCount ?? 0) > 0;

/**
 * Adds a user to a team together with their first bearer token (returned once, stored as SHA-256).
 * Throws `not_found` for an unknown team and `user_email_taken` (409) when the email is on the team
 * already or belongs to a user of another team who is not removed.
 */
export const addUser = (
  pool: pg.Pool,
  teamId: string,
  email: string,
  role: TeamRole,
): Promise<AddUserOutput> =>
  inTransaction(pool, async (client) => {
    const team = await client.query('SELECT 1 FROM teams WHERE id = $1 FOR SHARE', [teamId]);
    if (team.rowCount === 0)
      throw new ServerError('not_found', `There is no team ${teamId}. Check the team id.`);
    await refuseEmailOfAnotherTeam(client, teamId, email);
    const userId = uuidv7();
    const now = Date.now();
    const inserted = await client.query(
      'INSERT INTO users (id, team_id, email, role, created_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (team_id, email) DO NOTHING',
      [userId, teamId, email, role, now],
    );
    if (inserted.rowCount === 0) {
      throw new ServerError(
        'user_email_taken',
        `A user with the email ${email} is on this team already. Use another email, or keep the existing user.`,
      );
    }
    const token = newToken();
    await client.query(
      "INSERT INTO tokens (id, kind, user_id, token_sha256, created_at) VALUES ($1, 'user', $2, $3, $4)",
      [uuidv7(), userId, tokenDigest(token), now],
    );
    return { userId, token };
  });

/** A team's users, oldest first, removed ones too (with `removedAt`, epoch ms). */
export const listUsers = async (pool: pg.Pool, teamId: string): Promise<TeamUsersOutput['users']> => {
  const { rows } = await pool.query<{
    id: string;
    email: string;
    role: TeamRole;
    created_at: string;
    removed_at: string | null;
  }>('SELECT id, email, role, created_at, removed_at FROM users WHERE team_id = $1 ORDER BY created_at, id', [
    teamId,
  ]);
  return rows.map((r) => ({
    userId: r.id,
    email: r.email,
    role: r.role,
    createdAt: Number(r.created_at),
    removedAt: r.removed_at === null ? null : Number(r.removed_at),
  }));
};

/**
 * Revokes every administrator token and makes a new one, returned once (for an operator who lost
 * it). Serialised with `ensureAdminToken` by the same advisory lock.
 */
export const rotateAdminToken = (pool: pg.Pool): Promise<string> =>
  inTransaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock($1::bigint)', [BigInt(ADMIN_TOKEN_LOCK).toString()]);
    const now = Date.now();
    await client.query("UPDATE tokens SET revoked_at = $1 WHERE kind = 'admin' AND revoked_at IS NULL", [
      now,
    ]);
    const token = newToken();
    await client.query(
      "INSERT INTO tokens (id, kind, user_id, token_sha256, created_at) VALUES ($1, 'admin', NULL, $2, $3)",
      [uuidv7(), tokenDigest(token), now],
    );
    return token;
  });
