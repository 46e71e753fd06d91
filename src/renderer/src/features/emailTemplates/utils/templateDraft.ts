import type { EmailTemplate, EmailTemplateDefinition } from '@shared/domain/emailTemplate';
import type { TFunction } from 'i18next';

/** The name a template shows: a built-in one's translated name, else the name the team gave it. */
export const templateName = (template: EmailTemplate, t: TFunction): string =>
  template.builtin
    ? t('emailTemplates.builtinName', { language: t(`scripts.languages.${template.language}`) })
    : template.name;

/**
 * What the editor starts from: a stored template as it is, a built-in one as a personal copy (no id,
 * so saving creates a new template and the built-in one stays as shipped).
 */
export const draftOf = (template: EmailTemplate, t: TFunction): EmailTemplateDefinition =>
  template.builtin
    ? {
        scope: 'personal',
        name: t('emailTemplates.copyName', { name: templateName(template, t) }),
        language: template.language,
        subject: template.subject,
        body: template.body,
      }
    : {
        id: template.id,
        scope: template.scope,
        name: template.name,
        language: template.language,
        subject: template.subject,
        body: template.body,
      };
