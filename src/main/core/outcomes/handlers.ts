import type { DialingContext } from '../context';
import type { Handlers } from '../handlers';
import { createHistory } from './history';
import { createOutcomeVoider } from './void';

type OutcomesHandlers = Pick<
  Handlers,
  'outcomes.list' | 'outcomes.update' | 'outcomes.create' | 'outcomes.log' | 'outcomes.void' | 'history.list'
>;

export const createOutcomesHandlers = ({ dialing, events, now }: DialingContext): OutcomesHandlers => {
  const { svc, logger } = dialing;
  const voider = createOutcomeVoider(svc);
  const history = createHistory(svc.db);
  return {
    'outcomes.list': () => svc.outcomes.list(),
    'outcomes.update': ({ id, patch }) => svc.outcomes.update(id, patch),
    'outcomes.create': (input) => svc.outcomes.create(input),
    'outcomes.log': async ({ at = now(), ...input }) => {
      // An outcome logged while an import writes waits for the lock without stalling the host.
      const logged = await logger.logWhenFree({ ...input, at });
      dialing.checkpoint.wrote();
      events.emit('queue:changed', { leadIds: [input.leadId], reason: 'outcome' });
      if (logged.status !== logged.statusBefore) events.emit('leads:changed', { ids: [input.leadId] });
      return logged;
    },
    'outcomes.void': ({ activityId, reason, kind = 'void', at = now() }) => {
      const voided = voider.void({ activityId, reason, kind, at });
      events.emit('queue:changed', { leadIds: [voided.leadId], reason: 'outcome' });
      if (voided.status !== voided.statusBefore) events.emit('leads:changed', { ids: [voided.leadId] });
      return voided;
    },
    'history.list': ({ leadId, limit = 200 }) => {
      svc.leads.mustFacts(leadId);
      return { leadId, activities: history(leadId, limit) };
    },
  };
};
