import { join } from 'node:path';
import { afterAll, describe, it } from 'vitest';
import { CONSOLE_SUITE_ROUTE_LIMIT, checkConsoleSessions } from './console-suite';
import { killServers, removeDirs, startServerProcess, stopServer, tempDir } from './server-process';

afterAll(async () => {
  await killServers();
  removeDirs();
});

describe('console sessions on the built-in PostgreSQL', { timeout: 480_000 }, () => {
  it('serves the console, and signs in, out and is revoked only as its rules say', async () => {
    const dataDir = join(tempDir('dialdeck-console-server-'), 'server');
    const server = await startServerProcess(['--data-dir', dataDir], {
      DIALDECK_SERVER_TEST_ROUTES: '1',
      DIALDECK_SERVER_TOKEN_ROUTE_LIMIT: String(CONSOLE_SUITE_ROUTE_LIMIT),
    });
    try {
      await checkConsoleSessions(server.url, server.adminToken ?? '');
    } finally {
      await stopServer(server);
    }
  });
});
