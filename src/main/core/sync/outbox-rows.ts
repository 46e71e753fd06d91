import { AppError } from '../errors';
import { readSetting, writeSetting } from '../settings/repo';
import type { Db } from '../store/db';
import { published } from '../store/published';
import { writeNow } from '../store/write-lock';

/** An outbox row as the sync client pushes it; `args` is the JSON text the outbox stored. */
export type OutboxRow = { seq: number; id: string; name: string; args: string; hlc: string };

/**
 * A change the server rejected, kept in the outbox for the user to see: its code and message, and when
 * the user dismissed it (epoch ms; null while it is still shown).
 */
export type RejectedChange = {
  id: string;
  name: string;
  hlc: string;
  createdAt: number;
  code: string;
  message: string;
  dismissedAt: number | null;
};

/** How acknowledged rows are kept: pruned once older than this (ms) and behind every running import. */
export const SENT_ROWS_KEPT_MS = 60 * 60_000;

/**
 * Up to `limit` pending rows after `afterSeq`, in outbox order, of those every reader may see (rows
 * of an import still being written stay out until it is published).
 */
export const pendingRows = (db: Db, afterSeq: number, limit: number): OutboxRow[] =>
  db
    .prepare<[number, number], OutboxRow>(
      `SELECT o.seq, o.id, o.name, o.args, o.hlc FROM outbox o
        WHERE o.state = 'pending' AND o.seq > ? AND ${published('o')} ORDER BY o.seq LIMIT ?`,
    )
    .all(afterSeq, limit);

/** How many published rows wait to be pushed. */
export const pendingCount = (db: Db): number =>
  db
    .prepare<[], number>(`SELECT count(*) FROM outbox o WHERE o.state = 'pending' AND ${published('o')}`)
    .pluck()
    .get() ?? 0;

/**
 * The changes the server rejected, oldest first, with their code and message (for the UI): those not
 * dismissed, or with `all` every one.
 */
export const rejectedChanges = (db: Db, options: { all?: boolean } = {}): RejectedChange[] =>
  db
    .prepare<[], { id: string; name: string; hlc: string; created_at: number; error: string | null }>(
      `SELECT id, name, hlc, created_at, error FROM outbox WHERE state = 'rejected' ORDER BY seq`,
    )
    .all()
    .map((row) => {
      let error: { code?: unknown; message?: unknown; dismissedAt?: unknown } = {};
      try {
        error = JSON.parse(row.error ?? '{}') as typeof error;
      } catch {
        // An error text from before it was JSON: shown as the message.
        error = { message: row.error };
      }
      return {
        id: row.id,
        name: row.name,
        hlc: row.hlc,
        createdAt: row.created_at,
        code: typeof error.code === 'string' ? error.code : 'sync_mutation_invalid',
        message: typeof error.message === 'string' ? error.message : '',
        dismissedAt: typeof error.dismissedAt === 'number' ? error.dismissedAt : null,
      };
    })
    .filter((change) => options.all === true || change.dismissedAt === null);

/**
 * Dismisses (acknowledges) the rejected change `id` at `now` (epoch ms): it leaves the list the status
 * indicator and `dialdeck sync rejected` show, and stays in the outbox with its reason (never deleted,
 * never pushed). Dismissing it again keeps the first time. Returns it as now stored. Throws `not_found`
 * when no rejected change has this id (a pending or sent one cannot be dismissed).
 */
export const dismissRejected = (db: Db, id: string, now: number): RejectedChange => {
  const dismissed = writeNow(db, () => {
    const row = db
      .prepare<[string], { error: string | null }>(
        "SELECT error FROM outbox WHERE id = ? AND state = 'rejected'",
      )
      .get(id);
    if (row === undefined) return false;
    let error: Record<string, unknown> = {};
    try {
      error = JSON.parse(row.error ?? '{}') as Record<string, unknown>;
    } catch {
      error = { message: row.error };
    }
    if (typeof error.dismissedAt !== 'number') {
      db.prepare('UPDATE outbox SET error = ? WHERE id = ?').run(
        JSON.stringify({ ...error, dismissedAt: now }),
        id,
      );
    }
    return true;
  });
  const change = dismissed ? rejectedChanges(db, { all: true }).find((c) => c.id === id) : undefined;
  if (change === undefined) {
    throw new AppError(
      'not_found',
      `No change the server refused has the id ${id}. List them with: dialdeck sync rejected --all.`,
    );
  }
  return change;
};

/**
 * Records the server's acknowledgements in one write transaction: rows in `delivered` become `sent`,
 * rows in `rejected` become `rejected` with `{code, message}` as their error (kept, never retried).
 * Then sent rows older than `SENT_ROWS_KEPT_MS` are deleted, except the newest outbox row and any row
 * a running import may still read (after its `outbox_seq`); the newest stamp deleted is saved in the
 * `sync.hlc` setting first, so the outbox's clock resumes after it (outbox.ts).
 */
export const acknowledge = (
  db: Db,
  delivered: readonly string[],
  rejected: readonly { id: string; code: string; message: string }[],
  now: number,
): void => {
  const markSent = db.prepare("UPDATE outbox SET state = 'sent' WHERE id = ? AND state = 'pending'");
  const markRejected = db.prepare(
    "UPDATE outbox SET state = 'rejected', error = ? WHERE id = ? AND state = 'pending'",
  );
  const prunable = `FROM outbox WHERE state = 'sent' AND created_at < ?
      AND seq < (SELECT max(seq) FROM outbox)
      AND seq <= coalesce((SELECT min(outbox_seq) FROM import_batches WHERE state = 'writing'), 9e18)`;
  const newestPruned = db.prepare<[number], string | null>(`SELECT max(hlc) ${prunable}`).pluck();
  const prune = db.prepare(`DELETE ${prunable}`);
  writeNow(db, () => {
    for (const id of delivered) markSent.run(id);
    for (const row of rejected)
      markRejected.run(JSON.stringify({ code: row.code, message: row.message }), row.id);
    const cutoff = now - SENT_ROWS_KEPT_MS;
    const newest = newestPruned.get(cutoff);
    if (!newest) return;
    const saved = readSetting(db, 'sync.hlc');
    if (saved === null || newest > saved) writeSetting(db, 'sync.hlc', newest);
    prune.run(cutoff);
  });
};
