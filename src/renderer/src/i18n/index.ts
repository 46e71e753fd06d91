import type { Locale } from '@shared/api/settings';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { isLocale } from '../features/settings/utils/choices';
import { en } from './resources/en';
import { ko } from './resources/ko';
import { zhCN } from './resources/zh-CN';

const STORAGE_KEY = 'dialdeck.locale';

/** The language to start in: the last one chosen here, else the system's, else English. */
const initialLocale = (): Locale => {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (isLocale(stored)) return stored;
  const system = navigator.language.toLowerCase();
  if (system.startsWith('zh')) return 'zh-CN';
  if (system.startsWith('ko')) return 'ko';
  return 'en';
};

export const i18n = i18next;

export const initI18n = (): void => {
  const lng = initialLocale();
  document.documentElement.lang = lng;
  void i18next.use(initReactI18next).init({
    lng,
    fallbackLng: 'en',
    resources: {
      en: { translation: en },
      'zh-CN': { translation: zhCN },
      ko: { translation: ko },
    },
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
  i18next.on('languageChanged', (next) => {
    document.documentElement.lang = next;
  });
};

/** Switches the interface language and remembers it for the next start. */
export const applyLocale = (locale: Locale): void => {
  localStorage.setItem(STORAGE_KEY, locale);
  if (i18next.language !== locale) void i18next.changeLanguage(locale);
};

export const currentLocale = (): Locale => (isLocale(i18next.language) ? i18next.language : 'en');
