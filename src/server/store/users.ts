import type {
  RemoveUserOutput,
  ReplaceUserTokenOutput,
  RevokeUserTokensOutput,
  TeamRole,
} from '@shared/server/admin';
import type pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { newToken, tokenDigest } from '../auth/tokens';
import { ServerError } from '../errors';
import { rerouteHandoffsOf } from '../handoffs/reroute';
import { TOKEN_REVOKED_CHANNEL } from '../sync/team-changes';
import { nextVersion } from '../sync/versions';
import { inTransaction } from './teams';

/** A team member as a manager's user commands see them; `removedAt` is UTC epoch ms or null. */
export type TeamMember = { id: string; email: string; role: TeamRole; removedAt: number | null };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The member of team `teamId` named by `ref` (a user id, or an email in any case), locked for this
 * transaction when `lock`; `not_found` (saying how to list the team) when the team has nobody so named.
 */
export const memberOf = async (
  client: pg.PoolClient | pg.Pool,
  teamId: string,
  ref: string,
  lock = false,
): Promise<TeamMember> => {
  const value = ref.trim();
  const { rows } = await client.query<{
    id: string;
    email: string;
    role: TeamRole;
    removed_at: string | null;
  }>(
    `SELECT id, email, role, removed_at FROM users
      WHERE team_id = $1 AND ${UUID.test(value) ? 'id = $2::uuid' : 'email = lower($2)'}${lock ? ' FOR UPDATE' : ''}`,
    [teamId, value],
  );
  const row = rows[0];
  if (!row) {
    throw new ServerError(
      'not_found',
      `Nobody on this team is "${value}". Check the email or user id (dialdeck admin user list --team ${teamId}).`,
    );
  }
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    removedAt: row.removed_at === null ? null : Number(row.removed_at),
  };
};

/** `user_removed` for a member a manager removed, naming them and when. */
export const removedError = (member: Pick<TeamMember, 'id' | 'email' | 'removedAt'>): ServerError =>
  new ServerError(
    'user_removed',
    `${member.email} was removed from this team on ${new Date(member.removedAt ?? 0).toISOString()}; they can no longer sign in, own leads or take new ones. Choose another member, or add them again with a new email.`,
    { userId: member.id, email: member.email },
  );

/**
 * Revokes every live token of user `userId` inside the caller's transaction and announces each on
 * `TOKEN_REVOKED_CHANNEL` (delivered at commit), so their open `/v1/events` streams end in every
 * server process. Returns how many were revoked.
 */
const revokeAll = async (client: pg.PoolClient, userId: string, now: number): Promise<number> => {
  const { rowCount } = await client.query(
    `WITH revoked AS (
       UPDATE tokens SET revoked_at = $2 WHERE user_id = $1 AND revoked_at IS NULL RETURNING id)
     SELECT pg_notify('${TOKEN_REVOKED_CHANNEL}', id::text) FROM revoked`,
    [userId, now],
  );
  return rowCount ?? 0;
};

/**
 * Revokes every token of the member `ref` (id or email) of team `teamId` (epoch ms `now`): their next
 * request is refused with `unauthorized`, and their open event streams end at once. Errors: `not_found`.
 */
export const revokeUserTokens = (
  pool: pg.Pool,
  teamId: string,
  ref: string,
  now: number,
): Promise<RevokeUserTokensOutput> =>
  inTransaction(pool, async (client) => {
    const member = await memberOf(client, teamId, ref, true);
    return { userId: member.id, tokensRevoked: await revokeAll(client, member.id, now) };
  });

/**
 * Replaces the member's token: every earlier one revoked (as `revokeUserTokens`), one new token made
 * and returned once (stored as SHA-256). Errors: `not_found`, `user_removed` (a removed member gets no
 * new token).
 */
export const replaceUserToken = (
  pool: pg.Pool,
  teamId: string,
  ref: string,
  now: number,
): Promise<ReplaceUserTokenOutput> =>
  inTransaction(pool, async (client) => {
    const member = await memberOf(client, teamId, ref, true);
    if (member.removedAt !== null) throw removedError(member);
    const tokensRevoked = await revokeAll(client, member.id, now);
    const token = newToken();
    await client.query(
      "INSERT INTO tokens (id, kind, user_id, token_sha256, created_at) VALUES ($1, 'user', $2, $3, $4)",
      [uuidv7(), member.id, tokenDigest(token), now],
    );
    return { userId: member.id, tokensRevoked, token };
  });

/**
 * Removes (deactivates) the member `ref` of team `teamId` at `now` (epoch ms), in one transaction: the
 * user is marked removed (the row stays, since their mutations, activities and hand-offs name them),
 * every token of theirs is revoked and their event streams end, and every lead they own moves to
 * `reassignTo` (a member's email) or to nobody, at one new change version with a `lead_moves` row each,
 * so the new owner's next pull brings the leads and their history. Nothing they pushed is touched.
 * `actorUserId` is the manager asking (null for the administrator), who may not remove themselves.
 * Errors: `not_found` (no such member or `reassignTo`), `user_removed` (already removed, or
 * `reassignTo` was), `invalid_input` (removing oneself, or reassigning to the member removed).
 */
export const removeUser = (
  pool: pg.Pool,
  teamId: string,
  ref: string,
  reassignTo: string | null,
  actorUserId: string | null,
  now: number,
): Promise<RemoveUserOutput> =>
  inTransaction(pool, async (client) => {
    const member = await memberOf(client, teamId, ref, true);
    if (member.removedAt !== null) throw removedError(member);
    if (member.id === actorUserId) {
      throw new ServerError(
        'invalid_input',
        'You cannot remove yourself. Ask another manager of the team, or the server administrator, to do it.',
      );
    }
    const heir = reassignTo === null ? null : await memberOf(client, teamId, reassignTo);
    if (heir?.removedAt != null) throw removedError(heir);
    if (heir?.id === member.id) {
      throw new ServerError(
        'invalid_input',
        `--reassign-to names ${member.email}, the member being removed. Name another member, or leave it out to unassign their leads.`,
      );
    }
    await client.query('UPDATE users SET removed_at = $2 WHERE id = $1', [member.id, now]);
    const tokensRevoked = await revokeAll(client, member.id, now);
    const version = await nextVersion(client, teamId);
    const moved = await client.query(
      `WITH moved AS (
         UPDATE leads SET owner_id = $3, change_version = $4, updated_at = $5
          WHERE team_id = $1 AND owner_id = $2 RETURNING id)
       INSERT INTO lead_moves (team_id, lead_id, from_user_id, to_user_id, change_version)
       SELECT $1, id, $2, $3, $4 FROM moved ON CONFLICT DO NOTHING`,
      [teamId, member.id, heir?.id ?? null, version, now],
    );
    await rerouteHandoffsOf(client, teamId, member.id, now, version);
    return {
      userId: member.id,
      email: member.email,
      removedAt: now,
      tokensRevoked,
      leads: { count: moved.rowCount ?? 0, reassignedTo: heir?.id ?? null },
    };
  });
