import type { RenderedEmail, TodoEntry } from '@shared/api/queue';
import type { EmailTemplate, EmailTemplateDefinition } from '@shared/domain/emailTemplate';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, invoke } from '../../../api/client';
import { Button } from '../../../ui/Button';
import { Dialog } from '../../../ui/Dialog';
import { Select } from '../../../ui/Select';
import { showToast } from '../../../ui/toastStore';
import { EmailTemplateForm } from '../../emailTemplates/components/EmailTemplateForm';
import { useEmailTemplatesStore } from '../../emailTemplates/state/emailTemplatesStore';
import { draftOf, templateName } from '../../emailTemplates/utils/templateDraft';
import { useTasksStore } from '../state/tasksStore';
import { openStepUrl } from '../utils/openExternal';
import { MissingText } from './MissingText';

type Phase = 'loading' | 'preview' | 'sentQuestion' | 'error';

/**
 * An email step: the filled email, "Open in mail app" (its `mailto:` URL), then "Sent?". The rep can
 * pick another template or edit this one ("Edit template": a built-in one is duplicated first) and
 * the email is filled again. The step is marked done only when the rep says the email went out:
 * opening the mail client does not send it, and a step marked done on open would hide an email that
 * was never sent.
 */
export const EmailStepDialog = ({ entry }: { entry: TodoEntry }) => {
  const { t } = useTranslation();
  const openDialog = useTasksStore((s) => s.openDialog);
  const complete = useTasksStore((s) => s.complete);
  const [phase, setPhase] = useState<Phase>('loading');
  const [email, setEmail] = useState<RenderedEmail | null>(null);
  const [error, setError] = useState<string | null>(null);
  // undefined: the step's own template (the core decides); else the rep's pick.
  const [templateId, setTemplateId] = useState<string | undefined>(undefined);
  const [editing, setEditing] = useState<EmailTemplateDefinition | null>(null);
  // Bumped after an edit saved under the same id, so the email is filled again.
  const [revision, setRevision] = useState(0);
  const templates = useEmailTemplatesStore((s) => s.templates);
  const templateItems = useMemo(
    () => templates.map((template) => ({ value: template.id, label: templateName(template, t) })),
    [templates, t],
  );
  const loadTemplates = useEmailTemplatesStore((s) => s.load);
  const close = () => openDialog(null);

  // Read once if never read; `emailTemplates:changed` keeps the list current after that, so opening
  // the dialog does not refresh the picker while the rep is already in it.
  useEffect(() => {
    if (useEmailTemplatesStore.getState().status !== 'ready') void loadTemplates();
  }, [loadTemplates]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `revision` asks for a fresh fill after an edit
  useEffect(() => {
    let live = true;
    invoke('tasks.renderEmail', { taskId: entry.task.id, templateId })
      .then((rendered) => {
        if (!live) return;
        setEmail(rendered);
        setPhase('preview');
      })
      .catch((failure: unknown) => {
        if (!live) return;
        setError(errorMessage(failure));
        setPhase('error');
      });
    return () => {
      live = false;
    };
  }, [entry.task.id, templateId, revision]);

  const current = templates.find((template) => template.id === email?.templateId);
  const handleEdit = () => {
    if (current) setEditing(draftOf(current, t));
  };
  const handleSaved = (saved: EmailTemplate) => {
    setEditing(null);
    setTemplateId(saved.id);
    setRevision((r) => r + 1);
  };

  const finish = async (result: 'done' | 'skipped') => {
    try {
      await complete(
        entry.task.id,
        result,
        result === 'skipped' ? t('tasks.email.noAddressNote') : undefined,
      );
      showToast('success', result === 'done' ? t('tasks.doneToast') : t('tasks.skippedToast'));
    } catch (failure) {
      setError(errorMessage(failure));
      setPhase('error');
    }
  };

  const handleOpen = () => {
    if (!email?.mailto || !openStepUrl(email.mailto)) return;
    setPhase('sentQuestion');
  };

  const footer =
    editing !== null ? null : phase === 'preview' && email?.mailto ? (
      <>
        <Button onClick={close}>{t('tasks.cancel')}</Button>
        <Button variant="primary" onClick={handleOpen} autoFocus data-testid="email-open">
          {t('tasks.email.open')}
        </Button>
      </>
    ) : phase === 'preview' && email ? (
      <>
        <Button onClick={close}>{t('tasks.cancel')}</Button>
        <Button variant="primary" onClick={() => void finish('skipped')} autoFocus data-testid="email-skip">
          {t('tasks.email.skipNoAddress')}
        </Button>
      </>
    ) : phase === 'sentQuestion' ? (
      <>
        <Button onClick={close} data-testid="email-not-sent">
          {t('tasks.email.notYet')}
        </Button>
        <Button variant="primary" onClick={() => void finish('done')} autoFocus data-testid="email-sent">
          {t('tasks.email.sent')}
        </Button>
      </>
    ) : (
      <Button onClick={close}>{t('tasks.close')}</Button>
    );

  return (
    <Dialog
      open
      onOpenChange={(open) => (open ? undefined : close())}
      title={
        editing === null
          ? t('tasks.email.title', { name: entry.lead.name })
          : t('tasks.email.editTitle', { name: entry.lead.name })
      }
      size="l"
      footer={footer}
      testId="email-step-dialog"
    >
      {phase === 'loading' ? <p className="tasks__muted">{t('tasks.loading')}</p> : null}
      {phase === 'error' ? (
        <p className="form-error" role="alert" data-testid="email-error">
          {error}
        </p>
      ) : null}
      {editing !== null ? (
        <EmailTemplateForm initial={editing} onSaved={handleSaved} onCancel={() => setEditing(null)} />
      ) : null}
      {email && phase !== 'error' && editing === null ? (
        <div className="email-preview" data-testid="email-preview">
          {phase === 'preview' && templates.length > 0 ? (
            <div className="email-preview__template">
              <span className="field__label">{t('tasks.email.template')}</span>
              <Select<string>
                label={t('tasks.email.template')}
                size="s"
                value={email.templateId}
                onValueChange={setTemplateId}
                items={templateItems}
                testId="email-template-pick"
              />
              <Button
                size="s"
                variant="ghost"
                onClick={handleEdit}
                disabled={!current}
                data-testid="email-edit-template"
              >
                {t('tasks.email.editTemplate')}
              </Button>
            </div>
          ) : null}
          {email.to === null ? (
            <p className="form-warning" data-testid="email-no-address">
              {t('tasks.email.noAddress', { name: entry.lead.name })}
            </p>
          ) : null}
          <dl className="email-preview__head">
            <dt>{t('tasks.email.to')}</dt>
            <dd data-testid="email-to">{email.to ?? '—'}</dd>
            <dt>{t('tasks.email.subject')}</dt>
            <dd data-testid="email-subject">
              <MissingText text={email.subject} missing={email.missing} />
            </dd>
          </dl>
          <p className="email-preview__body" data-testid="email-body">
            <MissingText text={email.body} missing={email.missing} />
          </p>
          {email.missing.length > 0 ? (
            <p className="form-warning" data-testid="email-missing">
              {t('tasks.email.missing', {
                names: email.missing.map((name) => t(`scripts.variables.${name}`)).join(', '),
              })}
            </p>
          ) : null}
          {email.mailtoTooLong ? <p className="form-warning">{t('tasks.email.tooLong')}</p> : null}
          {phase === 'sentQuestion' ? (
            <p className="email-preview__question" role="status" data-testid="email-sent-question">
              {t('tasks.email.sentQuestion')}
            </p>
          ) : null}
        </div>
      ) : null}
    </Dialog>
  );
};
