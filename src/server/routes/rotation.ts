import { SetRotationInput } from '@shared/server/shifts';
import type { FastifyInstance } from 'fastify';
import { parseBody, teamIdParam } from '../access';
import { poolOf, type ServerContext } from '../context';
import { ServerError } from '../errors';
import { listRotation, setInRotation } from '../inbound/rotation-store';
import { teamExists } from '../store/teams';
import { memberParam } from './shifts';

/**
 * Round-robin membership (administrator, or a manager of that team):
 * - `GET /v1/teams/:teamId/rotation` → `TeamRotationOutput`: the reps, in or out, with their shift;
 * - `PUT /v1/teams/:teamId/rotation/:userId` (a user id or email) `SetRotationInput` → `RotationMember`.
 * Errors: `not_found` (team or member), `user_removed`, `invalid_input` (body, or a member not a rep).
 */
export const rotationRoutes = (app: FastifyInstance, context: ServerContext): void => {
  const access = { callers: ['admin', 'manager'] as const, sameTeam: true };
  const team = async (teamId: string): Promise<string> => {
    if (!(await teamExists(poolOf(context), teamId))) {
      throw new ServerError('not_found', `There is no team ${teamId}. Check the team id.`);
    }
    return teamId;
  };

  app.get('/v1/teams/:teamId/rotation', { config: { access } }, async (request) => {
    const teamId = await team(teamIdParam(request));
    return listRotation(poolOf(context), teamId, Date.now());
  });

  app.put('/v1/teams/:teamId/rotation/:userId', { config: { access } }, async (request) => {
    const { inRotation } = parseBody(SetRotationInput, request.body);
    const teamId = await team(teamIdParam(request));
    return setInRotation(poolOf(context), teamId, memberParam(request), inRotation, Date.now());
  });
};
