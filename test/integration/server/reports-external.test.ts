import { afterAll, describe, it } from 'vitest';
import { checkReports } from './reports-suite';
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

describe.skipIf(adminUrl === null)('reports on an external PostgreSQL', { timeout: 480_000 }, () => {
  it('counts the team board, trend, speed to lead, SLA and channel results, with CSV, for managers only', async () => {
    const databaseUrl = await freshDatabase(adminUrl ?? '');
    const server = await startServerProcess(['--database-url', databaseUrl], {
      DIALDECK_SERVER_TEST_ROUTES: '1',
    });
    try {
      await checkReports(server.url, server.adminToken ?? '', databaseUrl);
    } finally {
      await stopServer(server);
    }
  });
});
