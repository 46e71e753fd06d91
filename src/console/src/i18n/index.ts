import { isLocale, LOCALES } from '@renderer/features/settings/utils/choices';
import { en } from '@renderer/i18n/resources/en';
import { ko } from '@renderer/i18n/resources/ko';
import { zhCN } from '@renderer/i18n/resources/zh-CN';
import type { Locale } from '@shared/api/settings';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';

const STORAGE_KEY = 'dialdeck.console.locale';

/** The languages the console offers, in the order of the language menu. */
export const CONSOLE_LOCALES = LOCALES;

/** `?lang=` (for a shared link or a screenshot), else the last choice here, else the browser's, else English. */
const initialLocale = (): Locale => {
  const asked = new URLSearchParams(window.location.search).get('lang');
  if (isLocale(asked)) return asked;
  const stored = localStorage.getItem(STORAGE_KEY);
  if (isLocale(stored)) return stored;
  const system = navigator.language.toLowerCase();
  if (system.startsWith('zh')) return 'zh-CN';
  if (system.startsWith('ko')) return 'ko';
  return 'en';
};

/** Starts i18next on the desktop's own resources (the console's texts are their `console` section). */
export const initConsoleI18n = (): void => {
  const lng = initialLocale();
  document.documentElement.lang = lng;
  void i18next.use(initReactI18next).init({
    lng,
    fallbackLng: 'en',
    resources: { en: { translation: en }, 'zh-CN': { translation: zhCN }, ko: { translation: ko } },
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
  i18next.on('languageChanged', (next) => {
    document.documentElement.lang = next;
  });
};

/** Switches the console's language and remembers it in this browser. */
export const chooseLocale = (locale: Locale): void => {
  localStorage.setItem(STORAGE_KEY, locale);
  void i18next.changeLanguage(locale);
};

/** The console's current language. */
export const consoleLocale = (): Locale => (isLocale(i18next.language) ? i18next.language : 'en');
