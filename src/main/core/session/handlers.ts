import type { DialingContext } from '../context';
import type { Handlers } from '../handlers';
import { createSessionRecorder } from './record';
import { createSessionStats } from './stats';

type SessionHandlers = Pick<Handlers, 'session.skip' | 'session.snooze' | 'session.stats'>;

/**
 * The calling session's methods. A skip emits nothing for the queue (its order is unchanged); a snooze
 * emits `queue:changed` for the lead. Errors: `not_found`, `lead_do_not_contact`, `snooze_not_future`.
 */
export const createSessionHandlers = ({ dialing, events, now }: DialingContext): SessionHandlers => {
  const recorder = createSessionRecorder(dialing.svc);
  const stats = createSessionStats(dialing.svc);
  return {
    'session.skip': ({ leadId, reason, note, at = now() }) => {
      const skip = recorder.skip({ leadId, reason, note, at });
      dialing.checkpoint.wrote();
      return skip;
    },
    'session.snooze': ({ leadId, until, reason, note, at = now() }) => {
      const snooze = recorder.snooze({ leadId, until, reason, note, at });
      dialing.checkpoint.wrote();
      events.emit('queue:changed', { leadIds: [leadId], reason: 'task' });
      return snooze;
    },
    'session.stats': ({ at = now() }) => stats(at),
  };
};
