import type { CoreContext } from '../index';
import { readSetting, writeSetting } from '../settings/repo';
import type { Db } from '../store/db';

/** Imports whose leads are written but not yet all on the call queue. */
const UNQUEUED_KEY = 'imports.unqueued';
/** Leads put on their cadence per transaction: each batch is short, so the app keeps answering. */
const BATCH = 500;

type Unqueued = { importId: string; merged: string[] };

const readUnqueued = (db: Db): Unqueued[] => {
  const value = readSetting(db, UNQUEUED_KEY);
  return Array.isArray(value) ? (value as Unqueued[]) : [];
};

/**
 * Notes, inside the import's transaction, that its leads still have to be put on the call queue,
 * so a crash before that finishes is picked up again the next time the store opens.
 */
export const markUnqueued = (db: Db, entry: Unqueued): void => {
  writeSetting(db, UNQUEUED_KEY, [...readUnqueued(db), entry]);
};

const nextTick = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Puts an import's new leads on the cadence their rule picks and refreshes the queue position of
 * the leads it merged into, in short transactions with a yield between them. Enrolling is far
 * slower per lead than writing it, so doing it inside the import's own transaction would stall
 * the app for many seconds on a large file.
 */
export const queueImport = async (
  { db, dialing }: Pick<CoreContext, 'db' | 'dialing'>,
  entry: Unqueued,
  onProgress?: (done: number, total: number) => void,
): Promise<void> => {
  const created = db
    .prepare<[string], string>('SELECT id FROM leads WHERE import_id = ? ORDER BY created_at, id')
    .pluck()
    .all(entry.importId);
  const total = created.length + entry.merged.length;
  let done = 0;
  for (let i = 0; i < created.length; i += BATCH) {
    const batch = created.slice(i, i + BATCH);
    db.transaction(() => dialing.enrollNewLeads(batch))();
    done += batch.length;
    onProgress?.(done, total);
    await nextTick();
  }
  for (let i = 0; i < entry.merged.length; i += BATCH) {
    const batch = entry.merged.slice(i, i + BATCH);
    dialing.refreshLeads(batch);
    done += batch.length;
    onProgress?.(done, total);
    await nextTick();
  }
  db.transaction(() => {
    writeSetting(
      db,
      UNQUEUED_KEY,
      readUnqueued(db).filter((pending) => pending.importId !== entry.importId),
    );
  })();
};

/** Finishes queueing imports a crash interrupted. Stops quietly if the store closes meanwhile. */
export const resumeUnqueued = async (context: Pick<CoreContext, 'db' | 'dialing'>): Promise<void> => {
  try {
    for (const entry of readUnqueued(context.db)) await queueImport(context, entry);
  } catch (error) {
    if (context.db.open) console.error('[dialdeck] could not finish queueing imported leads', error);
  }
};
