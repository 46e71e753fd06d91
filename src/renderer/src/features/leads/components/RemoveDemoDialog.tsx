import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, invoke } from '../../../api/client';
import { useDialogStore } from '../../../app/dialogStore';
import { Button } from '../../../ui/Button';
import { Dialog } from '../../../ui/Dialog';
import { TrashIcon } from '../../../ui/icons';
import { showToast } from '../../../ui/toastStore';

export const RemoveDemoDialog = () => {
  const { t } = useTranslation();
  const open = useDialogStore((s) => s.dialog === 'removeDemo');
  const closeDialog = useDialogStore((s) => s.closeDialog);
  const [busy, setBusy] = useState(false);

  const handleRemove = async () => {
    setBusy(true);
    try {
      const { removed } = await invoke('leads.removeDemo', {});
      showToast('success', t('demo.removed', { count: removed }));
      closeDialog();
    } catch (error) {
      showToast('error', t('errors.generic', { message: errorMessage(error) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => (next ? undefined : closeDialog())}
      title={t('demo.confirmTitle')}
      description={t('demo.confirmBody')}
      size="s"
      footer={
        <>
          <Button variant="ghost" onClick={closeDialog}>
            {t('demo.cancel')}
          </Button>
          <Button variant="danger" icon={<TrashIcon />} onClick={handleRemove} disabled={busy}>
            {t('demo.confirm')}
          </Button>
        </>
      }
    />
  );
};
