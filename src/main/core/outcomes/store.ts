import type { NewOutcome, OutcomePatch } from '@shared/api/outcomes';
import { DEFAULT_OUTCOMES, Outcome, outcomeSetProblems } from '@shared/domain/outcome';
import type { z } from 'zod';
import { AppError } from '../errors';
import type { Recorder } from '../queue/tasks-store';
import { readSetting, writeSetting } from '../settings/repo';
import type { Db } from '../store/db';
import { writeNow } from '../store/write-lock';

const KEY = 'queue.outcomes' as const;

const issuesText = (error: z.ZodError): string =>
  error.issues.map((i) => `${i.path.join('.') || 'outcome'}: ${i.message}`).join('; ');

export type OutcomesStore = ReturnType<typeof createOutcomesStore>;

/**
 * The team's outcome set: the defaults with the team's changes and additions, kept in settings.
 * Built-in outcomes that a newer version adds appear even in a store saved by an older one.
 */
export const createOutcomesStore = (db: Db, record: Recorder) => {
  let cached: { stored: Outcome[]; list: Outcome[]; byId: Map<string, Outcome> } | undefined;

  /**
   * @throws AppError `settings_unreadable` when the saved outcome set cannot be read: every read and
   *   save refuses, rather than showing the defaults and saving them over the team's set.
   */
  const load = () => {
    // The registry hands back the same array while the stored text is unchanged.
    const stored = readSetting(db, KEY);
    if (cached && cached.stored === stored) return cached;
    const byId = new Map(stored.map((o) => [o.id, o]));
    for (const builtin of DEFAULT_OUTCOMES) if (!byId.has(builtin.id)) byId.set(builtin.id, builtin);
    const list = [...byId.values()].sort((a, b) => a.position - b.position || a.id.localeCompare(b.id));
    cached = { stored, list, byId };
    return cached;
  };

  /** Saves the whole set, or throws `invalid_input` with the shared rules it breaks (`outcomeSetProblems`). */
  const save = (list: Outcome[], what: string) => {
    const problems = outcomeSetProblems(list);
    if (problems.length > 0) throw new AppError('invalid_input', `${what} not saved: ${problems.join(' ')}`);
    writeNow(db, () => {
      writeSetting(db, KEY, list);
      record(false, 'outcomes.set', list);
    });
  };

  return {
    list: (): Outcome[] => load().list,
    ids: (): Set<string> => new Set(load().byId.keys()),
    get: (id: string): Outcome | undefined => load().byId.get(id),
    /** An outcome a call can be logged with, or an error listing the ones that can. */
    mustLoggable(id: string): Outcome {
      const outcome = load().byId.get(id);
      if (!outcome?.active) {
        const ids = load()
          .list.filter((o) => o.active)
          .map((o) => o.id);
        throw new AppError('invalid_input', `Unknown outcome "${id}". Use one of: ${ids.join(', ')}.`);
      }
      return outcome;
    },
    /**
     * Replaces the saved outcome set with the team's, pulled from the team server, without an outbox
     * row (it came from the server). Built-ins the set lacks still show (see `load`). Call inside the
     * pull page's transaction.
     */
    replacePulled(outcomes: Outcome[]): void {
      writeSetting(db, KEY, outcomes);
    },
    update(id: string, patch: OutcomePatch): Outcome {
      const current = load().byId.get(id);
      if (!current) throw new AppError('not_found', `No outcome "${id}"; outcomes.list shows them.`);
      const parsed = Outcome.safeParse({ ...current, ...patch });
      if (!parsed.success)
        throw new AppError('invalid_input', `Outcome "${id}" not saved: ${issuesText(parsed.error)}`);
      save(
        load().list.map((o) => (o.id === id ? parsed.data : o)),
        `Outcome "${id}"`,
      );
      return parsed.data;
    },
    create(input: NewOutcome): Outcome {
      if (load().byId.has(input.id)) {
        throw new AppError(
          'conflict',
          `An outcome "${input.id}" exists already; pick another id or update it.`,
        );
      }
      const list = load().list;
      const parsed = Outcome.safeParse({
        ...input,
        builtin: false,
        position: input.position ?? Math.max(0, ...list.map((o) => o.position)) + 1,
      });
      if (!parsed.success)
        throw new AppError('invalid_input', `Outcome not saved: ${issuesText(parsed.error)}`);
      save([...list, parsed.data], `Outcome "${input.id}"`);
      return parsed.data;
    },
  };
};
