import type { ScriptLanguage } from '@shared/domain/script';
import {
  renderTemplate,
  type ScriptSources,
  type ScriptVariable,
  scriptValues,
} from '@shared/scripts/variables';
import { BUILTIN_EMAIL_TEMPLATES, type EmailTemplate } from '@shared/tasks/emailTemplates';

export type FilledEmail = {
  subject: string;
  body: string;
  /** Variables with no value in subject or body, each once, subject's first. */
  missing: ScriptVariable[];
  language: ScriptLanguage;
};

/**
 * Fills an email template for a lead (the built-in follow-up email of `language` when `template` is
 * not given): `[name]` stands where a value is missing, never `{{name}}`.
 */
export const renderEmailFor = (
  sources: ScriptSources & { language: ScriptLanguage; template?: EmailTemplate },
): FilledEmail => {
  const template = sources.template ?? BUILTIN_EMAIL_TEMPLATES[sources.language];
  const values = scriptValues(sources);
  const subject = renderTemplate(template.subject, values);
  const body = renderTemplate(template.body, values);
  const missing = [...subject.missing];
  for (const name of body.missing) if (!missing.includes(name)) missing.push(name);
  // A subject is one line: a value with a line break in it would start the body early.
  return {
    subject: subject.text.replace(/\s*[\r\n]+\s*/g, ' '),
    body: body.text,
    missing,
    language: template.language,
  };
};
