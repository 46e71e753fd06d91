// Run by shared-cluster.ts as its own process (node --import tsx): starts one built-in PostgreSQL
// cluster in a fresh temporary folder, prints `{"url": …}` as one JSON line on stdout, and stops it
// (fast shutdown, folder removed) on SIGTERM or SIGINT, or when stdin closes because the test run that
// started it is gone. The cluster's own log goes to stderr.
import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres } from '../../../src/server/db/embedded';

// The postgres OS user (as root) must be able to enter the folder; mkdtemp makes it 0700.
const dir = mkdtempSync(join(tmpdir(), 'dialdeck-shared-cluster-'));
chmodSync(dir, 0o755);
const dataDir = join(dir, 'server');
mkdirSync(dataDir, { mode: 0o755 });
const log = {
  info: (line: string) => process.stderr.write(`${line}\n`),
  warn: (line: string) => process.stderr.write(`${line}\n`),
};

try {
  const cluster = await startEmbeddedPostgres(dataDir, log);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await cluster.stop();
    rmSync(dir, { recursive: true, force: true });
    process.exit(0);
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => void stop());
  process.stdin.once('end', () => void stop());
  process.stdin.resume();
  process.stdout.write(`${JSON.stringify({ url: cluster.url })}\n`);
} catch (error) {
  rmSync(dir, { recursive: true, force: true });
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
