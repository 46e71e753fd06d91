import { join } from 'node:path';
import { afterAll, describe, it } from 'vitest';
import { checkInbound } from './inbound-suite';
import { killServers, removeDirs, startServerProcess, stopServer, tempDir } from './server-process';

afterAll(async () => {
  await killServers();
  removeDirs();
});

// Real processes on a machine shared with the rest of the suite: initdb alone can take ~10 s there.
describe('inbound leads on the built-in PostgreSQL', { timeout: 240_000 }, () => {
  it('signed posts are routed round-robin to reps on shift, deduped, and forged, stale or replayed ones refused', async () => {
    const server = await startServerProcess([
      '--data-dir',
      join(tempDir('dialdeck-inbound-server-'), 'server'),
    ]);
    try {
      await checkInbound(server.url, server.adminToken ?? '');
    } finally {
      await stopServer(server);
    }
  });
});
