import { toCardinal as enCardinal } from 'n2words/en-US';
import { toCardinal as koCardinal } from 'n2words/ko-KR';
import { toCardinal as zhCardinal } from 'n2words/zh-Hans-CN';
import type { ScriptLanguage } from '../domain/script';

/** How a language says the symbols and digits that are read out one by one. */
type Lexicon = {
  digits: readonly string[];
  plus: string;
  at: string;
  dot: string;
  slash: string;
  point: string;
  percent: (number: string) => string;
  dollars: (number: string) => string;
  /** A clock time; `minutes` is null on the hour. */
  time: (hour: string, minutes: string | null) => string;
  cardinal: (value: number) => string;
};

// n2words writes "twenty-six"; said aloud that is two words.
const enNumber = (value: number): string => enCardinal(value).replaceAll('-', ' ');

const LEXICONS: Record<ScriptLanguage, Lexicon> = {
  en: {
    digits: ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'],
    plus: 'plus',
    at: 'at',
    dot: 'dot',
    slash: 'slash',
    point: 'point',
    percent: (n) => `${n} percent`,
    dollars: (n) => `${n} dollars`,
    time: (h, m) => (m === null ? h : `${h} ${m}`),
    cardinal: enNumber,
  },
  'zh-CN': {
    digits: ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'],
    plus: '加',
    at: '艾特',
    dot: '点',
    slash: '斜杠',
    point: '点',
    percent: (n) => `百分之${n}`,
    dollars: (n) => `${n}美元`,
    time: (h, m) => (m === null ? `${h}点` : `${h}点${m}分`),
    cardinal: (value) => zhCardinal(value),
  },
  ko: {
    digits: ['공', '일', '이', '삼', '사', '오', '육', '칠', '팔', '구'],
    plus: '플러스',
    at: '골뱅이',
    dot: '닷',
    slash: '슬래시',
    point: '점',
    percent: (n) => `${n} 퍼센트`,
    dollars: (n) => `${n} 달러`,
    time: (h, m) => (m === null ? `${h}시` : `${h}시 ${m}분`),
    cardinal: (value) => koCardinal(value),
  },
};

const EMAIL = /[\p{L}\d._%+-]+@[\p{L}\d-]+(?:\.[\p{L}\d-]+)+/gu;
// A web address: an optional scheme, dotted labels ending in a 2+ letter top-level domain, a path.
const URL = /(?:https?:\/\/)?(?:[\p{L}\d-]+\.)+\p{L}{2,}(?:\/[^\s]*)?/gu;
// A phone number: a leading "+", or digits in groups split by "-", ".", "(", ")" or in three or more
// space-separated groups; 7 to 15 digits in all (E.164 allows 15).
const PHONE = /(?:\+\s?\d|\(\d|\b\d)[\d\s().-]{4,}\d\b/g;
const TIME = /\b(\d{1,2}):(\d{2})\b/g;
const NUMBER = /(\$)?\b(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(%)?/g;

const digitsOf = (text: string): string => text.replace(/\D/g, '');

// A range of years (2024-2026) and an ISO date (2026-11-29) are read as numbers, not digit by digit.
const NOT_PHONE = /^\s*(?:\d{4}\s*-\s*\d{4}|\d{4}-\d{2}-\d{2})\s*$/;

const isPhone = (candidate: string): boolean => {
  if (NOT_PHONE.test(candidate)) return false;
  const digits = digitsOf(candidate).length;
  if (digits < 7 || digits > 15) return false;
  if (candidate.trimStart().startsWith('+') || /[().-]/.test(candidate)) return true;
  return candidate.trim().split(/\s+/).length >= 3;
};

const spellDigits = (digits: string, lex: Lexicon): string =>
  [...digits].map((d) => lex.digits[Number(d)]).join(' ');

/** The parts of an address read as words, with "dot" and "slash" between them. */
const sayAddress = (address: string, lex: Lexicon): string => {
  const words: string[] = [];
  for (const part of address.split(/([./@])/)) {
    if (part === '.') words.push(lex.dot);
    else if (part === '/') words.push(lex.slash);
    else if (part === '@') words.push(lex.at);
    else if (/^www$/i.test(part)) words.push('w w w');
    else if (part !== '') {
      // Separators inside a name ("jane_doe", "sales-team") are not read; digits are read one by one.
      words.push(part.replace(/[_+-]+/g, ' ').replace(/\d+/g, (d) => ` ${spellDigits(d, lex)} `));
    }
  }
  return ` ${words.join(' ')} `;
};

/** English years from 1100 to 2099 are read in pairs ("twenty twenty-six"), 2000–2009 as a number. */
const enYear = (value: number): string | null => {
  if (value < 1100 || value > 2099 || (value >= 2000 && value <= 2009)) return null;
  const high = enNumber(Math.floor(value / 100));
  const low = value % 100;
  if (low === 0) return `${high} hundred`;
  return low < 10 ? `${high} oh ${enNumber(low)}` : `${high} ${enNumber(low)}`;
};

const sayNumber = (
  match: string,
  dollar: string | undefined,
  whole: string,
  fraction: string | undefined,
  percent: string | undefined,
  following: string,
  language: ScriptLanguage,
): string => {
  const lex = LEXICONS[language];
  const plain = !dollar && fraction === undefined && !percent && !whole.includes(',');
  const value = Number(whole.replaceAll(',', ''));
  let words: string;
  if (plain && whole.length === 4 && language === 'zh-CN' && following.startsWith('年')) {
    words = [...whole].map((d) => lex.digits[Number(d)]).join(''); // 2026年: 二零二六年
  } else if (plain && whole.length === 4 && language === 'en' && enYear(value) !== null) {
    words = enYear(value) ?? match;
  } else if (!Number.isSafeInteger(value)) {
    words = spellDigits(digitsOf(whole), lex);
  } else {
    words = lex.cardinal(value);
    if (fraction !== undefined) words += ` ${lex.point} ${spellDigits(fraction, lex)}`;
  }
  if (percent) words = lex.percent(words);
  if (dollar) words = lex.dollars(words);
  return ` ${words} `;
};

/**
 * The text as it is spoken in `language`: e-mail addresses and web addresses read out
 * ("jane@acme.com" → "jane at acme dot com"), phone numbers digit by digit ("+1 415 555 0100" →
 * "plus one four one five …"), times ("9:30" → "nine thirty"), and numbers in words (2,500 → "two
 * thousand five hundred"; in English a year such as 2026 → "twenty twenty six"; in Chinese "2026年" →
 * "二零二六年"). Number words come from n2words. Spacing is loose: the result is for counting, not showing.
 */
export const spokenText = (text: string, language: ScriptLanguage): string => {
  const lex = LEXICONS[language];
  return text
    .replace(EMAIL, (address) => sayAddress(address, lex))
    .replace(URL, (address) => {
      const trimmed = address.replace(/^https?:\/\//, '').replace(/[.,;:!?)]+$/, '');
      return sayAddress(trimmed, lex) + address.slice(address.indexOf(trimmed) + trimmed.length);
    })
    .replace(PHONE, (candidate) => {
      if (!isPhone(candidate)) return candidate;
      const plus = candidate.trimStart().startsWith('+') ? `${lex.plus} ` : '';
      return ` ${plus}${spellDigits(digitsOf(candidate), lex)} `;
    })
    .replace(TIME, (match, hour: string, minutes: string) => {
      const h = Number(hour);
      const m = Number(minutes);
      if (h > 23 || m > 59) return match;
      const minuteWords =
        m === 0 ? null : m < 10 && language === 'en' ? `oh ${lex.cardinal(m)}` : lex.cardinal(m);
      return ` ${lex.time(lex.cardinal(h), minuteWords)} `;
    })
    .replace(
      NUMBER,
      (
        match,
        dollar: string | undefined,
        whole: string,
        fraction: string | undefined,
        percent: string | undefined,
        offset: number,
        all: string,
      ) => sayNumber(match, dollar, whole, fraction, percent, all.slice(offset + match.length), language),
    );
};
