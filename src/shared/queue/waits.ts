import type { Wait } from '../domain/cadence';
import { addDays, instantAtOrAfterWall, type LocalDate, wallClock, weekdayOf } from './clock';
import { isBusinessDay, type WindowRules } from './window';

const MINUTE = 60_000;

/**
 * The instant a wait ends. Minutes and hours are exact durations; days and business days move the
 * local date in `zone` and keep the time of day on the wall (so "2 business days" from Friday 15:00 is
 * Tuesday 15:00, across a DST change too).
 */
export const addWait = (at: number, wait: Wait, zone: string, w: WindowRules): number => {
  switch (wait.unit) {
    case 'minutes':
      return at + wait.amount * MINUTE;
    case 'hours':
      return at + wait.amount * 60 * MINUTE;
    case 'days':
    case 'business_days': {
      if (wait.amount === 0) return at;
      const c = wallClock(zone, at);
      let date: LocalDate = { year: c.year, month: c.month, day: c.day };
      if (wait.unit === 'days') date = addDays(date, wait.amount);
      else {
        let left = wait.amount;
        // A year of holidays in a row is not a calendar; stop rather than loop.
        for (let guard = 0; left > 0 && guard < 3660; guard++) {
          date = addDays(date, 1);
          if (isBusinessDay(date, weekdayOf(date), w)) left--;
        }
      }
      return instantAtOrAfterWall(zone, date, c.minute) + c.subMinuteMs;
    }
  }
};
