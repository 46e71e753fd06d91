import type { PullResponse } from '@shared/sync/pull';
import { PulledChange } from '@shared/sync/pull';
import { leadWriterFor } from '../../leads/writer';
import type { Db } from '../../store/db';
import type { Outbox } from '../outbox';
import { createPulledHistory } from './activities';
import { applyPulledHandoff } from './handoffs';
import { fieldsToKeep, pendingFieldStamps } from './pending';

/** What applying a page did: changes applied, and the leads whose rows changed (for change events). */
export type AppliedPage = { applied: number; skipped: number; leadIds: string[] };

/** An outbox that refuses to record: pulled writes must never produce outbox rows (no echo). */
export const noOutbox: Outbox = {
  record: (name) => {
    throw new Error(`A pulled change tried to record "${name}" in the outbox`);
  },
  inBatch: (_batchId, fn) => fn(),
};

/**
 * Applies one pull page to the store, inside the caller's write transaction, dispatching on each
 * change's `kind` (another kind is one more case here):
 * - `lead`: written through the lead writer (`putPulled`) with the server's owner, each field the
 *   server's unless a local edit of it still waits in the outbox with a newer HLC;
 * - `lead.unassigned`: the lead leaves this store (`removePulled`);
 * - `account`: the account under the server's id, unless the store has it or one of that name;
 * - `activity`, `activity.void`: the history of leads this store holds;
 * - `handoff`: the AE's decision on a hand-off (`applyPulledHandoff`: the lead's status and history).
 * A kind this desktop does not know (a newer server) is skipped. Nothing reaches the outbox.
 */
export const applyPulledPage = (db: Db, changes: PullResponse['changes'], at: number): AppliedPage => {
  const writer = leadWriterFor(db, noOutbox);
  const history = createPulledHistory(db);
  const pending = pendingFieldStamps(db);
  const leadIds = new Set<string>();
  let applied = 0;
  let skipped = 0;
  for (const raw of changes) {
    const parsed = PulledChange.safeParse(raw);
    if (!parsed.success) {
      skipped++;
      continue;
    }
    const change = parsed.data;
    switch (change.kind) {
      case 'lead': {
        const { fieldHlcs, ...lead } = change.data;
        writer.putPulled(lead, fieldsToKeep(pending, lead.id, fieldHlcs), at);
        leadIds.add(lead.id);
        break;
      }
      case 'lead.unassigned':
        if (writer.removePulled(change.data.id)) leadIds.add(change.data.id);
        break;
      case 'account':
        writer.putPulledAccount(change.data);
        break;
      case 'activity':
        if (history.activity(change.data, at)) leadIds.add(change.data.leadId);
        break;
      case 'activity.void':
        if (history.void(change.data)) leadIds.add(change.data.leadId);
        break;
      case 'handoff':
        if (applyPulledHandoff(db, change.data) === 'applied') leadIds.add(change.data.leadId);
        break;
    }
    applied++;
  }
  return { applied, skipped, leadIds: [...leadIds] };
};
