import type pg from 'pg';
import { ServerError } from '../errors';

/**
 * Refuses adding `email` to team `teamId` when it already belongs to a user of another team who is
 * not removed: email+password sign-in finds an account by its email alone, so one address must name
 * one live account. Takes a transaction-long advisory lock on the folded address first, so two teams
 * adding the same address at once cannot both pass. Call inside the transaction that inserts the user.
 * Throws `user_email_taken` (409) saying the address signs in to another team.
 */
export const refuseEmailOfAnotherTeam = async (
  client: pg.PoolClient,
  teamId: string,
  email: string,
): Promise<void> => {
  await client.query("SELECT pg_advisory_xact_lock(hashtext('user-email:' || lower($1)))", [email]);
  const { rowCount } = await client.query(
    'SELECT 1 FROM users WHERE lower(email) = lower($1) AND team_id <> $2 AND removed_at IS NULL LIMIT 1',
    [email, teamId],
  );
  if ((rowCount ?? 0) > 0) {
    throw new ServerError(
      'user_email_taken',
      `${email} already signs in to another Dialdeck team; one address can belong to one team only. Use another email address for this user.`,
    );
  }
};
