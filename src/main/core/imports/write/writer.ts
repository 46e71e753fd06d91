import { closeSync, fsync, openSync } from 'node:fs';
import type { OnDuplicate } from '@shared/api/imports';
import type { CreatedLead } from '../../cadence/bulk-enroll';
import { AppError } from '../../errors';
import { leadWriterFor, type StoredAccount, type WriteOptions } from '../../leads/writer';
import type { Db } from '../../store/db';
import { holdWrites, writeHeld } from '../../store/deferred';
import { CleanupPending } from '../../store/failures';
import { published } from '../../store/published';
import { pollingOnly, writeNow } from '../../store/write-lock';
import type { Clock, Outbox } from '../../sync/outbox';
import type { ImportedLead } from '../normalize/row';
import type { RemoteCheckpoints } from '../worker/checkpoint';
import { type BatchClaim, claimBatch, discardBatch, releaseBatch } from './batches';
import { mergeIntoStored, QUEUE_FIELDS } from './merge';
import { type ContactIndex, createPlanner, emailKey, phoneKey } from './plan';

export type WriteInput = {
  fileName: string;
  /**
   * The file's accepted rows in file order, in groups as they are read. With `skip`, chunks are written
   * while later groups still arrive; with `merge` (a later row may fill an earlier new lead) every row
   * is planned before the first chunk is written.
   */
  rows: AsyncIterable<readonly ImportedLead[]>;
  /** Rows the file's reading rejected, asked once every row arrived: recorded in `imports`. */
  rejected: () => number;
  onDuplicate: OnDuplicate;
  /** Puts leads a chunk wrote on their cadence, inside that chunk's transaction, tagged with the batch. */
  enroll?: (created: readonly CreatedLead[], at: number, batchId: string) => void;
  /** Runs inside the publishing transaction for stored leads whose phones, email, zone or country changed. */
  requeue?: (leadIds: readonly string[], at: number) => void;
  /** Called after each committed chunk with leads written so far and leads planned so far. */
  onProgress?: (done: number, total: number) => void;
  /**
   * Passive checkpoints run by another thread on its own connection (worker/checkpoint.ts), so their
   * copies and fsyncs do not stop this one between chunks. Without it the writing connection runs
   * every checkpoint itself.
   */
  checkpoints?: RemoteCheckpoints;
};

export type WriteResult = {
  imported: number;
  merged: number;
  skipped: number;
  importId: string | null;
  /** Ids of the leads the import created. */
  created: string[];
  /** Ids of stored leads it merged rows into. */
  mergedInto: string[];
};

/**
 * How long one chunk's write transaction aims to hold the store's write lock, in milliseconds: while
 * another connection has written in the last QUIET_AFTER_MS, a chunk stays short, so that writer's next
 * write waits little; while nobody else writes, chunks may hold the lock longer, as each commit rewrites
 * the index pages the chunk touched (the emails', phones' and accounts' indexes take leads in no
 * order), so fewer, larger commits write far less (profiled on 100k rows: 12 ms chunks wrote 2.5 GB to
 * the write-ahead log, 60 ms chunks 1.7 GB). A write that comes after a quiet spell still waits at most
 * one chunk of QUIET_CHUNK_MS, well inside its 50 ms goal.
 */
const CHUNK_TARGET_MS = 12;
const QUIET_CHUNK_MS = 30;
/** Milliseconds without a commit of another connection after which the store counts as quiet. */
const QUIET_AFTER_MS = 1_000;
/** Leads per chunk: the first guess and the bounds the measured rate may move it within. */
const FIRST_CHUNK = 500;
const MIN_CHUNK = 100;
const MAX_CHUNK = 5_000;
/** Rows read per page when building the contact index (each page is one short read). */
const READ_PAGE = 5_000;
/**
 * The pause between chunks, in milliseconds: long enough for a write from another process, which looks
 * for the lock every millisecond (store/write-lock.ts), to get in.
 */
const GAP_MS = 2;
/**
 * Milliseconds of chunk writing between passive checkpoints. Copying the import's pages into the
 * database file now and then keeps the write-ahead log well below the automatic checkpoint's threshold
 * (a chunk adds a few hundred pages; 200 ms of chunks stays under about 5,000 of its 10,000), so no
 * commit of another writer (which would run that checkpoint inside its own latency) copies the whole
 * import, and reads stay quick. A checkpoint copies each page changed since the last one once, and a
 * chunk of leads changes much the same index pages as the one before, so checkpointing less often
 * copies far fewer pages in all: every 48 ms spent about a third of the writing thread's time copying.
 * The checkpoint runs on the writing thread, in a turn of its own, and is not counted in a chunk's
 * time, so it never shrinks the chunks.
 */
const WRITING_MS_PER_CHECKPOINT = 200;
/**
 * Milliseconds of chunk writing between the checkpoints asked of another thread (WriteInput.checkpoints):
 * they cost the writing thread nothing, and the more of the log they copy, the less is left for its
 * own checkpoint every WRITING_MS_PER_CHECKPOINT.
 */
const WRITING_MS_PER_REMOTE_CHECKPOINT = 50;
/** How often a waiting import looks again whether the import before it finished, in milliseconds. */
const CLAIM_POLL_MS = 100;

const nextTurn = () => new Promise<void>((done) => setImmediate(done));
const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

/**
 * Everything published about who owns which email and phone, read a page at a time with the event
 * loop free in between. Leads written meanwhile are caught when the import publishes.
 */
const contactIndex = async (db: Db): Promise<ContactIndex> => {
  const emails = new Map<string, string>();
  const phones = new Map<string, string>();
  const leadPage = db.prepare<[number], { rowid: number; id: string; email: string }>(
    `SELECT rowid, id, email FROM leads l WHERE rowid > ? AND email IS NOT NULL AND ${published('l')}
     ORDER BY rowid LIMIT ${READ_PAGE}`,
  );
  const phonePage = db.prepare<
    [number],
    { rowid: number; lead_id: string; e164: string; ext: string | null }
  >(
    `SELECT rowid, lead_id, e164, ext FROM lead_phones p WHERE rowid > ? AND ${published('p')}
     ORDER BY rowid LIMIT ${READ_PAGE}`,
  );
  for (let after = 0; ; ) {
    const rows = leadPage.all(after);
    for (const row of rows) emails.set(emailKey(row.email), row.id);
    if (rows.length < READ_PAGE) break;
    after = rows[rows.length - 1]?.rowid ?? after;
    await nextTurn();
  }
  for (let after = 0; ; ) {
    const rows = phonePage.all(after);
    for (const row of rows) phones.set(phoneKey(row), row.lead_id);
    if (rows.length < READ_PAGE) break;
    after = rows[rows.length - 1]?.rowid ?? after;
    await nextTurn();
  }
  return { emails, phones };
};

/**
 * Flushes the store's write-ahead log file to disk through a descriptor of its own (fsync is per file,
 * whichever descriptor asks), without taking any SQLite lock and without holding the writing thread:
 * the flush runs on libuv's thread pool while the next chunk is written. A flush asked for while one
 * runs is done once that one ends (one more covers every frame written meanwhile). `close` resolves
 * once no flush runs and the descriptor is closed. A no-op for a store without a file; a failed flush
 * is left to the next durable commit, which syncs the log as it always does.
 */
const logSyncer = (db: Db) => {
  let fd: number | undefined;
  let running = false;
  let again = false;
  let closing = false;
  let idle: (() => void) | undefined;
  const start = (target: number): void => {
    running = true;
    fsync(target, () => {
      running = false;
      if (again && !closing) {
        again = false;
        start(target);
        return;
      }
      idle?.();
    });
  };
  const sync = (): void => {
    if (closing) return;
    if (running) {
      again = true;
      return;
    }
    try {
      fd ??= openSync(`${db.name}-wal`, 'r+');
    } catch {
      return;
    }
    start(fd);
  };
  const close = async (): Promise<void> => {
    closing = true;
    if (running) await new Promise<void>((done) => (idle = done));
    if (fd !== undefined) closeSync(fd);
    fd = undefined;
  };
  return { sync, close };
};

/** Waits until no other import is writing to the store, then claims it (a short IMMEDIATE transaction). */
export const claimTurn = async (db: Db, fileName: string, now: Clock): Promise<BatchClaim> => {
  for (;;) {
    const claim = claimBatch(db, fileName, now());
    if (claim) return claim;
    await sleep(CLAIM_POLL_MS);
  }
};

/**
 * Writes an import so that every reader sees all of it or none of it, without holding the store's
 * write lock for more than a few milliseconds at a time:
 * 1. claims an `import_batches` row (imports run one at a time per store; a second one waits);
 * 2. plans the rows as they arrive (duplicates of stored leads and of earlier rows) and writes the new
 *    leads, their accounts, phones, research notes, outbox rows and cadence places in short
 *    transactions of a few hundred leads, each row tagged with the batch, which no query shows
 *    (store/published.ts), yielding to the event loop between them;
 * 3. publishes in one small transaction: leads that landed meanwhile with the same email or phone win
 *    over the file's copy (which is dropped, or merged into them), merges into stored leads are applied
 *    to their current state, the batch flips to `published` and the `imports` record is written.
 * A failure discards the batch; a crash leaves it to the next open (store/db.ts). Chunks commit with
 * synchronous=NORMAL: the publishing commit's fsync (synchronous=FULL) makes every earlier frame of the
 * write-ahead log durable with it.
 * Returns counts of leads (imported, merged, skipped), the import's id (null when nothing was written)
 * and the ids of the leads created and merged into. Throws AppError `internal` when the batch was
 * discarded while being written; store failures (SqliteError) propagate after the batch is discarded,
 * or as a `CleanupPending` when discarding it failed too (the next open removes it).
 */
export const writeImport = async (
  db: Db,
  outbox: Outbox,
  now: Clock,
  input: WriteInput,
): Promise<WriteResult> => {
  const batch = await claimTurn(db, input.fileName, now);
  try {
    return await writeClaimed(db, outbox, now, batch, input);
  } finally {
    releaseBatch(batch.id);
  }
};

/**
 * Steps 2–4 of `writeImport` for a batch claimed already (by the host's thread, which keeps the
 * claim while an import thread writes): on any failure, and when nothing was written, the batch is
 * discarded on this connection before the error propagates.
 */
export const writeClaimed = async (
  db: Db,
  outbox: Outbox,
  now: Clock,
  batch: BatchClaim,
  input: WriteInput,
): Promise<WriteResult> => {
  const logSync = logSyncer(db);
  const settings = chunkSettings(db);
  try {
    const result = await writeBatch(db, outbox, now, input, batch, { syncLog: logSync.sync, settings });
    settings.restore();
    if (result.importId === null) await discardBatch(db, batch.id);
    return result;
  } catch (error) {
    try {
      settings.restore();
      await discardBatch(db, batch.id);
    } catch (cleanupFailure) {
      throw new CleanupPending(error, cleanupFailure);
    }
    throw error;
  } finally {
    settings.restore();
    await logSync.close();
  }
};

/**
 * The connection's settings while chunks are written: synchronous=NORMAL (a chunk's commit does not
 * fsync; the publishing commit, with synchronous=FULL, makes every earlier frame durable with it) and
 * a busy timeout of 0 (each chunk waits for the lock by polling, store/write-lock.ts), set once for
 * the import rather than switched around every chunk. `restore` puts synchronous=FULL and the busy
 * timeout back; it may be called more than once.
 */
const chunkSettings = (db: Db) => {
  db.pragma('synchronous = NORMAL');
  const restorePolling = pollingOnly(db);
  let restored = false;
  return {
    restore(): void {
      if (restored) return;
      restored = true;
      restorePolling();
      db.pragma('synchronous = FULL');
    },
  };
};

const writeBatch = async (
  db: Db,
  outbox: Outbox,
  now: Clock,
  input: WriteInput,
  batch: BatchClaim,
  { syncLog, settings }: { syncLog: () => void; settings: { restore: () => void } },
): Promise<WriteResult> => {
  const planner = createPlanner(await contactIndex(db), input.onDuplicate);
  /** The new leads planned so far: grows while rows arrive. */
  const { creates } = planner.plan();
  const writer = leadWriterFor(db, outbox);
  const at = now();
  const importId = batch.id;
  /** Accounts found or created by this import, by accountKey (leads/writer.ts). */
  const accounts = new Map<string, StoredAccount>();
  const chunkWrite: WriteOptions = { at, batchId: batch.id, importId, accounts };
  const accountFor = (company: string | null): StoredAccount | null =>
    writer.account(company, { at, accounts });

  const created: string[] = [];
  /** Which new lead each email and phone of the file went to, for the check at publishing. */
  const createdBy = { emails: new Map<string, number>(), phones: new Map<string, number>() };
  const writeLead = (row: ImportedLead, index: number): CreatedLead => {
    const lead = writer.create(row, chunkWrite);
    for (const phone of row.phones) createdBy.phones.set(phoneKey(phone), index);
    if (row.email) createdBy.emails.set(emailKey(row.email), index);
    created.push(lead.id);
    return {
      id: lead.id,
      status: row.status,
      direction: row.direction,
      sourceChannel: row.sourceChannel,
      timeZone: row.timeZone,
      country: row.country,
      createdAt: at,
      hasPhone: row.phones.length > 0,
    };
  };

  let written = 0;
  let size = FIRST_CHUNK;
  let writingSinceCheckpoint = 0;
  let writingSinceAsked = 0;
  // Moves whenever another connection commits (SQLite's data_version), never for this one's commits.
  const dataVersion = db.prepare<[], number>('PRAGMA data_version').pluck();
  let lastVersion = dataVersion.get();
  let otherWriteAt = performance.now();
  /** The lock time the next chunk aims at: short while another writer is about. */
  const chunkTarget = (): number => {
    const version = dataVersion.get();
    const checkedAt = performance.now();
    if (version !== lastVersion) {
      lastVersion = version;
      otherWriteAt = checkedAt;
    }
    return checkedAt - otherWriteAt < QUIET_AFTER_MS ? CHUNK_TARGET_MS : QUIET_CHUNK_MS;
  };
  let lastRate = 0;
  /** When the last chunk released the write lock (performance.now()); 0 before the first. */
  let releasedAt = 0;
  /** The new leads rows [from, to) of the plan: their rows, outbox rows and cadence places. */
  const chunkOf = (from: number, to: number) => () =>
    outbox.inBatch(batch.id, () => {
      const chunk: CreatedLead[] = [];
      for (let i = from; i < to; i++) chunk.push(writeLead(creates[i] as ImportedLead, i));
      input.enroll?.(chunk, at, batch.id);
    });
  /**
   * A passive checkpoint on this connection, in a turn of its own. False when another checkpoint was
   * running (it then copies nothing).
   */
  const checkpointHere = async (): Promise<boolean> => {
    const [result] = db.pragma('wal_checkpoint(PASSIVE)') as { busy: number }[];
    await nextTurn();
    return result?.busy !== 1;
  };
  /**
   * Writes the planned new leads from `written` up to `to` in one short transaction, then lets the
   * event loop turn. Everything but the inserts (ids, each lead's outbox JSON and clock stamp, its
   * cadence, first step and due time) is worked out first, without the write lock, with the inserts
   * held back (store/deferred.ts); the transaction then only writes them, so a chunk holds the lock
   * for less time per lead and the chunks sized to the same lock time grow (each commit rewrites the
   * index pages its chunk touched, so fewer commits write far less). That work also gives another
   * writer its turn at the lock: only when it took less than GAP_MS does the chunk wait for the rest.
   */
  const writeChunk = async (to: number): Promise<void> => {
    const from = written;
    const accountsBefore = accounts.size;
    const held = holdWrites(db, chunkOf(from, to));
    const gapLeft = GAP_MS - (performance.now() - releasedAt);
    if (gapLeft > 0) await sleep(gapLeft);
    const started = performance.now();
    // Waits for a write of another process by polling, not SQLite's backoff, which could hold this
    // thread for up to 100 ms per try.
    const wrote = writeNow(db, () => {
      if (accountTakenMeanwhile(accountsBefore)) return false;
      writeHeld(held);
      return true;
    });
    if (!wrote) {
      // Another writer created one of this chunk's accounts since it was worked out: the chunk is
      // worked out again, inside the lock, on the accounts as they now are.
      forgetChunk(from, accountsBefore);
      writeNow(db, chunkOf(from, to));
    }
    releasedAt = performance.now();
    const took = releasedAt - started;
    writingSinceCheckpoint += took;
    writingSinceAsked += took;
    lastRate = (to - from) / Math.max(took, 0.5);
    written = to;
    input.onProgress?.(written, creates.length);
    // Flushes the chunk's log frames to disk now, outside the lock, so the next durable commit of
    // another writer (synchronous=FULL) does not have to flush the import's frames inside its latency.
    syncLog();
    // The next turn runs after the event loop's poll phase, so requests (and rows arriving from the
    // reading thread) are taken between any two chunks.
    await nextTurn();
    // Every WRITING_MS_PER_CHECKPOINT this connection checkpoints, so the next chunk starts the log
    // afresh and the log never holds more than that much writing. Between those, another thread's
    // checkpoints (when there is one) copy most of the log while chunks go on, so this one copies only
    // what was committed since the last of them began. A checkpoint of this connection that found
    // the other one running copied nothing and is tried again after the next chunk.
    const remote = input.checkpoints;
    if (writingSinceCheckpoint >= WRITING_MS_PER_CHECKPOINT) {
      if (await checkpointHere()) {
        writingSinceCheckpoint = 0;
        writingSinceAsked = 0;
      }
    } else if (remote && writingSinceAsked >= WRITING_MS_PER_REMOTE_CHECKPOINT && !remote.pending()) {
      remote.ask();
      writingSinceAsked = 0;
    }
    // Sized after the event loop's turn, so a writer that came in meanwhile shortens the next chunk. At most
    // twice the last chunk: one quick chunk (pages already cached) must not make the next one hold the
    // lock many times the target.
    size = Math.max(MIN_CHUNK, Math.min(MAX_CHUNK, 2 * (to - from), Math.round(lastRate * chunkTarget())));
  };
  /** The accounts a chunk found or made, past the first `before` of this import's. */
  const accountsSince = (before: number) => [...accounts].slice(before);
  const accountIdByKey = db.prepare<[string], string>('SELECT id FROM accounts WHERE name_key = ?').pluck();
  /**
   * Inside the chunk's transaction: whether another writer stored an account under the key of one this
   * chunk made (inserting it would break the key's uniqueness) since the chunk was worked out.
   */
  const accountTakenMeanwhile = (before: number): boolean =>
    accountsSince(before).some(([key, account]) => {
      const stored = accountIdByKey.get(key);
      return stored !== undefined && stored !== account.id;
    });
  /** Drops what working out a chunk from lead `from` left in memory, before it is worked out again. */
  const forgetChunk = (from: number, accountsBefore: number): void => {
    for (const [key] of accountsSince(accountsBefore)) accounts.delete(key);
    created.length = from;
  };

  // With `skip` a row never changes an earlier one, so full chunks are written while rows arrive.
  const pipelined = input.onDuplicate === 'skip';
  for await (const rows of input.rows) {
    for (const row of rows) planner.add(row);
    while (pipelined && creates.length - written >= size) await writeChunk(written + size);
  }
  const plan = planner.plan();
  if (written === 0 && plan.creates.length === 0 && plan.merges.size === 0) {
    return { imported: 0, merged: 0, skipped: plan.skipped, importId: null, created: [], mergedInto: [] };
  }
  const total = plan.creates.length;
  while (written < total) await writeChunk(Math.min(total, written + size));

  settings.restore();
  // Read before the publishing transaction, so that transaction only reads the outbox's last few rows.
  const landedBefore = await leadsWrittenMeanwhile(db, batch.outboxSeq);
  return writeNow(db, (): WriteResult => {
    const state = db
      .prepare<[string], string>('SELECT state FROM import_batches WHERE id = ?')
      .pluck()
      .get(batch.id);
    if (state !== 'writing') {
      throw new AppError(
        'internal',
        'The import was discarded while it was being written. Import the file again.',
      );
    }
    const landed = new Set([...landedBefore.ids, ...landedSince(db, landedBefore.scannedTo)]);
    const dropped = dropDuplicatesLandedMeanwhile(db, batch, landed, created, createdBy);
    let imported = total;
    let { merged, skipped } = plan;
    for (const [index, storedId] of dropped) {
      imported--;
      if (input.onDuplicate === 'skip') {
        skipped++;
        continue;
      }
      merged++;
      const list = plan.merges.get(storedId);
      const row = plan.creates[index] as ImportedLead;
      if (list) list.push(row);
      else plan.merges.set(storedId, [row]);
    }
    const mergedInto: string[] = [];
    const requeue: string[] = [];
    for (const [id, rows] of plan.merges) {
      const changed = mergeIntoStored(writer, { id, rows, at, accountFor });
      mergedInto.push(id);
      if (QUEUE_FIELDS.some((field) => field in changed)) requeue.push(id);
    }
    if (requeue.length > 0) input.requeue?.(requeue, at);
    db.prepare("UPDATE import_batches SET state = 'published', published_at = ? WHERE id = ?").run(
      now(),
      batch.id,
    );
    db.prepare(
      'INSERT INTO imports (id, file_name, imported, merged, skipped, rejected, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ).run(importId, input.fileName, imported, merged, skipped, input.rejected(), at);
    const droppedIds = new Set([...dropped.keys()].map((index) => created[index]));
    return {
      imported,
      merged,
      skipped,
      importId,
      created: created.filter((id) => !droppedIds.has(id)),
      mergedInto,
    };
  });
};

/** Outbox rows read per page when looking for leads written during the import. */
const OUTBOX_PAGE = 20_000;

const LANDED = `SELECT DISTINCT json_extract(args, '$.id') FROM outbox
  WHERE seq > ? AND seq <= ? AND batch_id IS NULL AND name IN ('lead.create', 'lead.update')`;

/**
 * Ids of leads created or edited by anyone else since outbox row `fromSeq` (their outbox rows carry no
 * batch), read a page of rows at a time with the event loop free in between. `scannedTo` is the last
 * outbox row read; the publishing transaction reads the rows after it (`landedSince`).
 */
const leadsWrittenMeanwhile = async (
  db: Db,
  fromSeq: number,
): Promise<{ ids: string[]; scannedTo: number }> => {
  const last = db.prepare<[], number>('SELECT coalesce(max(seq), 0) FROM outbox').pluck().get() ?? 0;
  const page = db.prepare<[number, number], string>(LANDED).pluck();
  const ids: string[] = [];
  for (let from = fromSeq; from < last; from += OUTBOX_PAGE) {
    ids.push(...page.all(from, Math.min(last, from + OUTBOX_PAGE)));
    await nextTurn();
  }
  return { ids, scannedTo: last };
};

/** Ids of leads created or edited by anyone else after outbox row `fromSeq`. */
const landedSince = (db: Db, fromSeq: number): string[] =>
  db.prepare<[number, number], string>(LANDED).pluck().all(fromSeq, Number.MAX_SAFE_INTEGER);

/**
 * Inside the publishing transaction: of the leads written by anyone else during the import (`landed`),
 * finds those that share an email or phone with a lead of this batch, and removes the batch's copy
 * with its phones, cadence place and outbox rows. Returns, per dropped row of the file (its index
 * among the new leads), the stored lead it duplicates.
 */
const dropDuplicatesLandedMeanwhile = (
  db: Db,
  batch: BatchClaim,
  landed: ReadonlySet<string>,
  created: readonly string[],
  createdBy: { emails: Map<string, number>; phones: Map<string, number> },
): Map<number, string> => {
  const dropped = new Map<number, string>();
  if (landed.size === 0) return dropped;
  const leadEmail = db
    .prepare<[string], string | null>(`SELECT email FROM leads l WHERE id = ? AND ${published('l')}`)
    .pluck();
  const leadPhones = db.prepare<[string], { e164: string; ext: string | null }>(
    `SELECT e164, ext FROM lead_phones p WHERE lead_id = ? AND ${published('p')}`,
  );
  for (const storedId of landed) {
    const email = leadEmail.get(storedId);
    if (email === undefined) continue;
    const matches = [
      email ? createdBy.emails.get(emailKey(email)) : undefined,
      ...leadPhones.all(storedId).map((phone) => createdBy.phones.get(phoneKey(phone))),
    ];
    for (const index of matches) if (index !== undefined && !dropped.has(index)) dropped.set(index, storedId);
  }
  // Most imports meet no such lead: the batch's outbox rows (three per lead) are then left unread, as
  // reading them would hold the write lock for a long scan.
  if (dropped.size === 0) return dropped;
  const removeLead = db.prepare('DELETE FROM leads WHERE id = ?');
  const outboxRows = db.prepare<[string], { seq: number; args: string }>(
    'SELECT seq, args FROM outbox WHERE batch_id = ?',
  );
  const removeOutbox = db.prepare('DELETE FROM outbox WHERE seq = ?');
  const ids = new Set<string>();
  for (const index of dropped.keys()) {
    const id = created[index] as string;
    ids.add(id);
    removeLead.run(id); // its phones, research note, enrollment and task go with it (ON DELETE CASCADE)
  }
  // Rare (someone typed in the same lead during the import): one pass over the batch's outbox rows.
  const mentions = (args: string) => [...ids].some((id) => args.includes(id));
  for (const row of outboxRows.all(batch.id)) if (mentions(row.args)) removeOutbox.run(row.seq);
  return dropped;
};
