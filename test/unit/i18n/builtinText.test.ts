import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUILTIN_CADENCES, CALLBACK_TASK_TITLE } from '../../../src/main/core/cadence/defaults';
import { builtinText } from '../../../src/renderer/src/i18n/builtinText';
import { en } from '../../../src/renderer/src/i18n/resources/en';
import { ko } from '../../../src/renderer/src/i18n/resources/ko';
import { zhCN } from '../../../src/renderer/src/i18n/resources/zh-CN';

/** Every text the core stores in English for its built-in cadences and tasks. */
const STORED = [
  ...BUILTIN_CADENCES.flatMap((cadence) => [
    cadence.name,
    cadence.description ?? '',
    ...cadence.steps.map((step) => step.title),
  ]),
  CALLBACK_TASK_TITLE,
].filter((text) => text !== '');

/** Key paths of a nested resource object. */
const pathsOf = (node: unknown, path = ''): string[] =>
  typeof node === 'string'
    ? [path]
    : Object.entries(node as Record<string, unknown>).flatMap(([key, child]) =>
        pathsOf(child, `${path}.${key}`),
      );

describe('built-in cadence and task text', () => {
  beforeAll(async () => {
    await i18next.init({
      lng: 'en',
      resources: { en: { translation: en }, 'zh-CN': { translation: zhCN }, ko: { translation: ko } },
      interpolation: { escapeValue: false },
    });
  });

  it('has the same keys in en, zh-CN and ko', () => {
    const keys = pathsOf(en.cadences.builtin).sort();
    expect(pathsOf(zhCN.cadences.builtin).sort()).toEqual(keys);
    expect(pathsOf(ko.cadences.builtin).sort()).toEqual(keys);
  });

  it.each(['zh-CN', 'ko'] as const)('shows every stored built-in text in %s', async (language) => {
    await i18next.changeLanguage(language);
    const resources = language === 'ko' ? ko : zhCN;
    const translated = new Set(
      pathsOf(resources.cadences.builtin).map((path) =>
        i18next.t(`cadences.builtin${path}` as 'cadences.builtin.callbackTask'),
      ),
    );
    for (const stored of STORED) {
      const shown = builtinText(stored);
      expect(shown, stored).not.toBe(stored);
      expect(translated.has(shown), stored).toBe(true);
    }
    expect(builtinText('Call the CFO about renewal')).toBe('Call the CFO about renewal');
    expect(builtinText(null)).toBeNull();
  });

  it('shows them unchanged in English', async () => {
    await i18next.changeLanguage('en');
    for (const stored of STORED) expect(builtinText(stored)).toBe(stored);
  });
});
