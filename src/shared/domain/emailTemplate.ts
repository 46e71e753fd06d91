import { z } from 'zod';
import { ScriptLanguage, ScriptScope } from './script';

/** The longest email template subject and body, in characters (a `mailto:` URL holds far less). */
export const EMAIL_SUBJECT_MAX = 200;
export const EMAIL_BODY_MAX = 8000;

/**
 * An email template as written in the editor: `{{variable}}` placeholders (see `SCRIPT_VARIABLES`) in
 * subject and body. `team` ones are the manager's, `personal` ones the rep's own.
 */
export const EmailTemplateDefinition = z.object({
  /** Kept when a template is edited; a new one (or a duplicate of a built-in one) has none. */
  id: z.string().uuid().optional(),
  scope: ScriptScope,
  name: z.string().trim().min(1, 'an email template needs a name').max(120),
  language: ScriptLanguage,
  subject: z.string().trim().min(1, 'an email needs a subject').max(EMAIL_SUBJECT_MAX),
  body: z.string().trim().min(1, 'an email needs some text').max(EMAIL_BODY_MAX),
});
export type EmailTemplateDefinition = z.infer<typeof EmailTemplateDefinition>;

/**
 * A template as listed. Built-in ones (`builtin: true`, one per language, scope `team`) are read-only:
 * the editor duplicates them to edit. Times are UTC epoch ms (0 for built-in ones).
 */
export const EmailTemplate = z.object({
  id: z.string().uuid(),
  scope: ScriptScope,
  name: z.string(),
  language: ScriptLanguage,
  subject: z.string(),
  body: z.string(),
  builtin: z.boolean(),
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
});
export type EmailTemplate = z.infer<typeof EmailTemplate>;
