import { join } from 'node:path';
import { afterAll, describe, it } from 'vitest';
import { killServers, removeDirs, startServerProcess, stopServer, tempDir } from './server-process';
import { checkBackgroundDrain, checkPushSync } from './sync-suite';

afterAll(async () => {
  await killServers();
  removeDirs();
});

// Real processes on a machine shared with the rest of the suite: initdb alone can take ~10 s there.
describe('push sync on the built-in PostgreSQL', { timeout: 240_000 }, () => {
  it('every outcome logged offline reaches the server once; rejections, outages and teams as stated; the background drain recovers', async () => {
    const server = await startServerProcess(['--data-dir', join(tempDir('dialdeck-sync-server-'), 'server')]);
    try {
      await checkPushSync(server.url, server.adminToken ?? '');
      await checkBackgroundDrain(server.url, server.adminToken ?? '');
    } finally {
      await stopServer(server);
    }
  });
});
