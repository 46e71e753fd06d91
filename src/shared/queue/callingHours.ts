import type { CallingRules } from '../domain/queue';
import { checkWindow, type WindowRules, windowRulesOf } from './window';

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
  return {
    setRules(next: WindowRulesInput): void {
      rules = windowRulesOf(next);
      cache.clear();
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
