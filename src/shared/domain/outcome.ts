import { z } from 'zod';
import { OutcomeId, Transition } from './cadence';
import { LeadStatus } from './lead';

/**
 * What an outcome does beyond its status and transition:
 * - `callback`: the prospect named a time; the next task is a call at that time;
 * - `do_not_contact`: the lead's phones and email go on the do-not-contact list.
 */
export const OutcomeEffect = z.enum(['none', 'callback', 'do_not_contact']);
export type OutcomeEffect = z.infer<typeof OutcomeEffect>;

/** An outcome's fields, before the cross-field check (for patches and forms). */
export const OutcomeFields = z.object({
  id: OutcomeId,
  label: z.string().trim().min(1).max(80),
  builtin: z.boolean(),
  /** Inactive outcomes stay readable on old activities but cannot be logged. */
  active: z.boolean(),
  /** The lead's status afterwards; null keeps it, except that a new lead becomes working. */
  status: LeadStatus.nullable(),
  /** The cadence transition when the step does not name one for this outcome; null for callbacks. */
  transition: Transition.nullable(),
  effect: OutcomeEffect,
  /** Counts as a conversation with the prospect. */
  connected: z.boolean(),
  position: z.number().int(),
});

const transitionNeeded = (outcome: z.infer<typeof OutcomeFields>, ctx: z.RefinementCtx) => {
  if (outcome.effect !== 'callback' && outcome.transition === null) {
    ctx.addIssue({
      code: 'custom',
      path: ['transition'],
      message: 'only a callback outcome may leave the transition empty',
    });
  }
};

export const Outcome = OutcomeFields.superRefine(transitionNeeded);
export type Outcome = z.infer<typeof Outcome>;

/** `Outcome` that refuses keys it does not know (a typo such as `efect` is an error, not dropped). */
export const StrictOutcome = OutcomeFields.strict().superRefine(transitionNeeded);

export const BUILTIN_OUTCOME_IDS = [
  'meeting_booked',
  'qualified',
  'not_interested',
  'callback',
  'voicemail',
  'no_answer',
  'busy',
  'gatekeeper',
  'wrong_number',
  'bad_number',
  'do_not_contact',
] as const;
export type BuiltinOutcomeId = (typeof BUILTIN_OUTCOME_IDS)[number];

const hours = (amount: number) => ({ amount, unit: 'hours' as const });

/** The default outcome set (PLAYBOOK): every team starts here and may relabel, retune or add. */
export const DEFAULT_OUTCOMES: Outcome[] = [
  {
    id: 'meeting_booked',
    label: 'Meeting booked',
    status: 'mql',
    transition: { action: 'exit' },
    effect: 'none',
    connected: true,
  },
  {
    id: 'qualified',
    label: 'Qualified (hand off as MQL)',
    status: 'mql',
    transition: { action: 'exit' },
    effect: 'none',
    connected: true,
  },
  {
    id: 'not_interested',
    label: 'Not interested',
    status: 'nurture',
    transition: { action: 'exit' },
    effect: 'none',
    connected: true,
  },
  {
    id: 'callback',
    label: 'Call back at…',
    status: null,
    transition: null,
    effect: 'callback',
    connected: true,
  },
  {
    id: 'voicemail',
    label: 'Left voicemail',
    status: null,
    transition: { action: 'next' },
    effect: 'none',
    connected: false,
  },
  {
    id: 'no_answer',
    label: 'No answer',
    status: null,
    transition: { action: 'retry', wait: hours(4) },
    effect: 'none',
    connected: false,
  },
  {
    id: 'busy',
    label: 'Busy',
    status: null,
    transition: { action: 'retry', wait: hours(1) },
    effect: 'none',
    connected: false,
  },
  {
    id: 'gatekeeper',
    label: 'Reached a gatekeeper',
    status: null,
    transition: { action: 'retry', wait: { amount: 1, unit: 'business_days' } },
    effect: 'none',
    connected: false,
  },
  {
    id: 'wrong_number',
    label: 'Wrong number',
    status: null,
    transition: { action: 'task', title: 'Find the right number' },
    effect: 'none',
    connected: false,
  },
  {
    id: 'bad_number',
    label: 'Number not in service',
    status: null,
    transition: { action: 'task', title: 'Find a working number' },
    effect: 'none',
    connected: false,
  },
  {
    id: 'do_not_contact',
    label: 'Do not contact',
    status: 'do_not_contact',
    transition: { action: 'exit' },
    effect: 'do_not_contact',
    connected: true,
  },
].map((outcome, position) => ({ ...outcome, builtin: true, active: true, position }) as Outcome);

/** Lead statuses the SDR still works; any other status takes the lead out of the queue and its cadence. */
export const WORKABLE_STATUSES = ['new', 'working', 'nurture'] as const satisfies readonly LeadStatus[];
export const isWorkable = (status: LeadStatus): boolean =>
  (WORKABLE_STATUSES as readonly string[]).includes(status);

/** The status a lead has after an outcome is logged on it. */
export const statusAfter = (current: LeadStatus, outcome: Pick<Outcome, 'status'>): LeadStatus =>
  outcome.status ?? (current === 'new' ? 'working' : current);

/** A value's JSON with object keys sorted, so two transitions compare by content, not key order. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)),
        )
      : v,
  );

const SHIPPED = new Map(DEFAULT_OUTCOMES.map((outcome) => [outcome.id, outcome]));

/**
 * The rules a whole outcome set must keep, shared by the team server (`PUT /v1/teams/:teamId/outcomes`),
 * the console's outcome page and the desktop's outcome store, so no editor can make an opt-out a no-op:
 * - every id once;
 * - a built-in outcome keeps its `status`, `effect` and `transition` as shipped in `DEFAULT_OUTCOMES`
 *   (the desktop's logic names them); its label, position, `connected` and `active` may change;
 * - `do_not_contact` stays active (a rep must always be able to record an opt-out, which puts the
 *   lead's phones and email on the do-not-contact list);
 * - at least one active outcome besides `do_not_contact`, so a call can be logged at all.
 * Outcomes missing from `list` are not reported here (the server and the desktop each decide that).
 * @returns one English sentence per broken rule, naming the outcome and what to do; empty when the
 *   set is sound. Callers raise `invalid_input` with them.
 */
export const outcomeSetProblems = (list: readonly Outcome[]): string[] => {
  const problems: string[] = [];
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const outcome of list) {
    if (seen.has(outcome.id)) twice.add(outcome.id);
    seen.add(outcome.id);
  }
  if (twice.size > 0) {
    problems.push(
      `Each outcome needs its own id; used more than once: ${[...twice].join(', ')}. Rename the added outcome.`,
    );
  }
  for (const outcome of list) {
    const shipped = SHIPPED.get(outcome.id);
    if (!shipped) continue;
    const changed = (['status', 'effect', 'transition'] as const).filter(
      (field) => canonical(outcome[field]) !== canonical(shipped[field]),
    );
    if (changed.length > 0) {
      problems.push(
        `The built-in outcome "${outcome.id}" keeps its ${changed.join(', ')} as shipped; put them back (you may relabel it, reorder it, switch "connected" or make it inactive), or add an outcome of your own instead.`,
      );
    }
  }
  if (list.some((outcome) => outcome.id === 'do_not_contact' && !outcome.active)) {
    problems.push(
      'The built-in outcome "do_not_contact" must stay active: it is how a rep records an opt-out and puts the lead on the do-not-contact list. Switch it back on.',
    );
  }
  if (!list.some((outcome) => outcome.active && outcome.id !== 'do_not_contact')) {
    problems.push(
      'At least one outcome besides "do_not_contact" must be active, or no call can be logged. Switch one on.',
    );
  }
  return problems;
};
