import { afterAll, describe, it } from 'vitest';
import {
  dropDatabases,
  externalDatabase,
  freshDatabase,
  killServers,
  request,
  startServerProcess,
  stopServer,
} from './server-process';
import { checkBackgroundDrain, checkNewerServer, checkPushSync } from './sync-suite';

// Debian's PostgreSQL (TEST_DATABASE_URL, set by .ci/run); skipped without it outside CI.
const adminUrl = externalDatabase();

afterAll(async () => {
  await killServers();
  await dropDatabases();
});

describe.skipIf(adminUrl === null)('push sync on an external PostgreSQL', { timeout: 240_000 }, () => {
  it('every outcome logged offline reaches the server once; rejections, outages and teams as stated; the background drain recovers', async () => {
    const server = await startServerProcess(['--database-url', await freshDatabase(adminUrl ?? '')]);
    try {
      await checkPushSync(server.url, server.adminToken ?? '');
      await checkBackgroundDrain(server.url, server.adminToken ?? '');
    } finally {
      await stopServer(server);
    }
  });

  it('a server that speaks a newer sync protocol refuses the push by name and the outbox is kept', async () => {
    const url = await freshDatabase(adminUrl ?? '');
    const newer = await startServerProcess(['--database-url', url], {
      DIALDECK_SERVER_TEST_ROUTES: '1',
      DIALDECK_SERVER_TEST_SYNC_PROTOCOL: '2',
    });
    try {
      await checkNewerServer(newer.url, newer.adminToken ?? '');
      // The server itself still answers everything else.
      await request(newer.url, 'GET', '/ready');
    } finally {
      await stopServer(newer);
    }
  });
});
