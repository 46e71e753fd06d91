// One way to say when something happens relative to now, for every view: "in 5 minutes",
// "in 3 hours", "tomorrow", "in 2 days", "yesterday", and a plain date beyond a week. Days are
// calendar days on the rep's own clock, so 23:00 → 08:00 the next morning reads "tomorrow", and a
// day that is 23 or 25 hours long across a DST change still counts as one day.

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** Beyond this many calendar days a relative phrase says less than the date itself. */
const MAX_RELATIVE_DAYS = 7;

const relativeFormats = new Map<string, Intl.RelativeTimeFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

const relativeFormat = (locale: string): Intl.RelativeTimeFormat => {
  let found = relativeFormats.get(locale);
  if (!found) {
    // `auto` gives "tomorrow" and "yesterday" instead of "in 1 day" and "1 day ago".
    found = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
    relativeFormats.set(locale, found);
  }
  return found;
};

const dateFormat = (kind: 'parts' | 'date', locale: string, timeZone: string | undefined) => {
  const key = `${kind}:${locale}:${timeZone ?? ''}`;
  let found = dateFormats.get(key);
  if (!found) {
    found =
      kind === 'parts'
        ? new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric' })
        : new Intl.DateTimeFormat(locale, { timeZone, dateStyle: 'medium' });
    dateFormats.set(key, found);
  }
  return found;
};

/** The calendar day `at` falls on in `timeZone`, as a count of days since 1970-01-01. */
const dayNumber = (at: number, timeZone: string | undefined): number => {
  const parts = dateFormat('parts', 'en-US', timeZone).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return Date.UTC(part('year'), part('month') - 1, part('day')) / (24 * HOUR);
};

/**
 * `at` relative to `now` (both UTC epoch milliseconds) in `locale` (a BCP 47 tag: "en",
 * "zh-CN", "ko"), judged on the clock of `timeZone` (an IANA zone; the system's when left out):
 * - under a minute apart: "now";
 * - under an hour: whole minutes ("in 5 minutes", "12 minutes ago");
 * - on the same calendar day: whole hours ("in 3 hours");
 * - up to 7 calendar days: days, with `numeric: 'auto'` ("tomorrow", "in 2 days", "yesterday");
 * - further: the date itself ("Dec 5, 2026"), in `locale`.
 * Words come from `Intl.RelativeTimeFormat` (ECMA-402), so every language reads naturally.
 */
export const relativeDate = (at: number, now: number, locale: string, timeZone?: string): string => {
  const diff = at - now;
  const format = relativeFormat(locale);
  if (Math.abs(diff) < MINUTE) return format.format(0, 'second');
  if (Math.abs(diff) < HOUR) return format.format(Math.trunc(diff / MINUTE), 'minute');
  const days = dayNumber(at, timeZone) - dayNumber(now, timeZone);
  if (days === 0) return format.format(Math.trunc(diff / HOUR), 'hour');
  if (Math.abs(days) <= MAX_RELATIVE_DAYS) return format.format(days, 'day');
  return dateFormat('date', locale, timeZone).format(at);
};
