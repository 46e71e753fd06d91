import {
  HandoffAcceptInput,
  type HandoffListOutput,
  HandoffListQuery,
  HandoffRejectInput,
  type ServerHandoff,
} from '@shared/server/handoffs';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { parseBody, principalOf } from '../access';
import { nowOf, poolOf, type ServerContext } from '../context';
import { ServerError } from '../errors';
import { decideHandoff, type HandoffReader, listHandoffs } from '../handoffs/store';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The team member calling, as a hand-off reader (the team is always the token's). */
const readerOf = (request: FastifyRequest): HandoffReader => {
  const principal = principalOf(request);
  if (principal.kind !== 'user') throw new ServerError('forbidden', 'Hand-offs belong to a team member.');
  return { teamId: principal.teamId, userId: principal.userId, role: principal.role };
};

/** The route's `:id`, checked to be a hand-off id (a UUID); `invalid_input` otherwise. */
const handoffIdParam = (request: FastifyRequest): string => {
  const id = (request.params as Record<string, unknown> | undefined)?.id;
  if (typeof id !== 'string' || !UUID.test(id)) {
    throw new ServerError(
      'invalid_input',
      'The hand-off id in the address is not a hand-off id (a UUID). Check it.',
    );
  }
  return id.toLowerCase();
};

/**
 * Hand-off routes (the team is the token's; another team's hand-off is `not_found`):
 * - `GET /v1/handoffs?status=open|accepted|rejected|all` (an AE: those routed to them; a rep: their
 *   own; a manager: the team's) → `HandoffListOutput`;
 * - `POST /v1/handoffs/:id/accept` `{}` (an AE) → `ServerHandoff`, the lead's status `sql`;
 * - `POST /v1/handoffs/:id/reject` `{reason}` (an AE) → `ServerHandoff`, the lead back to the rep's
 *   nurture pool. Errors: `handoff_reason_required` 400, `handoff_not_yours` 403, `not_found` 404,
 *   `handoff_already_decided` 409.
 */
export const handoffRoutes = (app: FastifyInstance, context: ServerContext): void => {
  app.get('/v1/handoffs', { config: { access: { callers: ['rep', 'ae', 'manager'] } } }, async (request) => {
    const { status } = parseBody(HandoffListQuery, request.query);
    const output: HandoffListOutput = {
      handoffs: await listHandoffs(poolOf(context), readerOf(request), status, nowOf(context)),
    };
    return output;
  });

  app.post('/v1/handoffs/:id/accept', { config: { access: { callers: ['ae'] } } }, async (request) => {
    parseBody(HandoffAcceptInput, request.body);
    const decided: ServerHandoff = await decideHandoff(
      poolOf(context),
      readerOf(request),
      handoffIdParam(request),
      { decision: 'accepted' },
      nowOf(context),
    );
    return decided;
  });

  app.post('/v1/handoffs/:id/reject', { config: { access: { callers: ['ae'] } } }, async (request) => {
    const { reason } = parseBody(HandoffRejectInput, request.body);
    const decided: ServerHandoff = await decideHandoff(
      poolOf(context),
      readerOf(request),
      handoffIdParam(request),
      { decision: 'rejected', reason: reason ?? '' },
      nowOf(context),
    );
    return decided;
  });
};
