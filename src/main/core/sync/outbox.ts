import { formatHlc, type HlcState, parseHlc, tickHlc } from '@shared/hlc';
import { type MutationArgs, type MutationName, mutationIssues } from '@shared/sync';
import { newId } from '../ids';
import { readSetting, writeSetting } from '../settings/repo';
import type { Db } from '../store/db';
import { holdable } from '../store/deferred';

export type Clock = () => number;

/**
 * Records mutations the server must learn about. Call `record` inside the same transaction as
 * the change itself (an IMMEDIATE one, `writeNow`), so the change and its outbox row land together or not
 * at all, and its stamp is later than every stamp already committed to the store by any process. `args` must match
 * the mutation's wire schema (`@shared/sync`); `record` returns the mutation's HLC stamp.
 */
export type Outbox = {
  record<N extends MutationName>(name: N, args: MutationArgs<N>): string;
  /**
   * Runs `fn` (synchronously, inside an import's transaction) so that what it records belongs to import
   * batch `batchId`: sync sees those rows only once the batch is published (store/published.ts).
   */
  inBatch: <T>(batchId: string, fn: () => T) => T;
};

export type OutboxOptions = {
  /**
   * Check every mutation against its wire schema before writing it; a mismatch throws and so rolls the
   * caller's transaction back. On by default in development and tests (`NODE_ENV` development or
   * test, or `DIALDECK_CHECK_MUTATIONS=1`), off otherwise: the types already hold the writers to the
   * schema, and a 200k-row import should not pay for a second check per row.
   */
  validate?: boolean;
};

const validateByDefault = (): boolean =>
  process.env.NODE_ENV === 'development' ||
  process.env.NODE_ENV === 'test' ||
  process.env.DIALDECK_CHECK_MUTATIONS === '1';

export const createOutbox = (db: Db, now: Clock, options: OutboxOptions = {}): Outbox => {
  const validate = options.validate ?? validateByDefault();
  let nodeId = readSetting(db, 'sync.nodeId');
  if (!nodeId) {
    nodeId = newId().replaceAll('-', '').slice(-16);
    writeSetting(db, 'sync.nodeId', nodeId);
  }
  // The clock resumes from the newest value it ever issued: the last outbox row, or the value saved
  // when rows were cleared. Not saving it on every record keeps each outcome's commit small.
  const saved = readSetting(db, 'sync.hlc');
  const newest = (
    db.prepare('SELECT hlc FROM outbox ORDER BY seq DESC LIMIT 1').get() as { hlc: string } | undefined
  )?.hlc;
  const resumeFrom = [saved, newest]
    .filter((v): v is string => Boolean(v))
    .sort()
    .at(-1);
  let state: HlcState = resumeFrom ? parseHlc(resumeFrom) : { wall: 0, counter: 0 };
  const insert = holdable(
    db,
    db.prepare<[string, string, string, string, number, string | null]>(
      'INSERT INTO outbox (id, name, args, hlc, created_at, batch_id) VALUES (?, ?, ?, ?, ?, ?)',
    ),
  );
  const newestStamp = db.prepare<[], string>('SELECT hlc FROM outbox ORDER BY seq DESC LIMIT 1').pluck();
  // Other processes on the same store (the CLI, a second window, an import's writing thread) issue stamps
  // from the same node id. Catching up with the newest committed row inside the caller's IMMEDIATE
  // transaction keeps every stamp on the store later than the ones committed before it, whoever wrote them.
  const catchUp = () => {
    const newest = newestStamp.get();
    if (!newest) return;
    const { wall, counter } = parseHlc(newest);
    if (wall > state.wall || (wall === state.wall && counter > state.counter)) state = { wall, counter };
  };
  const node = nodeId;
  let batchId: string | null = null;
  return {
    record(name, args) {
      if (validate) {
        const issues = mutationIssues(name, args);
        if (issues) throw new Error(`Outbox mutation "${name}" does not match its wire schema: ${issues}`);
      }
      // Inside a batch the catch-up ran once when the chunk began (`inBatch`).
      if (batchId === null) catchUp();
      const at = now();
      state = tickHlc(state, at);
      const hlc = formatHlc(state, node);
      const id = newId();
      insert.run(id, name, JSON.stringify(args), hlc, at, batchId);
      return hlc;
    },
    inBatch(id, fn) {
      const outer = batchId;
      catchUp();
      batchId = id;
      try {
        return fn();
      } finally {
        batchId = outer;
      }
    },
  };
};
