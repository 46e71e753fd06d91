import { randomBytes } from 'node:crypto';
import type { TeamRole } from '@shared/server/admin';
import { CONSOLE_SESSION_MS, type ConsoleSessionRow } from '@shared/server/console';
import type pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import type { Principal } from '../auth/principal';
import { tokenDigest } from '../auth/tokens';
import { TOKEN_REVOKED_CHANNEL } from '../sync/team-changes';

/** A console session's principal: the same user principal a token gives, plus the session's CSRF token. */
export type SessionPrincipal = Extract<Principal, { kind: 'user' }> & {
  csrfToken: string;
  expiresAt: number;
};

/** A new session: the cookie's secret (shown to the browser only) and the session row's id. */
export type NewSession = { id: string; secret: string; csrfToken: string; expiresAt: number };

/**
 * Starts a console session for `userId` (method `password` or `token`): a 256-bit cookie secret,
 * kept as SHA-256 like tokens are, and a 256-bit CSRF token; lasts `CONSOLE_SESSION_MS` (12 h).
 */
export const startSession = async (
  pool: pg.Pool | pg.PoolClient,
  user: { userId: string; teamId: string },
  method: 'password' | 'token',
  userAgent: string | null,
  now: number,
): Promise<NewSession> => {
  const id = uuidv7();
  const secret = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(32).toString('base64url');
  const expiresAt = now + CONSOLE_SESSION_MS;
  await pool.query(
    `INSERT INTO console_sessions
       (id, team_id, user_id, secret_sha256, csrf_token, method, user_agent, created_at, last_seen_at, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8, $9)`,
    [
      id,
      user.teamId,
      user.userId,
      tokenDigest(secret),
      csrfToken,
      method,
      userAgent?.slice(0, 300) ?? null,
      now,
      expiresAt,
    ],
  );
  return { id, secret, csrfToken, expiresAt };
};

/**
 * The principal a session cookie's secret stands for, or null when it is unknown, revoked or expired.
 * `tokenId` is the session's id, so signing out and revocation end it like a token. Notes the visit
 * (`last_seen_at`) at most once a minute.
 */
export const resolveSession = async (
  pool: pg.Pool,
  secret: string,
  now: number,
): Promise<SessionPrincipal | null> => {
  const { rows } = await pool.query<{
    id: string;
    user_id: string;
    team_id: string;
    team_name: string;
    email: string;
    role: TeamRole;
    csrf_token: string;
    expires_at: string;
    last_seen_at: string;
  }>(
    `SELECT s.id, s.user_id, s.team_id, tm.name AS team_name, u.email, u.role, s.csrf_token, s.expires_at,
            s.last_seen_at
       FROM console_sessions s JOIN users u ON u.id = s.user_id JOIN teams tm ON tm.id = s.team_id
      WHERE s.secret_sha256 = $1 AND s.revoked_at IS NULL AND s.expires_at > $2`,
    [tokenDigest(secret), now],
  );
  const row = rows[0];
  if (!row) return null;
  if (now - Number(row.last_seen_at) > 60_000) {
    await pool.query('UPDATE console_sessions SET last_seen_at = $2 WHERE id = $1', [row.id, now]);
  }
  return {
    kind: 'user',
    tokenId: row.id,
    userId: row.user_id,
    teamId: row.team_id,
    teamName: row.team_name,
    email: row.email,
    role: row.role,
    csrfToken: row.csrf_token,
    expiresAt: Number(row.expires_at),
  };
};

/**
 * Ends a session (sign-out, or a manager's revocation); `teamId` limits it to that team's sessions.
 * Returns whether a live session was ended.
 */
export const revokeSession = async (
  pool: pg.Pool,
  sessionId: string,
  now: number,
  teamId?: string,
): Promise<boolean> => {
  // The announcement ends the session's live event streams in every server process, as for a token.
  const { rowCount } = await pool.query(
    `WITH revoked AS (
       UPDATE console_sessions SET revoked_at = $2
        WHERE id = $1 AND revoked_at IS NULL AND ($3::uuid IS NULL OR team_id = $3) RETURNING id)
     SELECT pg_notify('${TOKEN_REVOKED_CHANNEL}', id::text) FROM revoked`,
    [sessionId, now, teamId ?? null],
  );
  return (rowCount ?? 0) > 0;
};

/** Ends every live session of a user (after a password reset, so an old session cannot outlive it). */
export const revokeUserSessions = async (
  client: pg.Pool | pg.PoolClient,
  userId: string,
  now: number,
): Promise<void> => {
  await client.query(
    `WITH revoked AS (
       UPDATE console_sessions SET revoked_at = $2 WHERE user_id = $1 AND revoked_at IS NULL RETURNING id)
     SELECT pg_notify('${TOKEN_REVOKED_CHANNEL}', id::text) FROM revoked`,
    [userId, now],
  );
};

/** The team's live (unrevoked, unexpired) console sessions, newest first; `currentId` is marked. */
export const listSessions = async (
  pool: pg.Pool,
  teamId: string,
  now: number,
  currentId: string | null,
): Promise<ConsoleSessionRow[]> => {
  const { rows } = await pool.query<{
    id: string;
    user_id: string;
    email: string;
    role: TeamRole;
    method: 'password' | 'token';
    user_agent: string | null;
    created_at: string;
    last_seen_at: string;
    expires_at: string;
  }>(
    `SELECT s.id, s.user_id, u.email, u.role, s.method, s.user_agent, s.created_at, s.last_seen_at, s.expires_at
       FROM console_sessions s JOIN users u ON u.id = s.user_id
      WHERE s.team_id = $1 AND s.revoked_at IS NULL AND s.expires_at > $2
      ORDER BY s.created_at DESC, s.id DESC LIMIT 500`,
    [teamId, now],
  );
  return rows.map((r) => ({
    id: r.id,
    userId: r.user_id,
    email: r.email,
    role: r.role,
    method: r.method,
    userAgent: r.user_agent,
    createdAt: Number(r.created_at),
    lastSeenAt: Number(r.last_seen_at),
    expiresAt: Number(r.expires_at),
    current: r.id === currentId,
  }));
};
