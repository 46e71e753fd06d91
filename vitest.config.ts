import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

/**
 * The suite in two steps (`sequence.groupOrder`), the second after the first:
 * - `unit`: pure in-process tests, files in parallel on every core;
 * - `serial` and `server`: integration and end-to-end tests, one file at a time between them, since
 *   they spawn the built CLI, servers, PostgreSQL, Kamailio or Chromium and some of them measure time.
 *   `server` (the team server's suites) has a globalSetup that starts one built-in PostgreSQL cluster
 *   for the run (test/integration/server/shared-cluster.ts), only when one of its files runs.
 */
export default defineConfig({
  resolve: {
    alias: {
      '@shared': resolve('src/shared'),
      '@renderer': resolve('src/renderer/src'),
    },
  },
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          maxWorkers: Math.max(availableParallelism(), 1),
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'serial',
          include: ['test/integration/**/*.test.ts', 'test/e2e/**/*.test.ts'],
          exclude: ['test/integration/server/**'],
          maxWorkers: 1,
          sequence: { groupOrder: 1 },
        },
      },
      {
        extends: true,
        test: {
          name: 'server',
          include: ['test/integration/server/**/*.test.ts'],
          maxWorkers: 1,
          sequence: { groupOrder: 1 },
          globalSetup: ['test/integration/server/shared-cluster.ts'],
        },
      },
    ],
  },
});
