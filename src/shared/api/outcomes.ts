import { z } from 'zod';
import { Enrollment, OutcomeId } from '../domain/cadence';
import { CallProvider } from '../domain/callProvider';
import { Instant } from '../domain/instant';
import { LeadStatus } from '../domain/lead';
import { Outcome, OutcomeFields } from '../domain/outcome';
import { DncEntry, Task } from '../domain/queue';
import { TalkMetrics } from '../talk/metrics';
import { method } from './contract';

/** What logging an outcome (or completing a task) changed. */
export const LogResult = z.object({
  activityId: z.string().uuid(),
  outcome: z.string(),
  statusBefore: LeadStatus,
  status: LeadStatus,
  /** The enrollment the outcome moved (finished, if it ended); null if the lead is on no cadence. */
  enrollment: Enrollment.nullable(),
  /** The lead's one next task; null when its enrollment finished or it has none. */
  nextTask: Task.nullable(),
  dncAdded: z.array(DncEntry),
});
export type LogResult = z.infer<typeof LogResult>;

export const OutcomePatch = OutcomeFields.pick({
  label: true,
  active: true,
  status: true,
  transition: true,
  connected: true,
  position: true,
}).partial();
export type OutcomePatch = z.infer<typeof OutcomePatch>;

export const NewOutcome = OutcomeFields.omit({ builtin: true, position: true }).extend({
  position: z.number().int().optional(),
});
export type NewOutcome = z.infer<typeof NewOutcome>;

export const outcomesMethods = {
  'outcomes.list': method(z.object({}), z.array(Outcome)),
  /** Changes an outcome's label, status, transition, connect flag, order or whether it can be logged. */
  'outcomes.update': method(z.object({ id: OutcomeId, patch: OutcomePatch }), Outcome),
  /** Adds a team outcome with its own id. */
  'outcomes.create': method(NewOutcome, Outcome),
  /**
   * Logs a call: the activity, the lead's status, its next task, and any do-not-contact entries, in
   * one transaction. `callbackAt` (UTC epoch ms) is required by callback outcomes and refused by others.
   * `callId` names the call attempt on screen: a second outcome for it is refused
   * (`outcome_already_logged`), as is a call id made for another lead (`call_lead_mismatch`). A
   * do-not-contact lead is refused (`lead_do_not_contact`). `durationSeconds` is the call's length
   * (whole seconds); `talk` its talk/listen figures from the meter and `provider` how it was placed,
   * both kept on the call activity and synced with it.
   */
  'outcomes.log': method(
    z.object({
      leadId: z.string().uuid(),
      outcome: z.string().min(1).max(40),
      note: z.string().max(10_000).optional(),
      callbackAt: Instant.optional(),
      durationSeconds: z.number().int().min(0).max(86_400).optional(),
      callId: z.string().uuid().optional(),
      at: Instant.optional(),
      talk: TalkMetrics.optional(),
      provider: CallProvider.optional(),
    }),
    LogResult,
  ),
};
