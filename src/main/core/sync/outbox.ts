import { formatHlc, type HlcState, parseHlc, tickHlc } from '@shared/hlc';
import { newId } from '../ids';
import { readSetting, writeSetting } from '../settings/repo';
import type { Db } from '../store/db';

export type Clock = () => number;

/**
 * Records mutations the server must learn about. Call `record` inside the same transaction as
 * the change itself, so the change and its outbox row land together or not at all.
 */
export type Outbox = {
  record: (name: string, args: unknown) => string;
  /**
   * Runs `fn` (synchronously, inside an import's transaction) so that what it records belongs to import
   * batch `batchId`: sync sees those rows only once the batch is published (store/published.ts).
   */
  inBatch: <T>(batchId: string, fn: () => T) => T;
};

export const createOutbox = (db: Db, now: Clock): Outbox => {
  let nodeId = readSetting(db, 'sync.nodeId') as string | undefined;
  if (!nodeId) {
    nodeId = newId().replaceAll('-', '').slice(-16);
    writeSetting(db, 'sync.nodeId', nodeId);
  }
  // The clock resumes from the newest value it ever issued: the last outbox row, or the value saved
  // when rows were cleared. Not saving it on every record keeps each outcome's commit small.
  const saved = readSetting(db, 'sync.hlc') as string | undefined;
  const newest = (
    db.prepare('SELECT hlc FROM outbox ORDER BY seq DESC LIMIT 1').get() as { hlc: string } | undefined
  )?.hlc;
  const resumeFrom = [saved, newest]
    .filter((v): v is string => Boolean(v))
    .sort()
    .at(-1);
  let state: HlcState = resumeFrom ? parseHlc(resumeFrom) : { wall: 0, counter: 0 };
  const insert = db.prepare(
    'INSERT INTO outbox (id, name, args, hlc, created_at, batch_id) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const node = nodeId;
  let batchId: string | null = null;
  return {
    record(name, args) {
      const at = now();
      state = tickHlc(state, at);
      const hlc = formatHlc(state, node);
      const id = newId();
      insert.run(id, name, JSON.stringify(args), hlc, at, batchId);
      return hlc;
    },
    inBatch(id, fn) {
      const outer = batchId;
      batchId = id;
      try {
        return fn();
      } finally {
        batchId = outer;
      }
    },
  };
};
