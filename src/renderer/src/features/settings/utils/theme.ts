import type { Theme } from '@shared/api/settings';
import { isTheme, THEMES } from './choices';

const STORAGE_KEY = 'dialdeck.theme';
const darkQuery = () => window.matchMedia('(prefers-color-scheme: dark)');

let preference: Theme = 'system';

const paint = () => {
  const resolved = preference === 'system' ? (darkQuery().matches ? 'dark' : 'light') : preference;
  document.documentElement.dataset.theme = resolved;
};

/** Applies the theme remembered from the last start before the first paint, and follows the OS. */
export const startTheme = (): void => {
  const stored = localStorage.getItem(STORAGE_KEY);
  preference = isTheme(stored) ? stored : 'system';
  paint();
  darkQuery().addEventListener('change', paint);
};

export const applyTheme = (theme: Theme): void => {
  preference = theme;
  localStorage.setItem(STORAGE_KEY, theme);
  paint();
};

export const nextTheme = (theme: Theme): Theme =>
  THEMES[(THEMES.indexOf(theme) + 1) % THEMES.length] ?? 'system';

/** The theme chosen on this computer the last time, read before the core answers. */
export const storedTheme = (): Theme => preference;
