import { isInstant } from '@shared/domain/instant';
import { i18n } from './index';
import { relativeDate } from './relativeDate';

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

/** The rep's own time zone from the calling rules; the system's while unset. */
let repZone: string | undefined;

/**
 * Sets the rep's own time zone (`CallingRules.repTimeZone`, an IANA name; null or unknown: the
 * system's). Dates in the rep's zone — "Today 14:05", "tomorrow" — follow it from then on.
 */
export const setRepTimeZone = (timeZone: string | null): void => {
  repZone = isKnownTimeZone(timeZone) ? timeZone : undefined;
};

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

/** A date and time in the rep's own zone: "12 Mar 2025, 14:05". */
export const formatDateTime = (at: number): string =>
  !isInstant(at)
    ? unknownTime()
    : formatter(
        `datetime:${lang()}:${repZone ?? ''}`,
        () => new Intl.DateTimeFormat(lang(), { dateStyle: 'medium', timeStyle: 'short', timeZone: repZone }),
      ).format(at);

/** A time of day in the rep's own zone. */
export const formatTime = (at: number): string =>
  !isInstant(at)
    ? unknownTime()
    : formatter(
        `time:${lang()}:${repZone ?? ''}`,
        () => new Intl.DateTimeFormat(lang(), { timeStyle: 'short', timeZone: repZone }),
      ).format(at);

/**
 * "in 5 minutes", "tomorrow", "in 2 days", "yesterday", or a date beyond a week, in the interface
 * language and on the rep's own clock; the one relative date every view shows (see `relativeDate`).
 */
export const formatRelative = (at: number, now: number): string =>
  isInstant(at) ? relativeDate(at, now, lang(), repZone) : unknownTime();

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
