import type { ErrorCode } from '@shared/api';
import { ErrorCode as ErrorCodes } from '@shared/api';
import { ServerErrorBody } from '@shared/server/admin';
import type { ZodType } from 'zod';
import { AppError } from '../core/errors';

/** Where an admin command sends its request: the server's base URL and a bearer token. */
export type ServerTarget = { server: string; token: string };

/** The server's base URL from `--server`; `invalid_input` unless it is an http(s) address. */
export const baseUrl = (server: string): URL => {
  try {
    const url = new URL(server);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('scheme');
    return url;
  } catch {
    throw new AppError(
      'invalid_input',
      `--server must be the server's address, such as http://127.0.0.1:8470 (got "${server}").`,
    );
  }
};

/** The CLI's error for a fetch that failed before any answer came (`server_unreachable`). */
export const unreachable = (url: URL, error: unknown): AppError => {
  const why = error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
  return new AppError(
    'server_unreachable',
    `Could not reach the Dialdeck server at ${url.origin} (${why}). Check --server and that the server is running.`,
    undefined,
    { url: url.origin },
  );
};

/**
 * Sends one request to the team server and returns its answer parsed by `schema`. Errors keep the
 * server's stable code (`unauthorized`, `forbidden`, `not_found`, `user_email_taken`…); a server
 * that cannot be reached is `server_unreachable` (params `{ url }`); an answer that is not the
 * expected shape is `internal`.
 */
export const callServer = async <T>(
  target: ServerTarget,
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  path: string,
  body: unknown,
  schema: ZodType<T>,
): Promise<T> => {
  const url = new URL(path, baseUrl(target.server));
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers: {
        authorization: `Bearer ${target.token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(30_000),
    });
  } catch (error) {
    throw unreachable(url, error);
  }
  return readAnswer(response, url, schema);
};

/**
 * Reads a team server's answer: parsed by `schema` when it is a success; otherwise an `AppError` with
 * the server's stable code and message (`internal` for an unknown code, no error body, or an answer
 * of another shape).
 */
export const readAnswer = async <T>(response: Response, url: URL, schema: ZodType<T>): Promise<T> => {
  const text = await response.text();
  let json: unknown = null;
  try {
    json = text === '' ? null : JSON.parse(text);
  } catch {
    // Not JSON: reported below as an unexpected answer.
  }
  if (!response.ok) {
    const failure = ServerErrorBody.safeParse(json);
    if (failure.success) {
      const known = ErrorCodes.safeParse(failure.data.error.code);
      const code: ErrorCode = known.success ? known.data : 'internal';
      throw new AppError(code, failure.data.error.message, failure.data.error.details);
    }
    throw new AppError(
      'internal',
      `The server at ${url.origin} answered ${response.status} without an error body.`,
    );
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw new AppError(
      'internal',
      `The server at ${url.origin} answered in a shape this Dialdeck does not know; update Dialdeck or the server.`,
    );
  }
  return parsed.data;
};
