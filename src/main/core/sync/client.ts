import { setTimeout as sleep } from 'node:timers/promises';
import { MAX_PUSH_BATCH, type PushRequest, PushResponse, SYNC_PROTOCOL_VERSION } from '@shared/sync/protocol';
import { AppError } from '../errors';
import type { Db } from '../store/db';
import { type BackoffPolicy, backoffDelay } from './backoff';
import type { SyncCredentials } from './credentials';
import { postSync } from './http';
import { acknowledge, type OutboxRow, pendingCount, pendingRows } from './outbox-rows';

/**
 * What one sync did: `pushed` rows the server acknowledged as held (applied now, or a duplicate of an
 * earlier delivery), `pulled` changes received (0 until pull exists), `rejected` rows the server
 * refused for good in this run (kept in the outbox, listed by `rejectedChanges`), `pending` rows still
 * waiting, `clockSkew` of them refused because their clock stamp ran too far ahead of the server's
 * (they retry on the next sync).
 */
export type SyncSummary = {
  pushed: number;
  pulled: number;
  rejected: number;
  pending: number;
  clockSkew: number;
};

export type SyncOptions = {
  /** Rows per request (at most `MAX_PUSH_BATCH`). */
  batchSize?: number;
  /** Tries per request when the server cannot be reached or answers 5xx; waits by `backoff` between. */
  attempts?: number;
  backoff?: BackoffPolicy;
  now?: () => number;
  /** A test's hook: called after the server answered a batch and before the answer is recorded. */
  beforeAcknowledge?: () => void;
};

/** A request failure worth retrying: the server was not reached, or answered 5xx. */
const retryable = (error: unknown): boolean =>
  error instanceof AppError &&
  (error.code === 'server_unreachable' || error.code === 'server_database_unreachable');

const toPushed = (row: OutboxRow): PushRequest['mutations'][number] => {
  let args: unknown = null;
  try {
    args = JSON.parse(row.args);
  } catch {
    // Sent as null: the server rejects it (sync_mutation_invalid), and it stays listed here.
  }
  return { id: row.id, name: row.name, args, hlc: row.hlc };
};

/** Sends one push request (see `postSync` for its errors). */
const postPush = (credentials: SyncCredentials, body: PushRequest): Promise<PushResponse> =>
  postSync(credentials, '/v1/sync/push', body, PushResponse);

/** `postPush` with retries: up to `attempts` tries on a retryable failure, waiting by backoff between. */
const pushWithRetry = async (
  credentials: SyncCredentials,
  body: PushRequest,
  attempts: number,
  policy: BackoffPolicy,
): Promise<PushResponse> => {
  for (let attempt = 0; ; attempt++) {
    try {
      return await postPush(credentials, body);
    } catch (error) {
      if (!retryable(error) || attempt + 1 >= attempts) throw error;
      await sleep(backoffDelay(attempt, policy));
    }
  }
};

/**
 * Pushes every published pending outbox row to the team server, in outbox order, `batchSize` rows a
 * request, and records each answer: applied and duplicate rows become `sent`, rows rejected for good
 * become `rejected` with the server's code and message; rows refused for clock skew stay pending (the
 * next sync retries them). A row is marked only after the server answered for it, so a crash or a lost
 * answer re-pushes it and the server answers `duplicate`: nothing is lost, nothing doubled.
 * One request is in flight at a time, so the server applies the batches in outbox order; the desktop's
 * own work overlaps it: the next batch is read while a request is out, and sent as soon as the answer
 * before it arrives, before that answer is recorded.
 * Throws (rows untouched) `server_unreachable` after `attempts` tries, `unauthorized`, `forbidden`,
 * `sync_protocol_outdated` (update Dialdeck; the outbox is kept) and `internal`.
 */
export const pushOutbox = async (
  db: Db,
  credentials: SyncCredentials,
  options: SyncOptions = {},
): Promise<SyncSummary> => {
  const batchSize = Math.max(1, Math.min(MAX_PUSH_BATCH, options.batchSize ?? MAX_PUSH_BATCH));
  const attempts = Math.max(1, options.attempts ?? 3);
  const policy = options.backoff ?? { baseMs: 250, maxMs: 2_000 };
  const now = options.now ?? Date.now;
  const summary: SyncSummary = { pushed: 0, pulled: 0, rejected: 0, pending: 0, clockSkew: 0 };
  /** The pending rows after `afterSeq`, one request's worth, with the request that carries them. */
  const batchAfter = (afterSeq: number): { rows: OutboxRow[]; body: PushRequest } | null => {
    const rows = pendingRows(db, afterSeq, batchSize);
    if (rows.length === 0) return null;
    return { rows, body: { protocolVersion: SYNC_PROTOCOL_VERSION, mutations: rows.map(toPushed) } };
  };
  const send = (body: PushRequest): Promise<PushResponse> => {
    const sent = pushWithRetry(credentials, body, attempts, policy);
    // Awaited in its turn; until then a failure must not count as unhandled.
    sent.catch(() => {});
    return sent;
  };
  let batch = batchAfter(0);
  let inFlight = batch ? send(batch.body) : null;
  while (batch && inFlight) {
    const following = batchAfter(batch.rows.at(-1)?.seq ?? 0);
    const response = await inFlight;
    // The next request goes out before this answer is recorded. Should recording fail, that request's
    // answer is never recorded either: its rows stay pending and are answered `duplicate` next time.
    inFlight = following ? send(following.body) : null;
    options.beforeAcknowledge?.();
    const sent = new Set(batch.rows.map((row) => row.id));
    const delivered: string[] = [];
    const rejected: { id: string; code: string; message: string }[] = [];
    for (const result of response.results) {
      if (!sent.has(result.id)) continue;
      if (result.status !== 'rejected') delivered.push(result.id);
      else if (result.code === 'sync_clock_skew') summary.clockSkew++;
      else rejected.push({ id: result.id, code: result.code, message: result.message });
    }
    acknowledge(db, delivered, rejected, now());
    summary.pushed += delivered.length;
    summary.rejected += rejected.length;
    batch = following;
  }
  summary.pending = pendingCount(db);
  return summary;
};
