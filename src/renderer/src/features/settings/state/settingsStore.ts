import type { Settings } from '@shared/api/settings';
import { create } from 'zustand';
import { errorMessage, invoke } from '../../../api/client';
import { applyLocale, currentLocale, i18n } from '../../../i18n';
import { showToast } from '../../../ui/toastStore';
import { initialSettings } from '../utils/choices';
import { applyTheme, storedTheme } from '../utils/theme';

type SettingsStore = {
  settings: Settings;
  loaded: boolean;
  load: () => Promise<void>;
  update: (patch: Partial<Settings>) => Promise<void>;
};

const apply = (settings: Settings) => {
  applyLocale(settings.locale);
  applyTheme(settings.theme);
};

export const useSettingsStore = create<SettingsStore>((set, get) => ({
  settings: initialSettings(currentLocale(), storedTheme()),
  loaded: false,
  load: async () => {
    const settings = await invoke('settings.get', {});
    apply(settings);
    set({ settings, loaded: true });
  },
  update: async (patch) => {
    const previous = get().settings;
    const optimistic = { ...previous, ...patch };
    // The change shows at once; the core confirms or it is rolled back.
    apply(optimistic);
    set({ settings: optimistic });
    try {
      const saved = await invoke('settings.update', patch);
      apply(saved);
      set({ settings: saved });
    } catch (error) {
      apply(previous);
      set({ settings: previous });
      showToast('error', i18n.t('settings.saveFailed', { message: errorMessage(error) }));
    }
  },
}));
