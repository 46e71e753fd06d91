import type { TodoEntry } from '@shared/api/queue';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../api/client';
import { builtinText } from '../../../i18n/builtinText';
import { Button } from '../../../ui/Button';
import { Dialog } from '../../../ui/Dialog';
import { showToast } from '../../../ui/toastStore';
import { useTasksStore } from '../state/tasksStore';

/** Skips a step with an optional reason, kept as the skip's note (`tasks.complete` with `skipped`). */
export const SkipDialog = ({ entry }: { entry: TodoEntry }) => {
  const { t } = useTranslation();
  const openDialog = useTasksStore((s) => s.openDialog);
  const complete = useTasksStore((s) => s.complete);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await complete(entry.task.id, 'skipped', reason.trim() === '' ? undefined : reason.trim());
      showToast('success', t('tasks.skippedToast'));
    } catch (failure) {
      setError(errorMessage(failure));
    }
  };
  return (
    <Dialog
      open
      onOpenChange={(open) => (open ? undefined : openDialog(null))}
      title={t('tasks.skip.title')}
      description={t('tasks.skip.description', {
        step: builtinText(entry.task.title),
        name: entry.lead.name,
      })}
      size="s"
      testId="skip-dialog"
    >
      <form onSubmit={(event) => void handleSubmit(event)} className="tasks__form">
        <label className="field">
          <span className="field__label">{t('tasks.skip.reason')}</span>
          <input
            className="input"
            value={reason}
            maxLength={500}
            onChange={(event) => setReason(event.target.value)}
            placeholder={t('tasks.skip.reasonPlaceholder')}
            autoFocus
            data-testid="skip-reason"
          />
        </label>
        {error ? (
          <p className="form-error" role="alert">
            {error}
          </p>
        ) : null}
        <div className="dialog__actions">
          <Button onClick={() => openDialog(null)}>{t('tasks.cancel')}</Button>
          <Button type="submit" variant="primary" data-testid="skip-confirm">
            {t('tasks.skip.confirm')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
};
