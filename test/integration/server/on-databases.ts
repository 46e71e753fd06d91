import { join } from 'node:path';
import { afterAll, describe, inject, it } from 'vitest';
import {
  dropDatabases,
  externalDatabase,
  freshDatabase,
  killServers,
  removeDirs,
  startServerProcess,
  stopServer,
  tempDir,
} from './server-process';

/** What a suite is handed: the running server's address, its administrator token and its database. */
export type SuiteServer = { url: string; adminToken: string; databaseUrl: string };

type Suite = {
  /** What is tested, e.g. `'reports'`: the describe block reads "reports on the built-in PostgreSQL". */
  what: string;
  /** The behaviour the one test asserts (its name). */
  behaviour: string;
  check: (server: SuiteServer) => Promise<void>;
  /** Extra environment for the server process (test routes are always on). */
  env?: Record<string, string>;
};

// Real processes on a machine shared with the rest of the suite: initdb alone can take ~10 s there.
const TIMEOUT_MS = 480_000;

/** Starts the server with `args`, then runs the check; `databaseUrl` is read once the server runs. */
const run = async (
  args: string[],
  databaseUrl: () => string,
  suite: Suite,
  env: Record<string, string> = {},
) => {
  const server = await startServerProcess(args, { DIALDECK_SERVER_TEST_ROUTES: '1', ...env, ...suite.env });
  try {
    await suite.check({ url: server.url, adminToken: server.adminToken ?? '', databaseUrl: databaseUrl() });
  } finally {
    await stopServer(server);
  }
};

/**
 * Runs `suite.check` against a real server process on the built-in PostgreSQL: a fresh database on the
 * one cluster the test run started (`sharedClusterUrl`, see shared-cluster.ts). The server's own
 * start of that cluster (initdb, data folder, restarts) is tested in embedded.test.ts.
 */
export const onEmbeddedDatabase = (suite: Suite): void => {
  afterAll(async () => {
    await killServers();
    await dropDatabases();
    removeDirs();
  });
  describe(`${suite.what} on the built-in PostgreSQL`, { timeout: TIMEOUT_MS }, () => {
    it(suite.behaviour, async () => {
      const databaseUrl = await freshDatabase(inject('sharedClusterUrl'));
      // The server's own folder (its secret key file) stays a temporary one, as with --data-dir.
      const dataDir = join(tempDir(`dialdeck-${suite.what.replace(/\W+/g, '-')}-server-`), 'server');
      await run(['--database-url', databaseUrl], () => databaseUrl, suite, {
        DIALDECK_SERVER_DATA_DIR: dataDir,
      });
    });
  });
};

/**
 * Runs `suite.check` against a real server process on Debian's PostgreSQL (`TEST_DATABASE_URL`, set by
 * .ci/run) in a fresh database; skipped without it outside CI.
 */
export const onExternalDatabase = (suite: Suite): void => {
  const adminUrl = externalDatabase();
  afterAll(async () => {
    await killServers();
    await dropDatabases();
    removeDirs();
  });
  describe.skipIf(adminUrl === null)(
    `${suite.what} on an external PostgreSQL`,
    { timeout: TIMEOUT_MS },
    () => {
      it(suite.behaviour, async () => {
        const databaseUrl = await freshDatabase(adminUrl ?? '');
        await run(['--database-url', databaseUrl], () => databaseUrl, suite);
      });
    },
  );
};
