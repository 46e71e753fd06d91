import type { CoreContext } from '../index';
import { readSetting } from '../settings/repo';

/**
 * Older versions put an import's leads on the call queue after its transaction, in batches, and kept
 * this marker until they were done. An import now enrolls its leads inside its own transaction, so the
 * marker is only ever read: a store left with one by a crash is finished when it is opened.
 */
const LEGACY_UNQUEUED_KEY = 'imports.unqueued';

type Unqueued = { importId: string; merged: string[] };

/**
 * Puts the leads of imports an older version left half-queued on their cadence and refreshes the leads
 * those imports merged into, then drops the marker, all in one transaction.
 */
export const finishLegacyQueueing = ({ db, dialing, now, events }: CoreContext): void => {
  const value = readSetting(db, LEGACY_UNQUEUED_KEY);
  if (value === undefined) return;
  const pending = Array.isArray(value) ? (value as Unqueued[]) : [];
  const createdBy = db
    .prepare<[string], string>('SELECT id FROM leads WHERE import_id = ? ORDER BY created_at, id')
    .pluck();
  db.transaction(() => {
    const at = now();
    for (const entry of pending) {
      dialing.engine.enrollNewLeads(createdBy.all(entry.importId), at);
      dialing.maintenance.refreshLeads(Array.isArray(entry.merged) ? entry.merged : [], at);
    }
    db.prepare('DELETE FROM settings WHERE key = ?').run(LEGACY_UNQUEUED_KEY);
  })();
  if (pending.length > 0) events.emit('queue:changed', { reason: 'enrollment' });
};
