import type { Db } from '../store/db';

/** Checkpoint after this many logged outcomes (about 27 WAL pages each). */
const WRITES_PER_CHECKPOINT = 32;
/** SQLite's own checkpoint stays as a backstop, at a WAL of about 40 MB. */
const BACKSTOP_PAGES = 10_000;

/**
 * Copies the write-ahead log into the database file between a rep's calls instead of inside one.
 * SQLite's automatic checkpoint runs inside whichever commit crosses the threshold, adding its page
 * copies and fsyncs to that outcome's latency; this runs it on the next turn of the event loop, after
 * the outcome's durable commit has been acknowledged. Durability is unchanged: every commit is already
 * fsynced to the WAL (synchronous=FULL).
 */
export const createIdleCheckpoint = (db: Db) => {
  db.pragma(`wal_autocheckpoint = ${BACKSTOP_PAGES}`);
  let writes = 0;
  let timer: NodeJS.Timeout | undefined;
  return {
    /** Notes a write; every so many writes a passive checkpoint is scheduled. */
    wrote(): void {
      writes++;
      if (writes < WRITES_PER_CHECKPOINT || timer) return;
      timer = setTimeout(() => {
        timer = undefined;
        writes = 0;
        // The store may have been closed meanwhile; the next open checkpoints anyway.
        if (db.open) db.pragma('wal_checkpoint(PASSIVE)');
      }, 0);
      timer.unref();
    },
  };
};
