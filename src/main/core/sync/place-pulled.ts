import type { ArrivedLead } from '@shared/api/notices';
import type { CoreContext } from '../context';
import { takeReroutedHandoffs } from '../qualification/handoff-route';
import { writeNow } from '../store/write-lock';

/**
 * After a pull page is committed: the signed-in rep's newly arrived leads go on their cadence (so they
 * reach the calling queue), every pulled lead still here has its queue position brought in line, and
 * the open windows hear of them (`leads:changed`, `queue:changed`). A lead that left this store
 * (reassigned) is skipped. `userId` is the signed-in user's server id.
 *
 * Inbound leads that this placement put on a cadence for the first time (assigned to the rep, never
 * enrolled here before, enrolled now) are announced with `leads:arrived`, once: a later pull of the same
 * lead finds it enrolled. Outbound leads (a list the team loaded) are not announced. Hand-offs of these
 * leads that the pull found re-routed to another AE are announced with `handoffs:rerouted`.
 */
export const placePulledLeads = (
  { db, leads, dialing, events }: Pick<CoreContext, 'db' | 'leads' | 'dialing' | 'events'>,
  leadIds: readonly string[],
  userId: string,
): void => {
  const here = leadIds.flatMap((id) => {
    try {
      return [leads.getLead(id)];
    } catch {
      return []; // the lead left this store (reassigned)
    }
  });
  const mine = here.filter((lead) => lead.ownerId === userId);
  const neverEnrolled = mine.filter(
    (lead) => lead.direction === 'inbound' && dialing.svc.leads.enrollmentsOf(lead.id).length === 0,
  );
  if (mine.length > 0) writeNow(db, () => dialing.enrollNewLeads(mine.map((lead) => lead.id)));
  if (here.length > 0) dialing.refreshLeads(here.map((lead) => lead.id));
  if (leadIds.length > 0) {
    events.emit('leads:changed', { ids: [...leadIds] });
    events.emit('queue:changed', { leadIds: [...leadIds], reason: 'external' });
  }
  const arrived: ArrivedLead[] = neverEnrolled
    .filter((lead) => dialing.svc.leads.liveEnrollment(lead.id) !== undefined)
    .map(({ id, name, company, sourceChannel }) => ({ id, name, company, sourceChannel }));
  if (arrived.length > 0) events.emit('leads:arrived', { leads: arrived });
  const rerouted = takeReroutedHandoffs(db, leadIds);
  if (rerouted.length > 0) events.emit('handoffs:rerouted', { handoffs: rerouted });
};
