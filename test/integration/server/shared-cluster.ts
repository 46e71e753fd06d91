import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  // Module augmentation: vitest declares its provided values as an interface.
  export interface ProvidedContext {
    /**
     * The superuser URL of the one built-in PostgreSQL cluster this test run started (database
     * `dialdeck`); `freshDatabase` makes each suite its own database on it.
     */
    sharedClusterUrl: string;
  }
}

const root = join(import.meta.dirname, '..', '..', '..');

/**
 * vitest globalSetup of the serial project: starts one built-in PostgreSQL cluster (the programs and
 * settings the server runs, through `startEmbeddedPostgres`, in shared-cluster-process.ts) for the
 * whole run and provides its URL as `sharedClusterUrl`, so a suite "on the built-in PostgreSQL" costs
 * a `CREATE DATABASE` instead of an initdb, a start and a stop. The tests about the embedded start
 * itself (embedded.test.ts, events-embedded, faults-embedded, twilio-secrets-embedded) still start
 * their own. Returns the teardown, which stops the cluster and waits for it.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(import.meta.dirname, 'shared-cluster-process.ts')],
    { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] },
  );
  let log = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    log = `${log}${chunk}`.slice(-8000);
  });
  const exited = new Promise<number | null>((done) => child.once('close', (code) => done(code)));
  const url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).once('line', (line) => {
      resolve((JSON.parse(line) as { url: string }).url);
    });
    void exited.then((code) =>
      reject(new Error(`The shared built-in PostgreSQL did not start (exit ${code}):\n${log}`)),
    );
  });
  project.provide('sharedClusterUrl', url);
  return async () => {
    child.kill('SIGTERM');
    await exited;
  };
}
