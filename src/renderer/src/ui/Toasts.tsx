import { useTranslation } from 'react-i18next';
import { CloseIcon } from './icons';
import { Kbd } from './Kbd';
import { useToastStore } from './toastStore';

/** Short confirmations and errors, announced to screen readers. */
export const Toasts = () => {
  const { t } = useTranslation();
  const toasts = useToastStore((state) => state.toasts);
  const dismiss = useToastStore((state) => state.dismiss);
  return (
    <section className="toasts" aria-live="polite" aria-relevant="additions">
      {toasts.map((toast) => (
        <div
          key={toast.id}
          className={`toast toast--${toast.tone}`}
          role={toast.tone === 'error' ? 'alert' : 'status'}
          data-testid={toast.testId}
        >
          <span>{toast.message}</span>
          {toast.action ? (
            <button
              type="button"
              className="toast__action"
              onClick={() => {
                toast.action?.run();
                dismiss(toast.id);
              }}
            >
              {toast.action.label}
              {toast.action.shortcut ? <Kbd>{toast.action.shortcut}</Kbd> : null}
            </button>
          ) : null}
          <button
            type="button"
            className="icon-btn icon-btn--small"
            aria-label={t('errors.dismiss')}
            onClick={() => dismiss(toast.id)}
          >
            <CloseIcon />
          </button>
        </div>
      ))}
    </section>
  );
};
