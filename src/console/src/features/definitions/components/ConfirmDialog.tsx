import { Button } from '@renderer/ui/Button';
import { Dialog } from '@renderer/ui/Dialog';
import { useTranslation } from 'react-i18next';
import { useSubmit } from '../../../app/useSubmit';

type ConfirmDialogProps = {
  /** null: closed. */
  open: boolean;
  title: string;
  body: string;
  action: string;
  onConfirm: () => Promise<void>;
  onClose: () => void;
};

/** Asks before a deletion or removal; the action's failure shows inside the dialog. */
export const ConfirmDialog = ({ open, title, body, action, onConfirm, onClose }: ConfirmDialogProps) => {
  const { t } = useTranslation();
  const { busy, error, submit } = useSubmit();
  const handleConfirm = () =>
    submit(async () => {
      await onConfirm();
      onClose();
    });
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => (next ? undefined : onClose())}
      title={title}
      description={body}
      size="s"
      testId="defs-confirm"
      footer={
        <>
          <Button variant="ghost" onClick={onClose}>
            {t('console.definitions.cancel')}
          </Button>
          <Button
            variant="danger"
            onClick={() => void handleConfirm()}
            disabled={busy}
            data-testid="defs-confirm-action"
          >
            {action}
          </Button>
        </>
      }
    >
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
    </Dialog>
  );
};
