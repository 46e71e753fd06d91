import type { HistoryEntry } from '@shared/api/history';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, invoke } from '../../../api/client';
import { formatDateTime } from '../../../i18n/format';
import { Button } from '../../../ui/Button';
import { Dialog } from '../../../ui/Dialog';
import { showToast } from '../../../ui/toastStore';
import { useCallStore } from '../state/callStore';
import { useOutcomeStore } from '../state/outcomeStore';

/** The outcome to void: a history entry, or the call just logged before the history has read it back. */
export type VoidTarget = Pick<HistoryEntry, 'id' | 'leadId' | 'occurredAt'>;

type VoidOutcomeDialogProps = {
  entry: VoidTarget | null;
  label: string;
  onClose: () => void;
};

/** Asks why an outcome is void, then voids it: the history keeps it, struck through with the reason. */
export const VoidOutcomeDialog = ({ entry, label, onClose }: VoidOutcomeDialogProps) => {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const handleClose = () => {
    setReason('');
    setError(null);
    onClose();
  };

  const handleVoid = async () => {
    if (!entry) return;
    setBusy(true);
    setError(null);
    try {
      await invoke('outcomes.void', { activityId: entry.id, reason: reason.trim() || undefined });
      useOutcomeStore.getState().forget(entry.leadId, entry.id);
      const calls = useCallStore.getState();
      if (calls.undoable?.activityId === entry.id) calls.setUndoable(null);
      calls.forgetLogged(entry.id);
      void calls.loadHistory(entry.leadId);
      void calls.loadDialState(entry.leadId);
      showToast('success', t('history.voided', { outcome: label }));
      handleClose();
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      open={entry !== null}
      onOpenChange={(open) => (open ? undefined : handleClose())}
      title={t('history.voidTitle')}
      description={
        entry ? t('history.voidDescription', { outcome: label, when: formatDateTime(entry.occurredAt) }) : ''
      }
      size="s"
      testId="void-dialog"
      footer={
        <>
          <Button variant="ghost" onClick={handleClose}>
            {t('outcomes.cancel')}
          </Button>
          <Button
            variant="danger"
            onClick={() => void handleVoid()}
            disabled={busy}
            data-testid="void-confirm"
          >
            {t('history.voidConfirm')}
          </Button>
        </>
      }
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void handleVoid();
        }}
      >
        <label className="field">
          <span className="field__label">{t('history.voidReason')}</span>
          <input
            className="input"
            type="text"
            value={reason}
            maxLength={500}
            placeholder={t('history.voidReasonPlaceholder')}
            onChange={(event) => setReason(event.target.value)}
            data-testid="void-reason"
          />
        </label>
        <p className="muted void-dialog__hint">{t('history.voidHint')}</p>
        {error ? <p className="form-error">{error}</p> : null}
      </form>
    </Dialog>
  );
};
