import { z } from 'zod';
import { LeadStatus } from './lead';

const ClockTime = z
  .string()
  .regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, 'a time of day is HH:MM, 00:00 to 24:00');
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is YYYY-MM-DD');

export const minutesOf = (clock: string): number => {
  const [h = '0', m = '0'] = clock.split(':');
  return Number(h) * 60 + Number(m);
};

/**
 * The team's calling rules. The window is judged in the lead's local wall time, so a DST change moves
 * it with the clocks on the wall; business days and holidays are the lead's local dates.
 */
export const CallingRules = z.object({
  window: z
    .object({ start: ClockTime, end: ClockTime })
    .refine((w) => minutesOf(w.start) < minutesOf(w.end), 'the calling window must end after it starts'),
  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  businessDays: z.array(z.number().int().min(1).max(7)).min(1).max(7),
  holidays: z.array(IsoDate).max(2000),
  minRetryGapMinutes: z.number().int().min(0).max(10_080),
  maxAttemptsPerDay: z.number().int().min(1).max(50),
  maxAttemptsTotal: z.number().int().min(1).max(500),
  /** New inbound leads younger than this are ranked by speed-to-lead, ahead of cadence steps. */
  speedToLeadHours: z.number().int().min(0).max(168),
  dailyDialTarget: z.number().int().min(1).max(2000),
  /** Seconds per dial assumed for the daily plan until the rep has a pace of their own. */
  defaultPaceSeconds: z.number().int().min(10).max(3600),
  /** The rep's own time zone (their day, and leads with no zone count attempts in it); null: the system's. */
  repTimeZone: z.string().min(1).max(64).nullable(),
});
export type CallingRules = z.infer<typeof CallingRules>;

export const DEFAULT_CALLING_RULES: CallingRules = {
  window: { start: '08:00', end: '21:00' },
  businessDays: [1, 2, 3, 4, 5],
  holidays: [],
  minRetryGapMinutes: 60,
  maxAttemptsPerDay: 3,
  maxAttemptsTotal: 12,
  speedToLeadHours: 24,
  dailyDialTarget: 60,
  defaultPaceSeconds: 180,
  repTimeZone: null,
};

/** The limits that apply to one lead: its cadence's, else the team's. */
export type DialLimits = Pick<CallingRules, 'minRetryGapMinutes' | 'maxAttemptsPerDay' | 'maxAttemptsTotal'>;

export const TASK_KINDS = ['call', 'voicemail', 'email', 'linkedin', 'task', 'callback'] as const;
export const TaskKind = z.enum(TASK_KINDS);
export type TaskKind = z.infer<typeof TaskKind>;

/** Dial tasks (`dial`, `callback`) feed the call queue; `todo` tasks are emails, LinkedIn touches and the rest. */
export const TaskLane = z.enum(['callback', 'dial', 'todo']);
export type TaskLane = z.infer<typeof TaskLane>;
export const laneOf = (kind: TaskKind): TaskLane =>
  kind === 'callback' ? 'callback' : kind === 'call' || kind === 'voicemail' ? 'dial' : 'todo';

export const TaskState = z.enum(['open', 'paused', 'done', 'skipped', 'cancelled']);
export type TaskState = z.infer<typeof TaskState>;

export const Task = z.object({
  id: z.string().uuid(),
  leadId: z.string().uuid(),
  enrollmentId: z.string().uuid().nullable(),
  cadenceId: z.string().uuid().nullable(),
  stepId: z.string().nullable(),
  kind: TaskKind,
  lane: TaskLane,
  title: z.string(),
  state: TaskState,
  dueAt: z.number().int(),
  outcome: z.string().nullable(),
  createdAt: z.number().int(),
  completedAt: z.number().int().nullable(),
});
export type Task = z.infer<typeof Task>;

/** Stable ids of the rules that keep a lead out of the queue. */
export const BLOCKER_RULES = [
  'status',
  'do_not_contact',
  'no_phone',
  'not_enrolled',
  'step_not_call',
  'paused',
  'attempt_limit',
  'not_due',
  'reserved',
  'snoozed',
  'retry_gap',
  'daily_limit',
  'calling_window',
] as const;
export const BlockerRule = z.enum(BLOCKER_RULES);
export type BlockerRule = z.infer<typeof BlockerRule>;

export const Blocker = z.object({
  rule: BlockerRule,
  /** When the rule clears by itself (UTC epoch ms); null if it never does (e.g. do-not-contact). */
  until: z.number().int().nullable(),
  untilIso: z.string().nullable(),
  /** What blocks, in English (the interface builds its own text from `rule` and `data`). */
  message: z.string(),
  data: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).optional(),
});
export type Blocker = z.infer<typeof Blocker>;

/** The lead's time zone as the queue judges it. */
export const LeadZone = z.object({
  timeZone: z.string().nullable(),
  country: z.string().nullable(),
  /** True when the lead has no valid IANA zone: it is callable only when every zone it could be in is. */
  timeZoneUnknown: z.boolean(),
  /** The lead's local time now (ISO with offset), when its zone is known. */
  localTime: z.string().nullable(),
});
export type LeadZone = z.infer<typeof LeadZone>;

export const Explanation = z.object({
  leadId: z.string().uuid(),
  at: z.number().int(),
  callable: z.boolean(),
  /** The earliest instant every blocker has cleared; null if one never clears by itself. */
  callableAt: z.number().int().nullable(),
  callableAtIso: z.string().nullable(),
  blockers: z.array(Blocker),
  zone: LeadZone,
  task: Task.nullable(),
});
export type Explanation = z.infer<typeof Explanation>;

export const QueueTier = z.enum(['callback', 'speed_to_lead', 'cadence']);
export type QueueTier = z.infer<typeof QueueTier>;

/** Why a lead sits where it does in the queue; `message` is English, `code` + `value` are for the interface. */
export const RankReason = z.object({
  code: z.enum(['callback_due', 'speed_to_lead', 'step_due', 'fit', 'attempts', 'priority']),
  value: z.number().nullable(),
  message: z.string(),
});
export type RankReason = z.infer<typeof RankReason>;

export const QueueLead = z.object({
  id: z.string().uuid(),
  name: z.string(),
  title: z.string().nullable(),
  company: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  status: LeadStatus,
  direction: z.enum(['inbound', 'outbound']),
  sourceChannel: z.string(),
  createdAt: z.number().int(),
});
export type QueueLead = z.infer<typeof QueueLead>;

export const QueueEntry = z.object({
  position: z.number().int(),
  tier: QueueTier,
  /** Priority band within the cadence tier, 0–4 (higher first): fit and attempts so far. */
  band: z.number().int(),
  lead: QueueLead,
  zone: LeadZone,
  task: Task,
  cadenceName: z.string().nullable(),
  stepTitle: z.string().nullable(),
  attempts: z.number().int(),
  fit: z.number().int().nullable(),
  reasons: z.array(RankReason),
});
export type QueueEntry = z.infer<typeof QueueEntry>;

export const PaceSource = z.enum(['today', 'recent', 'default']);
export type PaceSource = z.infer<typeof PaceSource>;

export const DailyPlan = z.object({
  at: z.number().int(),
  /** The rep's day, in their time zone. */
  dayStart: z.number().int(),
  dayEnd: z.number().int(),
  target: z.number().int(),
  dialsToday: z.number().int(),
  remaining: z.number().int(),
  pace: z.object({
    secondsPerDial: z.number(),
    source: PaceSource,
    /** Gaps between calls the median was taken from. */
    samples: z.number().int(),
  }),
  /** When the last planned dial should be done; null if there are not enough callable leads today. */
  estimatedFinishAt: z.number().int().nullable(),
  /** Dials short of the target because no lead is callable for them before the day ends. */
  shortfall: z.number().int(),
  items: z.array(z.object({ plannedAt: z.number().int(), entry: QueueEntry })),
});
export type DailyPlan = z.infer<typeof DailyPlan>;

export const DncKind = z.enum(['phone', 'email', 'domain']);
export type DncKind = z.infer<typeof DncKind>;

export const DncEntry = z.object({
  id: z.string().uuid(),
  kind: DncKind,
  /** E.164 phone, lowercase email, or lowercase email domain. */
  value: z.string(),
  reason: z.string().nullable(),
  leadId: z.string().nullable(),
  createdAt: z.number().int(),
});
export type DncEntry = z.infer<typeof DncEntry>;
