import { describe, expect, it } from 'vitest';
import { DEFAULT_CALLING_RULES } from '../../../src/shared/domain/queue';
import { addWait } from '../../../src/shared/queue/waits';
import { windowRulesOf } from '../../../src/shared/queue/window';

const utc = (iso: string) => Date.parse(iso);
const w = windowRulesOf({ ...DEFAULT_CALLING_RULES, holidays: ['2025-03-11'] });

describe('cadence waits', () => {
  it('counts minutes and hours as exact durations, even across a DST change', () => {
    const at = utc('2025-03-09T06:30:00Z'); // 01:30 EST, half an hour before clocks jump
    expect(addWait(at, { amount: 1, unit: 'hours' }, 'America/New_York', w)).toBe(at + 3_600_000);
    expect(addWait(at, { amount: 90, unit: 'minutes' }, 'America/New_York', w)).toBe(at + 5_400_000);
  });

  it('keeps the time of day on the wall for days, across a DST change', () => {
    // Sat 8 Mar 2025 15:00 EST → Sun 9 Mar 15:00 EDT is 23 hours later.
    expect(addWait(utc('2025-03-08T20:00:00Z'), { amount: 1, unit: 'days' }, 'America/New_York', w)).toBe(
      utc('2025-03-09T19:00:00Z'),
    );
  });

  it('skips weekends and holidays for business days, in the lead’s calendar', () => {
    // Fri 7 Mar 15:00 EST + 2 business days: Mon 10, (Tue 11 is a holiday), Wed 12 at 15:00 EDT.
    expect(
      addWait(utc('2025-03-07T20:00:00Z'), { amount: 2, unit: 'business_days' }, 'America/New_York', w),
    ).toBe(utc('2025-03-12T19:00:00Z'));
    // Friday 10:00 in Seoul (no DST) + 1 business day = Monday 10:00.
    expect(addWait(utc('2025-03-07T01:00:00Z'), { amount: 1, unit: 'business_days' }, 'Asia/Seoul', w)).toBe(
      utc('2025-03-10T01:00:00Z'),
    );
  });

  it('lands a wall time that the clocks skip on the instant they jump past it', () => {
    // Sat 8 Mar 02:30 EST + 1 day: 02:30 on 9 Mar does not exist in New York; 03:00 EDT is 07:00 UTC.
    expect(addWait(utc('2025-03-08T07:30:00Z'), { amount: 1, unit: 'days' }, 'America/New_York', w)).toBe(
      utc('2025-03-09T07:00:00Z'),
    );
  });
});
