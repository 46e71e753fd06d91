import { useLeadListStore } from '../features/leads/state/leadListStore';
import { useResearchStore } from '../features/leads/state/researchStore';
import { useSettingsStore } from '../features/settings/state/settingsStore';

/**
 * Starts loading before React's first render, so the first window of the list is on its way while
 * the workspace draws its frame. The whole index follows once those rows are on screen.
 */
export const startWorkspace = (): void => {
  performance.mark('dialdeck:boot');
  void useLeadListStore.getState().loadFirstPage();
  void useSettingsStore
    .getState()
    .load()
    .catch(() => undefined);
  useResearchStore.getState().restoreBackups();
};
