import { WEEKDAYS, type Weekday } from '@shared/server/shifts';

/** 2024-01-01 was a Monday: day `i` of a shift's week (Monday first) is this date plus `i` days. */
const MONDAY_UTC = Date.UTC(2024, 0, 1);

/** The weekday's short name in `locale` (Intl's own data: "Mon", "周一", "월"). */
export const weekdayName = (day: Weekday, locale: string): string =>
  new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' }).format(
    MONDAY_UTC + WEEKDAYS.indexOf(day) * 86_400_000,
  );

/** A shift's days as a manager reads them: runs of three or more joined ("Mon–Fri, Sun"). */
export const weekdaysText = (days: readonly Weekday[], locale: string): string => {
  const chosen = WEEKDAYS.map((day) => days.includes(day));
  const parts: string[] = [];
  for (let i = 0; i < 7; i++) {
    if (!chosen[i]) continue;
    let end = i;
    while (end + 1 < 7 && chosen[end + 1]) end++;
    const first = weekdayName(WEEKDAYS[i] as Weekday, locale);
    const last = weekdayName(WEEKDAYS[end] as Weekday, locale);
    if (end - i >= 2) parts.push(`${first}–${last}`);
    else for (let k = i; k <= end; k++) parts.push(weekdayName(WEEKDAYS[k] as Weekday, locale));
    i = end;
  }
  return parts.join(', ');
};

/** The IANA zones this browser knows, for the zone picker's suggestions. */
export const knownTimeZones = (): readonly string[] => Intl.supportedValuesOf('timeZone');
