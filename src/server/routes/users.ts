import { RemoveUserInput } from '@shared/server/admin';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { parseBody, principalOf, teamIdParam } from '../access';
import { poolOf, type ServerContext } from '../context';
import { ServerError } from '../errors';
import { teamExists } from '../store/teams';
import { removeUser, replaceUserToken, revokeUserTokens } from '../store/users';
import type { TokenRouteLimit } from './teams';

/** The route's `:user`: a user id or an email, 1–320 characters (`invalid_input` otherwise). */
const userParam = (request: FastifyRequest): string => {
  const user = (request.params as Record<string, unknown> | undefined)?.user;
  if (typeof user !== 'string' || user.trim() === '' || user.length > 320) {
    throw new ServerError('invalid_input', 'Name the user by their email or user id.');
  }
  return user;
};

/**
 * A manager's hold on the team's users (administrator, or a manager of that team); `:user` is a user
 * id or an email:
 * - `POST /v1/teams/:teamId/users/:user/remove` `RemoveUserInput` → `RemoveUserOutput`: the user is
 *   deactivated, their tokens revoked (open event streams end), their leads reassigned or unassigned;
 * - `POST /v1/teams/:teamId/users/:user/token/revoke` `{}` → `RevokeUserTokensOutput`;
 * - `POST /v1/teams/:teamId/users/:user/token/replace` `{}` → `ReplaceUserTokenOutput` (rate-limited
 *   per client address like every route that mints a token: 429 `rate_limited`).
 * Errors: `not_found` (team, user or `reassignTo`), `user_removed`, `invalid_input`, `forbidden`.
 */
export const userRoutes = (app: FastifyInstance, context: ServerContext, limit: TokenRouteLimit): void => {
  const access = { callers: ['admin', 'manager'] as const, sameTeam: true };
  const team = async (request: FastifyRequest): Promise<string> => {
    const teamId = teamIdParam(request);
    if (!(await teamExists(poolOf(context), teamId))) {
      throw new ServerError('not_found', `There is no team ${teamId}. Check the team id.`);
    }
    return teamId;
  };
  const actorOf = (request: FastifyRequest): string | null => {
    const principal = principalOf(request);
    return principal.kind === 'user' ? principal.userId : null;
  };

  app.post('/v1/teams/:teamId/users/:user/remove', { config: { access } }, async (request) => {
    const { reassignTo } = parseBody(RemoveUserInput, request.body);
    const teamId = await team(request);
    return removeUser(poolOf(context), teamId, userParam(request), reassignTo, actorOf(request), Date.now());
  });

  app.post('/v1/teams/:teamId/users/:user/token/revoke', { config: { access } }, async (request) => {
    const teamId = await team(request);
    return revokeUserTokens(poolOf(context), teamId, userParam(request), Date.now());
  });

  app.post(
    '/v1/teams/:teamId/users/:user/token/replace',
    { config: { access, rateLimit: limit } },
    async (request) => {
      const teamId = await team(request);
      return replaceUserToken(poolOf(context), teamId, userParam(request), Date.now());
    },
  );
};
