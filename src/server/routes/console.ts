import {
  CONSOLE_SESSION_COOKIE,
  type ConsoleAeRecord,
  type ConsoleHandoffHistory,
  ConsoleInviteInput,
  type ConsoleLinkInfo,
  type ConsoleLinkOutput,
  ConsoleResetInput,
  type ConsoleSessionOutput,
  type ConsoleSessionsOutput,
  ConsoleSetPasswordInput,
  ConsoleSignInInput,
} from '@shared/server/console';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { parseBody, principalOf, teamIdParam } from '../access';
import { aeRecord, handoffHistory } from '../console/inbox';
import { inboxOf } from '../console/inbox-reader';
import { describeLink, type IssuedLink, inviteUser, issueReset, redeemLink } from '../console/links';
import { listSessions, revokeSession, startSession } from '../console/sessions';
import { userByPassword, userByToken } from '../console/sign-in';
import { nowOf, poolOf, type ServerContext } from '../context';
import { ServerError } from '../errors';
import type { TokenRouteLimit } from './teams';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const LINK_SECRET = /^[A-Za-z0-9_-]{43}$/;

/** The route's `:name` parameter as a UUID (lower case); `invalid_input` otherwise. */
const uuidParam = (request: FastifyRequest, name: string): string => {
  const value = (request.params as Record<string, unknown> | undefined)?.[name];
  if (typeof value !== 'string' || !UUID.test(value)) {
    throw new ServerError('invalid_input', `The ${name} in the address is not an id (a UUID). Check it.`);
  }
  return value.toLowerCase();
};

/** The route's `:secret`, the one-time link's secret; `not_found` when it cannot be one. */
const linkSecret = (request: FastifyRequest): string => {
  const secret = (request.params as Record<string, unknown> | undefined)?.secret;
  if (typeof secret !== 'string' || !LINK_SECRET.test(secret)) {
    throw new ServerError(
      'not_found',
      'This console link is not known to the server. Copy the whole link, or ask your manager for a new one.',
    );
  }
  return secret;
};

/** Sets the session cookie: httpOnly, SameSite=Strict, Path=/, Secure when the request came over https. */
const setSessionCookie = (request: FastifyRequest, reply: FastifyReply, secret: string, expiresAt: number) =>
  reply.setCookie(CONSOLE_SESSION_COOKIE, secret, {
    httpOnly: true,
    sameSite: 'strict',
    secure: request.protocol === 'https',
    path: '/',
    expires: new Date(expiresAt),
  });

/** The one-time link's address: the console's own page on the address the request reached. */
const linkOutput = (request: FastifyRequest, issued: IssuedLink): ConsoleLinkOutput => ({
  userId: issued.userId,
  email: issued.email,
  kind: issued.kind,
  link: `${request.protocol}://${request.host}/console/link/${issued.secret}`,
  expiresAt: issued.expiresAt,
});

const userAgentOf = (request: FastifyRequest): string | null => {
  const agent = request.headers['user-agent'];
  return typeof agent === 'string' ? agent : null;
};

/**
 * The console's sessions and the AE inbox's extra reads (`src/shared/server/console.ts` has the shapes):
 * - `POST /v1/console/sign-in` (public, rate-limited per address) `ConsoleSignInInput` → 200
 *   `ConsoleSessionOutput` and the session cookie; `console_sign_in_failed` 401, `rate_limited` 429;
 * - `GET /v1/console/session` (a console session) → `ConsoleSessionOutput` (the CSRF token for changes);
 * - `DELETE /v1/console/session` (a console session, CSRF) → 204, the session ended, cookie cleared;
 * - `GET /v1/console/links/:secret` (public, rate-limited) → `ConsoleLinkInfo`;
 *   `POST /v1/console/links/:secret` `ConsoleSetPasswordInput` → `ConsoleSessionOutput` and the cookie;
 *   `not_found`, `console_link_used` 410, `console_link_expired` 410;
 * - `POST /v1/teams/:teamId/console/invitations` (administrator or the team's manager)
 *   `ConsoleInviteInput` → 201 `ConsoleLinkOutput`; `POST /v1/teams/:teamId/console/password-resets`
 *   `ConsoleResetInput` → 201 `ConsoleLinkOutput`;
 * - `GET /v1/teams/:teamId/console/sessions` (administrator or the team's manager) →
 *   `ConsoleSessionsOutput`; `DELETE /v1/teams/:teamId/console/sessions/:sessionId` → 204 (`not_found`
 *   when no live session of that team has the id);
 * - `GET /v1/console/ae/record` (an AE) → `ConsoleAeRecord`;
 * - `GET /v1/console/handoffs/:id/history` (an AE: hand-offs routed to them; a manager: the team's) →
 *   `ConsoleHandoffHistory`.
 */
export const consoleRoutes = (app: FastifyInstance, context: ServerContext, limit: TokenRouteLimit): void => {
  const signedIn = async (
    request: FastifyRequest,
    reply: FastifyReply,
    user: { userId: string; teamId: string },
    session: { secret: string; csrfToken: string; expiresAt: number },
  ): Promise<ConsoleSessionOutput> => {
    setSessionCookie(request, reply, session.secret, session.expiresAt);
    const { rows } = await poolOf(context).query<{
      email: string;
      role: 'rep' | 'ae' | 'manager';
      name: string;
    }>('SELECT u.email, u.role, t.name FROM users u JOIN teams t ON t.id = u.team_id WHERE u.id = $1', [
      user.userId,
    ]);
    const row = rows[0];
    if (!row) throw new ServerError('internal', 'The signed-in user could not be read back.');
    return {
      me: {
        kind: 'user',
        userId: user.userId,
        teamId: user.teamId,
        teamName: row.name,
        email: row.email,
        role: row.role,
      },
      csrfToken: session.csrfToken,
      expiresAt: session.expiresAt,
    };
  };

  app.post(
    '/v1/console/sign-in',
    { config: { access: 'public', rateLimit: limit } },
    async (request, reply) => {
      const input = parseBody(ConsoleSignInInput, request.body);
      const pool = poolOf(context);
      const user =
        'token' in input
          ? await userByToken(pool, input.token)
          : await userByPassword(pool, input.email, input.password);
      const session = await startSession(
        pool,
        user,
        'token' in input ? 'token' : 'password',
        userAgentOf(request),
        nowOf(context),
      );
      return signedIn(request, reply, user, session);
    },
  );

  const sessionOnly = { callers: ['rep', 'ae', 'manager'] } as const;
  app.get('/v1/console/session', { config: { access: sessionOnly } }, async (request) => {
    const session = request.consoleSession;
    if (session === null) {
      throw new ServerError(
        'forbidden',
        'This route answers a console session (a browser sign-in), not a token.',
      );
    }
    const output: ConsoleSessionOutput = {
      me: {
        kind: 'user',
        userId: session.userId,
        teamId: session.teamId,
        teamName: session.teamName,
        email: session.email,
        role: session.role,
      },
      csrfToken: session.csrfToken,
      expiresAt: session.expiresAt,
    };
    return output;
  });

  app.delete('/v1/console/session', { config: { access: sessionOnly } }, async (request, reply) => {
    const session = request.consoleSession;
    if (session === null) {
      throw new ServerError(
        'forbidden',
        'This route answers a console session (a browser sign-in), not a token.',
      );
    }
    await revokeSession(poolOf(context), session.tokenId, nowOf(context));
    reply.clearCookie(CONSOLE_SESSION_COOKIE, { path: '/' });
    return reply.code(204).send();
  });

  app.get(
    '/v1/console/links/:secret',
    { config: { access: 'public', rateLimit: limit } },
    async (request) => {
      const info: ConsoleLinkInfo = await describeLink(poolOf(context), linkSecret(request), nowOf(context));
      return info;
    },
  );

  app.post(
    '/v1/console/links/:secret',
    { config: { access: 'public', rateLimit: limit } },
    async (request, reply) => {
      const secret = linkSecret(request);
      const { password } = parseBody(ConsoleSetPasswordInput, request.body);
      const redeemed = await redeemLink(
        poolOf(context),
        secret,
        password,
        userAgentOf(request),
        nowOf(context),
      );
      return signedIn(request, reply, redeemed, redeemed);
    },
  );

  const managers = { callers: ['admin', 'manager'], sameTeam: true } as const;
  const issuerOf = (request: FastifyRequest): string | null => {
    const principal = principalOf(request);
    return principal.kind === 'user' ? principal.userId : null;
  };

  app.post(
    '/v1/teams/:teamId/console/invitations',
    { config: { access: managers, rateLimit: limit } },
    async (request, reply) => {
      const teamId = teamIdParam(request);
      const { email, role } = parseBody(ConsoleInviteInput, request.body);
      const issued = await inviteUser(
        poolOf(context),
        teamId,
        email,
        role,
        issuerOf(request),
        nowOf(context),
      );
      return reply.code(201).send(linkOutput(request, issued));
    },
  );

  app.post(
    '/v1/teams/:teamId/console/password-resets',
    { config: { access: managers, rateLimit: limit } },
    async (request, reply) => {
      const teamId = teamIdParam(request);
      const { email } = parseBody(ConsoleResetInput, request.body);
      const issued = await issueReset(poolOf(context), teamId, email, issuerOf(request), nowOf(context));
      return reply.code(201).send(linkOutput(request, issued));
    },
  );

  app.get('/v1/teams/:teamId/console/sessions', { config: { access: managers } }, async (request) => {
    const output: ConsoleSessionsOutput = {
      sessions: await listSessions(
        poolOf(context),
        teamIdParam(request),
        nowOf(context),
        request.consoleSession?.tokenId ?? null,
      ),
    };
    return output;
  });

  app.delete(
    '/v1/teams/:teamId/console/sessions/:sessionId',
    { config: { access: managers } },
    async (request, reply) => {
      const teamId = teamIdParam(request);
      const sessionId = uuidParam(request, 'sessionId');
      if (!(await revokeSession(poolOf(context), sessionId, nowOf(context), teamId))) {
        throw new ServerError(
          'not_found',
          'No live console session of this team has this id. Reload the list.',
        );
      }
      return reply.code(204).send();
    },
  );

  app.get('/v1/console/ae/record', { config: { access: { callers: ['ae'] } } }, async (request) => {
    const record: ConsoleAeRecord = await aeRecord(poolOf(context), inboxOf(request), nowOf(context));
    return record;
  });

  app.get(
    '/v1/console/handoffs/:id/history',
    { config: { access: { callers: ['ae', 'manager'] } } },
    async (request) => {
      const output: ConsoleHandoffHistory = {
        activities: await handoffHistory(poolOf(context), inboxOf(request), uuidParam(request, 'id')),
      };
      return output;
    },
  );
};
