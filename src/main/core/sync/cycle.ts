import type { Db } from '../store/db';
import { pushOutbox, type SyncSummary } from './client';
import type { SyncCredentials } from './credentials';
import { pullOnce } from './pull';
import { announceDefinitions, type DefinitionsTarget } from './pulled/announce';

/** Told the leads whose rows a committed pull page changed (to enroll and announce them). */
export type OnPulled = (leadIds: string[], credentials: SyncCredentials) => void;

/**
 * Brings the team's changes down into this store (`pullOnce`) and returns how many were applied. This
 * is the one place the background sync pulls; `onPulled` hears of each committed page's leads, and the
 * team's definitions land on `definitions` (the core's queue), whose windows hear of them.
 */
export const pullTeamChanges = async (
  db: Db,
  credentials: SyncCredentials,
  onPulled?: OnPulled,
  definitions?: DefinitionsTarget,
): Promise<number> =>
  (
    await pullOnce(db, credentials, {
      onApplied: (leadIds) => onPulled?.(leadIds, credentials),
      ...(definitions && {
        dialing: definitions.dialing,
        onDefinitions: (changed) => announceDefinitions(definitions.events, changed),
      }),
    })
  ).pulled;

/**
 * One background sync: pushes the outbox (one try per request; the loop's backoff spaces retries),
 * then pulls (`pullTeamChanges`). Throws what `pushOutbox` throws; the outbox is kept on every failure.
 */
export const syncOnce = async (
  db: Db,
  credentials: SyncCredentials,
  onPulled?: OnPulled,
  definitions?: DefinitionsTarget,
): Promise<SyncSummary> => {
  const summary = await pushOutbox(db, credentials, { attempts: 1 });
  const pulled = await pullTeamChanges(db, credentials, onPulled, definitions);
  return { ...summary, pulled };
};
