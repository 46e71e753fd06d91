import { SetShiftInput, type TeamShiftsOutput } from '@shared/server/shifts';
import type { FastifyInstance } from 'fastify';
import { parseBody, teamIdParam } from '../access';
import { poolOf, type ServerContext } from '../context';
import { ServerError } from '../errors';
import { listShifts, setShift } from '../inbound/shifts-store';
import { teamExists } from '../store/teams';

/**
 * Shifts for inbound routing (administrator, or a manager of that team):
 * - `POST /v1/teams/:teamId/shifts` `SetShiftInput` → 200 `TeamShift` (the rep's shift replaced);
 *   `not_found` for an unknown team or email, `invalid_input` for a user who is not a rep;
 * - `GET /v1/teams/:teamId/shifts` → `TeamShiftsOutput`, with who is on shift now.
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
};
