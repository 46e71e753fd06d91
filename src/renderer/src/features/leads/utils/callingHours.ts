import { DEFAULT_CALLING_RULES } from '@shared/domain/queue';
import { createCallingHours, type WindowRulesInput } from '@shared/queue/callingHours';
import { invoke } from '../../../api/client';
import { setRepTimeZone } from '../../../i18n/format';

// The defaults until the team's rules arrive (and if they cannot be read).
const hours = createCallingHours(DEFAULT_CALLING_RULES);

/** Uses the team's calling rules from now on (the list's clocks and the panel's badge follow). */
export const setCallingRules = (rules: WindowRulesInput): void => hours.setRules(rules);

/** Reads the team's calling rules from the core; until then, and on failure, the defaults apply. */
export const loadCallingRules = async (): Promise<void> => {
  try {
    const rules = await invoke('queue.rules', {});
    setCallingRules(rules);
    setRepTimeZone(rules.repTimeZone);
  } catch {
    // The defaults stay; the queue itself still judges with the stored rules.
  }
};

/**
 * Whether the lead's calling window is open at `at` in its zone, by the queue's own rule
 * (src/shared/queue/callingHours.ts).
 */
export const isCallableHour = (at: number, timeZone: string): boolean => hours.isOpen(at, timeZone);

/** Whether the window is open at `at` in `timeZone`, and why not (`hours`, `weekend`, `holiday`). */
export const callingCheck = (at: number, timeZone: string) => hours.check(at, timeZone);

/** The first in-window instant at or after `at` in `timeZone` (the queue's rule), or null within a year. */
export const nextCallableAt = (at: number, timeZone: string): number | null => hours.nextOpenAt(at, timeZone);

/** The team's calling hours, local wall time in the lead's zone: `{ start: 'HH:MM', end: 'HH:MM' }`. */
export const callingWindow = () => hours.window();
