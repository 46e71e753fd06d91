import { leadWriterFor } from '../leads/writer';
import { readSetting, writeSetting } from '../settings/repo';
import type { Db } from '../store/db';
import { writeNow } from '../store/write-lock';
import type { SyncCredentials } from './credentials';
import { noOutbox } from './pulled';

/**
 * What signing a data folder in as another user did to what the first one left: `clearedLeads` leads
 * the team server holds for that user were removed (with their history, tasks and enrollments; they
 * come back from the server when that user signs in again), `keptLocalLeads` leads that never reached
 * any server (demo leads, and leads whose creation the server rejected) stay. `from` is the user the
 * store held leads for.
 */
export type SwitchedUser = { from: string; clearedLeads: number; keptLocalLeads: number };

type Holder = Pick<SyncCredentials, 'teamId' | 'userId'>;

/**
 * Whose server-synced leads this store holds: the user and team of the last pull, else the signed-in
 * user (who may have pushed leads but not pulled yet), else nobody.
 */
const holderOf = (db: Db, signedIn: Holder | null): Holder | null => {
  const cursor = readSetting(db, 'sync.pullCursor');
  if (cursor !== null) return { teamId: cursor.teamId, userId: cursor.userId };
  return signedIn;
};

/**
 * Clears the first user's server-synced leads and pull cursor before `next` signs this data folder in,
 * so the new user never sees leads that are not theirs; call it once `assertSwitchable` has passed (no
 * change of the first user waits). A lead counts as local only when it never reached the server: a
 * demo lead, or one whose `lead.create` is still pending or was rejected (kept with its outbox rows,
 * since nothing a user logged is ever lost). Everything else has reached the server, which keeps it
 * for its owner. One write transaction; the pull cursor is reset, so `next`'s first sync pulls from the
 * start. Returns null when the store holds no other user's leads (same user, or never synced).
 */
export const forgetPreviousUser = (db: Db, signedIn: Holder | null, next: Holder): SwitchedUser | null => {
  const holder = holderOf(db, signedIn);
  if (holder === null || (holder.userId === next.userId && holder.teamId === next.teamId)) return null;
  const localIds = db.prepare<[], string>(
    `SELECT json_extract(args, '$.id') FROM outbox
      WHERE name = 'lead.create' AND state IN ('pending', 'rejected')`,
  );
  const leadIds = db.prepare<[], { id: string; is_demo: number }>('SELECT id, is_demo FROM leads');
  return writeNow(db, () => {
    const local = new Set(localIds.pluck().all());
    const writer = leadWriterFor(db, noOutbox);
    let clearedLeads = 0;
    let keptLocalLeads = 0;
    for (const lead of leadIds.all()) {
      if (lead.is_demo === 1 || local.has(lead.id)) {
        keptLocalLeads++;
      } else if (writer.removePulled(lead.id)) {
        clearedLeads++;
      }
    }
    // Companies only the cleared leads named were the team's; a local lead's company stays.
    db.prepare(
      'DELETE FROM accounts WHERE id NOT IN (SELECT account_id FROM leads WHERE account_id IS NOT NULL)',
    ).run();
    writeSetting(db, 'sync.pullCursor', null);
    return { from: holder.userId, clearedLeads, keptLocalLeads };
  });
};
