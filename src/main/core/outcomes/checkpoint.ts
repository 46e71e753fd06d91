import type { Db } from '../store/db';
import { WRITING_BATCHES } from '../store/published';

/** Checkpoint after this many logged outcomes (about 21 write-ahead log pages each). */
const WRITES_PER_CHECKPOINT = 32;

/**
 * Copies the write-ahead log into the database file between a rep's calls instead of inside one.
 * SQLite's automatic checkpoint runs inside whichever commit crosses its threshold, adding its page
 * copies and fsyncs to that outcome's latency; the store sets that threshold high, as a backstop
 * (store/db.ts), and this runs a passive checkpoint on the next turn of the event loop, after the
 * outcome's durable commit has been acknowledged. Durability is unchanged: every commit is already
 * fsynced to the log (synchronous=FULL), and the checkpoint fsyncs the database file before the log is
 * reused. While an import is writing (in any process) it is skipped: the import checkpoints the log
 * itself on its own thread (imports/write/writer.ts), and a checkpoint here would copy the import's
 * pages on this thread, holding the host's event loop for tens of milliseconds.
 */
export const createIdleCheckpoint = (db: Db) => {
  const importing = (): boolean =>
    Boolean(db.prepare<[], number>(`SELECT EXISTS (${WRITING_BATCHES})`).pluck().get());
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
        // The store may have been closed meanwhile; closing checkpoints anyway.
        if (db.open && !importing()) db.pragma('wal_checkpoint(PASSIVE)');
      }, 0);
      // A process that is exiting does not wait for it: closing the store checkpoints.
      timer.unref();
    },
  };
};
