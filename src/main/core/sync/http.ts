import { ErrorCode as ErrorCodes } from '@shared/api';
import { ServerErrorBody } from '@shared/server/admin';
import type { ZodType } from 'zod';
import { AppError } from '../errors';
import type { SyncCredentials } from './credentials';

/**
 * Sends one sync request (`POST path` with `body` as JSON and the bearer token) and returns the answer
 * parsed by `schema`. Errors: `server_unreachable` (params `{url}`) when no answer came, the
 * server's own code for an error answer (`unauthorized`, `forbidden`, `sync_protocol_outdated`,
 * `server_database_unreachable`…), `internal` for an answer of an unknown shape.
 */
export const postSync = async <T>(
  credentials: SyncCredentials,
  path: string,
  body: unknown,
  schema: ZodType<T>,
): Promise<T> => {
  const url = new URL(path, credentials.server);
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { authorization: `Bearer ${credentials.token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(60_000),
    });
  } catch (error) {
    const why = error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
    throw new AppError(
      'server_unreachable',
      `Could not reach the Dialdeck server at ${url.origin} (${why}). Your changes are kept; sync again when online.`,
      undefined,
      { url: url.origin },
    );
  }
  const text = await response.text().catch(() => '');
  let json: unknown = null;
  try {
    json = text === '' ? null : JSON.parse(text);
  } catch {
    // Not JSON: reported below.
  }
  if (!response.ok) {
    const failure = ServerErrorBody.safeParse(json);
    const known = ErrorCodes.safeParse(failure.success ? failure.data.error.code : '');
    if (failure.success && known.success) {
      throw new AppError(known.data, failure.data.error.message, failure.data.error.details);
    }
    // A proxy's or load balancer's own error page: the server behind it may be back soon.
    throw new AppError(
      response.status >= 500 ? 'server_unreachable' : 'internal',
      `The server at ${url.origin} answered ${response.status} without a Dialdeck error. Your changes are kept; sync again later.`,
      undefined,
      { url: url.origin },
    );
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw new AppError(
      'internal',
      `The server at ${url.origin} answered in a shape this Dialdeck does not know; update Dialdeck. Your changes are kept.`,
    );
  }
  return parsed.data;
};
