import { afterAll, describe, inject, it } from 'vitest';
import { checkInbound } from './inbound-suite';
import { dropDatabases, freshDatabase, killServers, startServerProcess, stopServer } from './server-process';

afterAll(async () => {
  await killServers();
  await dropDatabases();
});

// A fresh database on the run's one built-in PostgreSQL cluster (shared-cluster.ts).
describe('inbound leads on the built-in PostgreSQL', { timeout: 240_000 }, () => {
  it('signed posts are routed round-robin to reps on shift, deduped, and forged, stale or replayed ones refused', async () => {
    const server = await startServerProcess([
      '--database-url',
      await freshDatabase(inject('sharedClusterUrl')),
    ]);
    try {
      await checkInbound(server.url, server.adminToken ?? '');
    } finally {
      await stopServer(server);
    }
  });
});
