import { randomBytes } from 'node:crypto';
import type { TeamRole } from '@shared/server/admin';
import {
  CONSOLE_INVITE_MS,
  CONSOLE_RESET_MS,
  type ConsoleLinkInfo,
  type ConsoleLinkKind,
  type InviteRoleConflict,
} from '@shared/server/console';
import type pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { hashPassword } from '../auth/passwords';
import { tokenDigest } from '../auth/tokens';
import { ServerError } from '../errors';
import { inTransaction } from '../store/teams';
import { refuseEmailOfAnotherTeam } from '../store/user-email';
import { type NewSession, revokeUserSessions, startSession } from './sessions';

/** A link just made: its secret (goes into the URL, shown once) and when it expires. */
export type IssuedLink = {
  userId: string;
  email: string;
  kind: ConsoleLinkKind;
  secret: string;
  expiresAt: number;
};

/** A role as a sentence names it. */
const ROLE_NAME: Record<TeamRole, string> = { rep: 'a rep', ae: 'an AE', manager: 'a manager' };

const insertLink = async (
  client: pg.PoolClient,
  link: { teamId: string; userId: string; kind: ConsoleLinkKind; createdBy: string | null },
  now: number,
): Promise<{ secret: string; expiresAt: number }> => {
  const secret = randomBytes(32).toString('base64url');
  const expiresAt = now + (link.kind === 'invite' ? CONSOLE_INVITE_MS : CONSOLE_RESET_MS);
  // A new link replaces the user's unused ones: only the latest one sent can set the password.
  await client.query('UPDATE console_links SET used_at = $2 WHERE user_id = $1 AND used_at IS NULL', [
    link.userId,
    now,
  ]);
  await client.query(
    `INSERT INTO console_links (id, team_id, user_id, kind, secret_sha256, created_by, created_at, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [uuidv7(), link.teamId, link.userId, link.kind, tokenDigest(secret), link.createdBy, now, expiresAt],
  );
  return { secret, expiresAt };
};

/**
 * Invites `email` to the console of `teamId` with `role`: adds the user when the team has no user
 * with that email (without a bearer token; `dialdeck admin user add` makes tokens), then issues a
 * 7-day invitation link. An existing user keeps their role: asking with another role is `conflict`,
 * with a message that names no CLI flag (the console and the CLI both ask) and details
 * `InviteRoleConflict` `{email, role, requestedRole}`.
 * Errors: `not_found` (no such team), `conflict`, `user_email_taken` (409: the email belongs to a
 * user of another team who is not removed).
 */
export const inviteUser = (
  pool: pg.Pool,
  teamId: string,
  email: string,
  role: TeamRole,
  createdBy: string | null,
  now: number,
): Promise<IssuedLink> =>
  inTransaction(pool, async (client) => {
    const team = await client.query('SELECT 1 FROM teams WHERE id = $1 FOR SHARE', [teamId]);
    if (team.rowCount === 0)
      throw new ServerError('not_found', `There is no team ${teamId}. Check the team id.`);
    await refuseEmailOfAnotherTeam(client, teamId, email);
    await client.query(
      `INSERT INTO users (id, team_id, email, role, created_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (team_id, email) DO NOTHING`,
      [uuidv7(), teamId, email, role, now],
    );
    const { rows } = await client.query<{ id: string; role: TeamRole }>(
      'SELECT id, role FROM users WHERE team_id = $1 AND email = $2 FOR UPDATE',
      [teamId, email],
    );
    const user = rows[0];
    if (!user) throw new ServerError('internal', 'The invited user could not be read back.');
    if (user.role !== role) {
      const details: InviteRoleConflict = { email, role: user.role, requestedRole: role };
      throw new ServerError(
        'conflict',
        `${email} is on this team already as ${ROLE_NAME[user.role]}, and a member keeps their role. Invite them as ${ROLE_NAME[user.role]}, or invite another email.`,
        details,
      );
    }
    const link = await insertLink(client, { teamId, userId: user.id, kind: 'invite', createdBy }, now);
    return { userId: user.id, email, kind: 'invite', ...link };
  });

/**
 * Issues a 1-hour password-reset link for the team's user with `email`. Errors: `not_found` (no such
 * user on the team).
 */
export const issueReset = (
  pool: pg.Pool,
  teamId: string,
  email: string,
  createdBy: string | null,
  now: number,
): Promise<IssuedLink> =>
  inTransaction(pool, async (client) => {
    const { rows } = await client.query<{ id: string }>(
      'SELECT id FROM users WHERE team_id = $1 AND email = $2 FOR UPDATE',
      [teamId, email],
    );
    const user = rows[0];
    if (!user) {
      throw new ServerError(
        'not_found',
        `There is no user ${email} on this team. Check the email, or invite them.`,
      );
    }
    const link = await insertLink(client, { teamId, userId: user.id, kind: 'reset', createdBy }, now);
    return { userId: user.id, email, kind: 'reset', ...link };
  });

type LinkRow = {
  id: string;
  team_id: string;
  user_id: string;
  kind: ConsoleLinkKind;
  email: string;
  team_name: string;
  expires_at: string;
  used_at: string | null;
};

/** The link's row, checked usable: `not_found`, `console_link_used`, `console_link_expired`. */
const usableLink = async (client: pg.Pool | pg.PoolClient, secret: string, now: number, lock: boolean) => {
  const { rows } = await client.query<LinkRow>(
    `SELECT l.id, l.team_id, l.user_id, l.kind, u.email, tm.name AS team_name, l.expires_at, l.used_at
       FROM console_links l JOIN users u ON u.id = l.user_id JOIN teams tm ON tm.id = l.team_id
      WHERE l.secret_sha256 = $1${lock ? ' FOR UPDATE OF l' : ''}`,
    [tokenDigest(secret)],
  );
  const row = rows[0];
  if (!row) {
    throw new ServerError(
      'not_found',
      'This console link is not known to the server. Copy the whole link, or ask your manager for a new one.',
    );
  }
  if (row.used_at !== null) {
    throw new ServerError(
      'console_link_used',
      'This console link was used already (or a newer one was sent). Sign in, or ask your manager for a new link.',
    );
  }
  if (Number(row.expires_at) <= now) {
    throw new ServerError(
      'console_link_expired',
      'This console link has expired. Ask your manager for a new one.',
    );
  }
  return row;
};

/** What a usable link sets and for whom (`GET /v1/console/links/:secret`); errors as `usableLink`. */
export const describeLink = async (pool: pg.Pool, secret: string, now: number): Promise<ConsoleLinkInfo> => {
  const row = await usableLink(pool, secret, now, false);
  return { kind: row.kind, email: row.email, teamName: row.team_name, expiresAt: Number(row.expires_at) };
};

/**
 * Sets the user's password through a link, once: marks the link used, ends the user's other console
 * sessions, and starts a new session for them. Errors as `usableLink` (a second use is
 * `console_link_used`).
 */
export const redeemLink = async (
  pool: pg.Pool,
  secret: string,
  password: string,
  userAgent: string | null,
  now: number,
): Promise<NewSession & { userId: string; teamId: string }> => {
  // Hashing takes tens of ms: done before the transaction so no row lock is held meanwhile.
  const hash = await hashPassword(password);
  return inTransaction(pool, async (client) => {
    const row = await usableLink(client, secret, now, true);
    await client.query('UPDATE console_links SET used_at = $2 WHERE id = $1', [row.id, now]);
    await client.query(
      `INSERT INTO user_passwords (user_id, hash, updated_at) VALUES ($1, $2, $3)
       ON CONFLICT (user_id) DO UPDATE SET hash = EXCLUDED.hash, updated_at = EXCLUDED.updated_at`,
      [row.user_id, hash, now],
    );
    await revokeUserSessions(client, row.user_id, now);
    const session = await startSession(
      client,
      { userId: row.user_id, teamId: row.team_id },
      'password',
      userAgent,
      now,
    );
    return { ...session, userId: row.user_id, teamId: row.team_id };
  });
};
