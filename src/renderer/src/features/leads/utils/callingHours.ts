import { hourIn, isWeekendIn } from '../../../i18n/format';

// Asked once per row on screen; the answer only changes with the minute, so it is kept per zone.
const cache = new Map<string, boolean>();
let cacheMinute = -1;

/** Weekdays 8:00–18:00 in the lead's own zone: when a cold call is welcome. */
export const isCallableHour = (at: number, timeZone: string): boolean => {
  const minute = Math.floor(at / 60_000);
  if (minute !== cacheMinute) {
    cache.clear();
    cacheMinute = minute;
  }
  let callable = cache.get(timeZone);
  if (callable === undefined) {
    const hour = hourIn(at, timeZone);
    callable = !isWeekendIn(at, timeZone) && hour >= 8 && hour < 18;
    cache.set(timeZone, callable);
  }
  return callable;
};
