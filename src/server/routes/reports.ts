import {
  ChannelsQuery,
  DrillQuery,
  ReportSettingsInput,
  SlaQuery,
  SpeedToLeadQuery,
  TeamBoardQuery,
  TrendQuery,
} from '@shared/server/reports';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type Access, parseBody, principalOf } from '../access';
import { nowOf, poolOf, type ServerContext } from '../context';
import { ServerError } from '../errors';
import { teamBoard, trend } from '../reports/board';
import { channelResults } from '../reports/channels';
import { drillDown } from '../reports/drill';
import { channelsCsv, drillCsv, slaCsv, speedToLeadCsv, teamBoardCsv, trendCsv } from '../reports/exports';
import { readReportSettings, saveReportSettings } from '../reports/settings';
import { slaBoard } from '../reports/sla';
import { speedToLead } from '../reports/speed-to-lead';

/** Every report is the manager's, on the token's own team. */
const MANAGER: { config: { access: Access } } = { config: { access: { callers: ['manager'] } } };

/** The token's team (reports have no `:teamId`: a manager sees only their own). */
const teamOf = (request: FastifyRequest): string => {
  const principal = principalOf(request);
  if (principal.kind !== 'user')
    throw new ServerError('forbidden', 'Reports belong to a team; use a manager token.');
  return principal.teamId;
};

/** Whether the caller asked for CSV: `?format=csv`, or an `Accept` that names text/csv. */
const wantsCsv = (request: FastifyRequest, format: 'json' | 'csv'): boolean =>
  format === 'csv' || /\btext\/csv\b/i.test(request.headers.accept ?? '');

/** The team's time zone when the caller asked for CSV (its times are written in it); UTC otherwise, unread. */
const csvZone = async (
  context: ServerContext,
  request: FastifyRequest,
  format: 'json' | 'csv',
): Promise<string> =>
  wantsCsv(request, format) ? (await readReportSettings(poolOf(context), teamOf(request))).timeZone : 'UTC';

/**
 * Answers `json` as it is, or its CSV (`csv(json)`) as an attachment named `name`-`at`.csv when the
 * caller asked for CSV.
 */
const answer = <T>(
  request: FastifyRequest,
  reply: FastifyReply,
  format: 'json' | 'csv',
  name: string,
  json: T,
  csv: (json: T) => string,
): T | FastifyReply => {
  if (!wantsCsv(request, format)) return json;
  const day = new Date().toISOString().slice(0, 10);
  return reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="dialdeck-${name}-${day}.csv"`)
    .send(csv(json));
};

/**
 * The manager's boards (docs/server.md, "Reports"), each `GET` also as CSV (`?format=csv` or
 * `Accept: text/csv`):
 * - `GET|PUT /v1/reports/settings`: the team's time zone and targets (`ReportSettings`);
 * - `GET /v1/reports/team-board?at=` (`TeamBoard`), `GET /v1/reports/trend?days=&userId=&at=` (`Trend`);
 * - `GET /v1/reports/speed-to-lead?days=&at=` (`SpeedToLead`), `GET /v1/reports/sla` (`SlaBoard`);
 * - `GET /v1/reports/channels?days=&at=` (`ChannelResults`);
 * - `GET /v1/reports/activities?metric=&from=&to=&userId=&cursor=&limit=` (`DrillPage`).
 * A rep or an AE is refused (`forbidden`); `at` defaults to the server's clock.
 */
export const reportRoutes = (app: FastifyInstance, context: ServerContext): void => {
  app.get('/v1/reports/settings', MANAGER, async (request) =>
    readReportSettings(poolOf(context), teamOf(request)),
  );

  app.put('/v1/reports/settings', MANAGER, async (request) => {
    const input = parseBody(ReportSettingsInput, request.body);
    return saveReportSettings(poolOf(context), teamOf(request), input, nowOf(context));
  });

  app.get('/v1/reports/team-board', MANAGER, async (request, reply) => {
    const query = parseBody(TeamBoardQuery, request.query);
    const board = await teamBoard(poolOf(context), teamOf(request), query.at ?? nowOf(context));
    return answer(request, reply, query.format, 'team-board', board, teamBoardCsv);
  });

  app.get('/v1/reports/trend', MANAGER, async (request, reply) => {
    const query = parseBody(TrendQuery, request.query);
    const days = await trend(
      poolOf(context),
      teamOf(request),
      query.at ?? nowOf(context),
      query.days,
      query.userId ?? null,
    );
    return answer(request, reply, query.format, 'trend', days, trendCsv);
  });

  app.get('/v1/reports/speed-to-lead', MANAGER, async (request, reply) => {
    const query = parseBody(SpeedToLeadQuery, request.query);
    const report = await speedToLead(
      poolOf(context),
      teamOf(request),
      query.at ?? nowOf(context),
      query.days,
    );
    const timeZone = await csvZone(context, request, query.format);
    return answer(request, reply, query.format, 'speed-to-lead', report, (r) => speedToLeadCsv(r, timeZone));
  });

  app.get('/v1/reports/sla', MANAGER, async (request, reply) => {
    const query = parseBody(SlaQuery, request.query);
    const board = await slaBoard(poolOf(context), teamOf(request), nowOf(context));
    const timeZone = await csvZone(context, request, query.format);
    return answer(request, reply, query.format, 'sla', board, (b) => slaCsv(b, timeZone));
  });

  app.get('/v1/reports/channels', MANAGER, async (request, reply) => {
    const query = parseBody(ChannelsQuery, request.query);
    const report = await channelResults(
      poolOf(context),
      teamOf(request),
      query.at ?? nowOf(context),
      query.days,
    );
    return answer(request, reply, query.format, 'channels', report, channelsCsv);
  });

  app.get('/v1/reports/activities', MANAGER, async (request, reply) => {
    const query = parseBody(DrillQuery, request.query);
    const page = await drillDown(poolOf(context), teamOf(request), query);
    if (page.nextCursor !== null) reply.header('x-next-cursor', page.nextCursor);
    return answer(request, reply, query.format, `${query.metric}-${query.from}-${query.to}`, page, drillCsv);
  });
};
