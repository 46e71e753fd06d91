import type { Db } from '../store/db';
import { pushOutbox, type SyncSummary } from './client';
import type { SyncCredentials } from './credentials';

/**
 * Brings the team's changes down into this store and returns how many were applied. This is the one
 * place the background sync pulls: the pull protocol's client is not in this build yet, so it pulls
 * nothing (0) and the status reports `pulled: 0`.
 */
export const pullTeamChanges = async (_db: Db, _credentials: SyncCredentials): Promise<number> => 0;

/**
 * One background sync: pushes the outbox (one try per request; the loop's backoff spaces retries),
 * then pulls (`pullTeamChanges`). Throws what `pushOutbox` throws; the outbox is kept on every failure.
 */
export const syncOnce = async (db: Db, credentials: SyncCredentials): Promise<SyncSummary> => {
  const summary = await pushOutbox(db, credentials, { attempts: 1 });
  const pulled = await pullTeamChanges(db, credentials);
  return { ...summary, pulled };
};
