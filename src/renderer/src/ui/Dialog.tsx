import * as RadixDialog from '@radix-ui/react-dialog';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CloseIcon } from './icons';

type DialogProps = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: ReactNode;
  description?: ReactNode;
  size?: 's' | 'm' | 'l';
  footer?: ReactNode;
  children?: ReactNode;
  /** Keeps the dialog open on Escape or an outside click (e.g. while an import runs). */
  modalLocked?: boolean;
  testId?: string;
};

export const Dialog = ({
  open,
  onOpenChange,
  title,
  description,
  size = 'm',
  footer,
  children,
  modalLocked = false,
  testId,
}: DialogProps) => {
  const { t } = useTranslation();
  const handleBlockedDismiss = (event: Event) => {
    if (modalLocked) event.preventDefault();
  };
  return (
    <RadixDialog.Root open={open} onOpenChange={onOpenChange}>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="dialog-overlay" />
        <RadixDialog.Content
          className={`dialog dialog--${size}`}
          data-testid={testId}
          onEscapeKeyDown={handleBlockedDismiss}
          onPointerDownOutside={handleBlockedDismiss}
          {...(description ? {} : { 'aria-describedby': undefined })}
        >
          <header className="dialog__header">
            <div>
              <RadixDialog.Title className="dialog__title">{title}</RadixDialog.Title>
              {description ? (
                <RadixDialog.Description className="dialog__description">
                  {description}
                </RadixDialog.Description>
              ) : null}
            </div>
            {modalLocked ? null : (
              <RadixDialog.Close
                className="icon-btn"
                aria-label={t('import.close')}
                title={t('import.close')}
              >
                <CloseIcon />
              </RadixDialog.Close>
            )}
          </header>
          <div className="dialog__body">{children}</div>
          {footer ? <footer className="dialog__footer">{footer}</footer> : null}
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
};
