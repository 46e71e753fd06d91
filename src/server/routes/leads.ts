import { AssignLeadInput, BulkAssignInput, ImportLeadsInput, TeamLeadsQuery } from '@shared/server/leads';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { parseBody, teamIdParam } from '../access';
import { poolOf, type ServerContext } from '../context';
import { ServerError } from '../errors';
import { assignLeads, listTeamLeads, searchWords } from '../store/team-leads';
import { teamExists } from '../store/teams';
import { memberOf } from '../store/users';
import { assignLead, importLeads } from '../sync/import';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const leadIdParam = (request: FastifyRequest): string => {
  const leadId = (request.params as Record<string, unknown> | undefined)?.leadId;
  if (typeof leadId !== 'string' || !UUID.test(leadId)) {
    throw new ServerError('invalid_input', 'The lead id in the address is not a lead id (a UUID). Check it.');
  }
  return leadId.toLowerCase();
};

/**
 * A manager's lead management (administrator, or a manager of that team):
 * - `POST /v1/teams/:teamId/leads/import` `ImportLeadsInput` → `ImportLeadsOutput`: normalised leads,
 *   deduped against the team's and assigned (`src/server/sync/import.ts`);
 * - `POST /v1/teams/:teamId/leads/:leadId/assign` `AssignLeadInput` → `AssignLeadOutput`;
 * - `POST /v1/teams/:teamId/leads/assign` `BulkAssignInput` → `BulkAssignOutput`: up to 1000 leads
 *   moved in one transaction (all or none);
 * - `GET /v1/teams/:teamId/leads[?owner=EMAIL|ID][&unassigned=true][&status=S][&q=WORDS][&limit=N&offset=M]`
 *   → `TeamLeadsOutput` (every matching lead, or one page of them with `total`).
 * `not_found` for an unknown team, lead or user; `invalid_input` for a query or body the schema refuses.
 */
export const leadRoutes = (app: FastifyInstance, context: ServerContext): void => {
  const checkTeam = async (teamId: string) => {
    if (!(await teamExists(poolOf(context), teamId))) {
      throw new ServerError('not_found', `There is no team ${teamId}. Check the team id.`);
    }
  };

  app.post(
    '/v1/teams/:teamId/leads/import',
    { config: { access: { callers: ['admin', 'manager'], sameTeam: true } }, bodyLimit: 16 * 1024 * 1024 },
    async (request) => {
      const teamId = teamIdParam(request);
      const input = parseBody(ImportLeadsInput, request.body);
      await checkTeam(teamId);
      return importLeads(poolOf(context), teamId, input.leads, input.assign, Date.now());
    },
  );

  app.post(
    '/v1/teams/:teamId/leads/:leadId/assign',
    { config: { access: { callers: ['admin', 'manager'], sameTeam: true } } },
    async (request) => {
      const teamId = teamIdParam(request);
      const leadId = leadIdParam(request);
      const { to } = parseBody(AssignLeadInput, request.body);
      await checkTeam(teamId);
      return assignLead(poolOf(context), teamId, leadId, to, Date.now());
    },
  );

  app.post(
    '/v1/teams/:teamId/leads/assign',
    { config: { access: { callers: ['admin', 'manager'], sameTeam: true } } },
    async (request) => {
      const teamId = teamIdParam(request);
      const { leadIds, to } = parseBody(BulkAssignInput, request.body);
      await checkTeam(teamId);
      return assignLeads(poolOf(context), teamId, leadIds, to, Date.now());
    },
  );

  app.get(
    '/v1/teams/:teamId/leads',
    { config: { access: { callers: ['admin', 'manager'], sameTeam: true } } },
    async (request) => {
      const teamId = teamIdParam(request);
      const query = parseBody(TeamLeadsQuery, request.query);
      await checkTeam(teamId);
      const pool = poolOf(context);
      const ownerId =
        query.owner !== undefined
          ? (await memberOf(pool, teamId, query.owner)).id
          : query.unassigned === 'true'
            ? null
            : undefined;
      return listTeamLeads(pool, teamId, {
        ownerId,
        status: query.status,
        words: searchWords(query.q),
        page: query.limit === undefined ? undefined : { limit: query.limit, offset: query.offset ?? 0 },
      });
    },
  );
};
