import { AppError } from '../errors';
import type { Db } from '../store/db';
import { type BackoffPolicy, backoffDelay, DEFAULT_BACKOFF } from './backoff';
import { pushOutbox, type SyncSummary } from './client';
import type { SyncCredentials, TokenStore } from './credentials';

/**
 * What the background sync is doing, for the status indicator: `signed_out` (no credentials),
 * `syncing`, `idle` (the last push went through; `summary` says what it did), `offline` (the server
 * could not be reached; `retryInMs` until the next try, `failures` in a row), or `stopped_error` (a
 * failure waiting won't fix: `unauthorized`, `sync_protocol_outdated`… — retried only at the regular
 * interval). `code` and `message` are the last failure's.
 */
export type SyncStatus =
  | { state: 'signed_out' }
  | { state: 'syncing' }
  | { state: 'idle'; summary: SyncSummary }
  | { state: 'offline'; code: string; message: string; failures: number; retryInMs: number }
  | { state: 'stopped_error'; code: string; message: string };

export type SyncLoopOptions = {
  db: Db;
  tokens: TokenStore;
  /** The regular wait between drains while all is well, in ms (default 30 s). */
  intervalMs?: number;
  /** Waits after failures to reach the server (default 1 s doubling to 5 min, full jitter). */
  backoff?: BackoffPolicy;
  onStatus?: (status: SyncStatus) => void;
  /** One sync with the credentials read for it (default: a push of the outbox, one try). */
  sync?: (db: Db, credentials: SyncCredentials) => Promise<SyncSummary>;
};

export type SyncLoop = {
  /** Drains now (after any drain under way) and returns the status it ended in. */
  syncNow(): Promise<SyncStatus>;
  /** Stops the timer; a drain under way finishes. */
  stop(): void;
};

const pushOnce = (db: Db, credentials: SyncCredentials): Promise<SyncSummary> =>
  pushOutbox(db, credentials, { attempts: 1 });

const OFFLINE_CODES = new Set(['server_unreachable', 'server_database_unreachable', 'rate_limited']);

/**
 * Drains the outbox in the background: at once, then every `intervalMs`, whether or not anything was
 * written locally since (an upload queue that waits for the next write stalls). When the server cannot
 * be reached the next try comes after `backoffDelay(failures)` instead — exponential with full jitter —
 * so a fleet of desktops that lost the server does not return in step. Credentials are read on every
 * drain, so signing in or out takes effect on the next one. Never throws; failures become statuses.
 */
export const startSyncLoop = (options: SyncLoopOptions): SyncLoop => {
  const interval = options.intervalMs ?? 30_000;
  const policy = options.backoff ?? DEFAULT_BACKOFF;
  let failures = 0;
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  let running: Promise<SyncStatus> | null = null;

  const report = (status: SyncStatus): SyncStatus => {
    options.onStatus?.(status);
    return status;
  };

  const drain = async (): Promise<SyncStatus> => {
    try {
      const credentials = options.tokens.read();
      if (credentials === null) return report({ state: 'signed_out' });
      report({ state: 'syncing' });
      const summary = await (options.sync ?? pushOnce)(options.db, credentials);
      failures = 0;
      return report({ state: 'idle', summary });
    } catch (error) {
      const failure =
        error instanceof AppError
          ? error
          : new AppError('internal', error instanceof Error ? error.message : String(error));
      if (OFFLINE_CODES.has(failure.code)) {
        const retryInMs = backoffDelay(failures, policy);
        failures++;
        return report({
          state: 'offline',
          code: failure.code,
          message: failure.message,
          failures,
          retryInMs,
        });
      }
      failures = 0;
      return report({ state: 'stopped_error', code: failure.code, message: failure.message });
    }
  };

  const schedule = (status: SyncStatus) => {
    if (stopped) return;
    const wait = status.state === 'offline' ? status.retryInMs : interval;
    timer = setTimeout(() => void run(), wait);
    timer.unref?.();
  };

  const run = (): Promise<SyncStatus> => {
    if (timer) clearTimeout(timer);
    timer = null;
    running ??= drain().then((status) => {
      running = null;
      schedule(status);
      return status;
    });
    return running;
  };

  void run();
  return {
    syncNow: async () => {
      if (running) await running;
      return run();
    },
    stop: () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
};
