import { Button } from '@renderer/ui/Button';
import { Dialog } from '@renderer/ui/Dialog';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSubmit } from '../../app/useSubmit';

type RejectDialogProps = {
  leadName: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** Rejects with the reason; a thrown error's text is shown in the dialog. */
  onReject: (reason: string) => Promise<void>;
};

/** Asks why the MQL is turned down: the rep reads the reason when the lead is back in their nurture pool. */
export const RejectDialog = ({ leadName, open, onOpenChange, onReject }: RejectDialogProps) => {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const { busy, error, setError, submit } = useSubmit();

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (reason.trim() === '') {
      setError(t('console.inbox.reasonRequired'));
      return;
    }
    await submit(async () => {
      await onReject(reason.trim());
      setReason('');
      onOpenChange(false);
    });
  };

  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title={t('console.inbox.rejectTitle', { lead: leadName })}
      description={t('console.inbox.rejectHint')}
      size="s"
      testId="reject-dialog"
    >
      <form className="console-form" onSubmit={(event) => void handleSubmit(event)}>
        <label className="field">
          <span className="field__label">{t('console.inbox.reasonLabel')}</span>
          <textarea
            className="input"
            rows={4}
            maxLength={2000}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            placeholder={t('console.inbox.reasonPlaceholder')}
          />
        </label>
        {error ? (
          <p className="form-error" role="alert">
            {error}
          </p>
        ) : null}
        <div className="console-form__actions">
          <Button onClick={() => onOpenChange(false)}>{t('console.cancel')}</Button>
          <Button type="submit" variant="danger" disabled={busy}>
            {t('console.inbox.rejectConfirm')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
};
