import {
  EMAIL_BODY_MAX,
  EMAIL_SUBJECT_MAX,
  type EmailTemplate,
  type EmailTemplateDefinition,
} from '@shared/domain/emailTemplate';
import { SCRIPT_LANGUAGES, type ScriptLanguage, type ScriptScope } from '@shared/domain/script';
import { SCRIPT_VARIABLES, templateProblems } from '@shared/scripts/variables';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../api/client';
import { Button } from '../../../ui/Button';
import { Select } from '../../../ui/Select';
import { useEmailTemplatesStore } from '../state/emailTemplatesStore';
import '../../scripts/components/scripts.css';
import './emailTemplates.css';

const SCOPES: readonly ScriptScope[] = ['team', 'personal'];

type EmailTemplateFormProps = {
  initial: EmailTemplateDefinition;
  onSaved: (template: EmailTemplate) => void;
  onCancel: () => void;
};

/**
 * The form for one email template: name, scope, language, subject and body, with the variables it may
 * use. A placeholder Dialdeck cannot fill is named under the form as it is typed, before saving.
 */
export const EmailTemplateForm = ({ initial, onSaved, onCancel }: EmailTemplateFormProps) => {
  const { t } = useTranslation();
  const save = useEmailTemplatesStore((s) => s.save);
  const [draft, setDraft] = useState<EmailTemplateDefinition>(initial);
  // The refusal itself, worded at render so a language switch words it again.
  const [error, setError] = useState<unknown>(null);
  const set = (patch: Partial<EmailTemplateDefinition>) => {
    // A refusal is about the text as it was; once edited, the live check below speaks for it.
    setError(null);
    setDraft((d) => ({ ...d, ...patch }));
  };
  const problems = [...new Set([...templateProblems(draft.subject), ...templateProblems(draft.body)])];

  const handleSave = async () => {
    try {
      setError(null);
      onSaved(await save(draft));
    } catch (e) {
      setError(e);
    }
  };

  return (
    <div className="script-editor__form" data-testid="email-template-form">
      <div className="script-editor__row">
        <label className="field">
          <span className="field__label">{t('emailTemplates.name')}</span>
          <input
            className="input"
            value={draft.name}
            maxLength={120}
            onChange={(e) => set({ name: e.target.value })}
            data-testid="email-template-name"
          />
        </label>
        <div className="field">
          <span className="field__label">{t('emailTemplates.scope')}</span>
          <Select<ScriptScope>
            label={t('emailTemplates.scope')}
            size="s"
            value={draft.scope}
            onValueChange={(scope) => set({ scope })}
            items={SCOPES.map((s) => ({ value: s, label: t(`scripts.scopes.${s}`) }))}
          />
        </div>
        <div className="field">
          <span className="field__label">{t('emailTemplates.language')}</span>
          <Select<ScriptLanguage>
            label={t('emailTemplates.language')}
            size="s"
            value={draft.language}
            onValueChange={(language) => set({ language })}
            items={SCRIPT_LANGUAGES.map((l) => ({ value: l, label: t(`scripts.languages.${l}`) }))}
          />
        </div>
      </div>
      <label className="field">
        <span className="field__label">{t('emailTemplates.subject')}</span>
        <input
          className="input"
          value={draft.subject}
          maxLength={EMAIL_SUBJECT_MAX}
          onChange={(e) => set({ subject: e.target.value })}
          data-testid="email-template-subject"
        />
      </label>
      <label className="field">
        <span className="field__label">{t('emailTemplates.body')}</span>
        <textarea
          className="input script-editor__body email-template__body"
          value={draft.body}
          maxLength={EMAIL_BODY_MAX}
          rows={8}
          onChange={(e) => set({ body: e.target.value })}
          data-testid="email-template-body"
        />
        <span className="field__hint">
          {t('emailTemplates.variables', { list: SCRIPT_VARIABLES.map((v) => `{{${v}}}`).join(' ') })}
        </span>
      </label>
      {problems.length > 0 ? (
        <p className="form-warning" role="status" data-testid="email-template-problems">
          {t('emailTemplates.problems', {
            problems: problems.join(', '),
            interpolation: { escapeValue: false },
          })}
        </p>
      ) : null}
      {error !== null ? (
        <p className="form-error" role="alert" data-testid="email-template-error">
          {t('emailTemplates.saveFailed', { message: errorMessage(error) })}
        </p>
      ) : null}
      <div className="script-editor__actions">
        <Button
          variant="primary"
          size="s"
          onClick={() => void handleSave()}
          data-testid="email-template-save"
        >
          {t('emailTemplates.save')}
        </Button>
        <Button variant="ghost" size="s" onClick={onCancel}>
          {t('emailTemplates.cancel')}
        </Button>
      </div>
    </div>
  );
};
