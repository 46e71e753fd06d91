/**
 * Wall-clock arithmetic in IANA time zones, exact across DST changes: the instants at which a zone's
 * clocks show a given time, which may be none (the spring-forward gap) or two (the fall-back hour).
 */
export type LocalDate = { year: number; month: number; day: number };
export type WallClock = LocalDate & {
  /** Minutes since local midnight, 0–1439. */
  minute: number;
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** Milliseconds past the wall minute (seconds included). */
  subMinuteMs: number;
};

const MINUTE = 60_000;
const HOUR = 3_600_000;
const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

const formatters = new Map<string, Intl.DateTimeFormat>();
const formatter = (zone: string): Intl.DateTimeFormat => {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      weekday: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, f);
  }
  return f;
};

const validity = new Map<string, boolean>();
/** True for a time zone name this runtime's ICU data knows. */
export const isValidTimeZone = (zone: string): boolean => {
  let valid = validity.get(zone);
  if (valid === undefined) {
    try {
      formatter(zone);
      valid = true;
    } catch {
      valid = false;
    }
    validity.set(zone, valid);
  }
  return valid;
};

const readWallClock = (zone: string, at: number): WallClock => {
  const parts = formatter(zone).formatToParts(at);
  let year = 0;
  let month = 0;
  let day = 0;
  let hour = 0;
  let minute = 0;
  let second = 0;
  let weekday = 0;
  for (const part of parts) {
    switch (part.type) {
      case 'year':
        year = Number(part.value);
        break;
      case 'month':
        month = Number(part.value);
        break;
      case 'day':
        day = Number(part.value);
        break;
      case 'hour':
        hour = Number(part.value) % 24;
        break;
      case 'minute':
        minute = Number(part.value);
        break;
      case 'second':
        second = Number(part.value);
        break;
      case 'weekday':
        weekday = WEEKDAYS[part.value] ?? 0;
        break;
    }
  }
  const ms = ((at % 1000) + 1000) % 1000;
  return { year, month, day, minute: hour * 60 + minute, weekday, subMinuteMs: second * 1000 + ms };
};

/** Wall minutes read lately, by zone and UTC minute; cleared whole when it grows past `WALL_CACHE_SIZE`. */
const wallMinutes = new Map<string, WallClock>();
const WALL_CACHE_SIZE = 4096;

/**
 * Since 1972 every zone's UTC offset is a whole number of minutes (Monrovia's −0:44:30 was the last
 * with seconds; IANA tzdb) and changes on a minute boundary.
 */
const WHOLE_MINUTE_OFFSETS_FROM = Date.UTC(1973, 0, 1);

/**
 * The zone's wall clock at `at` (epoch ms). With whole-minute offsets the clock within one UTC minute
 * is the minute's start plus the milliseconds since it, so ICU is asked once per zone and minute (a
 * queue read asks hundreds of times for one instant); earlier instants are read as they are.
 */
export const wallClock = (zone: string, at: number): WallClock => {
  if (at < WHOLE_MINUTE_OFFSETS_FROM) return readWallClock(zone, at);
  const minuteStart = Math.floor(at / MINUTE) * MINUTE;
  const key = `${zone}|${minuteStart}`;
  let wall = wallMinutes.get(key);
  if (!wall) {
    wall = readWallClock(zone, minuteStart);
    if (wallMinutes.size >= WALL_CACHE_SIZE) wallMinutes.clear();
    wallMinutes.set(key, wall);
  }
  return { ...wall, subMinuteMs: at - minuteStart };
};

/** The zone's offset from UTC at `at`, in minutes (New York in winter: -300). */
export const offsetMinutes = (zone: string, at: number): number => {
  const c = wallClock(zone, at);
  const wallAsUtc = Date.UTC(c.year, c.month - 1, c.day, 0, c.minute) + c.subMinuteMs;
  return Math.round((wallAsUtc - at) / MINUTE);
};

export const isoDate = (d: LocalDate): string =>
  `${String(d.year).padStart(4, '0')}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;

export const addDays = (d: LocalDate, days: number): LocalDate => {
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day + days));
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
};

/** ISO weekday of a calendar date. */
export const weekdayOf = (d: LocalDate): number => {
  const w = new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay();
  return w === 0 ? 7 : w;
};

const sameWall = (c: WallClock, d: LocalDate, minute: number) =>
  c.year === d.year && c.month === d.month && c.day === d.day && c.minute === minute;

/** Every instant at which the zone's clocks read `minute` on `date`: none in a gap, two in a repeated hour. */
export const instantsAtWall = (zone: string, date: LocalDate, minute: number): number[] => {
  const base = Date.UTC(date.year, date.month - 1, date.day) + minute * MINUTE;
  // Real offsets lie within −12h…+14h, so the instant lies in [base − 14h, base + 12h].
  const offsets = new Set([
    offsetMinutes(zone, base - 14 * HOUR),
    offsetMinutes(zone, base),
    offsetMinutes(zone, base + 12 * HOUR),
  ]);
  const found: number[] = [];
  for (const offset of offsets) {
    const at = base - offset * MINUTE;
    if (!found.includes(at) && sameWall(wallClock(zone, at), date, minute)) found.push(at);
  }
  return found.sort((a, b) => a - b);
};

/** The first instant in (from, to] at which the zone's offset differs from its offset at `from`, if any. */
export const offsetChangeIn = (zone: string, from: number, to: number): number | null => {
  const start = offsetMinutes(zone, from);
  if (offsetMinutes(zone, to) === start) return null;
  // Offsets change on whole minutes; search minute-aligned instants.
  let lo = Math.floor(from / MINUTE) * MINUTE;
  let hi = Math.ceil(to / MINUTE) * MINUTE;
  while (hi - lo > MINUTE) {
    const mid = lo + Math.floor((hi - lo) / 2 / MINUTE) * MINUTE;
    if (offsetMinutes(zone, mid) === start) lo = mid;
    else hi = mid;
  }
  return hi;
};

/**
 * The first instant at which the zone's clocks read `minute` on `date`, or, if that wall time does not
 * exist (skipped by a DST change), the instant the clocks jump past it.
 */
export const instantAtOrAfterWall = (zone: string, date: LocalDate, minute: number): number => {
  const exact = instantsAtWall(zone, date, minute);
  if (exact[0] !== undefined) return exact[0];
  const base = Date.UTC(date.year, date.month - 1, date.day) + minute * MINUTE;
  return offsetChangeIn(zone, base - 14 * HOUR, base + 12 * HOUR) ?? base;
};

/** The first instant of the local calendar day `date`. */
export const startOfLocalDay = (zone: string, date: LocalDate): number => instantAtOrAfterWall(zone, date, 0);

export const localDateOf = (zone: string, at: number): LocalDate => {
  const c = wallClock(zone, at);
  return { year: c.year, month: c.month, day: c.day };
};

/** The instant the local day after the one containing `at` begins. */
export const nextLocalMidnight = (zone: string, at: number): number =>
  startOfLocalDay(zone, addDays(localDateOf(zone, at), 1));

/** ISO 8601 text of `at` with the zone's offset, e.g. 2025-03-09T08:00:00-04:00. */
export const isoInZone = (zone: string, at: number): string => {
  const c = wallClock(zone, at);
  const offset = offsetMinutes(zone, at);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const hh = String(Math.floor(c.minute / 60)).padStart(2, '0');
  const mm = String(c.minute % 60).padStart(2, '0');
  const ss = String(Math.floor(c.subMinuteMs / 1000)).padStart(2, '0');
  return `${isoDate(c)}T${hh}:${mm}:${ss}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
};
