import { EVENTS_HEARTBEAT_MS, EventsQuery, type TeamChangeEvent } from '@shared/server/events';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { parseBody, principalOf, resolveCredential } from '../access';
import { poolOf, type ServerContext } from '../context';
import { ServerError } from '../errors';
import type { ChangeSubscriber, TeamChangeHub } from '../sync/team-changes';

/** The version a reconnecting stream last saw: `?after=` first, else the `Last-Event-ID` header. */
const resumeFrom = (request: FastifyRequest): number | null => {
  const { after } = parseBody(EventsQuery, request.query);
  if (after !== undefined) return after;
  const header = request.headers['last-event-id'];
  const lastId = Number(Array.isArray(header) ? header[0] : header);
  return Number.isInteger(lastId) && lastId >= 0 ? lastId : null;
};

const changeFrame = (change: TeamChangeEvent): string =>
  `id: ${change.version}\nevent: change\ndata: ${JSON.stringify(change)}\n\n`;

/**
 * `GET /v1/events` (rep, AE or manager, by token or console session; the team is the caller's): a server-sent event stream of
 * wake-ups for the caller's team only. On open: `event: ready` with `{teamId, version}` (the team's
 * current version), then `event: change` `{teamId, version}` after each commit of that team, in any
 * server process over the same database (PostgreSQL `LISTEN/NOTIFY`). With `?after=V` or
 * `Last-Event-ID: V` and a current version above V, a `change` is sent at once. A comment line every
 * `heartbeatMs` (15 s) keeps proxies from closing it. The stream ends with `event: revoked` when the
 * token or console session is revoked or ends (checked on every heartbeat too), and with `event: closing` on graceful shutdown.
 * Errors before the stream opens: `unauthorized`, `forbidden` (the administrator has no team),
 * `invalid_input` (a bad `after`), `server_database_unreachable`.
 */
export const eventRoutes = (
  app: FastifyInstance,
  context: ServerContext,
  hub: TeamChangeHub,
  heartbeatMs = EVENTS_HEARTBEAT_MS,
): void => {
  app.get(
    '/v1/events',
    { config: { access: { callers: ['rep', 'ae', 'manager'] } } },
    async (request, reply) => {
      const principal = principalOf(request);
      if (principal.kind !== 'user')
        throw new ServerError('forbidden', 'Only a team member follows team changes.');
      const after = resumeFrom(request);
      const pool = poolOf(context);
      const version = await hub.currentVersion(pool, principal.teamId);

      reply.hijack();
      const raw = reply.raw;
      raw.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        // nginx and similar proxies would otherwise buffer the stream.
        'x-accel-buffering': 'no',
      });
      raw.socket?.setKeepAlive(true);
      raw.socket?.setNoDelay(true);
      const { teamId, tokenId } = principal;
      let open = true;
      const write = (frame: string) => {
        if (open && !raw.writableEnded) raw.write(frame);
      };
      write(`retry: 1000\nevent: ready\ndata: ${JSON.stringify({ teamId, version })}\n\n`);
      if (after !== null && version > after) write(changeFrame({ teamId, version }));

      let unsubscribe = () => {};
      const finish = () => {
        if (!open) return;
        open = false;
        clearInterval(heartbeat);
        unsubscribe();
        if (!raw.writableEnded) raw.end();
      };
      const subscriber: ChangeSubscriber = {
        teamId,
        tokenId,
        wake: (change) => write(changeFrame(change)),
        end: (why) => {
          write(`event: ${why}\ndata: {}\n\n`);
          finish();
        },
      };
      const heartbeat = setInterval(() => {
        write(`: heartbeat ${Date.now()}\n\n`);
        void resolveCredential(context, request)
          .then((still) => {
            if (still === null) subscriber.end('revoked');
          })
          .catch(() => {});
      }, heartbeatMs);
      heartbeat.unref();
      unsubscribe = hub.subscribe(subscriber);
      raw.on('close', finish);
      request.log.info({ teamId, after }, 'live changes: stream opened');
    },
  );
};
