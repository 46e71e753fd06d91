import { AddUserInput, CreateTeamInput, type MeOutput } from '@shared/server/admin';
import type { FastifyInstance } from 'fastify';
import { parseBody, principalOf, teamIdParam } from '../access';
import { revokeToken } from '../auth/principal';
import { revokeSession } from '../console/sessions';
import { poolOf, type ServerContext } from '../context';
import { ServerError } from '../errors';
import { addUser, createTeam, listUsers, teamExists } from '../store/teams';

/** Requests per minute and client address on routes that mint tokens or secrets. */
export type TokenRouteLimit = { max: number; timeWindow: number };

/**
 * Teams, users and the caller:
 * - `GET /v1/me` (any token) → `MeOutput`;
 * - `DELETE /v1/me/token` (a user's token) → 204, revokes the token used (signing out; with a
 *   console session, ends that session);
 * - `POST /v1/teams` (administrator) `CreateTeamInput` → 201 `CreateTeamOutput`;
 * - `POST /v1/teams/:teamId/users` (administrator, or a manager of that team) `AddUserInput` → 201
 *   `AddUserOutput`; `not_found` for an unknown team, `user_email_taken` (409) for a repeated email;
 * - `GET /v1/teams/:teamId/users` (administrator, or a manager of that team) → `TeamUsersOutput`.
 * The two minting routes are rate-limited per client address (`limit`, 429 `rate_limited`).
 */
export const teamRoutes = (app: FastifyInstance, context: ServerContext, limit: TokenRouteLimit): void => {
  app.get(
    '/v1/me',
    { config: { access: { callers: ['admin', 'rep', 'ae', 'manager'] } } },
    async (request) => {
      const principal = principalOf(request);
      const me: MeOutput =
        principal.kind === 'admin'
          ? { kind: 'admin' }
          : {
              kind: 'user',
              userId: principal.userId,
              teamId: principal.teamId,
              teamName: principal.teamName,
              email: principal.email,
              role: principal.role,
            };
      return me;
    },
  );

  app.delete(
    '/v1/me/token',
    { config: { access: { callers: ['rep', 'ae', 'manager'] } } },
    async (request, reply) => {
      const principal = principalOf(request);
      if (request.consoleSession !== null)
        await revokeSession(poolOf(context), principal.tokenId, Date.now());
      else await revokeToken(poolOf(context), principal.tokenId);
      return reply.code(204).send();
    },
  );

  app.post(
    '/v1/teams',
    { config: { access: { callers: ['admin'] }, rateLimit: limit } },
    async (request, reply) => {
      const { name } = parseBody(CreateTeamInput, request.body);
      return reply.code(201).send(await createTeam(poolOf(context), name));
    },
  );

  app.post(
    '/v1/teams/:teamId/users',
    { config: { access: { callers: ['admin', 'manager'], sameTeam: true }, rateLimit: limit } },
    async (request, reply) => {
      const teamId = teamIdParam(request);
      const { email, role } = parseBody(AddUserInput, request.body);
      return reply.code(201).send(await addUser(poolOf(context), teamId, email, role));
    },
  );

  app.get(
    '/v1/teams/:teamId/users',
    { config: { access: { callers: ['admin', 'manager'], sameTeam: true } } },
    async (request) => {
      const teamId = teamIdParam(request);
      const pool = poolOf(context);
      if (!(await teamExists(pool, teamId))) {
        throw new ServerError('not_found', `There is no team ${teamId}. Check the team id.`);
      }
      return { users: await listUsers(pool, teamId) };
    },
  );
};
