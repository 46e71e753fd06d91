import { BUILTIN_EMAIL_TEMPLATE_IDS } from '@shared/tasks/emailTemplates';
import { buildMailto, isMailtoTooLong } from '@shared/tasks/mailto';
import type { CoreContext } from '../context';
import { createEmailTemplateStore } from '../emailTemplates/store';
import { AppError } from '../errors';
import type { Handlers } from '../handlers';
import { assertContactable } from '../outcomes/guards';
import { createResearchFactsStore } from '../scripts/research-facts';
import { readSettings } from '../settings/repo';
import { renderEmailFor } from './email';

type TaskEmailHandlers = Pick<Handlers, 'tasks.renderEmail'>;

/** The email step's filled template and `mailto:` URL (reads only; marking it done is `tasks.complete`). */
export const createTaskEmailHandlers = ({
  db,
  outbox,
  now,
  leads,
  dialing,
}: CoreContext): TaskEmailHandlers => {
  const facts = createResearchFactsStore(db, outbox, now);
  const templates = createEmailTemplateStore(db, outbox, now);
  const { svc } = dialing;
  return {
    'tasks.renderEmail': ({ taskId, templateId }) => {
      const task = svc.tasks.byId(taskId);
      if (!task) {
        throw new AppError(
          'not_found',
          `No task has the id ${taskId}. List due tasks with \`dialdeck tasks\`.`,
        );
      }
      if (task.kind !== 'email') {
        throw new AppError(
          'invalid_input',
          `Task ${taskId} is a ${task.kind} step, not an email; only email steps have an email to render.`,
        );
      }
      assertContactable(svc, svc.leads.mustFacts(task.lead_id));
      if (task.state !== 'open' && task.state !== 'paused') {
        throw new AppError('conflict', `That email step is ${task.state} already; refresh the task list.`);
      }
      const lead = leads.getLead(task.lead_id);
      const settings = readSettings(db);
      // The rep's pick, else the step's template (unless deleted since), else the built-in one.
      const stepTemplate = templates.forTask(taskId);
      const template =
        templateId !== undefined
          ? templates.get(templateId)
          : ((stepTemplate === null ? undefined : templates.find(stepTemplate)) ??
            templates.get(BUILTIN_EMAIL_TEMPLATE_IDS[settings.locale]));
      const email = renderEmailFor({
        lead,
        research: facts.get(lead.id),
        rep: { repName: settings.repName, repPhone: settings.repPhone },
        language: template.language,
        template,
      });
      const to = lead.email?.trim() ? lead.email.trim() : null;
      const mailto = to === null ? null : buildMailto({ to, subject: email.subject, body: email.body });
      return {
        taskId,
        leadId: lead.id,
        templateId: template.id,
        to,
        subject: email.subject,
        body: email.body,
        mailto,
        mailtoTooLong: mailto !== null && isMailtoTooLong(mailto),
        missing: email.missing,
        language: email.language,
      };
    },
  };
};
