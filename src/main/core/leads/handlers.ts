import type { CoreContext } from '../context';
import type { Handlers } from '../handlers';

type LeadsHandlers = Pick<
  Handlers,
  | 'leads.list'
  | 'leads.listFull'
  | 'leads.page'
  | 'leads.index'
  | 'leads.summaries'
  | 'leads.get'
  | 'leads.setResearch'
  | 'leads.removeDemo'
>;

export const createLeadsHandlers = ({ leads, events }: CoreContext): LeadsHandlers => ({
  'leads.list': (query) => leads.list(query),
  'leads.listFull': (query) => leads.listFull(query),
  'leads.page': (query) => leads.page(query),
  'leads.index': () => leads.index(),
  'leads.summaries': ({ ids }) => leads.summaries(ids),
  'leads.get': ({ id }) => leads.detail(id),
  'leads.setResearch': ({ leadId, body }) => {
    const note = leads.setResearch(leadId, body);
    events.emit('leads:changed', { ids: [leadId] });
    return note;
  },
  'leads.removeDemo': () => {
    const removed = leads.removeDemo();
    events.emit('leads:changed', {});
    return { removed };
  },
});
