import { z } from 'zod';

/** Why a rep skipped a lead in a calling session (`other` with a note for anything else). */
export const SKIP_REASONS = ['needs_research', 'wrong_time', 'not_a_fit', 'duplicate', 'other'] as const;
export const SkipReason = z.enum(SKIP_REASONS);
export type SkipReason = z.infer<typeof SkipReason>;

/** Why a rep snoozed a lead (kept it out of the queue until a time). */
export const SNOOZE_REASONS = [
  'asked_later',
  'out_of_office',
  'needs_research',
  'waiting_on_info',
  'other',
] as const;
export const SnoozeReason = z.enum(SNOOZE_REASONS);
export type SnoozeReason = z.infer<typeof SnoozeReason>;

/** A skip as recorded: an activity of kind `skip`; times in UTC epoch ms. */
export const Skip = z.object({
  activityId: z.string().uuid(),
  leadId: z.string().uuid(),
  reason: SkipReason,
  note: z.string().nullable(),
  skippedAt: z.number().int(),
});
export type Skip = z.infer<typeof Skip>;

/** A snooze as recorded: an activity of kind `snooze`; the queue keeps the lead out until `until`. */
export const Snooze = z.object({
  activityId: z.string().uuid(),
  leadId: z.string().uuid(),
  reason: SnoozeReason,
  note: z.string().nullable(),
  snoozedAt: z.number().int(),
  until: z.number().int(),
  untilIso: z.string(),
});
export type Snooze = z.infer<typeof Snooze>;

/**
 * The rep's day so far, for the session strip: counted from the day's activities in the rep's time
 * zone (`dayStart` ≤ occurredAt < `dayEnd`, UTC epoch ms), voided outcomes left out.
 * - `dials`: calls logged; `connects`: calls a person answered (every outcome that counts as a
 *   conversation, plus gatekeeper and wrong number); `conversations`: calls whose outcome counts as a
 *   conversation with the prospect (the outcome's `connected` flag);
 * - `talkSeconds`: the summed duration of the day's calls that carry one; `voicemails`: voicemail outcomes;
 * - `mqls`: leads that became MQLs today (an outcome that set `mql`, or a hand-off), each counted once;
 * - `target`: the daily dial target from the calling rules; `progress`: dials ÷ target, at most 1.
 */
export const SessionStats = z.object({
  at: z.number().int(),
  timeZone: z.string(),
  dayStart: z.number().int(),
  dayEnd: z.number().int(),
  dials: z.number().int(),
  connects: z.number().int(),
  conversations: z.number().int(),
  talkSeconds: z.number().int(),
  voicemails: z.number().int(),
  mqls: z.number().int(),
  skips: z.number().int(),
  snoozes: z.number().int(),
  target: z.number().int(),
  progress: z.number(),
});
export type SessionStats = z.infer<typeof SessionStats>;
