import { CallingRules } from '@shared/domain/queue';
import { isValidTimeZone } from '@shared/queue/clock';
import { type WindowRules, windowRulesOf } from '@shared/queue/window';
import { AppError } from '../errors';
import { readSetting, writeSetting } from '../settings/repo';
import type { Db } from '../store/db';
import { writeNow } from '../store/write-lock';
import type { Outbox } from '../sync/outbox';

const KEY = 'queue.rules' as const;

export type ResolvedRules = {
  rules: CallingRules;
  window: WindowRules;
  /** The rep's time zone: `repTimeZone`, else the system's, else UTC. */
  repZone: string;
};

const systemZone = (): string => {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return zone && isValidTimeZone(zone) ? zone : 'UTC';
};

const resolve = (rules: CallingRules): ResolvedRules => ({
  rules,
  window: windowRulesOf(rules),
  repZone: rules.repTimeZone && isValidTimeZone(rules.repTimeZone) ? rules.repTimeZone : systemZone(),
});

export type RulesStore = ReturnType<typeof createRulesStore>;

/** The team's calling rules, kept in settings and read on every queue question (cached by their text). */
export const createRulesStore = (db: Db, outbox: Outbox) => {
  let cached: { rules: CallingRules; resolved: ResolvedRules } | undefined;

  /**
   * The rules as stored (the defaults while never saved).
   * @throws AppError `settings_unreadable` when the stored rules cannot be read; they are left as they
   *   are, and `update` refuses to write over them.
   */
  const get = (): ResolvedRules => {
    // The registry hands back the same object while the stored text is unchanged.
    const rules = readSetting(db, KEY);
    if (cached && cached.rules === rules) return cached.resolved;
    cached = { rules, resolved: resolve(rules) };
    return cached.resolved;
  };

  return {
    get,
    update(patch: Partial<CallingRules>): CallingRules {
      const merged = CallingRules.safeParse({ ...get().rules, ...patch });
      if (!merged.success) {
        throw new AppError(
          'invalid_input',
          `Calling rules not saved: ${merged.error.issues.map((i) => `${i.path.join('.') || 'rules'}: ${i.message}`).join('; ')}`,
        );
      }
      if (merged.data.repTimeZone !== null && !isValidTimeZone(merged.data.repTimeZone)) {
        throw new AppError(
          'invalid_input',
          `"${merged.data.repTimeZone}" is not a time zone; use an IANA name such as America/New_York.`,
        );
      }
      const rules = merged.data;
      writeNow(db, () => {
        writeSetting(db, KEY, rules);
        outbox.record('queue.rules.set', rules);
      });
      return rules;
    },
  };
};
