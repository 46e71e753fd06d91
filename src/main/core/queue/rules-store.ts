import { CallingRules, DEFAULT_CALLING_RULES } from '@shared/domain/queue';
import { isValidTimeZone } from '@shared/queue/clock';
import { type WindowRules, windowRulesOf } from '@shared/queue/window';
import { AppError } from '../errors';
import type { Db } from '../store/db';
import type { Outbox } from '../sync/outbox';

const KEY = 'queue.rules';

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
  const read = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?');
  const write = db.prepare(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  );
  let cached: { raw: string | undefined; resolved: ResolvedRules } | undefined;

  const get = (): ResolvedRules => {
    const raw = read.get(KEY)?.value;
    if (cached && cached.raw === raw) return cached.resolved;
    let rules = DEFAULT_CALLING_RULES;
    if (raw !== undefined) {
      const parsed = CallingRules.safeParse({ ...DEFAULT_CALLING_RULES, ...JSON.parse(raw) });
      if (parsed.success) rules = parsed.data;
    }
    cached = { raw, resolved: resolve(rules) };
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
      db.transaction(() => {
        write.run(KEY, JSON.stringify(rules));
        outbox.record('queue.rules.set', rules);
      })();
      return rules;
    },
  };
};
