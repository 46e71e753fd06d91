import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { cadenceSummary } from '../../../src/renderer/src/features/cadences/utils/summary';
import { en } from '../../../src/renderer/src/i18n/resources/en';
import { ko } from '../../../src/renderer/src/i18n/resources/ko';
import { zhCN } from '../../../src/renderer/src/i18n/resources/zh-CN';

describe('the Cadences list line', () => {
  beforeAll(async () => {
    await i18next.init({
      lng: 'en',
      resources: { en: { translation: en }, 'zh-CN': { translation: zhCN }, ko: { translation: ko } },
      interpolation: { escapeValue: false },
    });
  });

  it('uses the singular for one step and one lead in English, the plural otherwise', async () => {
    await i18next.changeLanguage('en');
    expect(cadenceSummary(i18next.t, 1, 1)).toBe('1 step · 1 lead on it');
    expect(cadenceSummary(i18next.t, 5, 0)).toBe('5 steps · 0 leads on it');
    expect(cadenceSummary(i18next.t, 2, 1200)).toBe('2 steps · 1,200 leads on it');
  });

  it('counts in zh-CN and ko with their own words', async () => {
    await i18next.changeLanguage('zh-CN');
    expect(cadenceSummary(i18next.t, 1, 3)).toBe('1 个步骤 · 3 条线索进行中');
    await i18next.changeLanguage('ko');
    expect(cadenceSummary(i18next.t, 1, 3)).toBe('1단계 · 진행 중인 리드 3명');
  });
});
