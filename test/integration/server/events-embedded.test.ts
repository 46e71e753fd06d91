import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dataDirLayout } from '../../../src/server/db/data-dir';
import { checkLiveEvents } from './events-suite';
import { killServers, removeDirs, startServerProcess, stopServer, tempDir } from './server-process';

afterAll(async () => {
  await killServers();
  removeDirs();
});

describe('live changes over the built-in PostgreSQL', { timeout: 180_000 }, () => {
  it('a second server process over the first one’s built-in database: a push through one wakes a follower of the other within a second, for its team only; a revoked token is cut off', async () => {
    const dataDir = join(tempDir('dialdeck-live-'), 'server');
    const a = await startServerProcess(['--data-dir', dataDir]);
    try {
      // The built-in cluster listens on loopback; its address is in A's log, its password in the folder.
      const where = /"database":"(127\.0\.0\.1:\d+\/\w+)"/.exec(a.stdout())?.[1];
      expect(where, a.stdout()).toBeDefined();
      const password = readFileSync(dataDirLayout(dataDir).password, 'utf8').trim();
      const databaseUrl = `postgres://dialdeck:${encodeURIComponent(password)}@${where}`;
      const b = await startServerProcess(['--database-url', databaseUrl]);
      try {
        await checkLiveEvents(a.url, b.url, a.adminToken ?? '', databaseUrl);
      } finally {
        await stopServer(b);
      }
    } finally {
      await stopServer(a);
    }
  });
});
