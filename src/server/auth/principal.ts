import type { TeamRole } from '@shared/server/admin';
import type pg from 'pg';
import { TOKEN_REVOKED_CHANNEL } from '../sync/team-changes';
import { tokenDigest } from './tokens';

/** Who a request acts for: the server's administrator, or a user of one team with one role. */
export type Principal =
  | { kind: 'admin'; tokenId: string }
  | {
      kind: 'user';
      tokenId: string;
      userId: string;
      teamId: string;
      teamName: string;
      email: string;
      role: TeamRole;
    };

/** Who may call a route: the administrator, or users with one of the listed roles. */
export type Caller = 'admin' | TeamRole;

/**
 * The principal a bearer token stands for, or null when the token is unknown or revoked or its user
 * was removed from the team. One indexed lookup by the token's SHA-256 digest.
 */
export const resolveToken = async (pool: pg.Pool, token: string): Promise<Principal | null> => {
  const { rows } = await pool.query<{
    id: string;
    kind: 'admin' | 'user';
    user_id: string | null;
    team_id: string | null;
    team_name: string | null;
    email: string | null;
    role: TeamRole | null;
  }>(
    `SELECT t.id, t.kind, u.id AS user_id, u.team_id, tm.name AS team_name, u.email, u.role
       FROM tokens t LEFT JOIN users u ON u.id = t.user_id LEFT JOIN teams tm ON tm.id = u.team_id
      WHERE t.token_sha256 = $1 AND t.revoked_at IS NULL AND u.removed_at IS NULL`,
    [tokenDigest(token)],
  );
  const row = rows[0];
  if (!row) return null;
  if (row.kind === 'admin') return { kind: 'admin', tokenId: row.id };
  if (!row.user_id || !row.team_id || !row.role || row.email === null || row.team_name === null) return null;
  return {
    kind: 'user',
    tokenId: row.id,
    userId: row.user_id,
    teamId: row.team_id,
    teamName: row.team_name,
    email: row.email,
    role: row.role,
  };
};

/**
 * Marks a token revoked: every later request with it is refused with `unauthorized`, and its open
 * event streams end (`TOKEN_REVOKED_CHANNEL`).
 */
export const revokeToken = async (pool: pg.Pool, tokenId: string): Promise<void> => {
  // The announcement (delivered at commit) ends the token's live event streams in every server process.
  await pool.query(
    `WITH revoked AS (UPDATE tokens SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL RETURNING id)
     SELECT pg_notify('${TOKEN_REVOKED_CHANNEL}', id::text) FROM revoked`,
    [tokenId, Date.now()],
  );
};

/** The role a principal calls as: `admin`, or the user's team role. */
export const callerOf = (principal: Principal): Caller =>
  principal.kind === 'admin' ? 'admin' : principal.role;
