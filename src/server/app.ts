import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyReply } from 'fastify';
import { authorize } from './access';
import type { ServerContext } from './context';
import { ServerError } from './errors';
import { consoleRoutes } from './routes/console';
import { consoleStaticRoutes } from './routes/console-static';
import { definitionRoutes } from './routes/definitions';
import { eventRoutes } from './routes/events';
import { handoffRoutes } from './routes/handoffs';
import { healthRoutes } from './routes/health';
import { inboundRoutes } from './routes/inbound';
import { leadRoutes } from './routes/leads';
import { reportRoutes } from './routes/reports';
import { rotationRoutes } from './routes/rotation';
import { shiftRoutes } from './routes/shifts';
import { syncRoutes } from './routes/sync';
import { type TokenRouteLimit, teamRoutes } from './routes/teams';
import { testRoutes } from './routes/test-only';
import { twilioRoutes } from './routes/twilio';
import { updateRoutes } from './routes/updates';
import { userRoutes } from './routes/users';
import type { TeamChangeHub } from './sync/team-changes';
import type { TrustProxy } from './trust-proxy';

export type AppOptions = {
  logger: FastifyBaseLogger;
  tokenRouteLimit: TokenRouteLimit;
  /** The process's live-change hub (`GET /v1/events`); its streams end before the listener closes. */
  changes: TeamChangeHub;
  /** The event stream's heartbeat in ms (default 15 s). */
  eventsHeartbeatMs?: number;
  /** The load balancers whose `X-Forwarded-For` names the client (none when unset: the header is ignored). */
  trustProxy?: TrustProxy;
};

/** SQLSTATEs (class 22) PostgreSQL raises for text it cannot hold: a NUL, a broken or lone surrogate escape. */
const CHARACTER_STATES = new Set(['22P05', '22021', '22P02']);

/**
 * A PostgreSQL data exception (SQLSTATE class 22, PostgreSQL's "Appendix A. Error Codes") raised while
 * serving a request: the request carried a value the database cannot store, so it is the caller's
 * `invalid_input` (400), never `internal`. Null for any other error.
 */
const dataException = (error: unknown): ServerError | null => {
  const state = (error as { code?: unknown } | null)?.code;
  if (typeof state !== 'string' || !/^22[0-9A-Z]{3}$/.test(state)) return null;
  if (CHARACTER_STATES.has(state)) {
    return new ServerError(
      'invalid_input',
      'Some text in the request cannot be stored: it holds a NUL character or a broken character (a lone half of a surrogate pair). Remove those characters and send it again.',
      { sqlState: state },
    );
  }
  return new ServerError(
    'invalid_input',
    'A value in the request cannot be stored (out of range or malformed for the database). Check the values and send it again.',
    { sqlState: state },
  );
};

/** Maps anything a route throws to `{error:{code,message,details?}}` with the status for its code. */
const toServerError = (error: unknown): ServerError => {
  if (error instanceof ServerError) return error;
  const stored = dataException(error);
  if (stored) return stored;
  const status = (error as { statusCode?: unknown }).statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    // Fastify's own request errors: unreadable JSON, wrong content type, body too large…
    return new ServerError('invalid_input', `The request could not be read: ${(error as Error).message}`);
  }
  return new ServerError('internal', 'The server failed on this request; its log has the details.');
};

/**
 * The server's HTTP application (not yet listening): JSON errors with stable codes, the token
 * rate limit, the one authorisation hook and every route. Routes use `context` for the database.
 */
export const buildApp = async (context: ServerContext, options: AppOptions): Promise<FastifyInstance> => {
  // Unset: X-Forwarded-For is ignored. A number of hops trusts that many proxies nearest the server.
  const hops = options.trustProxy;
  const trustProxy =
    hops === undefined
      ? false
      : typeof hops === 'number'
        ? (_address: string, hop: number) => hop < hops
        : [...hops];
  const app = Fastify({
    loggerInstance: options.logger,
    bodyLimit: 1024 * 1024,
    return503OnClosing: true,
    trustProxy,
    // The router's own refusals (an address part too long, a broken %-escape) in the server's shape.
    frameworkErrors: (error, request, reply) => {
      const routerError =
        error.code === 'FST_ERR_MAX_PARAM_LENGTH'
          ? new ServerError(
              'invalid_input',
              'A part of the address is too long to be an id (over 100 characters). Check the address.',
              { reason: 'param_too_long' },
            )
          : toServerError(error);
      request.log.info({ code: routerError.code }, routerError.message);
      // The router's reply is typed for no route; it is an ordinary reply.
      return (reply as FastifyReply).code(routerError.status).send(routerError.toBody());
    },
  });
  app.decorateRequest('principal', null);
  app.decorateRequest('consoleSession', null);
  // Reads the console's session cookie (src/server/routes/console.ts sets it).
  await app.register(cookie);
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) =>
      new ServerError(
        'rate_limited',
        `Too many requests to this route; wait ${Math.ceil(context.ttl / 1000)} s, then try again.`,
        { retryAfterSeconds: Math.ceil(context.ttl / 1000) },
      ),
  });
  app.setErrorHandler((error, request, reply) => {
    const serverError = toServerError(error);
    if (serverError.code === 'internal') request.log.error({ err: error }, 'request failed');
    else request.log.info({ code: serverError.code }, serverError.message);
    return reply.code(serverError.status).send(serverError.toBody());
  });
  app.setNotFoundHandler((request, reply) =>
    reply
      .code(404)
      .send(
        new ServerError('not_found', `There is no ${request.method} ${request.url} on this server.`).toBody(),
      ),
  );
  app.addHook('preValidation', authorize(context));
  healthRoutes(app, context);
  teamRoutes(app, context, options.tokenRouteLimit);
  userRoutes(app, context, options.tokenRouteLimit);
  syncRoutes(app, context);
  handoffRoutes(app, context);
  shiftRoutes(app, context);
  rotationRoutes(app, context);
  await inboundRoutes(app, context);
  // Its own scope, so its form-body parser serves only Twilio's webhooks.
  await app.register(async (scope) => twilioRoutes(scope, context));
  eventRoutes(app, context, options.changes, options.eventsHeartbeatMs);
  // Open event streams would keep the listener from closing: end them first on shutdown.
  app.addHook('preClose', async () => options.changes.close());
  leadRoutes(app, context);
  reportRoutes(app, context);
  definitionRoutes(app, context);
  consoleRoutes(app, context, options.tokenRouteLimit);
  await consoleStaticRoutes(app);
  updateRoutes(app, process.env.DIALDECK_UPDATES_DIR || undefined);
  if (context.testRoutes) testRoutes(app, context);
  return app;
};
