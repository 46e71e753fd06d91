import { z } from 'zod';
import { Enrollment } from '../domain/cadence';
import { CallProvider } from '../domain/callProvider';
import { Instant } from '../domain/instant';
import { LeadStatus } from '../domain/lead';
import { DncEntry, Task } from '../domain/queue';
import { VoidKind } from '../sync/mutations/activities';
import { TalkMetrics } from '../talk/metrics';
import { method } from './contract';

/** One activity in a lead's call history; times are UTC epoch ms. */
export const HistoryEntry = z.object({
  id: z.string().uuid(),
  leadId: z.string().uuid(),
  /** `call`, or the task kind completed (`email`, `linkedin`, `task`…). */
  kind: z.string(),
  /** The outcome id of a call; `done` or `skipped` for a task. */
  outcome: z.string().nullable(),
  note: z.string().nullable(),
  /** When the call happened. */
  occurredAt: z.number().int(),
  /** When it was logged. */
  loggedAt: z.number().int(),
  callId: z.string().nullable(),
  statusBefore: LeadStatus.nullable(),
  status: LeadStatus.nullable(),
  callbackAt: z.number().int().nullable(),
  durationSeconds: z.number().int().nullable(),
  /** A call's talk/listen figures, when a meter measured it (seconds and a 0–1 share). */
  talk: TalkMetrics.nullable().optional(),
  /** How the call was placed, when known. */
  provider: CallProvider.nullable().optional(),
  /** A snooze's end (UTC epoch ms); only on `snooze` activities. */
  snoozedUntil: z.number().int().nullable().optional(),
  /** Set when the outcome was voided: when, why, and whether it was an undo or a later void. */
  void: z.object({ at: z.number().int(), reason: z.string().nullable(), kind: VoidKind }).nullable(),
  /** Whether a void would be accepted now: the lead's newest standing call. */
  voidable: z.boolean(),
});
export type HistoryEntry = z.infer<typeof HistoryEntry>;

/** What a void put back; a part is false (or empty) when it was no longer the outcome's own. */
export const VoidResult = z.object({
  activityId: z.string().uuid(),
  leadId: z.string().uuid(),
  kind: VoidKind,
  reason: z.string().nullable(),
  voidedAt: z.number().int(),
  /** The lead's status before the void, and after it. */
  statusBefore: LeadStatus,
  status: LeadStatus,
  reversed: z.object({
    status: z.boolean(),
    task: z.boolean(),
    counters: z.boolean(),
    dncRemoved: z.array(DncEntry),
  }),
  nextTask: Task.nullable(),
  enrollment: Enrollment.nullable(),
});
export type VoidResult = z.infer<typeof VoidResult>;

export const historyMethods = {
  /** Every activity of the lead, newest first, voided ones marked (at most `limit`, default 200). */
  'history.list': method(
    z.object({ leadId: z.string().uuid(), limit: z.number().int().min(1).max(1000).optional() }),
    z.object({ leadId: z.string().uuid(), activities: z.array(HistoryEntry) }),
  ),
  /**
   * Voids a logged call (an undo is a void with `kind: 'undo'`): it stays in the history, marked, and
   * what it changed is put back where it is still its own (rule: src/main/core/outcomes/void.ts).
   * Errors: `not_found`, `outcome_not_voidable`, `outcome_already_void`, `outcome_void_superseded`.
   */
  'outcomes.void': method(
    z.object({
      activityId: z.string().uuid(),
      reason: z.string().max(500).optional(),
      kind: VoidKind.optional(),
      at: Instant.optional(),
    }),
    VoidResult,
  ),
};
