import { hostname } from 'node:os';
import { newId } from '../../ids';
import type { Db } from '../../store/db';
import { writeNow } from '../../store/write-lock';

/** An import batch this process is writing (migration 004). */
export type BatchClaim = { id: string; outboxSeq: number; startedAt: number };

type BatchRow = { id: string; pid: number; host: string };

/** Rows deleted per transaction when a batch is discarded: each commit stays a few milliseconds. */
const DISCARD_CHUNK = 2_000;

const HOST = hostname();

/** Batches this process is writing now; one of ours not listed here was left by a failed import. */
const active = new Set<string>();

/** Whether the process that claimed a batch still runs (a batch from another host is assumed to). */
const isAlive = ({ id, pid, host }: BatchRow): boolean => {
  if (host !== HOST) return true;
  if (pid === process.pid) return active.has(id);
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

const writingBatches = (db: Db): BatchRow[] =>
  db.prepare<[], BatchRow>("SELECT id, pid, host FROM import_batches WHERE state = 'writing'").all();

/**
 * Claims the store for one import: returns the new batch, or null while another live process (or this
 * one) is writing an import, since two imports running at once could each miss the other's duplicates.
 * Batches of processes that died are discarded first. One short IMMEDIATE transaction.
 */
export const claimBatch = (db: Db, fileName: string, at: number): BatchClaim | null => {
  const writing = writingBatches(db);
  if (writing.some(isAlive)) return null;
  for (const dead of writing) discardBatchNow(db, dead.id);
  return writeNow(db, (): BatchClaim | null => {
    if (writingBatches(db).length > 0) return null;
    const id = newId();
    const outboxSeq = db.prepare<[], number | null>('SELECT max(seq) FROM outbox').pluck().get() ?? 0;
    db.prepare(
      `INSERT INTO import_batches (id, state, file_name, pid, host, outbox_seq, started_at)
         VALUES (?, 'writing', ?, ?, ?, ?, ?)`,
    ).run(id, fileName, process.pid, HOST, outboxSeq, at);
    active.add(id);
    return { id, outboxSeq, startedAt: at };
  });
};

/** Tells this process that its import of `batchId` is over (published or discarded). */
export const releaseBatch = (batchId: string): void => {
  active.delete(batchId);
};

/**
 * The short transactions that remove an unpublished batch: its tasks, enrollments, phones, research
 * notes and leads; then its accounts that a lead outside the batch has adopted (typed in while the
 * import ran) leave the batch together with their `account.create` outbox row, so sync still learns of
 * them; then the batch's other outbox rows, its other accounts, and the batch row. Until that last step
 * the rows stay unseen, so a discard cut short by a crash is simply done again on the next open.
 * Foreign-key checks are off for each step (the whole batch goes, and nothing outside it may point at its
 * leads), which spares a scan of the tasks and enrollments per deleted lead.
 */
function* discardSteps(db: Db, batchId: string): Generator<void> {
  const ids = (sql: string) => db.prepare<[string], string | number>(sql).pluck().all(batchId);
  const step = (fn: () => void) => {
    db.pragma('foreign_keys = OFF');
    try {
      writeNow(db, fn);
    } finally {
      db.pragma('foreign_keys = ON');
    }
  };
  function* removeAll(sql: string, list: Array<string | number>): Generator<void> {
    const remove = db.prepare(sql);
    for (let from = 0; from < list.length; from += DISCARD_CHUNK) {
      step(() => {
        for (const id of list.slice(from, from + DISCARD_CHUNK)) remove.run(id);
      });
      yield;
    }
  }
  const rowsOfLeads: Array<[string, Array<string | number>]> = [
    ['DELETE FROM tasks WHERE id = ?', ids('SELECT id FROM tasks WHERE batch_id = ?')],
    ['DELETE FROM enrollments WHERE id = ?', ids('SELECT id FROM enrollments WHERE batch_id = ?')],
    ['DELETE FROM lead_phones WHERE rowid = ?', ids('SELECT rowid FROM lead_phones WHERE batch_id = ?')],
    ['DELETE FROM research WHERE lead_id = ?', ids('SELECT lead_id FROM research WHERE batch_id = ?')],
    ['DELETE FROM leads WHERE id = ?', ids('SELECT id FROM leads WHERE batch_id = ?')],
  ];
  for (const [sql, list] of rowsOfLeads) yield* removeAll(sql, list);

  // Accounts a write outside the batch adopted: the lead writer took them out of the batch when it found
  // them; one a merge points at is taken out here. Their `account.create` rows leave the batch with them.
  const adopted = db
    .prepare<[string], string>(
      `SELECT a.id FROM accounts a WHERE a.batch_id = ?
         AND EXISTS (SELECT 1 FROM leads l WHERE l.account_id = a.id)`,
    )
    .pluck()
    .all(batchId);
  const keepAccount = db.prepare('UPDATE accounts SET batch_id = NULL WHERE id = ?');
  for (let from = 0; from < adopted.length; from += DISCARD_CHUNK) {
    step(() => {
      for (const id of adopted.slice(from, from + DISCARD_CHUNK)) keepAccount.run(id);
    });
    yield;
  }
  step(() => {
    db.prepare(
      `UPDATE outbox SET batch_id = NULL
        WHERE batch_id = ? AND name = 'account.create'
          AND EXISTS (SELECT 1 FROM accounts a WHERE a.id = json_extract(outbox.args, '$.id') AND a.batch_id IS NULL)`,
    ).run(batchId);
  });
  yield;

  yield* removeAll('DELETE FROM outbox WHERE seq = ?', ids('SELECT seq FROM outbox WHERE batch_id = ?'));
  yield* removeAll('DELETE FROM accounts WHERE id = ?', ids('SELECT id FROM accounts WHERE batch_id = ?'));
  step(() => {
    db.prepare('DELETE FROM import_batches WHERE id = ?').run(batchId);
  });
}

/** Removes an unpublished batch at once (on open, before anything else runs on the connection). */
export const discardBatchNow = (db: Db, batchId: string): void => {
  for (const _ of discardSteps(db, batchId)) {
    // Each step is its own short transaction; other processes' writers get in between.
  }
};

/** Removes an unpublished batch, yielding to the event loop between its short transactions. */
export const discardBatch = async (db: Db, batchId: string): Promise<void> => {
  for (const _ of discardSteps(db, batchId)) await new Promise((done) => setImmediate(done));
};

/**
 * Discards the batches of imports whose process died (kill -9, power cut): run on every open. Returns
 * how many it removed.
 */
export const discardAbandonedBatches = (db: Db): number => {
  const dead = writingBatches(db).filter((batch) => !isAlive(batch));
  for (const batch of dead) discardBatchNow(db, batch.id);
  return dead.length;
};
