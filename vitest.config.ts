import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

/**
 * Integration files that stay in this process (real SQLite files in their own temporary folders) and
 * spawn nothing: they run in parallel with the unit files. A new integration file runs
 * one at a time with the others until it is listed here.
 */
const inProcessIntegration = [
  'test/integration/migrations/**/*.test.ts',
  'test/integration/schema/**/*.test.ts',
  'test/integration/cadence/{bulk-enroll,cadences,outcomes,plan}.test.ts',
  'test/integration/calls/void.test.ts',
  'test/integration/failures/dispatch.test.ts',
  // Not imports/{core,reading,threads}: tens of thousands of rows each, CPU-bound for most of the run,
  // so beside another file their longest tests near the 30 s test timeout on two cores.
  'test/integration/imports/{discard-adopted,export,held-chunks}.test.ts',
  'test/integration/leads/callbacks-due.test.ts',
  'test/integration/qualification/core.test.ts',
  'test/integration/scripts/store.test.ts',
  'test/integration/sync/outbox-rows.test.ts',
  'test/integration/{lead-writer,leadList,outbox}.test.ts',
];

/**
 * The suite in two steps (`sequence.groupOrder`), the second after the first:
 * - `unit` and `in-process`: the unit files and the integration files above, in parallel on every core;
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
          name: 'in-process',
          include: inProcessIntegration,
          maxWorkers: Math.max(availableParallelism(), 1),
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'serial',
          include: ['test/integration/**/*.test.ts', 'test/e2e/**/*.test.ts'],
          exclude: ['test/integration/server/**', ...inProcessIntegration],
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
