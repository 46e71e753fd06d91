import type { DncEntry } from '@shared/domain/queue';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../api/client';
import { Button } from '../../../ui/Button';
import { Dialog } from '../../../ui/Dialog';
import { showToast } from '../../../ui/toastStore';
import { formatPhone } from '../../leads/utils/formatPhone';
import { useDncStore } from '../state/dncStore';

/** Confirms removing one do-not-contact entry; says that leads marked do-not-contact stay so. */
export const DncRemoveDialog = ({ entry, onClose }: { entry: DncEntry; onClose: () => void }) => {
  const { t } = useTranslation();
  const remove = useDncStore((s) => s.remove);
  const [error, setError] = useState<string | null>(null);
  const shown = entry.kind === 'phone' ? formatPhone(entry.value) : entry.value;
  const handleRemove = async () => {
    try {
      await remove(entry.id);
      showToast('success', t('tasks.dnc.removed', { value: shown }));
      onClose();
    } catch (failure) {
      setError(errorMessage(failure));
    }
  };
  return (
    <Dialog
      open
      onOpenChange={(open) => (open ? undefined : onClose())}
      title={t('tasks.dnc.removeTitle')}
      description={t('tasks.dnc.removeBody', { value: shown })}
      size="s"
      testId="dnc-remove-dialog"
      footer={
        <>
          <Button onClick={onClose} autoFocus>
            {t('tasks.cancel')}
          </Button>
          <Button variant="danger" onClick={() => void handleRemove()} data-testid="dnc-remove-confirm">
            {t('tasks.dnc.removeConfirm')}
          </Button>
        </>
      }
    >
      <p className="tasks__note">{t('tasks.dnc.removeStays')}</p>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
    </Dialog>
  );
};
