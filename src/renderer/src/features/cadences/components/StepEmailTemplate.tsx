import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useEmailTemplatesStore } from '../../emailTemplates/state/emailTemplatesStore';
import { templateName } from '../../emailTemplates/utils/templateDraft';

/**
 * The email template an email step sends: one of the team's or the rep's, a built-in one, or none
 * (the built-in one of the rep's language when the step falls due).
 */
export const StepEmailTemplate = ({
  value,
  onChange,
}: {
  value: string | undefined;
  onChange: (id: string | undefined) => void;
}) => {
  const { t } = useTranslation();
  const templates = useEmailTemplatesStore((s) => s.templates);
  const load = useEmailTemplatesStore((s) => s.load);
  useEffect(() => void load(), [load]);
  return (
    <label className="cadence-inline">
      <span className="field__label">{t('cadences.emailTemplate')}</span>
      <select
        className="input"
        value={value ?? ''}
        onChange={(event) => onChange(event.target.value === '' ? undefined : event.target.value)}
        data-testid="cadence-step-email-template"
      >
        <option value="">{t('cadences.emailTemplateDefault')}</option>
        {templates.map((template) => (
          <option key={template.id} value={template.id}>
            {templateName(template, t)}
          </option>
        ))}
      </select>
    </label>
  );
};
