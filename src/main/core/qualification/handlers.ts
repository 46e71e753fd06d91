import type { CoreContext } from '../context';
import type { Handlers } from '../handlers';
import { createQualificationService } from './service';

type QualificationHandlers = Pick<
  Handlers,
  | 'qualification.get'
  | 'qualification.setBant'
  | 'qualification.setProfileItem'
  | 'qualification.config'
  | 'qualification.setConfig'
  | 'handoffs.create'
>;

/**
 * The qualification methods. A hand-off emits `leads:changed` and `queue:changed` (the lead left the
 * queue); a changed config emits `settings:changed`. Errors: `not_found`, `invalid_input`, and the
 * hand-off refusals `handoff_bant_gate`, `handoff_do_not_contact`, `handoff_already_handed_off`,
 * `handoff_lead_closed`.
 */
export const createQualificationHandlers = (ctx: CoreContext): QualificationHandlers => {
  const service = createQualificationService(ctx);
  const { events, dialing, now } = ctx;
  return {
    'qualification.get': ({ leadId }) => service.get(leadId),
    'qualification.setBant': (input) => service.setBant(input),
    'qualification.setProfileItem': (input) => service.setProfileItem(input),
    'qualification.config': () => service.config(),
    'qualification.setConfig': (patch) => {
      const config = service.setConfig(patch);
      events.emit('settings:changed', {});
      return config;
    },
    'handoffs.create': (input) => {
      const handoff = service.handoff({ ...input, at: now() });
      dialing.checkpoint.wrote();
      events.emit('leads:changed', { ids: [input.leadId] });
      events.emit('queue:changed', { leadIds: [input.leadId], reason: 'leads' });
      return { handoffId: handoff.id, status: 'mql' as const, handoff };
    },
  };
};
