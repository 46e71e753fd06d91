import type { TeamActivitiesOutput } from '@shared/server/activities';
import { PushRequest, type PushResponse } from '@shared/sync/protocol';
import { MAX_PULL_LIMIT, PullRequest, type PullResponse } from '@shared/sync/pull';
import type { FastifyInstance } from 'fastify';
import { parseBody, principalOf, teamIdParam } from '../access';
import { nowOf, poolOf, type ServerContext } from '../context';
import { ServerError } from '../errors';
import { teamExists } from '../store/teams';
import { pullChanges } from '../sync/pull';
import { applyPush, listActivities } from '../sync/push';

/**
 * Refuses a request whose sync protocol is not the server's (426 `sync_protocol_outdated`, details
 * `{client, server}`) before anything is read or written, so an old client never half-applies.
 */
const checkProtocol = (context: ServerContext, body: unknown): void => {
  const client = (body as { protocolVersion?: unknown } | null)?.protocolVersion;
  if (client === context.syncProtocol) return;
  const older = typeof client !== 'number' || client < context.syncProtocol;
  throw new ServerError(
    'sync_protocol_outdated',
    older
      ? `This server speaks sync protocol ${context.syncProtocol}; the desktop speaks ${String(client)}. Update Dialdeck, then sync again; unsent changes stay in the outbox until then.`
      : `This server speaks sync protocol ${context.syncProtocol}, older than the desktop's ${client}. Ask your manager to update the Dialdeck server; unsent changes stay in the outbox until then.`,
    { client: client ?? null, server: context.syncProtocol },
  );
};

/**
 * Sync routes:
 * - `POST /v1/sync/push` (rep, AE or manager; the team is the token's) `PushRequest` → 200
 *   `PushResponse`, one result per mutation; 426 `sync_protocol_outdated` for another protocol version;
 * - `POST /v1/sync/pull` (rep, AE or manager) `PullRequest` → `PullResponse`: the team's changes after
 *   the cursor that the token's user may see (`src/server/sync/pull.ts`); 426 as for push;
 * - `GET /v1/teams/:teamId/activities` (administrator, or a manager of that team) →
 *   `TeamActivitiesOutput`; `not_found` for an unknown team.
 */
export const syncRoutes = (app: FastifyInstance, context: ServerContext): void => {
  app.post(
    '/v1/sync/push',
    { config: { access: { callers: ['rep', 'ae', 'manager'] } }, bodyLimit: 8 * 1024 * 1024 },
    async (request) => {
      checkProtocol(context, request.body);
      const principal = principalOf(request);
      if (principal.kind !== 'user') throw new ServerError('forbidden', 'Only a team member pushes changes.');
      const { mutations } = parseBody(PushRequest, request.body);
      const results = await applyPush(
        poolOf(context),
        { teamId: principal.teamId, userId: principal.userId, role: principal.role },
        mutations,
        nowOf(context),
      );
      const response: PushResponse = { protocolVersion: context.syncProtocol, results };
      return response;
    },
  );

  app.post(
    '/v1/sync/pull',
    { config: { access: { callers: ['rep', 'ae', 'manager'] } } },
    async (request) => {
      checkProtocol(context, request.body);
      const principal = principalOf(request);
      if (principal.kind !== 'user') throw new ServerError('forbidden', 'Only a team member pulls changes.');
      const { cursor, limit } = parseBody(PullRequest, request.body);
      const page = await pullChanges(
        poolOf(context),
        { teamId: principal.teamId, userId: principal.userId, role: principal.role },
        cursor,
        limit ?? MAX_PULL_LIMIT,
      );
      const response: PullResponse = { protocolVersion: context.syncProtocol, ...page };
      return response;
    },
  );

  app.get(
    '/v1/teams/:teamId/activities',
    { config: { access: { callers: ['admin', 'manager'], sameTeam: true } } },
    async (request) => {
      const teamId = teamIdParam(request);
      const pool = poolOf(context);
      if (!(await teamExists(pool, teamId))) {
        throw new ServerError('not_found', `There is no team ${teamId}. Check the team id.`);
      }
      const output: TeamActivitiesOutput = { activities: await listActivities(pool, teamId) };
      return output;
    },
  );
};
