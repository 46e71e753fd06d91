import isoCountries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import ko from 'i18n-iso-countries/langs/ko.json' with { type: 'json' };
import zh from 'i18n-iso-countries/langs/zh.json' with { type: 'json' };
import { describe, expect, it } from 'vitest';
import { countryCode } from '../../../src/main/core/imports/normalize/countries';

const CODES = Object.keys(isoCountries.getAlpha2Codes());
const names = (value: string | readonly string[]): readonly string[] =>
  typeof value === 'string' ? [value] : value;

/** Names that more than one country goes by ("Congo"): a picklist decides those, tested below. */
const SHARED = new Set(['congo']);

describe('country names', () => {
  it('covers the whole ISO 3166-1 list (249 codes, and Kosovo’s user-assigned XK)', () => {
    expect(CODES.length).toBeGreaterThanOrEqual(249);
    expect(CODES).toContain('KR');
  });

  it('reads every country by its alpha-2 and alpha-3 code', () => {
    for (const code of CODES) {
      expect(countryCode(code)).toBe(code);
      expect(countryCode(code.toLowerCase())).toBe(code);
      expect(countryCode(isoCountries.alpha2ToAlpha3(code) as string)).toBe(code);
    }
  });

  it.each([
    ['en', en],
    ['zh', zh],
    ['ko', ko],
  ] as const)('reads every country by each of its %s names', (_, locale) => {
    for (const [code, value] of Object.entries(locale.countries)) {
      for (const name of names(value)) {
        if (SHARED.has(name.toLowerCase())) continue;
        expect([name, countryCode(name)]).toEqual([name, code]);
        expect([name, countryCode(`  ${name.toUpperCase()} `)]).toEqual([name, code]);
      }
    }
  });

  it('reads every English name inverted around a comma, and with "The" before or after', () => {
    for (const [code, value] of Object.entries(en.countries)) {
      for (const name of names(value)) {
        if (SHARED.has(name.toLowerCase())) continue;
        const words = /^(.+) (of(?: the)?) (.+)$/.exec(name);
        if (words) expect([name, countryCode(`${words[3]}, ${words[1]} ${words[2]}`)]).toEqual([name, code]);
        const bare = name.replace(/^the /i, '');
        expect([name, countryCode(`${bare}, The`)]).toEqual([name, code]);
        expect([name, countryCode(`The ${bare}`)]).toEqual([name, code]);
      }
    }
  });

  it.each([
    ['Korea, Republic of', 'KR'],
    ["Korea, Democratic People's Republic of", 'KP'],
    ['Netherlands, The', 'NL'],
    ['Netherlands (Kingdom of the)', 'NL'],
    ['Bahamas, The', 'BS'],
    ['Gambia, The', 'GM'],
    ['Bolivia (Plurinational State of)', 'BO'],
    ['Venezuela (Bolivarian Republic of)', 'VE'],
    ['Iran (Islamic Republic of)', 'IR'],
    ['Micronesia (Federated States of)', 'FM'],
    ['Tanzania, United Republic of', 'TZ'],
    ['Congo (the Democratic Republic of the)', 'CD'],
    ['Virgin Islands (British)', 'VG'],
    ['Virgin Islands (U.S.)', 'VI'],
    ['Taiwan (Province of China)', 'TW'],
    ['United Kingdom of Great Britain and Northern Ireland', 'GB'],
    ['Moldova, Republic of', 'MD'],
    ['Palestine, State of', 'PS'],
  ])('reads the ISO short name %j', (name, code) => {
    expect(countryCode(name)).toBe(code);
  });

  it.each([
    ['USA', 'US'],
    ['U.S.', 'US'],
    ['U.S.A.', 'US'],
    ['United States of America', 'US'],
    ['UK', 'GB'],
    ['U.K.', 'GB'],
    ['Great Britain', 'GB'],
    ['England', 'GB'],
    ['South Korea', 'KR'],
    ['PRC', 'CN'],
    ['Mainland China', 'CN'],
    ['China, Mainland', 'CN'],
    ['Holland', 'NL'],
    ['Czech Republic', 'CZ'],
    ['Turkey', 'TR'],
    ['Ivory Coast', 'CI'],
    ['Congo', 'CG'],
    ['DRC', 'CD'],
    ['Russia', 'RU'],
    ['UAE', 'AE'],
    ['Burma', 'MM'],
    ['Swaziland', 'SZ'],
    ['中国', 'CN'],
    ['中國', 'CN'],
    ['中华人民共和国', 'CN'],
    ['美国', 'US'],
    ['韩国', 'KR'],
    ['荷兰', 'NL'],
    ['英国', 'GB'],
    ['日本', 'JP'],
    ['대한민국', 'KR'],
    ['한국', 'KR'],
    ['미국', 'US'],
    ['중국', 'CN'],
    ['네덜란드', 'NL'],
    ['영국', 'GB'],
  ])('reads the picklist spelling %j', (name, code) => {
    expect(countryCode(name)).toBe(code);
  });

  it('names no country for other text', () => {
    expect(countryCode('Atlantis')).toBeUndefined();
    expect(countryCode('')).toBeUndefined();
    expect(countryCode('The')).toBeUndefined();
  });
});
