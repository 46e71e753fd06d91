import { z } from 'zod';
import { Change } from '../changes';

/**
 * `{ changes: [{ name, args }…] }`: everything one user action changed, in the order it was written.
 * The server applies a batch whole, in one transaction, or rejects it whole.
 */
const Batch = z.strictObject({ changes: z.array(Change).min(1) });

/** Mutations that carry one user action's changes together (see `Batch`). */
export const batchMutations = {
  /** A lead put on a cadence: its enrollment and first task (and a callback it adopted). */
  'lead.enroll': Batch,
  /** Enrollments paused: each enrollment and its open task. */
  'enrollment.pause': Batch,
  /** Enrollments resumed: each enrollment and its task, due again. */
  'enrollment.resume': Batch,
  /** Leads taken off their cadence: each enrollment finished and its task cancelled. */
  'enrollment.remove': Batch,
  /** A call logged: the activity, the lead's new status, the task closed, the next step, any DNC entries. */
  'outcome.log': Batch,
  /**
   * A logged call voided (or undone): the activity marked void, and what it changed put back where it
   * is still its own — the lead's status, the task and enrollment, the do-not-contact entries it added.
   */
  'outcome.void': Batch,
  /** An email, LinkedIn or custom task completed: the activity, the task closed, the next step. */
  'task.complete': Batch,
  /** A lead handed off as MQL: the hand-off, any BANT answers confirmed with it, the status, the cadence finished. */
  'lead.handoff': Batch,
};
