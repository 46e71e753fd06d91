import { join } from 'node:path';
import { afterAll, describe, it } from 'vitest';
import { checkHandoffs } from './handoffs-suite';
import {
  embeddedDatabaseUrl,
  killServers,
  removeDirs,
  startServerProcess,
  stopServer,
  tempDir,
} from './server-process';

afterAll(async () => {
  await killServers();
  removeDirs();
});

// Real processes on a machine shared with the rest of the suite: initdb alone can take ~10 s there.
describe('hand-offs on the built-in PostgreSQL', { timeout: 480_000 }, () => {
  it('routes MQLs round-robin, takes the AE decision to the lead and the rep, and applies the two-misses rule', async () => {
    const dataDir = join(tempDir('dialdeck-handoffs-server-'), 'server');
    const server = await startServerProcess(['--data-dir', dataDir], { DIALDECK_SERVER_TEST_ROUTES: '1' });
    try {
      await checkHandoffs(server.url, server.adminToken ?? '', embeddedDatabaseUrl(dataDir));
    } finally {
      await stopServer(server);
    }
  });
});
