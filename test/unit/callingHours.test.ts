import { DEFAULT_CALLING_RULES } from '@shared/domain/queue';
import { createCallingHours } from '@shared/queue/callingHours';
import { checkWindow, windowRulesOf } from '@shared/queue/window';
import { describe, expect, it } from 'vitest';

const NY = 'America/New_York';
// Tuesday 11 March 2025, New York wall time.
const at = (hhmm: string) => Date.parse(`2025-03-11T${hhmm}:00-04:00`);
const weekdays = [1, 2, 3, 4, 5];

describe('the lead badges judge the calling window as the queue does', () => {
  it('follows the team rules (hours, business days, holidays) in the lead’s zone, and their changes', () => {
    const hours = createCallingHours({
      window: { start: '10:00', end: '16:00' },
      businessDays: weekdays,
      holidays: [],
    });
    expect(hours.isOpen(at('09:59'), NY)).toBe(false);
    expect(hours.isOpen(at('10:00'), NY)).toBe(true);
    expect(hours.isOpen(at('16:01'), NY)).toBe(false);
    // 10:00 in New York is 22:00 in Shanghai: shut there at the same instant.
    expect(hours.isOpen(at('10:00'), 'Asia/Shanghai')).toBe(false);
    // A change of rules applies at once, even within the cached minute.
    hours.setRules({
      window: { start: '10:00', end: '16:00' },
      businessDays: weekdays,
      holidays: ['2025-03-11'],
    });
    expect(hours.isOpen(at('10:00'), NY)).toBe(false);
    hours.setRules({ window: { start: '10:00', end: '16:00' }, businessDays: [1, 3, 5], holidays: [] });
    expect(hours.isOpen(at('12:00'), NY)).toBe(false);
    hours.setRules(DEFAULT_CALLING_RULES);
    expect(hours.isOpen(at('20:30'), NY)).toBe(true);
  });

  it('agrees with the queue’s window check at every quarter hour of a week, across zones and DST', () => {
    const rules = {
      window: { start: '08:30', end: '19:00' },
      businessDays: [1, 2, 3, 4, 6],
      holidays: ['2025-03-13'],
    };
    const hours = createCallingHours(rules);
    const w = windowRulesOf(rules);
    for (const zone of [NY, 'Asia/Shanghai', 'Europe/Berlin', 'Australia/Adelaide']) {
      // The week of the US spring-forward change.
      for (
        let t = Date.parse('2025-03-08T00:00:00Z');
        t < Date.parse('2025-03-15T00:00:00Z');
        t += 15 * 60_000
      ) {
        expect(hours.isOpen(t, zone), `${zone} ${new Date(t).toISOString()}`).toBe(
          checkWindow(zone, t, w).open,
        );
      }
    }
  });
});

describe('the callback picker’s default and warning use the same window', () => {
  const hours = createCallingHours({
    window: { start: '09:00', end: '17:00' },
    businessDays: weekdays,
    holidays: [],
  });
  it('answers the instant itself when the window is open, else its next opening in the lead’s zone', () => {
    expect(hours.nextOpenAt(at('10:30'), NY)).toBe(at('10:30'));
    // 17:30 Tuesday in New York: the window opens again at 09:00 Wednesday there.
    expect(hours.nextOpenAt(at('17:30'), NY)).toBe(Date.parse('2025-03-12T09:00:00-04:00'));
    // Friday evening in Seoul opens again Monday 09:00 in Seoul.
    const fridayNightSeoul = Date.parse('2025-03-14T20:00:00+09:00');
    expect(hours.nextOpenAt(fridayNightSeoul, 'Asia/Seoul')).toBe(Date.parse('2025-03-17T09:00:00+09:00'));
  });
  it('says why a time is outside the window', () => {
    expect(hours.check(at('18:00'), NY)).toEqual({ open: false, reason: 'hours' });
    expect(hours.check(Date.parse('2025-03-15T10:00:00-04:00'), NY)).toEqual({
      open: false,
      reason: 'weekend',
    });
    expect(hours.check(at('12:00'), NY)).toEqual({ open: true, reason: null });
  });
});
