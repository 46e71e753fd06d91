import { useEffect } from 'react';
import { onEvent } from '../api/client';
import { useEmailTemplatesStore } from '../features/emailTemplates/state/emailTemplatesStore';
import { useImportStore } from '../features/import/state/importStore';
import { useLeadDetailStore } from '../features/leads/state/leadDetailStore';
import { useLeadListStore } from '../features/leads/state/leadListStore';
import { useResearchStore } from '../features/leads/state/researchStore';
import { loadCallingRules } from '../features/leads/utils/callingHours';
import { takePhoneLinkFromPage, usePhoneLinkStore } from '../features/links/state/phoneLinkStore';
import { useOutcomeStore } from '../features/outcomes/state/outcomeStore';
import { useQueueStore } from '../features/queue/state/queueStore';
import { useScriptsStore } from '../features/scripts/state/scriptsStore';
import { afterNextLead } from '../features/session/state/nextLeadGate';
import { useSettingsStore } from '../features/settings/state/settingsStore';
import { useSyncStore } from '../features/sync/state/syncStore';
import { useDncStore } from '../features/tasks/state/dncStore';
import { takeLaunchItems } from './launchItems';

/** Keeps the workspace in step with the core: its change events, and saving notes on close. */
export const useCoreEvents = () => {
  useEffect(() => {
    void loadCallingRules();
    const stops = [
      onEvent('leads:changed', ({ ids }) =>
        afterNextLead(() => {
          void useLeadListStore.getState().handleLeadsChanged(ids);
          void useLeadDetailStore.getState().refresh(ids);
          void useQueueStore.getState().refresh();
        }),
      ),
      onEvent('queue:changed', ({ reason }) =>
        afterNextLead(() => {
          void useQueueStore.getState().refresh();
          // The do-not-contact list changed here or came down from the team server.
          if (reason === 'dnc' && useDncStore.getState().status !== 'idle')
            void useDncStore.getState().refresh();
          // The calling window the badges show is the team's, as the queue judges it.
          if (reason === 'rules' || reason === 'external') void loadCallingRules();
        }),
      ),
      onEvent('settings:changed', () => {
        // The outcome set is kept with the settings; a synced one shows without reload.
        if (useOutcomeStore.getState().loaded) void useOutcomeStore.getState().load();
        void useSettingsStore
          .getState()
          .load()
          .catch(() => undefined);
      }),
      onEvent('scripts:changed', () => void useScriptsStore.getState().load()),
      onEvent('sync:changed', () => void useSyncStore.getState().load()),
      onEvent('emailTemplates:changed', () => void useEmailTemplatesStore.getState().load()),
      onEvent('import:progress', (progress) => useImportStore.getState().handleProgress(progress)),
      onEvent('app:launchPending', () => void takeLaunchItems()),
    ];
    // Electron: what the OS handed over before this page listened (a cold start's link) is taken now.
    void takeLaunchItems();
    // The web host's page opened by the browser's tel: handler carries the link as ?tel=.
    const pageLink = takePhoneLinkFromPage();
    if (pageLink) void usePhoneLinkStore.getState().openLink(pageLink);
    // Closing the window or reloading saves typed notes (and the local copy covers a crash).
    const handlePageHide = () => useResearchStore.getState().flushAll();
    window.addEventListener('pagehide', handlePageHide);
    return () => {
      for (const stop of stops) stop();
      window.removeEventListener('pagehide', handlePageHide);
    };
  }, []);
};
