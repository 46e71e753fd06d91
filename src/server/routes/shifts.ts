import { type RemoveShiftOutput, SetShiftInput, type TeamShiftsOutput } from '@shared/server/shifts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { parseBody, teamIdParam } from '../access';
import { poolOf, type ServerContext } from '../context';
import { ServerError } from '../errors';
import { listShifts, removeShift, setShift } from '../inbound/shifts-store';
import { teamExists } from '../store/teams';
import { memberOf } from '../store/users';

/** The route's `:userId`: a member's user id or email, 1–320 characters (`invalid_input` otherwise). */
export const memberParam = (request: FastifyRequest): string => {
  const user = (request.params as Record<string, unknown> | undefined)?.userId;
  if (typeof user !== 'string' || user.trim() === '' || user.length > 320) {
    throw new ServerError('invalid_input', 'Name the member by their user id or email.');
  }
  return user;
};

/**
 * Shifts for inbound routing (administrator, or a manager of that team):
 * - `POST /v1/teams/:teamId/shifts` `SetShiftInput` → 200 `TeamShift` (the rep's shift replaced);
 *   `not_found` for an unknown team or email, `invalid_input` for a user who is not a rep;
 * - `GET /v1/teams/:teamId/shifts` → `TeamShiftsOutput`, with who is on shift now;
 * - `DELETE /v1/teams/:teamId/shifts/:userId` (a user id or email) → `RemoveShiftOutput`; `not_found`
 *   for an unknown team or member, or a member without a shift.
 */
export const shiftRoutes = (app: FastifyInstance, context: ServerContext): void => {
  const access = { callers: ['admin', 'manager'] as const, sameTeam: true };
  app.post('/v1/teams/:teamId/shifts', { config: { access } }, async (request) => {
    const teamId = teamIdParam(request);
    const input = parseBody(SetShiftInput, request.body);
    const pool = poolOf(context);
    if (!(await teamExists(pool, teamId))) {
      throw new ServerError('not_found', `There is no team ${teamId}. Check the team id.`);
    }
    return setShift(pool, teamId, input, Date.now());
  });

  app.get('/v1/teams/:teamId/shifts', { config: { access } }, async (request) => {
    const teamId = teamIdParam(request);
    const pool = poolOf(context);
    if (!(await teamExists(pool, teamId))) {
      throw new ServerError('not_found', `There is no team ${teamId}. Check the team id.`);
    }
    const output: TeamShiftsOutput = { shifts: await listShifts(pool, teamId, Date.now()) };
    return output;
  });

  app.delete('/v1/teams/:teamId/shifts/:userId', { config: { access } }, async (request) => {
    const teamId = teamIdParam(request);
    const pool = poolOf(context);
    if (!(await teamExists(pool, teamId))) {
      throw new ServerError('not_found', `There is no team ${teamId}. Check the team id.`);
    }
    const member = await memberOf(pool, teamId, memberParam(request));
    await removeShift(pool, teamId, member.id);
    const output: RemoveShiftOutput = { userId: member.id, removed: true };
    return output;
  });
};
