import type { EmailTemplate, EmailTemplateDefinition } from '@shared/domain/emailTemplate';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../api/client';
import { currentLocale } from '../../../i18n';
import { Button } from '../../../ui/Button';
import { showToast } from '../../../ui/toastStore';
import { useEmailTemplatesStore } from '../state/emailTemplatesStore';
import { draftOf, templateName } from '../utils/templateDraft';
import { EmailTemplateForm } from './EmailTemplateForm';

const blank = (): EmailTemplateDefinition => ({
  scope: 'personal',
  name: '',
  language: currentLocale(),
  subject: '',
  body: '',
});

/**
 * Settings › Email templates: the built-in follow-up emails (read-only, "Duplicate to edit"), then the
 * team's and the rep's own, each editable or removable, and a new one.
 */
export const EmailTemplatesSettings = () => {
  const { t } = useTranslation();
  const templates = useEmailTemplatesStore((s) => s.templates);
  const load = useEmailTemplatesStore((s) => s.load);
  const remove = useEmailTemplatesStore((s) => s.remove);
  const [editing, setEditing] = useState<EmailTemplateDefinition | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => void load(), [load]);

  const handleRemove = async (id: string) => {
    try {
      setError(null);
      await remove(id);
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  const handleSaved = () => {
    setEditing(null);
    showToast('success', t('emailTemplates.saved'));
  };

  const row = (template: EmailTemplate) => (
    <li key={template.id} className="script-editor__item" data-testid="email-template-item">
      <div className="script-editor__meta">
        <span className="script-editor__name">{templateName(template, t)}</span>
        <span className="muted">
          {t(`scripts.scopes.${template.scope}`)} · {t(`scripts.languages.${template.language}`)}
          {template.builtin ? ` · ${t('emailTemplates.builtin')}` : ''}
        </span>
        <span className="muted">{template.subject}</span>
      </div>
      <div className="script-editor__item-actions">
        {template.builtin ? (
          <Button size="s" variant="ghost" onClick={() => setEditing(draftOf(template, t))}>
            {t('emailTemplates.duplicate')}
          </Button>
        ) : (
          <>
            <Button size="s" variant="ghost" onClick={() => setEditing(draftOf(template, t))}>
              {t('emailTemplates.edit')}
            </Button>
            <Button size="s" variant="ghost" onClick={() => void handleRemove(template.id)}>
              {t('emailTemplates.delete')}
            </Button>
          </>
        )}
      </div>
    </li>
  );

  const own = templates.filter((template) => !template.builtin);
  return (
    <div className="script-editor" data-testid="email-templates-settings">
      <div className="script-editor__head">
        <h3 className="section-title">{t('emailTemplates.title')}</h3>
        <Button size="s" onClick={() => setEditing(blank())} data-testid="email-template-add">
          {t('emailTemplates.add')}
        </Button>
      </div>
      {editing ? (
        <EmailTemplateForm
          key={editing.id ?? `new-${editing.name}`}
          initial={editing}
          onSaved={handleSaved}
          onCancel={() => setEditing(null)}
        />
      ) : null}
      {error ? <p className="form-error">{error}</p> : null}
      <p className="field__hint">{t('emailTemplates.builtinHint')}</p>
      <ul className="script-editor__list">
        {templates.filter((template) => template.builtin).map(row)}
        {own.map(row)}
      </ul>
      {own.length === 0 ? <p className="muted">{t('emailTemplates.empty')}</p> : null}
    </div>
  );
};
