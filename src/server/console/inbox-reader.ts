import type { FastifyRequest } from 'fastify';
import { principalOf } from '../access';
import { ServerError } from '../errors';
import type { HandoffReader } from '../handoffs/store';

/** The team member calling, as a hand-off reader (the team is always the caller's own). */
export const inboxOf = (request: FastifyRequest): HandoffReader => {
  const principal = principalOf(request);
  if (principal.kind !== 'user') throw new ServerError('forbidden', 'Hand-offs belong to a team member.');
  return { teamId: principal.teamId, userId: principal.userId, role: principal.role };
};
