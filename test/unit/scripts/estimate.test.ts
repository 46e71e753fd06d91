import { estimateReading, READING_RATES, spokenUnits } from '@shared/scripts/estimate';
import { spokenText } from '@shared/scripts/spoken';
import { describe, expect, it } from 'vitest';

const words = (text: string) => spokenText(text, 'en').trim().split(/\s+/);

describe('spoken form', () => {
  it('reads an e-mail address and a web address out', () => {
    expect(words('jane@acme.com')).toEqual(['jane', 'at', 'acme', 'dot', 'com']);
    expect(words('https://www.acme.com/pricing.')).toEqual([
      'w',
      'w',
      'w',
      'dot',
      'acme',
      'dot',
      'com',
      'slash',
      'pricing',
      '.',
    ]);
  });

  it('reads a phone number digit by digit, with its plus', () => {
    expect(words('+1 415 555 0100')).toEqual(
      'plus one four one five five five five zero one zero zero'.split(' '),
    );
    expect(words('(415) 555-0100')).toHaveLength(10);
  });

  it('does not take a range of years or a date for a phone number', () => {
    expect(words('2024-2026')).toEqual(['twenty', 'twenty', 'four', '-', 'twenty', 'twenty', 'six']);
    expect(spokenUnits('2024-2026', 'en')).toBe(6);
    expect(spokenUnits('2026-11-29', 'en')).toBe(6); // twenty twenty six, eleven, twenty nine
  });

  it('reads an English year in pairs and other numbers in words', () => {
    expect(words('2026')).toEqual(['twenty', 'twenty', 'six']);
    expect(words('1905')).toEqual(['nineteen', 'oh', 'five']);
    expect(words('2005')).toEqual(['two', 'thousand', 'five']);
    expect(words('2,500')).toEqual(['two', 'thousand', 'five', 'hundred']);
    expect(words('25%')).toEqual(['twenty', 'five', 'percent']);
    expect(words('9:05')).toEqual(['nine', 'oh', 'five']);
  });

  it('reads a Chinese year digit by digit and other numbers as a number', () => {
    expect(spokenText('2026年', 'zh-CN')).toContain('二零二六');
    expect(spokenUnits('2026年', 'zh-CN')).toBe(5);
    // 二千五百 (or its formal characters): four syllables.
    expect(spokenUnits('2500', 'zh-CN')).toBe(4);
  });

  it('reads a Korean number as Sino-Korean words', () => {
    // 이천이십육 년
    expect(spokenUnits('2026년', 'ko')).toBe(6);
    // 공 일 공 일 이 삼 사 오 육 칠 팔
    expect(spokenUnits('010-1234-5678', 'ko')).toBe(11);
  });
});

describe('reading-time estimate', () => {
  it('counts English by words at 183 a minute', () => {
    const estimate = estimateReading('Hi Jane, this is Sam from Dialdeck.', 'en');
    expect(estimate.units).toBe(7);
    // 7 words / (183/60) words per second = 2.295 s
    expect(estimate.seconds).toBe(2.3);
    expect(READING_RATES.en.perSecond).toBeCloseTo(3.05, 2);
  });

  it('counts a phone number and an address as they are spoken', () => {
    // "Call me at" 3 + plus and eleven digits 12 + "or" 1 + jane at acme dot com 5 = 21 words
    const estimate = estimateReading('Call me at +1 415 555 0100 or jane@acme.com.', 'en');
    expect(estimate.units).toBe(21);
    expect(estimate.seconds).toBe(6.9);
  });

  it('spells an acronym letter by letter', () => {
    expect(spokenUnits('our CRM', 'en')).toBe(4);
  });

  it('counts Chinese by syllables at 5.18 a second', () => {
    const estimate = estimateReading('你好，我是王伟。', 'zh-CN');
    expect(estimate).toMatchObject({ units: 6, unit: 'syllable' });
    expect(estimate.seconds).toBe(1.2);
  });

  it('counts Korean Hangul syllables and Latin words inside them', () => {
    // 안녕하세요 5 + 저는 2 + Acme 2 + 의 1 + 민준 2 + 입니다 3 = 15
    const estimate = estimateReading('안녕하세요, 저는 Acme의 민준입니다.', 'ko');
    expect(estimate.units).toBe(15);
    expect(estimate.seconds).toBe(Math.round((15 / READING_RATES.ko.perSecond) * 10) / 10);
  });

  it('puts a long voicemail over 20 seconds and a short one under', () => {
    const short =
      "Hi Jane, it's Sam at Dialdeck. I saw Acme just opened a Berlin office; I have one idea for your new team. I'm at +1 415 555 0100. Again, Sam, +1 415 555 0100.";
    expect(estimateReading(short, 'en').seconds).toBeLessThan(20);
    expect(estimateReading(`${short} ${short}`, 'en').seconds).toBeGreaterThan(20);
  });

  it('has nothing to say for empty text', () => {
    expect(estimateReading('   ', 'ko').seconds).toBe(0);
  });
});
