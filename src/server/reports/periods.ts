import { DateTime } from 'luxon';

/** A run of the team's calendar days, both ends included, and the instants it spans (`toMs` excluded). */
export type DayPeriod = { from: string; to: string; fromMs: number; toMs: number };

/** The instant (UTC epoch ms) the calendar day `date` (YYYY-MM-DD) starts in `timeZone`. */
export const startOfDay = (date: string, timeZone: string): number =>
  DateTime.fromISO(date, { zone: timeZone }).startOf('day').toMillis();

/** The calendar day (YYYY-MM-DD) in `timeZone` that the instant `at` (UTC epoch ms) falls on. */
export const dayOf = (at: number, timeZone: string): string =>
  DateTime.fromMillis(at, { zone: timeZone }).toISODate() ?? '';

/** `date` moved by `days` calendar days. */
export const addDays = (date: string, days: number): string =>
  DateTime.fromISO(date, { zone: 'UTC' }).plus({ days }).toISODate() ?? date;

/** The days `from`…`to` (both included, YYYY-MM-DD) in `timeZone`, with their instants. */
export const periodOf = (from: string, to: string, timeZone: string): DayPeriod => ({
  from,
  to,
  fromMs: startOfDay(from, timeZone),
  toMs: startOfDay(addDays(to, 1), timeZone),
});

/**
 * Today and this week at `at` in `timeZone`: the week runs from its Monday (ISO 8601) to today. Days
 * are wall-clock days, so one with a daylight-saving change spans 23 or 25 hours.
 */
export const todayAndWeek = (at: number, timeZone: string): { today: DayPeriod; week: DayPeriod } => {
  const local = DateTime.fromMillis(at, { zone: timeZone });
  const today = local.toISODate() ?? '';
  const monday = local.startOf('week').toISODate() ?? today;
  return { today: periodOf(today, today, timeZone), week: periodOf(monday, today, timeZone) };
};

/** Every day from `from` to `to`, both included (YYYY-MM-DD). */
export const daysBetween = (from: string, to: string): string[] => {
  const days: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day);
  return days;
};
