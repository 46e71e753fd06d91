import type { CoreEvents } from '../../events';
import type { Dialing } from '../../queue/dialing';
import type { DefinitionsChanged } from './definitions';

/** Where pulled team definitions land: the core's cadence engine and queue, and its change events. */
export type DefinitionsTarget = { dialing: Dialing; events: CoreEvents };

/**
 * Tells the open windows what a committed pull page changed among the team's definitions, with the
 * events the same local edits emit: `scripts:changed` for scripts; `queue:changed` with reason
 * `cadence` for cadences, `dnc` for the do-not-contact list (with the leads whose tasks stopped) and
 * `external` for the outcome set, plus `settings:changed` (the outcome set is kept with the settings).
 */
export const announceDefinitions = (events: CoreEvents, changed: DefinitionsChanged): void => {
  const leadIds = changed.leadIds.length > 0 ? { leadIds: changed.leadIds } : {};
  if (changed.scripts) events.emit('scripts:changed', {});
  if (changed.cadences) events.emit('queue:changed', { ...leadIds, reason: 'cadence' });
  if (changed.dnc) events.emit('queue:changed', { ...leadIds, reason: 'dnc' });
  if (changed.outcomes) {
    events.emit('queue:changed', { reason: 'external' });
    events.emit('settings:changed', {});
  }
};
