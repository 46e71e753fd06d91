import { type CallingRules, minutesOf } from '../domain/queue';
import {
  addDays,
  instantsAtWall,
  isoDate,
  type LocalDate,
  localDateOf,
  offsetChangeIn,
  wallClock,
} from './clock';

/** The calling window in the form the checks use. */
export type WindowRules = {
  start: number;
  end: number;
  businessDays: ReadonlySet<number>;
  holidays: ReadonlySet<string>;
};

export const windowRulesOf = (
  rules: Pick<CallingRules, 'window' | 'businessDays' | 'holidays'>,
): WindowRules => ({
  start: minutesOf(rules.window.start),
  end: minutesOf(rules.window.end),
  businessDays: new Set(rules.businessDays),
  holidays: new Set(rules.holidays),
});

/** Why the window is shut: outside the hours, a non-business weekday, or a holiday. */
export type ClosedReason = 'hours' | 'weekend' | 'holiday';
export type WindowCheck = { open: boolean; reason: ClosedReason | null };

export const isBusinessDay = (date: LocalDate, weekday: number, w: WindowRules): boolean =>
  w.businessDays.has(weekday) && !w.holidays.has(isoDate(date));

/** Whether the window is open at `at` in `zone`, judged by the wall clock there. */
export const checkWindow = (zone: string, at: number, w: WindowRules): WindowCheck => {
  const c = wallClock(zone, at);
  if (!w.businessDays.has(c.weekday)) return { open: false, reason: 'weekend' };
  if (w.holidays.has(isoDate(c))) return { open: false, reason: 'holiday' };
  if (c.minute < w.start || c.minute >= w.end) return { open: false, reason: 'hours' };
  return { open: true, reason: null };
};

const HOUR = 3_600_000;
const MAX_DAYS = 400;

/**
 * The first instant after `at` at which the window in `zone` opens or closes; null if it never changes
 * within a year (e.g. every day is a holiday). The window only changes when the wall clock crosses the
 * window's start or end, local midnight, or a DST jump, so those instants are the only candidates.
 */
export const nextWindowChange = (zone: string, at: number, w: WindowRules): number | null => {
  const current = checkWindow(zone, at, w).open;
  const pending: number[] = [];
  let date = localDateOf(zone, at);
  for (let i = 0; i < MAX_DAYS; i++) {
    const next = addDays(date, 1);
    const dayBase = Date.UTC(date.year, date.month - 1, date.day);
    const nextBase = Date.UTC(next.year, next.month - 1, next.day);
    pending.push(...instantsAtWall(zone, date, w.start));
    if (w.end < 1440) pending.push(...instantsAtWall(zone, date, w.end));
    const midnights = instantsAtWall(zone, next, 0);
    pending.push(...midnights);
    const jump = offsetChangeIn(zone, dayBase - 14 * HOUR, nextBase + 14 * HOUR);
    if (jump !== null) pending.push(jump);
    // Every candidate of later days falls at or after the next local midnight (or, where midnight is
    // skipped, after the earliest instant that day could begin anywhere).
    const cutoff = midnights[0] ?? nextBase - 14 * HOUR;
    pending.sort((a, b) => a - b);
    while (pending.length > 0 && (pending[0] as number) <= cutoff) {
      const candidate = pending.shift() as number;
      if (candidate > at && checkWindow(zone, candidate, w).open !== current) return candidate;
    }
    date = next;
  }
  return null;
};

export type ZonesWindow = {
  open: boolean;
  /** When the state changes: the window closes (if open) or opens everywhere (if shut); null: never. */
  until: number | null;
  reason: ClosedReason | null;
};

/** How far ahead a lead with several possible zones is searched for a common open window. */
const COMMON_WINDOW_HORIZON = 14 * 24 * HOUR;
const MAX_ROUNDS = 200;

/**
 * The window across every zone a lead could be in: open only when it is open in all of them. With one
 * zone this is just that zone's window.
 */
export const windowAcross = (zones: readonly string[], at: number, w: WindowRules): ZonesWindow => {
  if (zones.length === 0) return { open: false, until: null, reason: 'hours' };
  const [only] = zones;
  if (zones.length === 1 && only !== undefined) {
    const check = checkWindow(only, at, w);
    return { open: check.open, until: nextWindowChange(only, at, w), reason: check.reason };
  }
  const checks = zones.map((zone) => ({ zone, check: checkWindow(zone, at, w) }));
  const shut = checks.find((c) => !c.check.open);
  if (!shut) {
    let until: number | null = null;
    for (const zone of zones) {
      const change = nextWindowChange(zone, at, w);
      if (change !== null && (until === null || change < until)) until = change;
    }
    return { open: true, until, reason: null };
  }
  return { open: false, until: commonOpening(zones, at, w), reason: shut.check.reason };
};

/**
 * The earliest instant from `at` at which every zone's window is open. Each round moves to the latest
 * of the shut zones' next openings, which never passes the answer, so the first instant where all are
 * open is the earliest one.
 */
const commonOpening = (zones: readonly string[], at: number, w: WindowRules): number | null => {
  // At any instant the world's clocks show every hour of the day, so a window that leaves out an hour
  // or more is never open everywhere at once.
  if (zones.length > 100 && 1440 - (w.end - w.start) >= 60) return null;
  let t = at;
  for (let round = 0; round < MAX_ROUNDS && t - at <= COMMON_WINDOW_HORIZON; round++) {
    let latest = t;
    let allOpen = true;
    for (const zone of zones) {
      if (checkWindow(zone, t, w).open) continue;
      allOpen = false;
      const opens = nextWindowChange(zone, t, w);
      if (opens === null) return null;
      if (opens > latest) latest = opens;
    }
    if (allOpen) return t;
    t = latest;
  }
  return null;
};
