import { describe, expect, it } from 'vitest';
import { relativeDate } from '../../../src/renderer/src/i18n/relativeDate';

// Relative dates on the rep's calendar: across midnight, across the DST changes of a rep in New York,
// and in the three interface languages.

const NY = 'America/New_York';
const SEOUL = 'Asia/Seoul';
const at = (iso: string) => Date.parse(iso);
const MIN = 60_000;
const HOUR = 60 * MIN;

describe('relativeDate', () => {
  it('says now, minutes and hours within the same day', () => {
    const now = at('2026-11-24T15:00:00Z'); // 10:00 in New York
    expect(relativeDate(now + 20_000, now, 'en', NY)).toBe('now');
    expect(relativeDate(now + 5 * MIN, now, 'en', NY)).toBe('in 5 minutes');
    expect(relativeDate(now - 12 * MIN, now, 'en', NY)).toBe('12 minutes ago');
    expect(relativeDate(now + 3 * HOUR + 10 * MIN, now, 'en', NY)).toBe('in 3 hours');
    expect(relativeDate(now - 2 * HOUR, now, 'en', NY)).toBe('2 hours ago');
  });

  it('counts calendar days across midnight, not 24-hour spans', () => {
    const lateEvening = at('2026-11-25T04:00:00Z'); // 23:00 on Tuesday in New York
    // Nine hours later is Wednesday morning: tomorrow, not "in 9 hours".
    expect(relativeDate(lateEvening + 9 * HOUR, lateEvening, 'en', NY)).toBe('tomorrow');
    // Thirty hours later is Thursday 05:00: two calendar days, though under two 24-hour spans.
    expect(relativeDate(lateEvening + 30 * HOUR, lateEvening, 'en', NY)).toBe('in 2 days');
    const earlyMorning = at('2026-11-25T06:00:00Z'); // 01:00 on Wednesday
    expect(relativeDate(earlyMorning - 3 * HOUR, earlyMorning, 'en', NY)).toBe('yesterday');
    // The same instants on a rep's clock in Seoul (14 hours ahead) fall on other days.
    expect(relativeDate(lateEvening + 9 * HOUR, lateEvening, 'en', SEOUL)).toBe('in 9 hours');
  });

  it('keeps days whole across the DST changes', () => {
    // 2026-03-08: New York springs forward, the day has 23 hours.
    const beforeSpring = at('2026-03-07T17:00:00Z'); // Saturday 12:00 EST
    const mondayNoon = at('2026-03-09T16:00:00Z'); // Monday 12:00 EDT, 47 hours later
    expect(relativeDate(mondayNoon, beforeSpring, 'en', NY)).toBe('in 2 days');
    expect(relativeDate(beforeSpring, mondayNoon, 'en', NY)).toBe('2 days ago');
    // 2026-11-01: New York falls back, the day has 25 hours.
    const saturday2330 = at('2026-11-01T03:30:00Z'); // Saturday 23:30 EDT
    const sunday2330 = at('2026-11-02T04:30:00Z'); // Sunday 23:30 EST, 25 hours later
    expect(relativeDate(sunday2330, saturday2330, 'en', NY)).toBe('tomorrow');
    expect(relativeDate(saturday2330, sunday2330, 'en', NY)).toBe('yesterday');
  });

  it('gives the date itself beyond a week', () => {
    const now = at('2026-11-24T15:00:00Z');
    expect(relativeDate(now + 7 * 24 * HOUR, now, 'en', NY)).toBe('in 7 days');
    expect(relativeDate(now + 8 * 24 * HOUR, now, 'en', NY)).toBe('Dec 2, 2026');
    expect(relativeDate(now - 30 * 24 * HOUR, now, 'en', NY)).toBe('Oct 25, 2026');
    expect(relativeDate(now + 8 * 24 * HOUR, now, 'zh-CN', NY)).toBe('2026年12月2日');
    expect(relativeDate(now + 8 * 24 * HOUR, now, 'ko', NY)).toBe('2026. 12. 2.');
  });

  it('speaks Chinese and Korean', () => {
    const now = at('2026-11-24T15:00:00Z');
    const day = 24 * HOUR;
    expect(['zh-CN', 'ko'].map((l) => relativeDate(now + day, now, l, NY))).toEqual(['明天', '내일']);
    expect(['zh-CN', 'ko'].map((l) => relativeDate(now - day, now, l, NY))).toEqual(['昨天', '어제']);
    expect(['zh-CN', 'ko'].map((l) => relativeDate(now + 3 * day, now, l, NY))).toEqual(['3天后', '3일 후']);
    expect(['zh-CN', 'ko'].map((l) => relativeDate(now + 2 * HOUR, now, l, NY))).toEqual([
      '2小时后',
      '2시간 후',
    ]);
    expect(['zh-CN', 'ko'].map((l) => relativeDate(now + 10_000, now, l, NY))).toEqual(['现在', '지금']);
  });
});
