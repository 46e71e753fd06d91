import { z } from 'zod';
import { EmailTemplate, EmailTemplateDefinition } from '../domain/emailTemplate';
import { method } from './contract';

const EmailTemplateId = z.string().uuid();

export const emailTemplatesMethods = {
  /**
   * Every email template: the built-in ones first (one per language, read-only), then team ones, then
   * personal ones, each by name.
   */
  'emailTemplates.list': method(z.object({}), z.array(EmailTemplate)),
  /**
   * Creates (no id) or replaces an email template, recorded as `emailTemplate.put`. Raises
   * `script_unknown_variable` (details `{ problems }`) when subject or body uses a name that is not a
   * script variable or leaves braces open, `email_template_builtin` for a built-in id (duplicate it:
   * save without the id), and `not_found` for an id that is not stored.
   */
  'emailTemplates.save': method(z.object({ template: EmailTemplateDefinition }), EmailTemplate),
  /**
   * Removes an email template, recorded as `emailTemplate.delete`; email steps that named it fall back
   * to the default of their language. `email_template_builtin` for a built-in one, `not_found` when
   * there is none.
   */
  'emailTemplates.delete': method(z.object({ id: EmailTemplateId }), z.object({ id: z.string() })),
};
