import type { CoreContext } from '../context';
import type { Handlers } from '../handlers';
import { createLeadEdits } from './edits';
import { createPhoneLinks } from './phoneLinks';

type LeadEditHandlers = Pick<
  Handlers,
  | 'leads.dncPhones'
  | 'leads.setPhones'
  | 'leads.setPrimaryPhone'
  | 'leads.setTimeZone'
  | 'leads.setStatus'
  | 'leads.setOwner'
>;

export const createLeadEditHandlers = (context: CoreContext): LeadEditHandlers => {
  const edits = createLeadEdits(context);
  return {
    'leads.dncPhones': ({ leadId }) => edits.dncPhones(leadId),
    'leads.setPhones': ({ leadId, phones }) => edits.setPhones(leadId, phones),
    'leads.setPrimaryPhone': ({ leadId, e164, ext }) => edits.setPrimaryPhone(leadId, e164, ext ?? null),
    'leads.setTimeZone': ({ leadId, timeZone }) => edits.setTimeZone(leadId, timeZone),
    'leads.setStatus': ({ leadId, status, reason }) => edits.setStatus(leadId, status, reason),
    'leads.setOwner': ({ leadId, owner }) => edits.setOwner(leadId, owner),
  };
};

/** `links.resolvePhone` and `leads.create` (leads/phoneLinks.ts). */
export const createPhoneLinkHandlers = (
  context: CoreContext,
): Pick<Handlers, 'links.resolvePhone' | 'leads.create'> => {
  const links = createPhoneLinks(context);
  return {
    'links.resolvePhone': ({ url }) => links.resolve(url),
    'leads.create': (input) => links.create(input),
  };
};
