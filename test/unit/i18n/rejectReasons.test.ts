import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { suggestMapping } from '../../../src/main/core/imports/map/headers';
import { createRowNormalizer } from '../../../src/main/core/imports/normalize/row';
import { translatedReason } from '../../../src/renderer/src/i18n/errors';
import { en } from '../../../src/renderer/src/i18n/resources/en';
import { ko } from '../../../src/renderer/src/i18n/resources/ko';
import { zhCN } from '../../../src/renderer/src/i18n/resources/zh-CN';

const languages = { en, 'zh-CN': zhCN, ko } as const;
const paramsOf = (message: string): string[] =>
  [...message.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1] ?? '').sort();

const HEADERS = ['Name', 'Phone', 'Email', 'Status', 'Direction', 'Time Zone', 'Country'];
const normalize = createRowNormalizer(HEADERS, suggestMapping(HEADERS), 'US');
/** The rejection of a row, or its warning with `code` where the lead itself is kept. */
const reasonOf = (code: string, cells: string[]) => {
  const result = normalize(cells.length === 6 ? [...cells, ''] : cells, 12);
  if (!result.ok) return result.rejection;
  const warning = result.warnings.find((w) => w.code === code);
  if (!warning) throw new Error(`row was accepted without a ${code} warning: ${cells.join(',')}`);
  return warning;
};

/** One row for each reason the row normalizer gives, with the offending value it must show. */
const CASES = [
  ['ragged_row', ['Ada', '+12025550143'], '2'],
  ['value_too_long', ['A'.repeat(5000), '+12025550143', '', '', '', ''], null],
  ['missing_name', ['', '+12025550143', '', '', '', ''], null],
  ['invalid_phone', ['Ada', '555-01', '', '', '', ''], '555-01'],
  ['invalid_email', ['Ada', '', 'ada@@example', '', '', ''], 'ada@@example'],
  ['missing_contact', ['Ada', '', '', '', '', ''], null],
  ['invalid_status', ['Ada', '+12025550143', '', 'hot-ish', '', ''], 'hot-ish'],
  ['invalid_direction', ['Ada', '+12025550143', '', '', 'sideways', ''], 'sideways'],
  ['invalid_time_zone', ['Ada', '+12025550143', '', '', '', 'Mars/Olympus'], 'Mars/Olympus'],
  ['unknown_country', ['Ada', '+12025550143', '', '', '', '', 'Narnia'], 'Narnia'],
] as const;

describe('rejected-row reasons', () => {
  it('every reason exists in en, zh-CN and ko with the same params', () => {
    const codes = Object.keys(en.rejectReasons).sort();
    for (const resources of Object.values(languages))
      expect(Object.keys(resources.rejectReasons).sort()).toEqual(codes);
    for (const code of codes) {
      const [first, ...rest] = Object.values(languages).map((resources) =>
        paramsOf((resources.rejectReasons as Record<string, string>)[code] ?? ''),
      );
      for (const params of rest) expect(params, code).toEqual(first);
    }
  });

  describe('show the offending value in every language', () => {
    beforeAll(async () => {
      await i18next.init({
        lng: 'en',
        resources: { en: { translation: en }, 'zh-CN': { translation: zhCN }, ko: { translation: ko } },
        interpolation: { escapeValue: false },
      });
    });

    it.each(CASES)('%s', async (code, cells, value) => {
      const rejection = reasonOf(code, [...cells]);
      expect(rejection.code).toBe(code);
      const template = (en.rejectReasons as Record<string, string>)[code];
      expect(template, `rejectReasons.${code}`).toBeDefined();
      for (const name of paramsOf(template ?? '')) expect(rejection.params ?? {}).toHaveProperty(name);
      if (value !== null) expect(String(rejection.params?.value)).toBe(value);
      for (const language of Object.keys(languages)) {
        await i18next.changeLanguage(language);
        const text = translatedReason(rejection);
        expect(text).not.toContain('{{');
        if (value !== null) expect(text).toContain(value);
        expect(text).toBe(
          i18next.t(`rejectReasons.${code}` as 'rejectReasons.missing_name', { ...rejection.params }),
        );
      }
    });

    it("keeps the core's message for a code without a translation or a row without its params", async () => {
      await i18next.changeLanguage('ko');
      expect(translatedReason({ code: 'made_up', message: 'As sent.' })).toBe('As sent.');
      expect(translatedReason({ code: 'invalid_status', message: 'As sent.' })).toBe('As sent.');
      expect(translatedReason({ code: 'missing_name', message: 'As sent.' })).toBe(
        ko.rejectReasons.missing_name,
      );
    });
  });
});
