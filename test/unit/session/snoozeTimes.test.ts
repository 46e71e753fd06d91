import { describe, expect, it } from 'vitest';
import { snoozeUntil } from '../../../src/shared/session/snoozeTimes';

describe('snoozeUntil', () => {
  // 21:30 UTC on a Tuesday; local wall times are read in whatever zone the test runs in.
  const now = Date.parse('2026-11-24T21:30:00Z');

  it('adds an hour or three to now', () => {
    expect(snoozeUntil('hour', now, '')).toBe(now + 3_600_000);
    expect(snoozeUntil('threeHours', now, '')).toBe(now + 3 * 3_600_000);
  });

  it('reads tomorrow as 09:00 local and a picked time as local wall time', () => {
    const offset = new Date(now).getTimezoneOffset() * 60_000;
    const tomorrowNine = Date.UTC(2026, 10, 25, 9, 0) + offset;
    expect(snoozeUntil('tomorrow', now, '')).toBe(tomorrowNine);
    expect(snoozeUntil('at', now, '2026-11-26T13:15')).toBe(Date.UTC(2026, 10, 26, 13, 15) + offset);
  });

  it('has no end for an empty or unreadable picked time', () => {
    expect(snoozeUntil('at', now, '')).toBeNull();
    expect(snoozeUntil('at', now, 'next week')).toBeNull();
  });
});
