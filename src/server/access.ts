import { timingSafeEqual } from 'node:crypto';
import { CONSOLE_CSRF_HEADER, CONSOLE_SESSION_COOKIE } from '@shared/server/console';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ZodType } from 'zod';
import { type Caller, callerOf, type Principal, resolveToken } from './auth/principal';
import { resolveSession, type SessionPrincipal } from './console/sessions';
import { nowOf, poolOf, type ServerContext } from './context';
import { ServerError } from './errors';

const CALLER_NOUN: Record<Caller, string> = {
  admin: 'administrator',
  manager: 'manager',
  ae: 'AE',
  rep: 'rep',
};

/** "An AE", "A rep", "an administrator"…: a caller in words, with the article English wants. */
const callerWords = (caller: Caller, capital: boolean): string => {
  const noun = CALLER_NOUN[caller];
  const article = /^[aeiouAEIOU]/.test(noun) ? 'an' : 'a';
  return `${capital ? article[0]?.toUpperCase() + article.slice(1) : article} ${noun}`;
};

/**
 * Who may call a route, declared on every route as `config.access`: `public` (no token), or the
 * callers allowed (`admin` and/or team roles). With `sameTeam`, a user may act only on the team named
 * by the route's `:teamId` (the administrator on any team).
 */
export type Access = 'public' | { callers: readonly Caller[]; sameTeam?: boolean };

declare module 'fastify' {
  // Fastify's route config and request are extended by declaration merging, which needs interfaces.
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    principal: Principal | null;
    /** Set when the request signed in with the console's session cookie instead of a bearer token. */
    consoleSession: SessionPrincipal | null;
  }
}

const BEARER = /^Bearer\s+(\S+)\s*$/i;
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The console session cookie's secret on `request`, if it carries one. */
const sessionSecretOf = (request: FastifyRequest): string | null =>
  (request.cookies as Record<string, string | undefined> | undefined)?.[CONSOLE_SESSION_COOKIE] ?? null;

/**
 * Who `request` acts for: its bearer token's principal when it has an Authorization header, else its
 * console session's (cookie), else null. The same check the event stream repeats on each heartbeat.
 */
export const resolveCredential = async (
  context: ServerContext,
  request: FastifyRequest,
): Promise<{ principal: Principal; session: SessionPrincipal | null } | null> => {
  const header = request.headers.authorization;
  if (header !== undefined) {
    const match = BEARER.exec(header);
    if (!match?.[1]) return null;
    const principal = await resolveToken(poolOf(context), match[1]);
    return principal === null ? null : { principal, session: null };
  }
  const secret = sessionSecretOf(request);
  if (secret === null) return null;
  const session = await resolveSession(poolOf(context), secret, nowOf(context));
  return session === null ? null : { principal: session, session };
};

/**
 * A cookie-signed change must echo the session's CSRF token in the \`x-dialdeck-csrf\` header: a page on
 * another site can make the browser send the cookie, never read the token. \`console_csrf_invalid\` (403).
 */
const checkCsrf = (request: FastifyRequest, session: SessionPrincipal): void => {
  if (SAFE_METHODS.has(request.method)) return;
  const header = request.headers[CONSOLE_CSRF_HEADER];
  const sent = Buffer.from(typeof header === 'string' ? header : '', 'utf8');
  const expected = Buffer.from(session.csrfToken, 'utf8');
  if (sent.length !== expected.length || !timingSafeEqual(sent, expected)) {
    throw new ServerError(
      'console_csrf_invalid',
      "This change did not carry the console page's security token, so it was refused. Reload the console and try again.",
    );
  }
};
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The one authentication and authorisation step (a `preValidation` hook, so rate limits count a
 * request before its token is looked up): resolves the bearer token to a principal and checks the
 * route's `access`. Throws `unauthorized` (401: no token, unknown or revoked) before `forbidden`
 * (403: a known caller without the role, or another team's `:teamId`). A route without `access`
 * is refused, so forgetting to declare one fails closed.
 */
export const authorize =
  (context: ServerContext) =>
  async (request: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    request.principal = null;
    request.consoleSession = null;
    const access = request.routeOptions.config.access;
    // No route matched: the not-found handler answers 404 whoever asks.
    if (access === 'public' || request.is404) return;
    if (access === undefined) {
      throw new ServerError('forbidden', 'This route declares no access rule, so nobody may call it.');
    }
    request.consoleSession = null;
    if (request.headers.authorization === undefined && sessionSecretOf(request) === null) {
      throw new ServerError(
        'unauthorized',
        'This request needs a bearer token (header "Authorization: Bearer <token>") or a console sign-in. Ask your manager for one.',
      );
    }
    const credential = await resolveCredential(context, request);
    if (credential === null) {
      throw new ServerError(
        request.headers.authorization === undefined ? 'console_session_ended' : 'unauthorized',
        request.headers.authorization === undefined
          ? 'Your console session has ended (signed out, expired or revoked). Sign in again.'
          : 'The server does not know this token, or it was revoked. Ask your manager for a new one.',
      );
    }
    const { principal, session } = credential;
    if (session !== null) {
      request.consoleSession = session;
      checkCsrf(request, session);
    }
    request.principal = principal;
    if (!access.callers.includes(callerOf(principal))) {
      throw new ServerError(
        'forbidden',
        `${callerWords(callerOf(principal), true)} may not do this; it needs ${access.callers
          .map((caller) => callerWords(caller, false))
          .join(' or ')}.`,
      );
    }
    if (access.sameTeam && principal.kind === 'user') {
      const teamId = teamIdParam(request);
      if (teamId !== principal.teamId) {
        throw new ServerError(
          'forbidden',
          'Your token belongs to another team; you may act only on your own team.',
        );
      }
    }
  };

/** The route's `:teamId`, checked to be a UUID (`invalid_input` otherwise). */
export const teamIdParam = (request: FastifyRequest): string => {
  const teamId = (request.params as Record<string, unknown> | undefined)?.teamId;
  if (typeof teamId !== 'string' || !UUID.test(teamId)) {
    throw new ServerError('invalid_input', 'The team id in the address is not a team id (a UUID). Check it.');
  }
  return teamId.toLowerCase();
};

/** The request's principal, set by `authorize` on every non-public route. */
export const principalOf = (request: FastifyRequest): Principal => {
  if (request.principal === null) throw new ServerError('unauthorized', 'This request needs a bearer token.');
  return request.principal;
};

/** Parses a request body with its shared zod schema; `invalid_input` (400) lists what is wrong. */
export const parseBody = <T>(schema: ZodType<T>, body: unknown): T => {
  const parsed = schema.safeParse(body ?? {});
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => ({
      path: issue.path.join('.'),
      message: issue.message,
    }));
    throw new ServerError(
      'invalid_input',
      `The request is not valid: ${issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ')}.`,
      { issues },
    );
  }
  return parsed.data;
};
