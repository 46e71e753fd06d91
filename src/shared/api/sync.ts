import { z } from 'zod';
import { Instant } from '../domain/instant';
import { method } from './contract';

/**
 * What the background sync is doing, as the top bar shows it: `signedOut` (no team server),
 * `syncing`, `online` (the last sync went through), `offline` (the server could not be reached; it
 * retries by itself), `error` (the server refused in a way waiting won't fix: a revoked token, an
 * outdated Dialdeck…; `error` says what to do).
 */
export const SyncState = z.enum(['signedOut', 'online', 'offline', 'syncing', 'error']);
export type SyncState = z.infer<typeof SyncState>;

/** A change the team server refused for good: the outbox row, its mutation, the server's code and message, when it was made. */
export const RejectedChangeView = z.object({
  id: z.string(),
  name: z.string(),
  code: z.string(),
  message: z.string(),
  at: Instant,
});
export type RejectedChangeView = z.infer<typeof RejectedChangeView>;

/**
 * `sync.status`: the state, the team server's address (null when signed out) and who is signed in,
 * how many changes wait in the outbox (`pending`), when the last sync went through (`lastSyncedAt`,
 * UTC epoch ms, null before the first since start), the rejected changes, the last failure's code and
 * message when offline or in error, and the wait until the next try (`retryInMs`, ms) when offline.
 */
export const SyncStatusView = z.object({
  state: SyncState,
  server: z.string().nullable(),
  email: z.string().nullable(),
  teamName: z.string().nullable(),
  /**
   * The signed-in user's role on the team (null signed out). A rep or an AE sees the team's scripts,
   * cadences, outcome set and do-not-contact removals read-only: the manager edits them.
   */
  role: z.enum(['rep', 'ae', 'manager']).nullable().default(null),
  pending: z.number().int().nonnegative(),
  lastSyncedAt: Instant.nullable(),
  rejected: z.array(RejectedChangeView),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  retryInMs: z.number().int().nonnegative().nullable(),
});
export type SyncStatusView = z.infer<typeof SyncStatusView>;

export const syncMethods = {
  /** The background sync's state for the status indicator (short reads only). */
  'sync.status': method(z.object({}), SyncStatusView),
  /**
   * Signs this data folder in: checks the token with the server's `GET /v1/me`, keeps the server and
   * token (the OS keychain in the app, a 0600 file under the web host), then syncs at once.
   * Errors: `sync_server_url_invalid` (not an http(s) address), `server_unreachable` (params `{url}`),
   * `unauthorized` (the server refused the token), `invalid_input` (the administrator's token).
   */
  'sync.signIn': method(
    z.object({ server: z.string().trim().min(1).max(2_000), token: z.string().trim().min(1).max(1_000) }),
    SyncStatusView,
  ),
  /** Forgets the server and token on this computer; changes not yet sent stay in the outbox. */
  'sync.signOut': method(z.object({}), SyncStatusView),
  /** Syncs now (after any sync under way) and answers the state it ended in. */
  'sync.now': method(z.object({}), SyncStatusView),
  /**
   * Dismisses (acknowledges) a change the server refused: it leaves `rejected` and the indicator's
   * count, and stays recorded on this computer, never pushed. Errors: `not_found` (no refused change
   * has this id).
   */
  'sync.dismissRejected': method(z.object({ id: z.string().trim().min(1).max(100) }), SyncStatusView),
};
