import { ErrorCode } from '@shared/api/contract';
import type { Locale } from '@shared/api/settings';
import { en } from '../renderer/src/i18n/resources/en';
import { ko } from '../renderer/src/i18n/resources/ko';
import { zhCN } from '../renderer/src/i18n/resources/zh-CN';
import type { LocaleResources } from '../renderer/src/i18n/types';
import { AppError } from './core/errors';

const RESOURCES: Record<Locale, LocaleResources> = { en, 'zh-CN': zhCN, ko };

/**
 * The interface language for an OS locale (Electron's `app.getLocale()`, a BCP 47 tag such as
 * "zh-TW", "ko-KR" or "en-US"): any Chinese is zh-CN, any Korean is ko, everything else en — the same
 * choice the renderer makes from `navigator.language` when nothing was chosen yet.
 */
export const startupLocale = (osLocale: string): Locale => {
  const tag = osLocale.toLowerCase();
  if (tag === 'zh' || tag.startsWith('zh-') || tag.startsWith('zh_')) return 'zh-CN';
  if (tag === 'ko' || tag.startsWith('ko-') || tag.startsWith('ko_')) return 'ko';
  return 'en';
};

/** Fills `{{name}}` placeholders from `params`; one left unfilled stays visible rather than vanish. */
const fill = (template: string, params: Readonly<Record<string, string | number>>): string =>
  template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );

export type StartupFailure = { title: string; body: string };

/**
 * What the startup dialog says when the store cannot be opened, in `locale`: an AppError by its
 * `errors.codes.<code>` message filled from its params (English keeps the core's own wording when it
 * has no params, as the renderer does); a native-module mismatch or absence by what to run; anything
 * else by the data folder and the error's own text.
 */
export const startupFailure = (
  error: unknown,
  locale: Locale,
  place: { dataDir: string; nativeBinding: string | undefined },
): StartupFailure => {
  const text = RESOURCES[locale];
  const title = text.app.startFailedTitle;
  if (error instanceof AppError && ErrorCode.safeParse(error.code).success) {
    if (error.params === undefined && locale === 'en') return { title, body: error.message };
    const template = (text.errors.codes as Record<string, string>)[error.code] ?? error.message;
    return { title, body: fill(template, error.params ?? {}) };
  }
  const detail = error instanceof Error ? error.message : String(error);
  if (/NODE_MODULE_VERSION|different Node\.js version|better_sqlite3\.node/.test(detail)) {
    return {
      title,
      body: place.nativeBinding
        ? fill(text.app.startFailedModuleMismatch, { detail })
        : text.app.startFailedModuleMissing,
    };
  }
  return { title, body: fill(text.app.startFailedOther, { dataDir: place.dataDir, detail }) };
};
