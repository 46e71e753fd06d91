import { resolve } from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import pino from 'pino';
import { buildApp } from './app';
import { newContext } from './context';
import { claimDataDir } from './db/data-dir';
import { type EmbeddedPostgres, startEmbeddedPostgres } from './db/embedded';
import { migrate } from './db/migrate';
import { latestServerSchema } from './db/migrations';
import { openPool, safeLocation } from './db/pool';
import { ensureAdminToken } from './store/teams';
import { createTeamChangeHub } from './sync/team-changes';
import type { TrustProxy } from './trust-proxy';
import { useSecretKeyFrom } from './twilio/secret-box';

/**
 * How to run the server: on the embedded PostgreSQL in `dataDir`, or on `databaseUrl` (any
 * PostgreSQL 15+; then no cluster is run). `port` 0 takes a free one. `host` is the listening
 * address (127.0.0.1 unless the server is meant to be reached directly from other machines).
 */
export type ServerOptions = {
  /** The embedded cluster's folder; unused (and not claimed) with `databaseUrl`. */
  dataDir: string;
  databaseUrl: string | null;
  host: string;
  port: number;
  tokenRouteLimit?: { max: number; timeWindow: number };
  /** The load balancers trusted to name the client in `X-Forwarded-For` (see `parseTrustProxy`); none by default. */
  trustProxy?: TrustProxy;
  testRoutes?: boolean;
  /** Called once when the server listens, and once the database is ready (with the admin token on first start). */
  onListening: (url: string) => void;
  onReady: (ready: { adminToken: string | null; database: string }) => void;
};

export type RunningServer = {
  url: string;
  /** Resolves when the server has fully stopped (after `stop` or a SIGTERM/SIGINT). */
  stopped: Promise<void>;
  stop: () => Promise<void>;
};

/**
 * Starts the team server: claims the data folder, listens at once (`/health` answers), then opens
 * the database (starting the embedded PostgreSQL when no URL is given), migrates it under an advisory
 * lock and makes the administrator token on first start; `/ready` is green from then on. On SIGTERM or
 * SIGINT it stops accepting connections, lets in-flight requests finish, closes the pool and stops
 * the embedded PostgreSQL. Logs are JSON lines (pino) on stdout,
 * written synchronously so none is lost at exit; stderr is left to the one failure report. A failure while starting stops
 * whatever had started and rejects with it (`ServerError` codes `server_data_dir_in_use`,
 * `server_embedded_failed`, `server_database_unreachable`).
 */
export const startServer = async (options: ServerOptions): Promise<RunningServer> => {
  const logger = pino(
    { level: process.env.DIALDECK_SERVER_LOG_LEVEL ?? 'info' },
    pino.destination({ dest: 1, sync: true }),
  );
  const log = logger as FastifyBaseLogger;
  const dataDir = resolve(options.dataDir);
  useSecretKeyFrom(dataDir);
  // Only the embedded cluster's folder is one process's; over DATABASE_URL many processes share a database.
  const release = options.databaseUrl === null ? claimDataDir(dataDir) : () => {};
  const context = newContext(options.testRoutes ?? false);
  // Set by the start-up step that runs it (an object, so closures and the stop path see one value).
  const cluster: { embedded: EmbeddedPostgres | null } = { embedded: null };
  const changes = createTeamChangeHub(log);
  const heartbeat = Number(process.env.DIALDECK_SERVER_EVENTS_HEARTBEAT_MS);
  const app = await buildApp(context, {
    logger: log,
    changes,
    eventsHeartbeatMs: options.testRoutes && heartbeat > 0 ? heartbeat : undefined,
    tokenRouteLimit: options.tokenRouteLimit ?? { max: 30, timeWindow: 60_000 },
    trustProxy: options.trustProxy,
  });

  let stopping: Promise<void> | null = null;
  let startup: Promise<unknown> = Promise.resolve();
  let resolveStopped: () => void = () => {};
  const stopped = new Promise<void>((done) => {
    resolveStopped = done;
  });
  // While shutting down, every response closes its connection: a keep-alive client would otherwise
  // hold the listener open until its idle timeout after its in-flight request finished.
  app.addHook('onSend', async (_request, reply) => {
    if (stopping) reply.header('connection', 'close');
  });
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      log.info('shutting down: finishing in-flight requests');
      await app.close().catch((error: unknown) => log.error({ err: error }, 'closing the listener failed'));
      // A signal during start-up: let the step under way (initdb, migration) end before stopping.
      await startup.catch(() => {});
      await changes.close();
      await context.pool
        ?.end()
        .catch((error: unknown) => log.error({ err: error }, 'closing the pool failed'));
      context.pool = null;
      if (cluster.embedded) {
        log.info('stopping the built-in PostgreSQL');
        await cluster.embedded
          .stop()
          .catch((error: unknown) => log.error({ err: error }, 'stopping PostgreSQL failed'));
      }
      release();
      log.info('stopped');
      resolveStopped();
    })();
    return stopping;
  };
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      log.warn(`${signal} again: exiting without waiting`);
      process.exit(1);
    }
    log.info({ signal }, 'signal received');
    void stop();
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  void stopped.then(() => {
    process.removeListener('SIGTERM', onSignal);
    process.removeListener('SIGINT', onSignal);
  });

  /** One start-up step, skipped once a stop was asked for; a stop waits for the step under way. */
  const step = async <T>(run: () => Promise<T>): Promise<T | null> => {
    if (stopping) return null;
    const running = run();
    startup = running;
    return running;
  };

  try {
    await app.listen({ host: options.host, port: options.port });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : options.port;
    const url = `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${port}`;
    options.onListening(url);

    // Each step stores what it started before it ends, so a stop that waited for it can undo it.
    await step(async () => {
      if (options.databaseUrl === null) {
        cluster.embedded = await startEmbeddedPostgres(dataDir, {
          info: (message) => log.info(message),
          warn: (message) => log.warn(message),
        });
      }
    });
    const databaseUrl = options.databaseUrl ?? cluster.embedded?.url;
    if (databaseUrl === undefined) return { url, stopped, stop };
    await step(async () => {
      context.pool = await openPool(databaseUrl);
    });
    const pool = context.pool;
    if (pool === null || stopping) return { url, stopped, stop };
    const applied = await step(() => migrate(pool));
    if (applied === null) return { url, stopped, stop };
    context.schema = latestServerSchema;
    changes.connect(databaseUrl);
    log.info({ applied, database: safeLocation(databaseUrl) }, 'database ready');
    const adminToken = await step(() => ensureAdminToken(pool));
    if (stopping) return { url, stopped, stop };
    options.onReady({ adminToken, database: options.databaseUrl ? safeLocation(databaseUrl) : 'embedded' });
    return { url, stopped, stop };
  } catch (error) {
    await stop();
    throw error;
  }
};
