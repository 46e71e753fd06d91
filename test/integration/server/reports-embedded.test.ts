import { join } from 'node:path';
import { afterAll, describe, it } from 'vitest';
import { checkReports } from './reports-suite';
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
describe('reports on the built-in PostgreSQL', { timeout: 480_000 }, () => {
  it('counts the team board, trend, speed to lead, SLA and channel results, with CSV, for managers only', async () => {
    const dataDir = join(tempDir('dialdeck-reports-server-'), 'server');
    const server = await startServerProcess(['--data-dir', dataDir], { DIALDECK_SERVER_TEST_ROUTES: '1' });
    try {
      await checkReports(server.url, server.adminToken ?? '', embeddedDatabaseUrl(dataDir));
    } finally {
      await stopServer(server);
    }
  });
});
