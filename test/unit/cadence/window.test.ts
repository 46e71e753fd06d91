import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CALLING_RULES } from '../../../src/shared/domain/queue';
import {
  checkWindow,
  nextWindowChange,
  type WindowRules,
  windowAcross,
  windowRulesOf,
} from '../../../src/shared/queue/window';
import { zonesOfKey } from '../../../src/shared/queue/zones';

const utc = (iso: string) => Date.parse(iso);
const DEFAULT = windowRulesOf(DEFAULT_CALLING_RULES);
const everyDay = (start: string, end: string, holidays: string[] = []): WindowRules =>
  windowRulesOf({ window: { start, end }, businessDays: [1, 2, 3, 4, 5, 6, 7], holidays });

/** The window by the book, from luxon's reading of the wall clock: an oracle independent of the code. */
const openByLuxon = (zone: string, at: number, w: WindowRules): boolean => {
  const local = DateTime.fromMillis(at, { zone });
  const minute = local.hour * 60 + local.minute;
  return (
    w.businessDays.has(local.weekday) &&
    !w.holidays.has(local.toISODate() ?? '') &&
    minute >= w.start &&
    minute < w.end
  );
};

describe('calling window across DST changes (America/New_York)', () => {
  it('opens on the Monday after spring-forward at 08:00 EDT, not 08:00 EST', () => {
    const fridayNight = utc('2025-03-08T02:30:00Z'); // Fri 7 Mar, 21:30 EST
    expect(checkWindow('America/New_York', fridayNight, DEFAULT)).toEqual({ open: false, reason: 'hours' });
    expect(nextWindowChange('America/New_York', fridayNight, DEFAULT)).toBe(utc('2025-03-10T12:00:00Z'));
    expect(checkWindow('America/New_York', utc('2025-03-09T15:00:00Z'), DEFAULT).reason).toBe('weekend');
    expect(checkWindow('America/New_York', utc('2025-03-10T11:59:00Z'), DEFAULT).open).toBe(false);
    expect(checkWindow('America/New_York', utc('2025-03-10T12:00:00Z'), DEFAULT).open).toBe(true);
    expect(nextWindowChange('America/New_York', utc('2025-03-10T12:00:00Z'), DEFAULT)).toBe(
      utc('2025-03-11T01:00:00Z'),
    );
  });

  it('opens on the Monday after fall-back at 08:00 EST', () => {
    const fridayNight = utc('2025-11-01T01:00:00Z'); // Fri 31 Oct, 21:00 EDT
    expect(checkWindow('America/New_York', fridayNight, DEFAULT).open).toBe(false);
    expect(nextWindowChange('America/New_York', fridayNight, DEFAULT)).toBe(utc('2025-11-03T13:00:00Z'));
  });

  it('judges the spring-forward gap by the wall clock: a window from 02:30 opens when clocks jump to 03:00', () => {
    const w = everyDay('02:30', '04:00');
    const before = utc('2025-03-09T06:59:00Z'); // 01:59 EST
    expect(checkWindow('America/New_York', before, w).open).toBe(false);
    expect(nextWindowChange('America/New_York', before, w)).toBe(utc('2025-03-09T07:00:00Z')); // 03:00 EDT
    expect(checkWindow('America/New_York', utc('2025-03-09T07:00:00Z'), w).open).toBe(true);
    expect(nextWindowChange('America/New_York', utc('2025-03-09T07:00:00Z'), w)).toBe(
      utc('2025-03-09T08:00:00Z'),
    );
  });

  it('judges the repeated fall-back hour by the wall clock: 01:00–01:30 is open twice', () => {
    const w = everyDay('00:00', '01:30');
    expect(checkWindow('America/New_York', utc('2025-11-02T05:15:00Z'), w).open).toBe(true); // 01:15 EDT
    expect(nextWindowChange('America/New_York', utc('2025-11-02T05:15:00Z'), w)).toBe(
      utc('2025-11-02T05:30:00Z'),
    );
    expect(checkWindow('America/New_York', utc('2025-11-02T05:30:00Z'), w).open).toBe(false); // 01:30 EDT
    expect(nextWindowChange('America/New_York', utc('2025-11-02T05:30:00Z'), w)).toBe(
      utc('2025-11-02T06:00:00Z'), // clocks go back to 01:00 EST
    );
    expect(checkWindow('America/New_York', utc('2025-11-02T06:15:00Z'), w).open).toBe(true); // 01:15 EST
    expect(nextWindowChange('America/New_York', utc('2025-11-02T06:15:00Z'), w)).toBe(
      utc('2025-11-02T06:30:00Z'),
    );
  });
});

describe('calling window across DST changes (Europe/London)', () => {
  it('opens at 08:00 BST on the Monday after clocks go forward, 08:00 GMT after they go back', () => {
    expect(nextWindowChange('Europe/London', utc('2025-03-28T21:00:00Z'), DEFAULT)).toBe(
      utc('2025-03-31T07:00:00Z'),
    );
    expect(nextWindowChange('Europe/London', utc('2025-10-24T21:00:00Z'), DEFAULT)).toBe(
      utc('2025-10-27T08:00:00Z'),
    );
  });

  it('skips the missing hour and repeats the doubled one on the wall clock', () => {
    const gap = everyDay('01:30', '03:00');
    // 30 Mar 2025: 01:00 GMT → 02:00 BST. 01:30 never shows; the window opens as the clocks jump.
    expect(nextWindowChange('Europe/London', utc('2025-03-30T00:30:00Z'), gap)).toBe(
      utc('2025-03-30T01:00:00Z'),
    );
    const doubled = everyDay('01:00', '01:30');
    // 26 Oct 2025: 02:00 BST → 01:00 GMT. 01:00–01:30 shows twice.
    expect(checkWindow('Europe/London', utc('2025-10-26T00:10:00Z'), doubled).open).toBe(true);
    expect(nextWindowChange('Europe/London', utc('2025-10-26T00:10:00Z'), doubled)).toBe(
      utc('2025-10-26T00:30:00Z'),
    );
    expect(nextWindowChange('Europe/London', utc('2025-10-26T00:30:00Z'), doubled)).toBe(
      utc('2025-10-26T01:00:00Z'),
    );
  });
});

describe('calling window in zones without DST', () => {
  it.each([
    ['Asia/Shanghai', 8],
    ['Asia/Seoul', 9],
  ])('%s opens at 08:00 local every business day, the same UTC time all year', (zone, offset) => {
    for (const monday of ['2025-03-03', '2025-03-10', '2025-11-03', '2025-07-07']) {
      const sundayNight = Date.parse(`${monday}T00:00:00Z`) - 3 * 3_600_000;
      const opens = Date.parse(`${monday}T08:00:00Z`) - offset * 3_600_000;
      expect(nextWindowChange(zone, sundayNight - offset * 3_600_000, DEFAULT)).toBe(opens);
      expect(nextWindowChange(zone, opens, DEFAULT)).toBe(opens + 13 * 3_600_000);
    }
  });

  it('keeps a holiday shut all day in the local calendar', () => {
    const w = windowRulesOf({ ...DEFAULT_CALLING_RULES, holidays: ['2025-10-01'] });
    // 1 Oct 2025 10:00 in Shanghai is 02:00 UTC.
    expect(checkWindow('Asia/Shanghai', utc('2025-10-01T02:00:00Z'), w)).toEqual({
      open: false,
      reason: 'holiday',
    });
    expect(nextWindowChange('Asia/Shanghai', utc('2025-10-01T02:00:00Z'), w)).toBe(
      utc('2025-10-02T00:00:00Z'),
    );
  });
});

describe('calling window for a lead whose time zone is unknown', () => {
  it('is open for a US lead only while it is open in every US zone', () => {
    const zones = zonesOfKey('?US');
    expect(zones).toEqual(expect.arrayContaining(['America/New_York', 'Pacific/Honolulu']));
    const morning = utc('2025-03-10T14:00:00Z'); // 10:00 in New York, 04:00 in Honolulu
    const state = windowAcross(zones, morning, DEFAULT);
    expect(state.open).toBe(false);
    // Brute force: the first whole minute at which every zone is open.
    let expected = morning;
    while (!zones.every((zone) => openByLuxon(zone, expected, DEFAULT))) expected += 60_000;
    expect(state.until).toBe(expected);
    const atOpening = windowAcross(zones, expected, DEFAULT);
    expect(atOpening.open).toBe(true);
    let closes = expected;
    while (zones.every((zone) => openByLuxon(zone, closes, DEFAULT))) closes += 60_000;
    expect(atOpening.until).toBe(closes);
  });

  it('never opens for a lead that could be anywhere on earth', () => {
    const state = windowAcross(zonesOfKey('?'), utc('2025-03-10T14:00:00Z'), DEFAULT);
    expect(state).toMatchObject({ open: false, until: null });
  });
});

const ZONES = [
  'America/New_York',
  'America/Los_Angeles',
  'America/Sao_Paulo',
  'Europe/London',
  'Europe/Berlin',
  'Asia/Shanghai',
  'Asia/Seoul',
  'Asia/Kolkata',
  'Australia/Sydney',
  'Australia/Lord_Howe',
  'Pacific/Auckland',
  'Pacific/Chatham',
  'America/St_Johns',
  'UTC',
];

const arbitraryRules = fc
  .record({
    start: fc.integer({ min: 0, max: 1439 }),
    length: fc.integer({ min: 1, max: 1440 }),
    days: fc.subarray([1, 2, 3, 4, 5, 6, 7], { minLength: 1 }),
  })
  .map(({ start, length, days }): WindowRules => {
    const end = Math.min(1440, start + length);
    return { start, end, businessDays: new Set(days), holidays: new Set(['2025-12-25', '2026-01-01']) };
  });

describe('calling window properties', () => {
  const instant = fc.integer({ min: utc('2024-01-01T00:00:00Z'), max: utc('2027-12-31T00:00:00Z') });

  it('agrees with the wall clock read by luxon, at any instant in any zone', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), instant, arbitraryRules, (zone, at, w) => {
        expect(checkWindow(zone, at, w).open).toBe(openByLuxon(zone, at, w));
      }),
      { numRuns: 500 },
    );
  });

  it('names the first instant the window changes: the same state up to it, the other state from it', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        instant,
        arbitraryRules,
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 20 }),
        (zone, at, w, probes) => {
          const now = openByLuxon(zone, at, w);
          const change = nextWindowChange(zone, at, w);
          if (change === null) return;
          expect(change).toBeGreaterThan(at);
          expect(openByLuxon(zone, change, w)).toBe(!now);
          expect(openByLuxon(zone, change - 1, w)).toBe(now);
          for (const p of probes)
            expect(openByLuxon(zone, at + Math.floor(p * (change - at - 1)), w)).toBe(now);
        },
      ),
      { numRuns: 300 },
    );
  });
});
