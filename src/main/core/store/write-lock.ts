import type { Db } from './db';

/** How long a write waits for the store's write lock before giving up, in milliseconds (as busy_timeout). */
const LOCK_WAIT_MS = 5_000;
/** How often a waiting write looks again, in milliseconds. */
const POLL_MS = 1;

const sleeper = new Int32Array(new SharedArrayBuffer(4));

const isBusy = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'SQLITE_BUSY';

/**
 * Runs `fn` in an IMMEDIATE transaction, waiting for the write lock by looking again every millisecond.
 * SQLite's own busy handler sleeps 1, 2, 5, 10… up to 100 ms between tries, so behind an import that
 * leaves the lock free for a millisecond or two between its short transactions it can miss every gap
 * for a second; polling finds the first gap. Throws SQLITE_BUSY after 5 s, like the busy timeout.
 * The wait blocks the thread, as SQLite's busy handler does.
 */
export const writeNow = <T>(db: Db, fn: () => T): T => {
  const saved = db.pragma('busy_timeout', { simple: true }) as number;
  const deadline = performance.now() + LOCK_WAIT_MS;
  const run = db.transaction(fn);
  db.pragma('busy_timeout = 0');
  try {
    for (;;) {
      try {
        return run.immediate();
      } catch (error) {
        // With the lock taken at BEGIN IMMEDIATE, busy can only mean the transaction never started.
        if (!isBusy(error) || performance.now() >= deadline) throw error;
        Atomics.wait(sleeper, 0, 0, POLL_MS);
      }
    }
  } finally {
    db.pragma(`busy_timeout = ${saved}`);
  }
};
