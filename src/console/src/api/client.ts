import { ServerErrorBody } from '@shared/server/admin';
import { CONSOLE_CSRF_HEADER } from '@shared/server/console';
import type { ZodType } from 'zod';

/** A failed console request: the server's stable error code and its English message. */
export class ConsoleApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'ConsoleApiError';
  }
}

let csrfToken: string | null = null;
let onSessionEnded: () => void = () => {};

/** Remembers the session's CSRF token (from sign-in or `GET /v1/console/session`); null on sign-out. */
export const setCsrfToken = (token: string | null): void => {
  csrfToken = token;
};

/** What to do when the server says the session ended (signed out elsewhere, expired, revoked). */
export const whenSessionEnds = (handler: () => void): void => {
  onSessionEnded = handler;
};

/**
 * Calls the team server's API from the console page: same origin, the session cookie goes along, every
 * change carries the CSRF header, the answer is checked with `schema`. Throws `ConsoleApiError` with the
 * server's code (`network_error` when the server cannot be reached).
 */
export const callApi = async <T>(
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  path: string,
  schema: ZodType<T> | null,
  body?: unknown,
): Promise<T> => {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: {
        accept: 'application/json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(method !== 'GET' && csrfToken ? { [CONSOLE_CSRF_HEADER]: csrfToken } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ConsoleApiError(
      'server_unreachable',
      'The team server cannot be reached. Check the connection.',
      0,
    );
  }
  const text = await response.text();
  const json: unknown = text ? JSON.parse(text) : null;
  if (!response.ok) {
    const parsed = ServerErrorBody.safeParse(json);
    const code = parsed.success ? parsed.data.error.code : 'internal';
    if (code === 'console_session_ended') onSessionEnded();
    throw new ConsoleApiError(code, parsed.success ? parsed.data.error.message : text, response.status);
  }
  return schema === null ? (undefined as T) : schema.parse(json);
};
