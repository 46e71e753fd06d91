import { afterAll, describe, it } from 'vitest';
import {
  dropDatabases,
  externalDatabase,
  freshDatabase,
  killServers,
  removeDirs,
  startServerProcess,
  stopServer,
} from './server-process';
import { checkUsersAndTokens } from './users-suite';

// Debian's PostgreSQL (TEST_DATABASE_URL, set by .ci/run); skipped without it outside CI.
const adminUrl = externalDatabase();

afterAll(async () => {
  await killServers();
  await dropDatabases();
  removeDirs();
});

describe.skipIf(adminUrl === null)('users and tokens on an external PostgreSQL', { timeout: 480_000 }, () => {
  it('removes a rep at once, hands their leads on, revokes and replaces tokens, and names every refusal', async () => {
    const server = await startServerProcess(['--database-url', await freshDatabase(adminUrl ?? '')]);
    try {
      await checkUsersAndTokens(server.url, server.adminToken ?? '');
    } finally {
      await stopServer(server);
    }
  });
});
