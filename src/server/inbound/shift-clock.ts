import { WEEKDAYS, type Weekday } from '@shared/server/shifts';
import { DateTime } from 'luxon';

/** A shift as routing reads it: weekdays, `HH:MM` local start and end, IANA zone. */
export type ShiftTimes = { days: readonly Weekday[]; from: string; to: string; timeZone: string };

const minutesOf = (time: string): number => {
  const [hours, minutes] = time.split(':').map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
};

const weekdayOf = (local: DateTime): Weekday => WEEKDAYS[local.weekday - 1] as Weekday;

/**
 * Whether `now` (UTC epoch ms) falls in the shift, read on the shift's own clock (its IANA zone, so
 * daylight-saving changes move it with the rep). The start is inside, the end outside. A shift whose
 * end is before its start runs past midnight: it belongs to the weekday it starts on, so `mon
 * 22:00–06:00` covers Monday 22:00 to Tuesday 06:00.
 */
export const isOnShift = (shift: ShiftTimes, now: number): boolean => {
  const local = DateTime.fromMillis(now, { zone: shift.timeZone });
  const minute = local.hour * 60 + local.minute;
  const from = minutesOf(shift.from);
  const to = minutesOf(shift.to);
  const today = shift.days.includes(weekdayOf(local));
  if (from < to) return today && minute >= from && minute < to;
  const yesterday = shift.days.includes(weekdayOf(local.minus({ days: 1 })));
  return (today && minute >= from) || (yesterday && minute < to);
};

/**
 * When the shift next starts after `now`, UTC epoch ms: the first of the next eight local days that
 * is a shift day, at the start time on the shift's clock (a start inside a daylight-saving gap moves
 * to the first minute that exists, as luxon resolves it). Never null for a shift with a day.
 */
export const nextShiftStart = (shift: ShiftTimes, now: number): number | null => {
  const local = DateTime.fromMillis(now, { zone: shift.timeZone }).startOf('day');
  const from = minutesOf(shift.from);
  for (let offset = 0; offset <= 7; offset++) {
    const day = local.plus({ days: offset });
    if (!shift.days.includes(weekdayOf(day))) continue;
    const start = day.set({ hour: Math.floor(from / 60), minute: from % 60 }).toMillis();
    if (start > now) return start;
  }
  return null;
};
