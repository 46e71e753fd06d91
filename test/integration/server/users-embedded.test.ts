import { join } from 'node:path';
import { afterAll, describe, it } from 'vitest';
import { killServers, removeDirs, startServerProcess, stopServer, tempDir } from './server-process';
import { checkUsersAndTokens } from './users-suite';

afterAll(async () => {
  await killServers();
  removeDirs();
});

// Real processes on a machine shared with the rest of the suite: initdb alone can take ~10 s there.
describe('users and tokens on the built-in PostgreSQL', { timeout: 480_000 }, () => {
  it('removes a rep at once, hands their leads on, revokes and replaces tokens, and names every refusal', async () => {
    const server = await startServerProcess([
      '--data-dir',
      join(tempDir('dialdeck-users-server-'), 'server'),
    ]);
    try {
      await checkUsersAndTokens(server.url, server.adminToken ?? '');
    } finally {
      await stopServer(server);
    }
  });
});
