import { useTranslation } from 'react-i18next';
import { formatTime } from '../../../i18n/format';
import { AlertIcon, CheckIcon } from '../../../ui/icons';
import type { SaveState } from '../state/researchStore';

type SaveIndicatorProps = { save: SaveState | undefined; savedAt: number | undefined; hasText: boolean };

/** "Saving… / Saved / Not saved – retrying", announced politely to screen readers. */
export const SaveIndicator = ({ save, savedAt, hasText }: SaveIndicatorProps) => {
  const { t } = useTranslation();
  const state = save?.state ?? (hasText && savedAt ? 'saved' : null);
  const at = save?.savedAt ?? savedAt;
  return (
    <span
      className={`save save--${state ?? 'idle'}`}
      role="status"
      aria-live="polite"
      data-testid="save-state"
    >
      {state === 'saving' ? t('notes.saving') : null}
      {state === 'saved' ? (
        <>
          <CheckIcon />
          <span title={at ? t('notes.savedAt', { time: formatTime(at) }) : undefined}>
            {t('notes.saved')}
          </span>
        </>
      ) : null}
      {state === 'retrying' ? (
        <>
          <AlertIcon />
          <span title={t('notes.retryingHint')}>{t('notes.retrying')}</span>
        </>
      ) : null}
    </span>
  );
};
