import { SYNC_PROTOCOL_VERSION } from '@shared/sync/protocol';
import type pg from 'pg';
import { latestServerSchema } from './db/migrations';
import { ServerError } from './errors';

/**
 * What the routes share: the database pool once it is open and migrated. The HTTP listener starts
 * first (so `/health` answers while an embedded cluster is initialised); until `pool` is set, routes
 * that need the database answer 503 `server_database_unreachable` and `/ready` is not green.
 */
export type ServerContext = {
  pool: pg.Pool | null;
  schema: number;
  testRoutes: boolean;
  /** The sync protocol version this server speaks (`SYNC_PROTOCOL_VERSION`). */
  syncProtocol: number;
  /**
   * Milliseconds added to the system clock for every rule that reads the time (hand-off windows,
   * clock skew). Always 0 in production: only the test route `POST /v1/test/clock` moves it.
   */
  clockOffsetMs: number;
};

/**
 * A context with no pool yet. With the test routes on, `DIALDECK_SERVER_TEST_SYNC_PROTOCOL=N` makes the
 * server speak sync protocol N, so tests can play a newer server against the current client.
 */
export const newContext = (testRoutes: boolean): ServerContext => {
  const override = Number(process.env.DIALDECK_SERVER_TEST_SYNC_PROTOCOL);
  return {
    pool: null,
    schema: 0,
    testRoutes,
    syncProtocol: testRoutes && Number.isInteger(override) && override > 0 ? override : SYNC_PROTOCOL_VERSION,
    clockOffsetMs: 0,
  };
};

/** The server's time for `context`: the system clock (UTC epoch ms), moved only by the test clock. */
export const nowOf = (context: ServerContext): number => Date.now() + context.clockOffsetMs;

/** The migrated pool, or a 503 `server_database_unreachable` while the server is still starting. */
export const poolOf = (context: ServerContext): pg.Pool => {
  if (context.pool === null || context.schema < latestServerSchema) {
    throw new ServerError(
      'server_database_unreachable',
      'The server is still starting (its database is not ready yet). Wait a few seconds, then try again.',
    );
  }
  return context.pool;
};
