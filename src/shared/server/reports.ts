import { z } from 'zod';
import { DEFAULT_CALLING_RULES } from '../domain/queue';
import { TimeZoneName } from './shifts';

/**
 * The manager's boards (`/v1/reports/…`, docs/server.md "Reports"), shared by the server (which
 * validates every query and body with these schemas) and the console (which draws them). Times are
 * UTC epoch ms, durations seconds unless named `…Ms`, days `YYYY-MM-DD` in the team's time zone.
 */

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Write a date as YYYY-MM-DD, e.g. 2026-03-14.');
const Count = z.number().int();
const Share = z.number().min(0).max(1);
const Person = z.object({ userId: z.uuid(), email: z.string() });

/** A query's optional integer (query strings are text). */
const queryInt = (min: number, max: number, fallback: number) =>
  z.coerce.number().int().min(min).max(max).default(fallback);

/** `?format=csv` asks for the CSV export of the same figures (so does `Accept: text/csv`). */
const Format = z.enum(['json', 'csv']).default('json');

/**
 * A rep's daily targets. Counts per day; `talkShare` is the ceiling of the rep's share of talk time.
 * null: the team set none for that figure.
 */
export const ReportTargets = z.strictObject({
  dials: Count.min(0).max(5000).nullable(),
  connects: Count.min(0).max(5000).nullable(),
  conversations: Count.min(0).max(5000).nullable(),
  talkSeconds: Count.min(0).max(86_400).nullable(),
  talkShare: Share.nullable(),
  voicemails: Count.min(0).max(5000).nullable(),
  emails: Count.min(0).max(5000).nullable(),
  mqls: Count.min(0).max(500).nullable(),
});
export type ReportTargets = z.infer<typeof ReportTargets>;

/**
 * Targets until a manager sets them: 60 dials a day (the desktop's calling-rule default
 * `dailyDialTarget`) and a talk share of at most 30% (PLAYBOOK.md, "On the call": listen 70%, talk
 * 30%); PLAYBOOK.md names no number for the other figures, so they have none.
 */
export const DEFAULT_REPORT_TARGETS: ReportTargets = {
  dials: DEFAULT_CALLING_RULES.dailyDialTarget,
  connects: null,
  conversations: null,
  talkSeconds: null,
  talkShare: 0.3,
  voicemails: null,
  emails: null,
  mqls: null,
};

/** Working days in a week, for the week's targets (the calling rules' default business days, Mon–Fri). */
export const REPORT_WORKDAYS_PER_WEEK = DEFAULT_CALLING_RULES.businessDays.length;

/** The time zone a team's days are counted in until a manager chooses one. */
export const DEFAULT_REPORT_TIME_ZONE = 'UTC';

/** `GET /v1/reports/settings` answer: the team's time zone for "today" and "this week", and its targets. */
export const ReportSettings = z.object({
  timeZone: z.string(),
  targets: ReportTargets,
  /** null until a manager saved them (the defaults apply). */
  updatedAt: z.number().nullable(),
});
export type ReportSettings = z.infer<typeof ReportSettings>;

/** `PUT /v1/reports/settings` body: either or both; targets replace the team's whole set. */
export const ReportSettingsInput = z
  .strictObject({ timeZone: TimeZoneName.optional(), targets: ReportTargets.optional() })
  .refine((input) => input.timeZone !== undefined || input.targets !== undefined, {
    message: 'Send timeZone, targets or both.',
  });
export type ReportSettingsInput = z.infer<typeof ReportSettingsInput>;

/**
 * One rep's (or the team's) figures over a period, each counted from activities not voided:
 * `dials` calls logged; `conversations` calls whose outcome is a conversation with the prospect;
 * `connects` conversations plus gatekeepers and wrong numbers (someone answered); `talkSeconds` the
 * calls' durations; `talkShare` the rep's share of talk time over the calls that carry talk/listen
 * figures (null when none does); `voicemails` voicemail outcomes; `emails` email steps done; `mqls`
 * leads handed off to sales (a lead once a day).
 */
export const ReportFigures = z.object({
  dials: Count,
  connects: Count,
  conversations: Count,
  talkSeconds: Count,
  talkShare: Share.nullable(),
  voicemails: Count,
  emails: Count,
  mqls: Count,
});
export type ReportFigures = z.infer<typeof ReportFigures>;

/** A figure's name, as the drill-down and the trend take it. */
export const ReportMetric = z.enum([
  'dials',
  'connects',
  'conversations',
  'talkSeconds',
  'voicemails',
  'emails',
  'mqls',
]);
export type ReportMetric = z.infer<typeof ReportMetric>;

/** A period in the team's days, both ends included, and the instants it spans (`toMs` excluded). */
const Period = z.object({ from: IsoDate, to: IsoDate, fromMs: z.number(), toMs: z.number() });

/** `GET /v1/reports/team-board?at=&format=` query: the board as of `at` (default now). */
export const TeamBoardQuery = z.strictObject({
  at: z.coerce.number().int().min(0).optional(),
  format: Format,
});
export type TeamBoardQuery = z.infer<typeof TeamBoardQuery>;

/**
 * The team board: per rep, today and this week (Monday to today) in the team's time zone, against the
 * targets (`week` targets are the daily ones times `REPORT_WORKDAYS_PER_WEEK`; `talkShare` is the same
 * ceiling). `team` sums every rep.
 */
export const TeamBoard = z.object({
  at: z.number(),
  timeZone: z.string(),
  today: Period,
  week: Period,
  targets: z.object({ day: ReportTargets, week: ReportTargets }),
  reps: z.array(Person.extend({ today: ReportFigures, week: ReportFigures })),
  team: z.object({ today: ReportFigures, week: ReportFigures }),
});
export type TeamBoard = z.infer<typeof TeamBoard>;

/** `GET /v1/reports/trend?days=&userId=&at=&format=`: the last `days` days (1–90, default 90) to today. */
export const TrendQuery = z.strictObject({
  days: queryInt(1, 90, 90),
  userId: z.uuid().optional(),
  at: z.coerce.number().int().min(0).optional(),
  format: Format,
});
export type TrendQuery = z.infer<typeof TrendQuery>;

/** The daily trend of every figure, the team's or one rep's (`userId`), every day listed (zeros too). */
export const Trend = z.object({
  timeZone: z.string(),
  userId: z.uuid().nullable(),
  from: IsoDate,
  to: IsoDate,
  days: z.array(ReportFigures.extend({ date: IsoDate })),
});
export type Trend = z.infer<typeof Trend>;

/** `GET /v1/reports/speed-to-lead?days=&at=&format=`: inbound leads that arrived in the last `days` (1–90, default 30). */
export const SpeedToLeadQuery = z.strictObject({
  days: queryInt(1, 90, 30),
  at: z.coerce.number().int().min(0).optional(),
  format: Format,
});
export type SpeedToLeadQuery = z.infer<typeof SpeedToLeadQuery>;

/**
 * Speed-to-lead buckets: upper bounds in minutes (the last bucket is open). Five minutes first:
 * PLAYBOOK.md asks that website and hotline leads be answered "within minutes".
 */
export const SPEED_TO_LEAD_BUCKET_MINUTES = [5, 15, 60, 240, 1440] as const;

/**
 * Speed to lead: each inbound lead (first arrival through `POST /v1/leads/inbound`) with the time from
 * arrival to its first call logged (not voided) at or after arrival; `waitingMs` for those with no
 * call yet. `percentiles` (nearest-rank, ms) and `buckets` count the called ones.
 */
export const SpeedToLead = z.object({
  at: z.number(),
  fromMs: z.number(),
  arrived: Count,
  called: Count,
  waiting: Count,
  percentiles: z.object({
    p50: z.number().nullable(),
    p90: z.number().nullable(),
    p95: z.number().nullable(),
  }),
  buckets: z.array(z.object({ fromMinutes: Count, toMinutes: Count.nullable(), count: Count })),
  leads: z.array(
    z.object({
      leadId: z.uuid(),
      leadName: z.string().nullable(),
      sourceChannel: z.string(),
      owner: Person.nullable(),
      arrivedAt: z.number(),
      firstCallAt: z.number().nullable(),
      msToFirstCall: z.number().nullable(),
      waitingMs: z.number().nullable(),
    }),
  ),
});
export type SpeedToLead = z.infer<typeof SpeedToLead>;

/** `GET /v1/reports/sla?format=`: the hand-off SLA board now. */
export const SlaQuery = z.strictObject({ format: Format });

const SlaHandoff = z.object({
  handoffId: z.uuid(),
  leadId: z.uuid(),
  leadName: z.string().nullable(),
  rep: Person,
  createdAt: z.number(),
  dueAt: z.number(),
  msLeft: z.number(),
  missed: z.boolean(),
});

/**
 * The SLA board (PLAYBOOK.md, "Hand-off rules": 48 hours to act; two misses in a month take an AE out
 * of rotation for a month): per AE of the team, the open hand-offs with the time left (0 once missed),
 * the misses this calendar month (UTC) and in all, and until when they are out of rotation (null: in
 * rotation); `unassigned` lists the hand-offs no AE was eligible for.
 */
export const SlaBoard = z.object({
  at: z.number(),
  aes: z.array(
    Person.extend({
      open: z.array(SlaHandoff),
      missesThisMonth: Count,
      missesTotal: Count,
      outUntil: z.number().nullable(),
    }),
  ),
  unassigned: z.array(SlaHandoff),
});
export type SlaBoard = z.infer<typeof SlaBoard>;

/** `GET /v1/reports/channels?days=&at=&format=`: leads the server took in during the last `days` (1–365, default 90). */
export const ChannelsQuery = z.strictObject({
  days: queryInt(1, 365, 90),
  at: z.coerce.number().int().min(0).optional(),
  format: Format,
});
export type ChannelsQuery = z.infer<typeof ChannelsQuery>;

const ChannelFigures = z.object({
  leads: Count,
  dialed: Count,
  connects: Count,
  mqls: Count,
  sqls: Count,
  rejected: Count,
  acceptanceRate: Share.nullable(),
});

/**
 * Results by source channel (PLAYBOOK.md, "What is measured": lead quality by source channel) for the
 * leads created in the period: `leads`; `dialed` those called at least once; `connects` their
 * connects; `mqls` those handed off; `sqls` those an AE accepted; `rejected` those rejected;
 * `acceptanceRate` sqls ÷ (sqls + rejected), null before any decision. `directions` sums inbound and
 * outbound.
 */
export const ChannelResults = z.object({
  fromMs: z.number(),
  toMs: z.number(),
  channels: z.array(ChannelFigures.extend({ sourceChannel: z.string(), direction: z.string() })),
  directions: z.array(ChannelFigures.extend({ direction: z.string() })),
});
export type ChannelResults = z.infer<typeof ChannelResults>;

/**
 * `GET /v1/reports/activities?metric=&from=&to=&userId=&cursor=&limit=&format=`: the activities behind
 * a cell, newest first, `limit` (1–500, default 50) a page; `cursor` is the last page's `nextCursor`.
 * `from`/`to` are team days, both included. `mqls` lists the hand-offs' leads' hand-off activities
 * (kind `handoff`).
 */
export const DrillQuery = z.strictObject({
  metric: ReportMetric,
  from: IsoDate,
  to: IsoDate,
  userId: z.uuid().optional(),
  cursor: z.string().max(200).optional(),
  limit: queryInt(1, 500, 50),
  format: Format,
});
export type DrillQuery = z.infer<typeof DrillQuery>;

/** One activity behind a cell (an MQL's row is its hand-off: `kind` `handoff`, `outcome` its status). */
export const DrillItem = z.object({
  id: z.uuid(),
  leadId: z.uuid(),
  leadName: z.string().nullable(),
  user: Person,
  kind: z.string(),
  outcome: z.string().nullable(),
  note: z.string().nullable(),
  occurredAt: z.number(),
  durationSeconds: z.number().nullable(),
  repTalkShare: Share.nullable(),
});
export type DrillItem = z.infer<typeof DrillItem>;

/** A page of a drill-down; `timeZone` is the team's (IANA), the zone its days are counted and its times shown in. */
export const DrillPage = z.object({
  items: z.array(DrillItem),
  nextCursor: z.string().nullable(),
  timeZone: z.string(),
});
export type DrillPage = z.infer<typeof DrillPage>;
