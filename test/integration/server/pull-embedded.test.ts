import { afterAll, describe, inject, it } from 'vitest';
import { checkImportAndAssign, checkInterruptedPull, checkTwoDesktops } from './pull-suite';
import {
  dropDatabases,
  freshDatabase,
  killServers,
  type ServerProcess,
  startServerProcess,
  stopServer,
} from './server-process';

afterAll(async () => {
  await killServers();
  await dropDatabases();
});

// A fresh database on the run's one built-in PostgreSQL cluster (shared-cluster.ts).
describe('pull sync on the built-in PostgreSQL', { timeout: 400_000 }, () => {
  it('two desktops of a team merge lead edits per field; a manager import and a reassignment reach each rep; a pull cut by a killed server resumes', async () => {
    const database = await freshDatabase(inject('sharedClusterUrl'));
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
