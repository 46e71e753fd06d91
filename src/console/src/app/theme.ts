import { create } from 'zustand';

/** The console's two themes; the first visit follows the system's. */
export type ConsoleTheme = 'light' | 'dark';

const STORAGE_KEY = 'dialdeck.console.theme';

const initialTheme = (): ConsoleTheme => {
  const asked = new URLSearchParams(window.location.search).get('theme');
  if (asked === 'light' || asked === 'dark') return asked;
  const stored = localStorage.getItem(STORAGE_KEY);
  if (stored === 'light' || stored === 'dark') return stored;
  return window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
};

/** The theme in use; `toggle` switches it and remembers the choice in this browser. */
export const useTheme = create<{ theme: ConsoleTheme; toggle: () => void }>((set, get) => ({
  theme: 'light',
  toggle: () => {
    const theme = get().theme === 'dark' ? 'light' : 'dark';
    localStorage.setItem(STORAGE_KEY, theme);
    document.documentElement.dataset.theme = theme;
    set({ theme });
  },
}));

/** Paints the starting theme before the first render, so nothing flashes. */
export const startConsoleTheme = (): void => {
  const theme = initialTheme();
  document.documentElement.dataset.theme = theme;
  useTheme.setState({ theme });
};
