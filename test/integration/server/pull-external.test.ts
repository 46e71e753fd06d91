import { afterAll, describe, it } from 'vitest';
import { checkImportAndAssign, checkInterruptedPull, checkTwoDesktops } from './pull-suite';
import {
  dropDatabases,
  externalDatabase,
  freshDatabase,
  killServers,
  type ServerProcess,
  startServerProcess,
  stopServer,
} from './server-process';

// Debian's PostgreSQL (TEST_DATABASE_URL, set by .ci/run); skipped without it outside CI.
const adminUrl = externalDatabase();

afterAll(async () => {
  await killServers();
  await dropDatabases();
});

describe.skipIf(adminUrl === null)('pull sync on an external PostgreSQL', { timeout: 400_000 }, () => {
  it('two desktops of a team merge lead edits per field; a manager import and a reassignment reach each rep; a pull cut by a killed server resumes', async () => {
    const database = await freshDatabase(adminUrl ?? '');
    let server: ServerProcess = await startServerProcess(['--database-url', database]);
    const adminToken = server.adminToken ?? '';
    try {
      await checkTwoDesktops(server.url, adminToken);
      await checkImportAndAssign(server.url, adminToken);
      await checkInterruptedPull(server.url, adminToken, {
        kill: async () => {
          server.child.kill('SIGKILL');
          await server.exited;
        },
        start: async () => {
          server = await startServerProcess(['--database-url', database]);
          return server.url;
        },
      });
    } finally {
      await stopServer(server);
    }
  });
});
