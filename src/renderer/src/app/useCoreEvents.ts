import { useEffect } from 'react';
import { onEvent } from '../api/client';
import { useImportStore } from '../features/import/state/importStore';
import { useLeadDetailStore } from '../features/leads/state/leadDetailStore';
import { useLeadListStore } from '../features/leads/state/leadListStore';
import { useResearchStore } from '../features/leads/state/researchStore';
import { useQueueStore } from '../features/queue/state/queueStore';
import { useScriptsStore } from '../features/scripts/state/scriptsStore';
import { useSettingsStore } from '../features/settings/state/settingsStore';

/** Keeps the workspace in step with the core: its change events, and saving notes on close. */
export const useCoreEvents = () => {
  useEffect(() => {
    const stops = [
      onEvent('leads:changed', ({ ids }) => {
        void useLeadListStore.getState().handleLeadsChanged(ids);
        void useLeadDetailStore.getState().refresh(ids);
        void useQueueStore.getState().refresh();
      }),
      onEvent('queue:changed', () => void useQueueStore.getState().refresh()),
      onEvent('settings:changed', () => {
        void useSettingsStore
          .getState()
          .load()
          .catch(() => undefined);
      }),
      onEvent('scripts:changed', () => void useScriptsStore.getState().load()),
      onEvent('import:progress', (progress) => useImportStore.getState().handleProgress(progress)),
    ];
    // Closing the window or reloading saves typed notes (and the local copy covers a crash).
    const handlePageHide = () => useResearchStore.getState().flushAll();
    window.addEventListener('pagehide', handlePageHide);
    return () => {
      for (const stop of stops) stop();
      window.removeEventListener('pagehide', handlePageHide);
    };
  }, []);
};
