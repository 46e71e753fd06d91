import type { SyncState } from '@shared/api/sync';
import { type ComponentType, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useDialogStore } from '../../../app/dialogStore';
import { AlertIcon, CheckIcon, CloudOffIcon, SyncIcon } from '../../../ui/icons';
import { useSyncStore } from '../state/syncStore';
import '../sync.css';

const ICONS: Record<SyncState, ComponentType> = {
  signedOut: CloudOffIcon,
  online: CheckIcon,
  offline: CloudOffIcon,
  syncing: SyncIcon,
  error: AlertIcon,
};

/**
 * The top bar's team sync indicator: an icon and a word for the state (never colour alone), the
 * number of changes waiting and of changes refused; it opens the sync dialog (Y does the same).
 */
export const SyncIndicator = () => {
  const { t } = useTranslation();
  const status = useSyncStore((s) => s.status);
  const load = useSyncStore((s) => s.load);
  const openDialog = useDialogStore((s) => s.openDialog);
  useEffect(() => {
    void load();
  }, [load]);
  const state: SyncState = status?.state ?? 'signedOut';
  const Icon = ICONS[state];
  const word = t(`sync.indicator.${state}`);
  const pending = status?.pending ?? 0;
  const rejected = status?.rejected.length ?? 0;
  return (
    <button
      type="button"
      className={`sync-indicator sync-indicator--${state}`}
      onClick={() => openDialog('sync')}
      aria-keyshortcuts="y"
      aria-label={t('sync.indicatorLabel', { state: word })}
      data-testid="sync-indicator"
      data-state={state}
      data-pending={pending}
    >
      <Icon />
      <span className="sync-indicator__word" aria-live="polite">
        {word}
      </span>
      {pending > 0 ? (
        <span className="sync-indicator__count" data-testid="sync-pending">
          {t('sync.waiting', { count: pending })}
        </span>
      ) : null}
      {rejected > 0 ? (
        <span className="sync-indicator__rejected" data-testid="sync-rejected-count">
          <AlertIcon />
          {rejected}
        </span>
      ) : null}
    </button>
  );
};
