import { isInstant } from '@shared/domain/instant';
import { i18n } from './index';

// Dates and times go through Intl in the interface language. Formatters are costly to build and the
// list formats a time per visible row, so each is made once per language and time zone.
const cache = new Map<string, Intl.DateTimeFormat>();

const formatter = (key: string, make: () => Intl.DateTimeFormat): Intl.DateTimeFormat => {
  let found = cache.get(key);
  if (!found) {
    found = make();
    cache.set(key, found);
  }
  return found;
};

const lang = () => i18n.language || 'en';

/**
 * A stored time that is not a real instant (see `Instant`: written by an older version or by hand)
 * reads as "Unknown time" rather than throwing Intl's RangeError and taking the view down with it.
 */
const unknownTime = (): string => i18n.t('errors.unknownTime');

/** True when `timeZone` is an IANA zone this browser knows. */
export const isKnownTimeZone = (timeZone: string | null | undefined): timeZone is string => {
  if (!timeZone) return false;
  try {
    formatter(`tz:${timeZone}`, () => new Intl.DateTimeFormat('en', { timeZone }));
    return true;
  } catch {
    return false;
  }
};

/** "9:41 AM" in the lead's zone. */
export const formatClock = (at: number, timeZone: string): string =>
  !isInstant(at)
    ? unknownTime()
    : formatter(
        `clock:${lang()}:${timeZone}`,
        () => new Intl.DateTimeFormat(lang(), { timeZone, hour: 'numeric', minute: '2-digit' }),
      ).format(at);

/** "Tue 9:41 AM GMT-5" in the lead's zone, for the detail panel. */
export const formatZonedDateTime = (at: number, timeZone: string): string =>
  !isInstant(at)
    ? unknownTime()
    : formatter(
        `zoned:${lang()}:${timeZone}`,
        () =>
          new Intl.DateTimeFormat(lang(), {
            timeZone,
            weekday: 'short',
            hour: 'numeric',
            minute: '2-digit',
            timeZoneName: 'short',
          }),
      ).format(at);

/** The hour (0–23) it is now in `timeZone`. */
export const hourIn = (at: number, timeZone: string): number => {
  const parts = formatter(
    `hour:${timeZone}`,
    () => new Intl.DateTimeFormat('en-US', { timeZone, hour: 'numeric', hourCycle: 'h23', weekday: 'short' }),
  ).formatToParts(at);
  return Number(parts.find((part) => part.type === 'hour')?.value ?? 0);
};

/** True on Saturday or Sunday in `timeZone`. */
export const isWeekendIn = (at: number, timeZone: string): boolean => {
  const weekday = formatter(
    `weekday:${timeZone}`,
    () => new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short' }),
  ).format(at);
  return weekday === 'Sat' || weekday === 'Sun';
};

/** A date and time in the user's own zone: "12 Mar 2025, 14:05". */
export const formatDateTime = (at: number): string =>
  !isInstant(at)
    ? unknownTime()
    : formatter(
        `datetime:${lang()}`,
        () => new Intl.DateTimeFormat(lang(), { dateStyle: 'medium', timeStyle: 'short' }),
      ).format(at);

/** A time of day in the user's own zone. */
export const formatTime = (at: number): string =>
  !isInstant(at)
    ? unknownTime()
    : formatter(`time:${lang()}`, () => new Intl.DateTimeFormat(lang(), { timeStyle: 'short' })).format(at);

const UNITS: ReadonlyArray<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 24 * 3600_000],
  ['month', 30 * 24 * 3600_000],
  ['week', 7 * 24 * 3600_000],
  ['day', 24 * 3600_000],
  ['hour', 3600_000],
  ['minute', 60_000],
];

/** "3 days ago", "in 2 hours", "just now" in the interface language. */
export const formatRelative = (at: number, now: number): string => {
  if (!isInstant(at)) return unknownTime();
  const format = new Intl.RelativeTimeFormat(lang(), { numeric: 'auto' });
  const diff = at - now;
  for (const [unit, ms] of UNITS) {
    if (Math.abs(diff) >= ms) return format.format(Math.round(diff / ms), unit);
  }
  return format.format(0, 'minute');
};

const numberFormats = new Map<string, Intl.NumberFormat>();

/** "12,345" in the interface language. */
export const formatNumber = (value: number): string => {
  let format = numberFormats.get(lang());
  if (!format) {
    format = new Intl.NumberFormat(lang());
    numberFormats.set(lang(), format);
  }
  return format.format(value);
};

/** "1.2 MB" for a byte count. */
export const formatBytes = (bytes: number): string => {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return new Intl.NumberFormat(lang(), {
    style: 'unit',
    unit: units[unit],
    unitDisplay: 'short',
    maximumFractionDigits: unit === 0 ? 0 : 1,
  }).format(value);
};

/** A country's name in the interface language, from its ISO 3166 code. */
export const regionName = (code: string): string => {
  try {
    return new Intl.DisplayNames([lang()], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
};

/**
 * "Tue, Mar 3, 9:00 AM GMT+9": a callback time in `timeZone` (the rep's own when undefined), in the
 * interface language, with the zone's short name so two clocks side by side cannot be confused.
 */
export const formatCallbackTime = (at: number, timeZone?: string): string =>
  !isInstant(at)
    ? unknownTime()
    : formatter(
        `callback:${lang()}:${timeZone ?? ''}`,
        () =>
          new Intl.DateTimeFormat(lang(), {
            ...(timeZone ? { timeZone } : {}),
            weekday: 'short',
            month: 'short',
            day: 'numeric',
            hour: 'numeric',
            minute: '2-digit',
            timeZoneName: 'short',
          }),
      ).format(at);
