import type { PullResponse } from '@shared/sync/pull';
import { PulledChange } from '@shared/sync/pull';
import { createCoreEvents } from '../../events';
import { leadWriterFor } from '../../leads/writer';
import { createDialing } from '../../queue/dialing';
import type { Db } from '../../store/db';
import { createOutbox, type Outbox } from '../outbox';
import { createPulledHistory } from './activities';
import { createPulledDefinitions, type DefinitionsChanged, type PulledDefinitions } from './definitions';
import { applyPulledHandoff } from './handoffs';
import { fieldsToKeep, pendingFieldStamps } from './pending';

/**
 * What applying a page did: changes applied, the leads whose rows changed, and which of the team's
 * definitions changed (null when the page held none), for change events.
 */
export type AppliedPage = {
  applied: number;
  skipped: number;
  leadIds: string[];
  definitions: DefinitionsChanged | null;
};

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
 * - `handoff`: the AE's decision on a hand-off (`applyPulledHandoff`: the lead's status and history);
 * - `script`, `cadence`, `outcomeSet`, `dnc`: the team's definitions (`createPulledDefinitions`), on
 *   `definitions` (the core's; a store opened alone gets its own the first time one arrives).
 * A kind this desktop does not know (a newer server) is skipped. Nothing the server sent reaches the
 * outbox.
 */
export const applyPulledPage = (
  db: Db,
  changes: PullResponse['changes'],
  at: number,
  definitions?: PulledDefinitions,
): AppliedPage => {
  const writer = leadWriterFor(db, noOutbox);
  const history = createPulledHistory(db);
  const pending = pendingFieldStamps(db);
  const leadIds = new Set<string>();
  let applied = 0;
  let skipped = 0;
  let teamDefinitions = definitions;
  const definitionsHere = (): PulledDefinitions => {
    teamDefinitions ??= createPulledDefinitions(standaloneDialing(db));
    return teamDefinitions;
  };
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
      case 'script':
      case 'cadence':
      case 'outcomeSet':
      case 'dnc':
        definitionsHere().apply(change, at);
        break;
    }
    applied++;
  }
  return { applied, skipped, leadIds: [...leadIds], definitions: teamDefinitions?.changed ?? null };
};

/**
 * The cadence engine over a store opened without a core (a test's bare store): its queue changes are
 * recorded through an outbox of its own, which stamps after every row already committed.
 */
const standaloneDialing = (db: Db) => {
  const now = Date.now;
  return createDialing({ db, outbox: createOutbox(db, now), now, events: createCoreEvents() });
};
