import type { Db } from '../store/db';
import { pushOutbox, type SyncSummary } from './client';
import type { SyncCredentials } from './credentials';
import { pullOnce } from './pull';

/** Told the leads whose rows a committed pull page changed (to enroll and announce them). */
export type OnPulled = (leadIds: string[], credentials: SyncCredentials) => void;

/**
 * Brings the team's changes down into this store (`pullOnce`) and returns how many were applied. This
 * is the one place the background sync pulls; `onPulled` hears of each committed page's leads.
 */
export const pullTeamChanges = async (
  db: Db,
  credentials: SyncCredentials,
  onPulled?: OnPulled,
): Promise<number> =>
  (await pullOnce(db, credentials, { onApplied: (leadIds) => onPulled?.(leadIds, credentials) })).pulled;

/**
 * One background sync: pushes the outbox (one try per request; the loop's backoff spaces retries),
 * then pulls (`pullTeamChanges`). Throws what `pushOutbox` throws; the outbox is kept on every failure.
 */
export const syncOnce = async (
  db: Db,
  credentials: SyncCredentials,
  onPulled?: OnPulled,
): Promise<SyncSummary> => {
  const summary = await pushOutbox(db, credentials, { attempts: 1 });
  const pulled = await pullTeamChanges(db, credentials, onPulled);
  return { ...summary, pulled };
};
