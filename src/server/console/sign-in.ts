import type pg from 'pg';
import { dummyHash, verifyPassword } from '../auth/passwords';
import { resolveToken } from '../auth/principal';
import { ServerError } from '../errors';

const FAILED = (): ServerError =>
  new ServerError(
    'console_sign_in_failed',
    'The email and password do not match, or this user has no console password yet. Check them, or ask your manager for an invitation or a reset link.',
  );

/**
 * The user an email and password sign in: every user with that email (one per team) whose stored
 * password matches; the oldest such user when several do. A wrong password, an unknown email and a
 * user with no password all answer `console_sign_in_failed` after the same scrypt work.
 */
export const userByPassword = async (
  pool: pg.Pool,
  email: string,
  password: string,
): Promise<{ userId: string; teamId: string }> => {
  const { rows } = await pool.query<{ id: string; team_id: string; hash: string }>(
    `SELECT u.id, u.team_id, p.hash FROM users u JOIN user_passwords p ON p.user_id = u.id
      WHERE u.email = $1 ORDER BY u.created_at, u.id LIMIT 5`,
    [email],
  );
  if (rows.length === 0) {
    await verifyPassword(password, await dummyHash());
    throw FAILED();
  }
  for (const row of rows) {
    if (await verifyPassword(password, row.hash)) return { userId: row.id, teamId: row.team_id };
  }
  throw FAILED();
};

/**
 * The user a CLI/desktop token signs in (the administrator token has no team, so no console session):
 * `console_sign_in_failed` for an unknown or revoked token, `forbidden` for the administrator token.
 */
export const userByToken = async (
  pool: pg.Pool,
  token: string,
): Promise<{ userId: string; teamId: string }> => {
  const principal = await resolveToken(pool, token);
  if (principal === null) {
    throw new ServerError(
      'console_sign_in_failed',
      'The server does not know this token, or it was revoked. Paste the whole token, or ask your manager for a new one.',
    );
  }
  if (principal.kind !== 'user') {
    throw new ServerError(
      'forbidden',
      'The administrator token opens no team console. Sign in as a manager of the team (dialdeck admin invite).',
    );
  }
  return { userId: principal.userId, teamId: principal.teamId };
};
