import { join } from 'node:path';
import { afterAll, describe, it } from 'vitest';
import { checkImportAndAssign, checkInterruptedPull, checkTwoDesktops } from './pull-suite';
import {
  killServers,
  removeDirs,
  type ServerProcess,
  startServerProcess,
  stopServer,
  tempDir,
} from './server-process';

afterAll(async () => {
  await killServers();
  removeDirs();
});

// Real processes on a machine shared with the rest of the suite: initdb alone can take ~10 s there.
describe('pull sync on the built-in PostgreSQL', { timeout: 400_000 }, () => {
  it('two desktops of a team merge lead edits per field; a manager import and a reassignment reach each rep; a pull cut by a killed server resumes', async () => {
    const dataDir = join(tempDir('dialdeck-pull-server-'), 'server');
    let server: ServerProcess = await startServerProcess(['--data-dir', dataDir]);
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
          server = await startServerProcess(['--data-dir', dataDir]);
          return server.url;
        },
      });
    } finally {
      await stopServer(server);
    }
  });
});
