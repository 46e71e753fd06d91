import { useTranslation } from 'react-i18next';

/** An email template an email step may send, as the picker lists it (`name` already in the UI language). */
export type EmailTemplateChoice = { id: string; name: string };

type EmailTemplatePickerProps = {
  /** The chosen template's id, or undefined for the built-in one of the rep's language. */
  value: string | undefined;
  templates: readonly EmailTemplateChoice[];
  onChange: (id: string | undefined) => void;
};

/**
 * The email template an email step sends: one of `templates`, or none (the built-in one of the rep's
 * language when the step falls due).
 */
export const EmailTemplatePicker = ({ value, templates, onChange }: EmailTemplatePickerProps) => {
  const { t } = useTranslation();
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
            {template.name}
          </option>
        ))}
      </select>
    </label>
  );
};
