import { afterAll, describe, it } from 'vitest';
import { checkHandoffs } from './handoffs-suite';
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

describe.skipIf(adminUrl === null)('hand-offs on an external PostgreSQL', { timeout: 480_000 }, () => {
  it('routes MQLs round-robin, takes the AE decision to the lead and the rep, and applies the two-misses rule', async () => {
    const databaseUrl = await freshDatabase(adminUrl ?? '');
    const server = await startServerProcess(['--database-url', databaseUrl], {
      DIALDECK_SERVER_TEST_ROUTES: '1',
    });
    try {
      await checkHandoffs(server.url, server.adminToken ?? '', databaseUrl);
    } finally {
      await stopServer(server);
    }
  });
});
