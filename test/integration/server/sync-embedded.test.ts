import { afterAll, describe, inject, it } from 'vitest';
import { dropDatabases, freshDatabase, killServers, startServerProcess, stopServer } from './server-process';
import { checkBackgroundDrain, checkPushSync } from './sync-suite';

afterAll(async () => {
  await killServers();
  await dropDatabases();
});

// A fresh database on the run's one built-in PostgreSQL cluster (shared-cluster.ts).
describe('push sync on the built-in PostgreSQL', { timeout: 240_000 }, () => {
  it('every outcome logged offline reaches the server once; rejections, outages and teams as stated; the background drain recovers', async () => {
    const server = await startServerProcess([
      '--database-url',
      await freshDatabase(inject('sharedClusterUrl')),
    ]);
    try {
      await checkPushSync(server.url, server.adminToken ?? '');
      await checkBackgroundDrain(server.url, server.adminToken ?? '');
    } finally {
      await stopServer(server);
    }
  });
});
