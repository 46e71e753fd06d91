import { afterAll, describe, expect, it } from 'vitest';
import { faultSeed, runFaultScenario } from './faults-suite';
import {
  dropDatabases,
  externalDatabase,
  freshDatabase,
  killServers,
  startServerProcess,
} from './server-process';

// Debian's PostgreSQL (TEST_DATABASE_URL, set by .ci/run); skipped without it outside CI.
const adminUrl = externalDatabase();

afterAll(async () => {
  await killServers();
  await dropDatabases();
});

describe.skipIf(adminUrl === null)(
  'randomized sync faults on an external PostgreSQL',
  { timeout: 180_000 },
  () => {
    it('one server process: every outcome logged on any desktop reaches the server exactly once', async () => {
      const url = await freshDatabase(adminUrl ?? '');
      const stats = await runFaultScenario({
        seed: faultSeed(),
        servers: 1,
        start: () => startServerProcess(['--database-url', url]),
        databaseUrl: () => url,
      });
      console.log(`faults (external PostgreSQL, one server): ${JSON.stringify(stats)}`);
      expect(stats.activitiesOnServer).toBeGreaterThan(20);
    });

    it('two server processes over one database, desktops split between them: exactly once all the same', async () => {
      const url = await freshDatabase(adminUrl ?? '');
      const stats = await runFaultScenario({
        seed: faultSeed(),
        servers: 2,
        start: () => startServerProcess(['--database-url', url]),
        databaseUrl: () => url,
      });
      console.log(`faults (external PostgreSQL, two servers): ${JSON.stringify(stats)}`);
      expect(stats.activitiesOnServer).toBeGreaterThan(20);
    });
  },
);
