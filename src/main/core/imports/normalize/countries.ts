import ct from 'countries-and-timezones';
import { fold } from '../map/fold';

/**
 * Names people write for countries that the standard names below do not cover: short forms,
 * older names, three-letter codes of the most common countries, and everyday Chinese and Korean.
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
    '美利坚合众国',
    '미합중국',
  ],
  GB: [
    'UK',
    'U.K.',
    'GBR',
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
  KP: ['North Korea', 'DPRK', '朝鲜', '北韩', '북한'],
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

let index: Map<string, string> | undefined;

const buildIndex = (): Map<string, string> => {
  const map = new Map<string, string>();
  const add = (name: string | undefined, code: string) => {
    if (!name) return;
    const key = fold(name);
    if (key && !map.has(key)) map.set(key, code);
  };
  const codes = Object.keys(ct.getAllCountries());
  for (const code of codes) add(code, code);
  for (const [code, names] of Object.entries(ALIASES)) for (const name of names) add(name, code);
  for (const code of codes) add(ct.getCountry(code as never)?.name, code);
  for (const locale of DISPLAY_LOCALES) {
    const names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' });
    for (const code of codes) add(names.of(code), code);
  }
  return map;
};

const cache = new Map<string, string | null>();

/** The ISO 3166 code for a country written as a code or as a name in English, Chinese or Korean. */
export const countryCode = (text: string): string | undefined => {
  const cached = cache.get(text);
  if (cached !== undefined) return cached ?? undefined;
  index ??= buildIndex();
  const code = index.get(fold(text));
  if (cache.size < 10_000) cache.set(text, code ?? null);
  return code;
};
