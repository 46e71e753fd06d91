import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { faultSeed, runFaultScenario } from './faults-suite';
import { embeddedDatabaseUrl, killServers, removeDirs, startServerProcess, tempDir } from './server-process';

afterAll(async () => {
  await killServers();
  removeDirs();
});

// Real processes on a loaded machine: initdb and the restart after SIGKILL take seconds each.
describe('randomized sync faults on the built-in PostgreSQL', { timeout: 180_000 }, () => {
  it('every outcome logged on any desktop reaches the server exactly once through drops, duplicates, offline spells, a killed desktop and a killed server', async () => {
    const dataDir = join(tempDir('dialdeck-faults-server-'), 'server');
    const stats = await runFaultScenario({
      seed: faultSeed(),
      servers: 1,
      start: () => startServerProcess(['--data-dir', dataDir]),
      databaseUrl: () => embeddedDatabaseUrl(dataDir),
    });
    console.log(`faults (built-in PostgreSQL): ${JSON.stringify(stats)}`);
    expect(stats.activitiesOnServer).toBeGreaterThan(20);
  });
});
