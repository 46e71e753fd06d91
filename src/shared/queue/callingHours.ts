import type { CallingRules } from '../domain/queue';
import { checkWindow, nextWindowChange, type WindowCheck, type WindowRules, windowRulesOf } from './window';

export type WindowRulesInput = Pick<CallingRules, 'window' | 'businessDays' | 'holidays'>;

/**
 * "Is it calling time where this lead is?" for badges asked once per row on screen: the team's hours,
 * business days and holidays in the lead's zone, judged by the same check the call queue uses
 * (`checkWindow`), so the lead list, the lead panel and the queue never disagree about the hour.
 * Answers are kept per zone for the current minute (`at` in UTC epoch ms).
 */
export const createCallingHours = (initial: WindowRulesInput) => {
  const cache = new Map<string, boolean>();
  let cacheMinute = -1;
  let rules: WindowRules = windowRulesOf(initial);
  let window = initial.window;
  return {
    setRules(next: WindowRulesInput): void {
      rules = windowRulesOf(next);
      window = next.window;
      cache.clear();
    },
    /** The window's hours as set, e.g. `{ start: '08:00', end: '21:00' }` (local wall time). */
    window: (): WindowRulesInput['window'] => window,
    /** Whether the window is open at `at` (epoch ms) in `timeZone`, and why not: `hours`, `weekend`, `holiday`. */
    check: (at: number, timeZone: string): WindowCheck => checkWindow(timeZone, at, rules),
    /**
     * The first instant at or after `at` (epoch ms) when the lead's window is open in `timeZone`: `at`
     * itself when open, else the next opening; null when it never opens within a year (every day a holiday).
     */
    nextOpenAt(at: number, timeZone: string): number | null {
      if (checkWindow(timeZone, at, rules).open) return at;
      const change = nextWindowChange(timeZone, at, rules);
      if (change === null) return null;
      return checkWindow(timeZone, change, rules).open ? change : nextWindowChange(timeZone, change, rules);
    },
    isOpen(at: number, timeZone: string): boolean {
      const minute = Math.floor(at / 60_000);
      if (minute !== cacheMinute) {
        cache.clear();
        cacheMinute = minute;
      }
      let open = cache.get(timeZone);
      if (open === undefined) {
        open = checkWindow(timeZone, at, rules).open;
        cache.set(timeZone, open);
      }
      return open;
    },
  };
};
