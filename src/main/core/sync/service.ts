import type { SyncStatusView } from '@shared/api/sync';
import { AppError } from '../errors';
import type { CoreEvents } from '../events';
import type { Db } from '../store/db';
import { type BackoffPolicy, backoffDelay, DEFAULT_BACKOFF } from './backoff';
import type { SyncCredentials, TokenStore } from './credentials';
import { type OnPulled, syncOnce } from './cycle';
import { followTeamChanges } from './live';
import { type SyncLoop, type SyncStatus, startSyncLoop } from './loop';
import { dismissRejected, pendingCount, rejectedChanges } from './outbox-rows';
import type { DefinitionsTarget } from './pulled/announce';
import { assertSwitchable, checkSignIn } from './sign-in';
import { forgetPreviousUser } from './switch-user';

export type SyncServiceOptions = {
  db: Db;
  events: CoreEvents;
  tokens: TokenStore;
  now: () => number;
  /** The regular wait between syncs while all is well, in ms (default 30 s). */
  intervalMs?: number;
  /** Waits after failing to reach the server (default 1 s doubling to 5 min, full jitter). */
  backoff?: BackoffPolicy;
  /** Waits before following the live stream again after it broke (default 1 s doubling to 30 s). */
  liveBackoff?: BackoffPolicy;
  /** How long local writes are gathered before they are pushed, in ms (default 400). */
  debounceMs?: number;
  /** Hears of the leads each committed pull page changed. */
  onPulled?: OnPulled;
  /** The core's queue, which pulled team definitions (cadences, DNC) are applied through. */
  definitions?: DefinitionsTarget;
};

/**
 * The desktop's sync in the background: `start` runs the loop (timer, backoff with jitter), pushes
 * after local writes and follows the server's live stream; the rest answer the `sync.*` methods.
 */
export type SyncService = {
  start(): void;
  status(): SyncStatusView;
  signIn(server: string, token: string): Promise<SyncStatusView>;
  signOut(): SyncStatusView;
  now(): Promise<SyncStatusView>;
  /** Dismisses a refused change (`dismissRejected`); `not_found` for an id that is none. */
  dismissRejected(id: string): SyncStatusView;
  stop(): void;
};

/** Failures of the live stream that waiting a little won't fix: retried only at the regular interval. */
const REFUSED = new Set(['unauthorized', 'forbidden', 'sync_protocol_outdated']);

/**
 * Creates the sync service over the store. Nothing runs until `start` (the app hosts call it; the CLI
 * does not). Running, it syncs: at once, every `intervalMs`, `debounceMs` after a local write (any
 * core event but its own `sync:changed`), and on every wake-up from `GET /v1/events`, which it follows
 * while signed in and reconnects to after `backoffDelay` waits. Each change of state, pending count or
 * rejections emits `sync:changed`. Sync SQL is the outbox's short reads and one acknowledgement write
 * per pushed batch; the network waits are asynchronous, so the host's requests are never held up.
 */
export const createSyncService = (options: SyncServiceOptions): SyncService => {
  const interval = options.intervalMs ?? 30_000;
  const liveBackoff = options.liveBackoff ?? { baseMs: 1_000, maxMs: 30_000 };
  const debounce = options.debounceMs ?? 400;
  let loop: SyncLoop | null = null;
  let last: SyncStatus = { state: 'signed_out' };
  let lastSyncedAt: number | null = null;
  let stopped = false;
  let stopEvents = () => {};
  let debounceTimer: NodeJS.Timeout | null = null;
  // The live stream: one at a time; a newer generation supersedes an older one.
  let generation = 0;
  let liveController: AbortController | null = null;
  let liveTimer: NodeJS.Timeout | null = null;
  let liveFailures = 0;
  let lastVersion: number | undefined;
  // Why the live stream cannot reach the server right now (null while it is open or untried).
  let liveDown: AppError | null = null;
  // Wake-ups while a sync runs fold into one more sync after it.
  let dirty = false;
  let draining = false;

  const changed = () => options.events.emit('sync:changed', {});

  const credentialsOrNull = (): SyncCredentials | null => {
    try {
      return options.tokens.read();
    } catch {
      return null;
    }
  };

  const view = (): SyncStatusView => {
    const credentials = credentialsOrNull();
    const base = {
      server: credentials?.server ?? null,
      email: credentials?.email ?? null,
      teamName: credentials?.teamName ?? null,
      role: credentials?.role ?? null,
      pending: pendingCount(options.db),
      lastSyncedAt,
      rejected: rejectedChanges(options.db).map((row) => ({
        id: row.id,
        name: row.name,
        code: row.code,
        message: row.message,
        at: row.createdAt,
      })),
      error: null,
      retryInMs: null,
    };
    if (credentials === null) return { ...base, state: 'signedOut' };
    switch (last.state) {
      case 'idle':
        // The last push went through, but the server cannot be reached now: say so at once.
        if (!liveDown) return { ...base, state: 'online' };
        return {
          ...base,
          state: REFUSED.has(liveDown.code) ? 'error' : 'offline',
          error: { code: liveDown.code, message: liveDown.message },
        };
      case 'offline':
        return {
          ...base,
          state: 'offline',
          error: { code: last.code, message: last.message },
          retryInMs: last.retryInMs,
        };
      case 'stopped_error':
        return { ...base, state: 'error', error: { code: last.code, message: last.message } };
      default:
        // Syncing, or signed in since the last sync ended: the next one is on its way.
        return { ...base, state: loop ? 'syncing' : 'offline' };
    }
  };

  const onStatus = (status: SyncStatus) => {
    last = status;
    if (status.state === 'idle') lastSyncedAt = options.now();
    changed();
  };

  const wake = () => {
    dirty = true;
    if (draining || !loop) return;
    draining = true;
    void (async () => {
      while (dirty && loop && !stopped) {
        dirty = false;
        await loop.syncNow();
      }
      draining = false;
    })();
  };

  const follow = () => {
    const mine = ++generation;
    liveController?.abort();
    if (liveTimer) clearTimeout(liveTimer);
    liveTimer = null;
    const credentials = credentialsOrNull();
    if (stopped || !loop || credentials === null) return;
    const controller = new AbortController();
    liveController = controller;
    let connected = false;
    void followTeamChanges(credentials, {
      after: lastVersion,
      signal: controller.signal,
      onEvent: (event) => {
        if (event.kind !== 'ready' && event.kind !== 'change') return;
        connected = true;
        liveFailures = 0;
        if (liveDown) {
          liveDown = null;
          changed();
        }
        lastVersion = event.change.version;
        wake();
      },
    })
      .then(
        () => null,
        (error: unknown) => error,
      )
      .then((failure) => {
        if (mine !== generation || stopped || controller.signal.aborted) return;
        const refused = failure instanceof AppError && REFUSED.has(failure.code);
        const unreachable = failure instanceof AppError && failure.code === 'server_unreachable';
        // A stream the server ended (shutdown, restart) counts as unreachable until it opens again.
        const down =
          unreachable || refused
            ? failure
            : failure === null
              ? new AppError(
                  'server_unreachable',
                  `The team server at ${credentials.server} closed the connection; Dialdeck reconnects by itself.`,
                  undefined,
                  { url: credentials.server },
                )
              : null;
        if (down && (liveDown === null || refused)) {
          liveDown = down;
          changed();
        }
        const wait = refused ? interval : backoffDelay(liveFailures++, liveBackoff);
        // The stream broke: sync now, so the indicator says offline without waiting for the timer.
        if (connected) wake();
        liveTimer = setTimeout(follow, wait);
        liveTimer.unref?.();
      });
  };

  const status = (): SyncStatusView => view();

  return {
    start() {
      if (loop || stopped) return;
      loop = startSyncLoop({
        db: options.db,
        tokens: { read: credentialsOrNull, write: options.tokens.write, clear: options.tokens.clear },
        intervalMs: interval,
        backoff: options.backoff ?? DEFAULT_BACKOFF,
        onStatus,
        sync: (db, credentials) => syncOnce(db, credentials, options.onPulled, options.definitions),
      });
      stopEvents = options.events.onAny((name) => {
        if (name === 'sync:changed' || name === 'import:progress') return;
        // The pending count moved now; the push follows once the writes settle.
        changed();
        if (debounceTimer) clearTimeout(debounceTimer);
        debounceTimer = setTimeout(wake, debounce);
        debounceTimer.unref?.();
      });
      follow();
    },
    status,
    async signIn(server, token) {
      const credentials = await checkSignIn(server, token, options.now());
      const signedIn = options.tokens.read();
      assertSwitchable(options.db, signedIn, credentials);
      // The first user's synced leads leave before the new user's token is kept: they never see them.
      const switched = forgetPreviousUser(options.db, signedIn, credentials);
      options.tokens.write(credentials);
      if (switched !== null && switched.clearedLeads > 0) {
        options.events.emit('leads:changed', {});
        options.events.emit('queue:changed', { reason: 'leads' });
      }
      last = { state: 'syncing' };
      liveDown = null;
      lastSyncedAt = null;
      lastVersion = undefined;
      changed();
      if (loop) {
        follow();
        wake();
      }
      return view();
    },
    signOut() {
      options.tokens.clear();
      generation++;
      liveController?.abort();
      if (liveTimer) clearTimeout(liveTimer);
      last = { state: 'signed_out' };
      liveDown = null;
      lastSyncedAt = null;
      changed();
      return view();
    },
    async now() {
      if (loop) {
        await loop.syncNow();
        return view();
      }
      const credentials = credentialsOrNull();
      if (credentials === null) return view();
      try {
        onStatus({
          state: 'idle',
          summary: await syncOnce(options.db, credentials, options.onPulled, options.definitions),
        });
      } catch (error) {
        const failure = error instanceof AppError ? error : new AppError('internal', String(error));
        onStatus({ state: 'stopped_error', code: failure.code, message: failure.message });
      }
      return view();
    },
    dismissRejected(id) {
      dismissRejected(options.db, id, options.now());
      changed();
      return view();
    },
    stop() {
      stopped = true;
      generation++;
      stopEvents();
      if (debounceTimer) clearTimeout(debounceTimer);
      if (liveTimer) clearTimeout(liveTimer);
      liveController?.abort();
      loop?.stop();
    },
  };
};
