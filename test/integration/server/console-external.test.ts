import { afterAll, describe, it } from 'vitest';
import { CONSOLE_SUITE_ROUTE_LIMIT, checkConsoleSessions } from './console-suite';
import {
  dropDatabases,
  externalDatabase,
  freshDatabase,
  killServers,
  removeDirs,
  startServerProcess,
  stopServer,
} from './server-process';

// Debian's PostgreSQL (TEST_DATABASE_URL, set by .ci/run); skipped without it outside CI.
const adminUrl = externalDatabase();

afterAll(async () => {
  await killServers();
  await dropDatabases();
  removeDirs();
});

describe.skipIf(adminUrl === null)('console sessions on an external PostgreSQL', { timeout: 480_000 }, () => {
  it('serves the console, and signs in, out and is revoked only as its rules say', async () => {
    const databaseUrl = await freshDatabase(adminUrl ?? '');
    const server = await startServerProcess(['--database-url', databaseUrl], {
      DIALDECK_SERVER_TEST_ROUTES: '1',
      DIALDECK_SERVER_TOKEN_ROUTE_LIMIT: String(CONSOLE_SUITE_ROUTE_LIMIT),
    });
    try {
      await checkConsoleSessions(server.url, server.adminToken ?? '');
    } finally {
      await stopServer(server);
    }
  });
});
