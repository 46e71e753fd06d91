import type { Handlers } from '../handlers';
import type { SyncService } from './service';

type SyncHandlers = Pick<
  Handlers,
  'sync.status' | 'sync.signIn' | 'sync.signOut' | 'sync.now' | 'sync.dismissRejected'
>;

/**
 * The `sync.*` methods over the host's sync service. `sync.signIn` errors: `sync_server_url_invalid`,
 * `server_unreachable`, `unauthorized`, `invalid_input` (see `checkSignIn`).
 */
export const createSyncHandlers = (sync: SyncService): SyncHandlers => ({
  'sync.status': () => sync.status(),
  'sync.signIn': ({ server, token }) => sync.signIn(server, token),
  'sync.signOut': () => sync.signOut(),
  'sync.now': () => sync.now(),
  'sync.dismissRejected': ({ id }) => sync.dismissRejected(id),
});
