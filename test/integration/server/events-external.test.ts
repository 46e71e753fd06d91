import { afterAll, describe, expect, it } from 'vitest';
import { checkLiveEvents, openFollower } from './events-suite';
import {
  dropDatabases,
  externalDatabase,
  freshDatabase,
  killServers,
  startServerProcess,
  stopServer,
} from './server-process';

// Debian's PostgreSQL (TEST_DATABASE_URL, set by .ci/run); skipped without it outside CI.
const adminUrl = externalDatabase();

afterAll(async () => {
  await killServers();
  await dropDatabases();
});

describe.skipIf(adminUrl === null)('live changes over an external PostgreSQL', { timeout: 120_000 }, () => {
  it('two server processes over one database: a push through one wakes a follower of the other within a second, for its team only; a revoked token is cut off', async () => {
    const url = await freshDatabase(adminUrl ?? '');
    const a = await startServerProcess(['--database-url', url]);
    const b = await startServerProcess(['--database-url', url]);
    try {
      await checkLiveEvents(a.url, b.url, a.adminToken ?? '', url);
    } finally {
      await stopServer(a);
      await stopServer(b);
    }
  });

  it('a graceful shutdown ends open event streams instead of waiting for them', async () => {
    const server = await startServerProcess(['--database-url', await freshDatabase(adminUrl ?? '')]);
    const follower = await openFollower(server.url, server.adminToken ?? '');
    const asked = performance.now();
    const exit = await stopServer(server);
    expect(exit.code).toBe(0);
    expect(performance.now() - asked).toBeLessThan(5_000);
    await follower.ended;
    expect(follower.events.at(-1)?.kind).toBe('closing');
  });
});
