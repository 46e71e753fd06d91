import type { Locale, Settings, Theme } from '@shared/api/settings';

// The settings' choices as plain lists, so starting the workspace does not load the zod schemas in
// @shared/api/settings. The checks below fail the build if a choice is added there and not here.

export const LOCALES = ['en', 'zh-CN', 'ko'] as const satisfies readonly Locale[];
export const THEMES = ['system', 'light', 'dark'] as const satisfies readonly Theme[];

type Missing<All, Listed> = [Exclude<All, Listed>] extends [never] ? true : false;
const everyLocale: Missing<Locale, (typeof LOCALES)[number]> = true;
const everyTheme: Missing<Theme, (typeof THEMES)[number]> = true;
void everyLocale;
void everyTheme;

export const isLocale = (value: unknown): value is Locale => LOCALES.includes(value as Locale);
export const isTheme = (value: unknown): value is Theme => THEMES.includes(value as Theme);

/** What the workspace shows before the core's settings arrive (they replace it at once). */
export const initialSettings = (locale: Locale, theme: Theme): Settings => ({
  locale,
  theme,
  defaultRegion: 'US',
  repName: '',
  repPhone: '',
  updateFeedUrl: '',
  callingProvider: 'system',
  callingTalkShareTarget: 0.3,
  callingMonologueSeconds: 60,
});
