import { parseWeekdays } from '@shared/server/shifts';
import { describe, expect, it } from 'vitest';
import { chooseOwner, type RoutableRep } from '../../../src/server/inbound/routing';
import { isOnShift, nextShiftStart } from '../../../src/server/inbound/shift-clock';

const berlin = {
  days: parseWeekdays('mon-fri') ?? [],
  from: '09:00',
  to: '17:30',
  timeZone: 'Europe/Berlin',
};
// 2026-03-02 is a Monday; Berlin is UTC+1 until the last Sunday of March, UTC+2 after.
const at = (iso: string): number => Date.parse(iso);

describe('weekday sets as managers type them', () => {
  it('reads ranges, lists, wrapping ranges and daily; refuses what is not a weekday', () => {
    expect(parseWeekdays('mon-fri')).toEqual(['mon', 'tue', 'wed', 'thu', 'fri']);
    expect(parseWeekdays('Mon,Wed,FRI')).toEqual(['mon', 'wed', 'fri']);
    expect(parseWeekdays('fri-mon')).toEqual(['mon', 'fri', 'sat', 'sun']);
    expect(parseWeekdays('mon-fri,sun')).toEqual(['mon', 'tue', 'wed', 'thu', 'fri', 'sun']);
    expect(parseWeekdays('daily')).toHaveLength(7);
    expect(parseWeekdays('monday-friday')).toEqual(['mon', 'tue', 'wed', 'thu', 'fri']);
    expect(parseWeekdays('mon-xyz')).toBeNull();
    expect(parseWeekdays('weekdays')).toBeNull();
  });
});

describe("a shift on the rep's own clock", () => {
  it('is on from the start to just before the end, on its weekdays only', () => {
    expect(isOnShift(berlin, at('2026-03-02T07:59:00Z'))).toBe(false); // 08:59 Berlin
    expect(isOnShift(berlin, at('2026-03-02T08:00:00Z'))).toBe(true); // 09:00
    expect(isOnShift(berlin, at('2026-03-02T16:29:00Z'))).toBe(true); // 17:29
    expect(isOnShift(berlin, at('2026-03-02T16:30:00Z'))).toBe(false); // 17:30
    expect(isOnShift(berlin, at('2026-03-07T10:00:00Z'))).toBe(false); // Saturday
  });

  it('follows daylight saving time: 09:00 Berlin is 08:00 UTC in March and 07:00 UTC in April', () => {
    expect(isOnShift(berlin, at('2026-04-06T07:00:00Z'))).toBe(true);
    expect(isOnShift(berlin, at('2026-03-02T07:00:00Z'))).toBe(false);
  });

  it('runs past midnight when it ends before it starts, belonging to the day it starts', () => {
    const night = { days: ['mon' as const], from: '22:00', to: '06:00', timeZone: 'America/New_York' };
    expect(isOnShift(night, at('2026-03-03T03:30:00Z'))).toBe(true); // Mon 22:30 New York
    expect(isOnShift(night, at('2026-03-03T10:30:00Z'))).toBe(true); // Tue 05:30
    expect(isOnShift(night, at('2026-03-03T11:30:00Z'))).toBe(false); // Tue 06:30
    expect(isOnShift(night, at('2026-03-04T03:30:00Z'))).toBe(false); // Tue 22:30: not a shift day
  });

  it('next starts at the first shift day ahead, at its local start', () => {
    expect(nextShiftStart(berlin, at('2026-03-06T17:00:00Z'))).toBe(at('2026-03-09T08:00:00Z')); // Fri evening → Mon
    expect(nextShiftStart(berlin, at('2026-03-02T06:00:00Z'))).toBe(at('2026-03-02T08:00:00Z')); // Mon morning
  });
});

describe('round-robin among reps on shift', () => {
  const tokyo = { days: parseWeekdays('daily') ?? [], from: '09:00', to: '18:00', timeZone: 'Asia/Tokyo' };
  const reps: RoutableRep[] = [
    { userId: '0190a000-0000-7000-8000-000000000001', shift: berlin },
    { userId: '0190a000-0000-7000-8000-000000000002', shift: berlin },
    { userId: '0190a000-0000-7000-8000-000000000003', shift: tokyo },
    { userId: '0190a000-0000-7000-8000-000000000004', shift: null },
  ];
  const [a, b, c] = reps.map((r) => r.userId);
  const mondayNoonBerlin = at('2026-03-02T11:00:00Z'); // 20:00 in Tokyo: off

  it('takes turns among those on shift, wrapping round, and skips reps off shift', () => {
    let last: string | null = null;
    const owners: (string | null)[] = [];
    for (let i = 0; i < 5; i++) {
      const choice = chooseOwner(reps, last, mondayNoonBerlin);
      expect(choice.routed).toBe('on_shift');
      owners.push(choice.ownerId);
      last = choice.ownerId;
    }
    expect(owners).toEqual([a, b, a, b, a]);
  });

  it('with nobody on shift, gives the lead to the rep whose shift starts soonest', () => {
    const saturdayNoonBerlin = at('2026-03-07T11:00:00Z'); // Tokyo 20:00 Sat; next Tokyo shift Sun 09:00
    expect(chooseOwner(reps, null, saturdayNoonBerlin)).toEqual({ ownerId: c, routed: 'next_shift' });
  });

  it('leaves the lead unassigned when no rep has a shift', () => {
    expect(chooseOwner([{ userId: a as string, shift: null }], null, mondayNoonBerlin)).toEqual({
      ownerId: null,
      routed: 'unassigned',
    });
  });
});
