import type { LeadStatus } from '@shared/domain/lead';
import type { DncEntry, DncKind } from '@shared/domain/queue';
import type { VoidKind } from '@shared/sync/mutations/activities';
import { AppError } from '../errors';
import { type EnrollmentRow, type TaskRow, toTask } from '../queue/lead-state';
import { type Services, toEnrollment } from '../queue/services';
import { writeNow } from '../store/write-lock';
import { createReversals, type EnrollmentSnapshot, type Reversal } from './reversal';

export type VoidInput = { activityId: string; reason?: string; kind: VoidKind; at: number };

/** What a void put back; each part is false (or empty) when it was no longer the outcome's own. */
export type VoidResult = {
  activityId: string;
  leadId: string;
  kind: VoidKind;
  reason: string | null;
  voidedAt: number;
  statusBefore: LeadStatus;
  status: LeadStatus;
  reversed: { status: boolean; task: boolean; counters: boolean; dncRemoved: DncEntry[] };
  nextTask: ReturnType<typeof toTask> | null;
  enrollment: ReturnType<typeof toEnrollment> | null;
};

type ActivityRow = {
  id: string;
  lead_id: string;
  kind: string;
  data: string | null;
  created_at: number;
  voided_at: number | null;
};

type DncRow = { id: string; kind: DncKind; value: string };

const sameEnrollment = (row: EnrollmentRow | undefined, snap: EnrollmentSnapshot): boolean =>
  row !== undefined &&
  row.state === snap.state &&
  row.step_id === snap.stepId &&
  row.step_attempts === snap.stepAttempts;

export type OutcomeVoider = ReturnType<typeof createOutcomeVoider>;

/**
 * Voiding a logged call (undo is a void too). The activity stays in the history, marked void with its
 * reason and time, and the void is one outbox mutation (`outcome.void`: `activity.void` plus what it
 * put back).
 *
 * The rule for what is reversed:
 * - Only the lead's newest standing call can be voided. If another call was logged for the lead after it
 *   and still stands, the void is refused with `outcome_void_superseded` (params: `activityId`, the
 *   newer call): void the newer ones first, newest first. A task step completed since (an email, a
 *   LinkedIn touch) does not block it, but the cadence it moved is then no longer the call's own (below).
 * - Otherwise each thing the outcome changed is put back only where it is still as the outcome left it:
 *   - the lead's status goes back to the status before the call, if it is still the one the call set
 *     (a status changed by hand since stays);
 *   - the task and cadence step: if the lead's live task and enrollment are still the ones the call left,
 *     the task it created is cancelled, the task it closed is reopened and the enrollment returns to its
 *     step, attempt count and state (a finished one resumes); else they stay as they are;
 *   - the dial counters (attempts total and today, connects, last attempt) go back to before the call,
 *     if no other dial was counted since;
 *   - do-not-contact entries the outcome added are taken off the list (entries added another way stay).
 * - A call logged before voids existed (no record of what it changed) is marked void and its status put
 *   back by the same rule; its task and counters stay.
 *
 * @throws AppError `not_found` (no such activity), `outcome_not_voidable` (not a call),
 *   `outcome_already_void`, `outcome_void_superseded`.
 */
export const createOutcomeVoider = (svc: Services) => {
  const { db } = svc;
  const reversals = createReversals(db, svc.leads);
  const activity = db.prepare<[string], ActivityRow>(
    'SELECT id, lead_id, kind, data, created_at, voided_at FROM activities WHERE id = ?',
  );
  const newer = db.prepare<[string, number, number, string, string], { id: string }>(
    `SELECT id FROM activities WHERE lead_id = ? AND kind = 'call' AND voided_at IS NULL
       AND (created_at > ? OR (created_at = ? AND id > ?)) AND id <> ?
     ORDER BY created_at DESC LIMIT 1`,
  );
  const markVoid = db.prepare(
    'UPDATE activities SET voided_at = ?, void_reason = ?, void_kind = ? WHERE id = ? AND voided_at IS NULL',
  );
  const setStatus = db.prepare('UPDATE leads SET status = ?, updated_at = ? WHERE id = ?');
  const restoreCounters = db.prepare(`UPDATE lead_queue SET attempts_total = @total, attempts_day = @day,
    attempts_day_key = @dayKey, connects_total = @connects, last_attempt_at = @lastAt, last_outcome = @lastOutcome,
    updated_at = @at WHERE lead_id = @leadId AND attempts_total = @after`);
  const reopenTask = db.prepare(
    `UPDATE tasks SET state = ?, outcome = NULL, completed_at = NULL WHERE id = ? AND state NOT IN ('open', 'paused')`,
  );
  const restoreEnrollment = db.prepare(`UPDATE enrollments SET state = ?, step_id = ?, step_attempts = ?,
    finish_reason = ?, finished_at = ?, updated_at = ? WHERE id = ?`);
  const dncById = db.prepare<[string], DncRow>('SELECT id, kind, value FROM dnc WHERE id = ?');
  const dncDelete = db.prepare('DELETE FROM dnc WHERE id = ?');
  const dncEntry = db.prepare<[string], DncEntry>(
    `SELECT id, kind, value, reason, lead_id AS leadId, created_at AS createdAt FROM dnc WHERE id = ?`,
  );

  /** Cancels the task the call made, reopens the one it closed, returns the enrollment to its step. */
  const putBackCadence = (
    r: Reversal,
    leadId: string,
    isDemo: boolean,
    at: number,
  ): { done: boolean; next: TaskRow | null; enrollment: EnrollmentRow | null } => {
    const live = svc.leads.liveTask(leadId);
    const liveEnrollment = svc.leads.liveEnrollment(leadId);
    const enrollmentNow = r.after.enrollment ? svc.leads.enrollmentById(r.after.enrollment.id) : undefined;
    const own =
      (live?.id ?? null) === r.after.taskId &&
      (r.after.enrollment
        ? sameEnrollment(enrollmentNow, r.after.enrollment) &&
          (!liveEnrollment || liveEnrollment.id === r.after.enrollment.id)
        : !liveEnrollment);
    if (!own) return { done: false, next: live ?? null, enrollment: liveEnrollment ?? null };
    if (live && live.id !== r.task?.id) svc.tasks.close(live, 'cancelled', null, at, isDemo);
    let enrollment: EnrollmentRow | null = liveEnrollment ?? null;
    if (r.enrollment) {
      const e = r.enrollment;
      restoreEnrollment.run(e.state, e.stepId, e.stepAttempts, e.finishReason, e.finishedAt, at, e.id);
      enrollment = svc.leads.enrollmentById(e.id) ?? null;
      if (enrollment) svc.record(isDemo, 'enrollment.put', toEnrollment(enrollment));
    }
    let next: TaskRow | null = live && live.id === r.task?.id ? live : null;
    if (r.task && r.task.id !== live?.id) {
      reopenTask.run(r.task.state, r.task.id);
      const row = svc.tasks.byId(r.task.id);
      if (row) {
        svc.record(isDemo, 'task.put', toTask(row));
        next = row;
      }
    }
    return { done: true, next, enrollment };
  };

  const run = (input: VoidInput): VoidResult => {
    const row = activity.get(input.activityId);
    if (!row) {
      throw new AppError(
        'not_found',
        `No activity with id ${input.activityId}. Check the id (dialdeck history LEAD_ID --json lists them).`,
      );
    }
    if (row.kind !== 'call') {
      throw new AppError(
        'outcome_not_voidable',
        `Activity ${row.id} is a ${row.kind} step, not a logged call; only call outcomes can be voided.`,
      );
    }
    if (row.voided_at !== null) {
      throw new AppError('outcome_already_void', `The outcome ${row.id} is void already; nothing changed.`);
    }
    const later = newer.get(row.lead_id, row.created_at, row.created_at, row.id, row.id);
    if (later) {
      throw new AppError(
        'outcome_void_superseded',
        `Call ${later.id} was logged for this lead after ${row.id} and builds on it; nothing changed. Void the newer call first (newest first).`,
        undefined,
        { activityId: later.id },
      );
    }
    const facts = svc.leads.mustFacts(row.lead_id);
    const { at } = input;
    const data = row.data ? (JSON.parse(row.data) as { statusBefore?: LeadStatus; status?: LeadStatus }) : {};
    const r = reversals.load(row.id);
    const reason = input.reason?.trim() ? input.reason.trim() : null;

    markVoid.run(at, reason, input.kind, row.id);
    svc.record(facts.isDemo, 'activity.void', {
      id: row.id,
      leadId: facts.id,
      kind: input.kind,
      reason,
      voidedAt: at,
    });

    let status = facts.status;
    const setBy = r?.after.status ?? data.status;
    if (data.statusBefore && setBy && facts.status === setBy && data.statusBefore !== setBy) {
      status = data.statusBefore;
      setStatus.run(status, at, facts.id);
      svc.record(facts.isDemo, 'lead.setStatus', { id: facts.id, status, updatedAt: at });
    }

    let counters = false;
    let cadence = {
      done: false,
      next: svc.leads.liveTask(facts.id) ?? null,
      enrollment: svc.leads.liveEnrollment(facts.id) ?? null,
    };
    const dncRemoved: DncEntry[] = [];
    if (r) {
      counters =
        restoreCounters.run({ ...r.counters, at, leadId: facts.id, after: r.after.total }).changes > 0;
      cadence = putBackCadence(r, facts.id, facts.isDemo, at);
      for (const id of r.dncIds) {
        const entry = dncEntry.get(id);
        const stored = dncById.get(id);
        if (!entry || !stored) continue;
        dncDelete.run(id);
        svc.record(facts.isDemo, 'dnc.remove', { id, kind: stored.kind, value: stored.value });
        dncRemoved.push(entry);
      }
    }
    return {
      activityId: row.id,
      leadId: facts.id,
      kind: input.kind,
      reason,
      voidedAt: at,
      statusBefore: facts.status,
      status,
      reversed: { status: status !== facts.status, task: cadence.done, counters, dncRemoved },
      nextTask: cadence.next ? toTask(cadence.next) : null,
      enrollment: cadence.enrollment ? toEnrollment(cadence.enrollment) : null,
    };
  };

  return {
    void: (input: VoidInput): VoidResult => writeNow(db, () => svc.batch('outcome.void', () => run(input))),
  };
};
