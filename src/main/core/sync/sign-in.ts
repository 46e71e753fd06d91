import { ErrorCode as ErrorCodes } from '@shared/api';
import { MeOutput, ServerErrorBody } from '@shared/server/admin';
import { AppError } from '../errors';
import type { Db } from '../store/db';
import type { SyncCredentials } from './credentials';
import { pendingCount } from './outbox-rows';

/** The server's base address (`origin`) from what the user typed; `sync_server_url_invalid` otherwise. */
export const serverOrigin = (typed: string): string => {
  const value = typed.trim();
  let url: URL | null = null;
  try {
    url = new URL(value);
  } catch {
    // Reported below.
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.hostname === '') {
    throw new AppError(
      'sync_server_url_invalid',
      `"${value}" is not a server address. Type it whole, such as https://dialdeck.example.com or http://127.0.0.1:8470.`,
      undefined,
      { value },
    );
  }
  return url.origin;
};

/**
 * Checks `token` with the team server's `GET /v1/me` and returns the credentials to keep (base
 * address, token, user, team, role; `signedInAt` = `now`). Errors: `sync_server_url_invalid`,
 * `server_unreachable` (params `{url}`: no answer within 10 s, or an answer that is not a Dialdeck
 * server's), `unauthorized` (the token is unknown or revoked), `invalid_input` (the administrator's
 * token, which belongs to no team), and the server's own codes (`rate_limited`…).
 */
export const checkSignIn = async (server: string, token: string, now: number): Promise<SyncCredentials> => {
  const origin = serverOrigin(server);
  const unreachable = (why: string) =>
    new AppError(
      'server_unreachable',
      `Could not reach a Dialdeck server at ${origin} (${why}). Check the address and your connection.`,
      undefined,
      { url: origin },
    );
  let response: Response;
  try {
    response = await fetch(new URL('/v1/me', origin), {
      headers: { authorization: `Bearer ${token.trim()}` },
      signal: AbortSignal.timeout(10_000),
    });
  } catch (error) {
    throw unreachable(
      error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error),
    );
  }
  let json: unknown = null;
  try {
    json = await response.json();
  } catch {
    // Not JSON: not a Dialdeck server; reported below.
  }
  if (!response.ok) {
    const failure = ServerErrorBody.safeParse(json);
    const known = ErrorCodes.safeParse(failure.success ? failure.data.error.code : '');
    if (failure.success && known.success) {
      throw new AppError(known.data, failure.data.error.message, failure.data.error.details);
    }
    throw unreachable(`it answered ${response.status}, not as a Dialdeck server`);
  }
  const me = MeOutput.safeParse(json);
  if (!me.success) throw unreachable('its answer is not a Dialdeck server’s');
  if (me.data.kind !== 'user') {
    throw new AppError(
      'invalid_input',
      "That is the server's administrator token, which belongs to no team. Sign in with your own token.",
    );
  }
  const { userId, teamId, teamName, email, role } = me.data;
  return { server: origin, token: token.trim(), userId, teamId, teamName, email, role, signedInAt: now };
};

/**
 * Refuses to sign a data folder in as another user (or team) while changes made under the signed-in
 * one still wait in the outbox: pushed under the new token they would be recorded as the new user's.
 * Throws `sync_other_user` (params `{ email, count }`) saying to sync first or use another data folder.
 */
export const assertSwitchable = (
  db: Db,
  signedIn: Pick<SyncCredentials, 'userId' | 'teamId' | 'email'> | null,
  next: Pick<SyncCredentials, 'userId' | 'teamId'>,
): void => {
  if (signedIn === null || (signedIn.userId === next.userId && signedIn.teamId === next.teamId)) return;
  const count = pendingCount(db);
  if (count === 0) return;
  throw new AppError(
    'sync_other_user',
    `This data folder is signed in as ${signedIn.email}, and ${count} of their changes have not reached the server yet. Sync them first (dialdeck sync, or Sync now), or sign the new user in with a data folder of their own (--data-dir).`,
    undefined,
    { email: signedIn.email, count },
  );
};
