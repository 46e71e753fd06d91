import type { CoreContext } from '../context';
import type { Handlers } from '../handlers';
import { createEmailTemplateStore } from './store';

type EmailTemplatesHandlers = Pick<
  Handlers,
  'emailTemplates.list' | 'emailTemplates.save' | 'emailTemplates.delete'
>;

/** Team and personal email templates for email steps; the built-in ones are listed read-only. */
export const createEmailTemplatesHandlers = ({
  db,
  outbox,
  now,
  events,
}: CoreContext): EmailTemplatesHandlers => {
  const templates = createEmailTemplateStore(db, outbox, now);
  return {
    'emailTemplates.list': () => templates.list(),
    'emailTemplates.save': ({ template }) => {
      const saved = templates.save(template);
      events.emit('emailTemplates:changed', {});
      return saved;
    },
    'emailTemplates.delete': ({ id }) => {
      templates.remove(id);
      events.emit('emailTemplates:changed', {});
      return { id };
    },
  };
};
