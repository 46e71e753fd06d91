import type { DialingContext } from '../context';
import type { Handlers } from '../handlers';

type OutcomesHandlers = Pick<
  Handlers,
  'outcomes.list' | 'outcomes.update' | 'outcomes.create' | 'outcomes.log'
>;

export const createOutcomesHandlers = ({ dialing, events, now }: DialingContext): OutcomesHandlers => {
  const { svc, logger } = dialing;
  return {
    'outcomes.list': () => svc.outcomes.list(),
    'outcomes.update': ({ id, patch }) => svc.outcomes.update(id, patch),
    'outcomes.create': (input) => svc.outcomes.create(input),
    'outcomes.log': ({ at = now(), ...input }) => {
      const logged = logger.log({ ...input, at });
      dialing.checkpoint.wrote();
      events.emit('queue:changed', { leadIds: [input.leadId], reason: 'outcome' });
      if (logged.status !== logged.statusBefore) events.emit('leads:changed', { ids: [input.leadId] });
      return logged;
    },
  };
};
