import { z } from 'zod';
import { Direction, SourceChannel } from './lead';

/** What a cadence step asks of the rep. `call` and `voicemail` are dialed and appear in the call queue. */
export const STEP_KINDS = ['call', 'voicemail', 'email', 'linkedin', 'task'] as const;
export const StepKind = z.enum(STEP_KINDS);
export type StepKind = z.infer<typeof StepKind>;

export const isDialStep = (kind: StepKind): boolean => kind === 'call' || kind === 'voicemail';

/** How a non-dial step ends; a dial step ends with a call outcome instead. */
export const TASK_RESULTS = ['done', 'skipped'] as const;
export const TaskResult = z.enum(TASK_RESULTS);
export type TaskResult = z.infer<typeof TaskResult>;

/** `business_days` skip weekends and holidays in the lead's time zone and keep the time of day. */
export const WaitUnit = z.enum(['minutes', 'hours', 'days', 'business_days']);
export type WaitUnit = z.infer<typeof WaitUnit>;

export const Wait = z.object({
  amount: z.number().int().min(0).max(10_000),
  unit: WaitUnit,
});
export type Wait = z.infer<typeof Wait>;

export const NO_WAIT: Wait = { amount: 0, unit: 'minutes' };

export const StepId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, 'a step id is 1–40 lowercase letters, digits, "-" or "_"');

/** Outcome ids are lowercase words joined by "_", e.g. `no_answer`. */
export const OutcomeId = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,39}$/, 'an outcome id is 1–40 lowercase letters, digits or "_"');
export type OutcomeId = z.infer<typeof OutcomeId>;

/**
 * What the cadence does after a step ends:
 * - `next`: the following step (the enrollment finishes after the last one);
 * - `goto`: a named step;
 * - `retry`: this step again after `wait`, until the step's `maxAttempts`, then `next`;
 * - `exit`: the enrollment finishes;
 * - `task`: a one-off task first (e.g. "find a working number"); once it is done this step comes back.
 * `next` and `goto` without a wait use the target step's own wait.
 */
export const Transition = z.discriminatedUnion('action', [
  z.object({ action: z.literal('next'), wait: Wait.optional() }),
  z.object({ action: z.literal('goto'), step: StepId, wait: Wait.optional() }),
  z.object({ action: z.literal('retry'), wait: Wait }),
  z.object({ action: z.literal('exit') }),
  z.object({ action: z.literal('task'), title: z.string().trim().min(1).max(200), wait: Wait.optional() }),
]);
export type Transition = z.infer<typeof Transition>;

export const CadenceStep = z.object({
  id: StepId,
  kind: StepKind,
  title: z.string().trim().min(1).max(200),
  /** How long after the previous step this one falls due, unless the transition says otherwise. */
  wait: Wait.default(NO_WAIT),
  /** Dials of this step before a `retry` becomes `next`. */
  maxAttempts: z.number().int().min(1).max(20).default(1),
  /** For an email step: the email template it sends; left out, the built-in one of the rep's language. */
  emailTemplateId: z.string().uuid().optional(),
  /**
   * Transitions by outcome id (dial steps) or by `done` / `skipped` (other steps). Outcomes not listed
   * follow the outcome's default transition; `done` and `skipped` default to `next`.
   */
  on: z.record(z.string(), Transition).default({}),
});
export type CadenceStep = z.infer<typeof CadenceStep>;

/** Which new leads a cadence takes on by itself; every listed condition must hold. */
export const EnrollmentRule = z.object({
  direction: Direction.optional(),
  sourceChannels: z.array(SourceChannel).min(1).optional(),
});
export type EnrollmentRule = z.infer<typeof EnrollmentRule>;

/** Per-cadence dialing limits; a limit left out uses the team's calling rules. */
export const CadenceLimits = z.object({
  minRetryGapMinutes: z.number().int().min(0).max(10_080).optional(),
  maxAttemptsPerDay: z.number().int().min(1).max(50).optional(),
  maxAttemptsTotal: z.number().int().min(1).max(500).optional(),
});
export type CadenceLimits = z.infer<typeof CadenceLimits>;

const checkSteps = (steps: CadenceStep[], ctx: z.RefinementCtx): void => {
  const ids = new Set<string>();
  steps.forEach((step, index) => {
    if (ids.has(step.id))
      ctx.addIssue({
        code: 'custom',
        path: ['steps', index, 'id'],
        message: `step id "${step.id}" is used twice`,
      });
    ids.add(step.id);
  });
  steps.forEach((step, index) => {
    for (const [key, transition] of Object.entries(step.on)) {
      const path = ['steps', index, 'on', key];
      if (!isDialStep(step.kind) && !(TASK_RESULTS as readonly string[]).includes(key)) {
        ctx.addIssue({
          code: 'custom',
          path,
          message: `${step.kind} steps end with "done" or "skipped", not "${key}"`,
        });
      } else if (isDialStep(step.kind) && !OutcomeId.safeParse(key).success) {
        ctx.addIssue({ code: 'custom', path, message: `"${key}" is not an outcome id` });
      }
      if (transition.action === 'goto' && !ids.has(transition.step)) {
        ctx.addIssue({
          code: 'custom',
          path: [...path, 'step'],
          message: `no step "${transition.step}" in this cadence`,
        });
      }
    }
  });
};

const isZero = (wait: Wait): boolean => wait.amount === 0;

/**
 * Refuses `goto` transitions that close a loop of steps which all fall due at once: following the
 * step after the next one with no wait, a lead would go round such a loop with nothing to stop it.
 * An edge is a step's `next` (written, or the default of an outcome or result not listed) or `goto`
 * whose wait — the transition's own, else the target step's — is zero; a loop needs a `goto` back.
 */
const checkInstantLoops = (steps: CadenceStep[], ctx: z.RefinementCtx): void => {
  const index = new Map(steps.map((step, i) => [step.id, i]));
  const instant = (transition: { wait?: Wait }, target: number): boolean => {
    const to = steps[target];
    return to !== undefined && isZero(transition.wait ?? to.wait);
  };
  const edges = steps.map((step, i) => {
    const out = new Set<number>();
    if (i + 1 < steps.length && instant({}, i + 1)) out.add(i + 1);
    for (const transition of Object.values(step.on)) {
      if (transition.action === 'next' && instant(transition, i + 1)) out.add(i + 1);
      if (transition.action === 'goto') {
        const target = index.get(transition.step);
        if (target !== undefined && instant(transition, target)) out.add(target);
      }
    }
    return out;
  });
  const reaches = (from: number, to: number): boolean => {
    const seen = new Set<number>([from]);
    const stack = [from];
    for (let at = stack.pop(); at !== undefined; at = stack.pop()) {
      if (at === to) return true;
      for (const next of edges[at] ?? []) {
        if (!seen.has(next)) {
          seen.add(next);
          stack.push(next);
        }
      }
    }
    return false;
  };
  steps.forEach((step, i) => {
    for (const [key, transition] of Object.entries(step.on)) {
      if (transition.action !== 'goto') continue;
      const target = index.get(transition.step);
      if (target === undefined || !instant(transition, target) || !reaches(target, i)) continue;
      ctx.addIssue({
        code: 'custom',
        path: ['steps', i, 'on', key, 'wait'],
        message: `"${key}" goes back to step "${transition.step}" and round to "${step.id}" with no wait, an endless loop; give this transition or a step in the loop a wait`,
      });
    }
  });
};

/** A cadence as written by a manager or a JSON file: the routine, its rule and its limits. */
export const CadenceDefinition = z
  .object({
    /** Kept when a file comes back, so re-importing an export updates instead of duplicating. */
    id: z.string().uuid().optional(),
    name: z.string().trim().min(1).max(120),
    description: z.string().max(2000).default(''),
    /** null: leads join only when enrolled by hand. */
    rule: EnrollmentRule.nullable().default(null),
    /** Rules are tried in ascending priority; the first match takes the lead. */
    priority: z.number().int().min(0).max(10_000).default(100),
    limits: CadenceLimits.default({}),
    steps: z.array(CadenceStep).min(1).max(50),
  })
  .superRefine((cadence, ctx) => {
    checkSteps(cadence.steps, ctx);
    checkInstantLoops(cadence.steps, ctx);
  });
export type CadenceDefinition = z.infer<typeof CadenceDefinition>;
export type CadenceDefinitionInput = z.input<typeof CadenceDefinition>;

export const Cadence = z.object({
  id: z.string().uuid(),
  name: z.string(),
  description: z.string(),
  rule: EnrollmentRule.nullable(),
  priority: z.number().int(),
  limits: CadenceLimits,
  steps: z.array(CadenceStep),
  builtin: z.boolean(),
  /** Leads on the cadence now (active or paused). */
  activeEnrollments: z.number().int(),
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
});
export type Cadence = z.infer<typeof Cadence>;

/** The file format of `cadences.export` / `cadences.import`. */
export const CADENCE_FILE_FORMAT = 'dialdeck.cadences';
export const CadenceFile = z.object({
  format: z.literal(CADENCE_FILE_FORMAT),
  version: z.literal(1),
  cadences: z.array(CadenceDefinition).min(1).max(200),
});
export type CadenceFile = z.infer<typeof CadenceFile>;

export const ENROLLMENT_STATES = ['active', 'paused', 'finished'] as const;
export const EnrollmentState = z.enum(ENROLLMENT_STATES);
export type EnrollmentState = z.infer<typeof EnrollmentState>;

/** Why an enrollment ended. */
export const FinishReason = z.enum([
  'completed',
  'exited',
  'status',
  'do_not_contact',
  'removed',
  'cadence_deleted',
]);
export type FinishReason = z.infer<typeof FinishReason>;

export const Enrollment = z.object({
  id: z.string().uuid(),
  leadId: z.string().uuid(),
  cadenceId: z.string().uuid(),
  cadenceName: z.string(),
  state: EnrollmentState,
  stepId: z.string(),
  /** Dials made on the current step. */
  stepAttempts: z.number().int(),
  finishReason: FinishReason.nullable(),
  startedAt: z.number().int(),
  updatedAt: z.number().int(),
  finishedAt: z.number().int().nullable(),
});
export type Enrollment = z.infer<typeof Enrollment>;
