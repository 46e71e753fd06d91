import type { Db } from './db';

/** How long a write waits for the store's write lock before giving up, in milliseconds (as busy_timeout). */
const LOCK_WAIT_MS = 5_000;
/** How often a waiting write looks again, in milliseconds. */
const POLL_MS = 1;

const sleeper = new Int32Array(new SharedArrayBuffer(4));

/** Connections whose busy timeout is 0 for a while (`pollingOnly`): `writeNow` need not switch it. */
const polling = new WeakSet<Db>();

/**
 * Sets the connection's busy timeout to 0 until the returned function restores it, so that a run of
 * many `writeNow` calls (an import's chunks) does not switch it twice per call. Meanwhile any other
 * statement on the connection that finds the store locked fails at once with SQLITE_BUSY.
 */
export const pollingOnly = (db: Db): (() => void) => {
  if (polling.has(db)) return () => {};
  const saved = db.pragma('busy_timeout', { simple: true }) as number;
  db.pragma('busy_timeout = 0');
  polling.add(db);
  return () => {
    polling.delete(db);
    db.pragma(`busy_timeout = ${saved}`);
  };
};

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
  const deadline = performance.now() + LOCK_WAIT_MS;
  const run = db.transaction(fn);
  const restore = pollingOnly(db);
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
    restore();
  }
};

/**
 * Runs `fn` in an IMMEDIATE transaction like `writeNow`, but waits for the write lock without blocking
 * the event loop: between tries it yields for a millisecond, so the host keeps answering requests while
 * an import's writing thread (or another process) holds the lock. Once the transaction has begun, `fn`
 * runs and commits within the same turn of the loop, so nothing else on this connection interleaves.
 * Inside an open transaction it nests as a savepoint at once. Rejects with SQLITE_BUSY after 5 s.
 * Use it for the writes a rep makes while they work (an outcome), which must not stall the screen.
 */
export const writeWhenFree = async <T>(db: Db, fn: () => T): Promise<T> => {
  const deadline = performance.now() + LOCK_WAIT_MS;
  const run = db.transaction(fn);
  for (;;) {
    const restore = pollingOnly(db);
    try {
      return run.immediate();
    } catch (error) {
      if (!isBusy(error) || performance.now() >= deadline) throw error;
    } finally {
      restore();
    }
    await new Promise((resume) => setTimeout(resume, POLL_MS));
  }
};
