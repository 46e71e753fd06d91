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

export const Outcome = OutcomeFields.superRefine((outcome, ctx) => {
  if (outcome.effect !== 'callback' && outcome.transition === null) {
    ctx.addIssue({
      code: 'custom',
      path: ['transition'],
      message: 'only a callback outcome may leave the transition empty',
    });
  }
});
export type Outcome = z.infer<typeof Outcome>;

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
