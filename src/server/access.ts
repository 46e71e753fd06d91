import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ZodType } from 'zod';
import { type Caller, callerOf, type Principal, resolveToken } from './auth/principal';
import { poolOf, type ServerContext } from './context';
import { ServerError } from './errors';

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
  }
}

const BEARER = /^Bearer\s+(\S+)\s*$/i;
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
    const access = request.routeOptions.config.access;
    // No route matched: the not-found handler answers 404 whoever asks.
    if (access === 'public' || request.is404) return;
    if (access === undefined) {
      throw new ServerError('forbidden', 'This route declares no access rule, so nobody may call it.');
    }
    const match = BEARER.exec(request.headers.authorization ?? '');
    if (!match?.[1]) {
      throw new ServerError(
        'unauthorized',
        'This request needs a bearer token (header "Authorization: Bearer <token>"). Ask your manager for one.',
      );
    }
    const principal = await resolveToken(poolOf(context), match[1]);
    if (principal === null) {
      throw new ServerError(
        'unauthorized',
        'The server does not know this token, or it was revoked. Ask your manager for a new one.',
      );
    }
    request.principal = principal;
    if (!access.callers.includes(callerOf(principal))) {
      throw new ServerError(
        'forbidden',
        `A ${callerOf(principal)} may not do this; it needs: ${access.callers.join(' or ')}.`,
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
