import { createRequire } from 'node:module';
import ct from 'countries-and-timezones';
import isoCountries from 'i18n-iso-countries';
import { fold } from '../map/fold';

/**
 * Names people write for countries that the standard names below do not cover: CRM picklist
 * spellings (Salesforce's and HubSpot's country picklists, Outlook's Country/Region), short
 * forms, older names and everyday Chinese and Korean. They are read before the standard names,
 * so an ambiguous word ("Congo", "Korea") means what a picklist means by it.
 */
const ALIASES: Record<string, readonly string[]> = {
  US: [
    'USA',
    'U.S.',
    'U.S.A.',
    'United States of America',
    'America',
    'the States',
    '美國',
    '美国',
    '美利坚合众国',
    '미국',
    '미합중국',
  ],
  GB: [
    'UK',
    'U.K.',
    'GBR',
    'United Kingdom of Great Britain and Northern Ireland',
    'Great Britain',
    'Britain',
    'England',
    'Scotland',
    'Wales',
    'Northern Ireland',
    '英國',
    '영국',
  ],
  CN: [
    'CHN',
    'PRC',
    "People's Republic of China",
    'Mainland China',
    'China Mainland',
    'China, Mainland',
    'Mainland',
    'P.R. China',
    'P.R.C.',
    'China PRC',
    '中国',
    '中國',
    '中国大陆',
    '中華人民共和國',
    '中华人民共和国',
    '大陆',
    '内地',
    '중국 본토',
  ],
  KR: [
    'KOR',
    'Korea',
    'South Korea',
    'Republic of Korea',
    'ROK',
    '韩国',
    '南韩',
    '南韓',
    '韓國',
    '大韩民国',
    '한국',
    '남한',
  ],
  KP: ['North Korea', 'DPRK', "Democratic People's Republic of Korea", '朝鲜', '北韩', '북한'],
  CG: ['Congo', 'Congo-Brazzaville', 'Republic of Congo', '刚果', '刚果共和国', '콩고'],
  CD: [
    'DRC',
    'DR Congo',
    'D.R. Congo',
    'Congo-Kinshasa',
    'Zaire',
    '刚果民主共和国',
    '刚果金',
    '콩고민주공화국',
  ],
  VG: ['BVI', 'British Virgin Islands'],
  VI: ['USVI', 'US Virgin Islands', 'U.S. Virgin Islands', 'Virgin Islands'],
  MK: ['Macedonia', 'FYROM'],
  SZ: ['Swaziland'],
  MM: ['Burma'],
  CV: ['Cape Verde'],
  TL: ['East Timor'],
  CI: ['Ivory Coast'],
  VA: ['Vatican', 'Vatican City', 'Holy See'],
  LA: ['Laos'],
  SY: ['Syria'],
  BN: ['Brunei'],
  FM: ['Micronesia'],
  PS: ['Palestinian Territories', 'Palestinian Territory'],
  HK: ['HKG', 'Hong Kong', 'Hong Kong SAR', 'HKSAR', '香港', '中国香港', '홍콩'],
  MO: ['Macau', 'Macao', '澳门', '澳門', '마카오'],
  TW: ['TWN', 'Taiwan', 'ROC', '台湾', '臺灣', '台灣', '대만', '타이완'],
  JP: ['JPN', 'Japan', '日本', '일본'],
  DE: ['DEU', 'Germany', 'Deutschland', '德国', '독일'],
  FR: ['FRA', 'France', '法国', '프랑스'],
  CA: ['CAN', 'Canada', '加拿大', '캐나다'],
  AU: ['AUS', 'Australia', '澳大利亚', '澳洲', '호주'],
  NZ: ['NZL', 'New Zealand', '新西兰', '뉴질랜드'],
  IN: ['IND', 'India', '印度', '인도'],
  SG: ['SGP', 'Singapore', '新加坡', '싱가포르'],
  AE: ['ARE', 'UAE', 'U.A.E.', 'Emirates', '阿联酋', '아랍에미리트'],
  RU: ['RUS', 'Russia', 'Russian Federation', '俄罗斯', '러시아'],
  VN: ['VNM', 'Vietnam', 'Viet Nam', '越南', '베트남'],
  NL: ['NLD', 'Netherlands', 'Holland', 'The Netherlands', '荷兰', '네덜란드'],
  CZ: ['Czechia', 'Czech Republic', '捷克', '체코'],
  ES: ['ESP', 'Spain', 'España', '西班牙', '스페인'],
  IT: ['ITA', 'Italy', 'Italia', '意大利', '이탈리아'],
  BR: ['BRA', 'Brazil', 'Brasil', '巴西', '브라질'],
  MX: ['MEX', 'Mexico', 'México', '墨西哥', '멕시코'],
  CH: ['CHE', 'Switzerland', 'Schweiz', 'Suisse', '瑞士', '스위스'],
  SE: ['SWE', 'Sweden', '瑞典', '스웨덴'],
  IE: ['IRL', 'Ireland', '爱尔兰', '아일랜드'],
  IL: ['ISR', 'Israel', '以色列', '이스라엘'],
  ZA: ['ZAF', 'South Africa', '南非', '남아프리카 공화국', '남아공'],
  MY: ['MYS', 'Malaysia', '马来西亚', '말레이시아'],
  TH: ['THA', 'Thailand', '泰国', '태국'],
  ID: ['IDN', 'Indonesia', '印度尼西亚', '印尼', '인도네시아'],
  PH: ['PHL', 'Philippines', '菲律宾', '필리핀'],
};

const DISPLAY_LOCALES = ['en', 'zh-Hans', 'zh-Hant', 'ko'] as const;
type IsoNames = { countries: Record<string, string | readonly string[]> };
/**
 * ISO 3166-1 short and official names, with the usual alternatives, by i18n-iso-countries, read
 * with require: the bundled main process keeps no JSON import attributes.
 */
const isoLocales = (): readonly IsoNames[] => {
  const require = createRequire(import.meta.url);
  return ['en', 'zh', 'ko'].map((lang) => require(`i18n-iso-countries/langs/${lang}.json`) as IsoNames);
};

let index: Map<string, string> | undefined;

const namesOf = (value: string | readonly string[]): readonly string[] =>
  typeof value === 'string' ? [value] : value;

const buildIndex = (): Map<string, string> => {
  const map = new Map<string, string>();
  const add = (name: string | undefined, code: string) => {
    if (!name) return;
    const key = fold(name);
    if (key && !map.has(key)) map.set(key, code);
  };
  const codes = Object.keys(isoCountries.getAlpha2Codes());
  for (const code of codes) add(code, code);
  for (const code of codes) add(isoCountries.alpha2ToAlpha3(code), code);
  for (const [code, names] of Object.entries(ALIASES)) for (const name of names) add(name, code);
  // Each country's first (main) name in every language before any alternative name.
  const locales = isoLocales();
  for (const locale of locales) {
    for (const [code, value] of Object.entries(locale.countries)) add(namesOf(value)[0], code);
  }
  for (const locale of locales) {
    for (const [code, value] of Object.entries(locale.countries))
      for (const name of namesOf(value)) add(name, code);
  }
  for (const code of Object.keys(ct.getAllCountries())) add(ct.getCountry(code as never)?.name, code);
  for (const locale of DISPLAY_LOCALES) {
    const names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' });
    for (const code of codes) add(names.of(code), code);
  }
  return map;
};

/**
 * The ways a name may be written around its core: ISO's inverted forms ("Korea, Republic of",
 * "Netherlands, The", "Bolivia (Plurinational State of)", "Virgin Islands (British)") turned
 * around, and a leading or trailing "The" dropped.
 */
const variants = (text: string): string[] => {
  const name = text.trim().replace(/\s+/g, ' ');
  const out = [name];
  const inverted = /^(.+?),\s*(.+)$/.exec(name);
  if (inverted?.[1] && inverted[2]) out.push(`${inverted[2]} ${inverted[1]}`);
  const bracketed = /^(.+?)\s*\((.+)\)$/.exec(name);
  if (bracketed?.[1] && bracketed[2]) out.push(`${bracketed[2]} ${bracketed[1]}`, bracketed[1]);
  return out.flatMap((form) => {
    const bare = form.replace(/^the\s+/i, '').replace(/,?\s+the$/i, '');
    return bare === form ? [form] : [form, bare];
  });
};

const cache = new Map<string, string | null>();

/**
 * The ISO 3166-1 alpha-2 code for a country written as an alpha-2 or alpha-3 code, or as a name in
 * English, Chinese or Korean: ISO short and official names, their inverted forms, with or without
 * "The", and common CRM picklist spellings. Undefined when the text names no country.
 */
export const countryCode = (text: string): string | undefined => {
  const cached = cache.get(text);
  if (cached !== undefined) return cached ?? undefined;
  index ??= buildIndex();
  let code: string | undefined;
  for (const form of variants(text)) {
    code = index.get(fold(form));
    if (code) break;
  }
  if (cache.size < 10_000) cache.set(text, code ?? null);
  return code;
};
