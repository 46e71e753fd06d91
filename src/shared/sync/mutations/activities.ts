import { z } from 'zod';
import { OutcomeId, TaskResult } from '../../domain/cadence';
import { CallProvider } from '../../domain/callProvider';
import { LeadStatus } from '../../domain/lead';
import { TaskKind } from '../../domain/queue';
import { TalkMetrics } from '../../talk/metrics';
import { EpochMs, RowId } from '../protocol';

/**
 * What a logged call carries besides its outcome; `callbackAt` in epoch ms, the duration in seconds.
 * `talk` is the call's talk/listen figures measured on the device (absent or null when no meter ran:
 * the system phone, an outcome logged without a call), `provider` how the call was placed; both were
 * added later, so older mutations lack them.
 */
const CallData = z.strictObject({
  callbackAt: EpochMs.nullable(),
  durationSeconds: z.number().int().min(0).max(86_400).nullable(),
  taskId: RowId.nullable(),
  enrollmentId: RowId.nullable(),
  stepId: z.string().nullable(),
  statusBefore: LeadStatus,
  status: LeadStatus,
  talk: TalkMetrics.nullable().optional(),
  provider: CallProvider.nullable().optional(),
});

/** What a completed email, LinkedIn or custom task carries: the task and the cadence step it was. */
const TaskData = z.strictObject({
  taskId: RowId,
  enrollmentId: RowId.nullable(),
  stepId: z.string().nullable(),
});

/** What an activity carries besides its outcome and note. */
export const ActivityData = z.union([CallData, TaskData]);
export type ActivityData = z.infer<typeof ActivityData>;

/** How an outcome was taken back: `undo` right after logging, `void` later from the history. */
export const VoidKind = z.enum(['undo', 'void']);
export type VoidKind = z.infer<typeof VoidKind>;

/** Activities are append-only: a mutation id is applied once and never conflicts. */
export const activityMutations = {
  /**
   * A call logged or a task completed: `{ id, leadId, kind, outcome, body, data, occurredAt (ms) }`.
   * `outcome` is an outcome id for calls, `done`/`skipped` for other tasks; `body` is the rep's note.
   */
  'activity.create': z.strictObject({
    id: RowId,
    leadId: RowId,
    kind: TaskKind,
    outcome: z.union([TaskResult, OutcomeId]),
    body: z.string().nullable(),
    data: ActivityData,
    occurredAt: EpochMs,
    /** The call attempt the outcome was logged for (one outcome per call); absent before calls had ids. */
    callId: z.uuid().nullable().optional(),
  }),
  /**
   * An outcome voided: `{ id, leadId, kind, reason, voidedAt (ms) }`. `kind` is `undo` (taken back
   * within seconds of logging) or `void` (later, from the call history); the activity stays, marked.
   * What the void put back (status, task, enrollment, do-not-contact entries) travels in the same batch.
   */
  'activity.void': z.strictObject({
    id: RowId,
    leadId: RowId,
    kind: VoidKind,
    reason: z.string().max(500).nullable(),
    voidedAt: EpochMs,
  }),
};
