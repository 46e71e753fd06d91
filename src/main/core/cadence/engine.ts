import type { Decision } from '@shared/cadence/advance';
import type { CadenceStep, Enrollment, FinishReason, Wait } from '@shared/domain/cadence';
import { isWorkable } from '@shared/domain/outcome';
import type { Task } from '@shared/domain/queue';
import { zoneKeyOf } from '@shared/queue/zones';
import { AppError } from '../errors';
import { type Counters, type EnrollmentRow, type LeadFacts, type TaskRow, toTask } from '../queue/lead-state';
import { type Services, toEnrollment } from '../queue/services';
import { writeNow } from '../store/write-lock';
import { type CreatedLead, createBulkEnroller } from './bulk-enroll';
import { dueAfterIn } from './due';
import type { StoredCadence } from './store';

export type SkippedEnrollment = {
  leadId: string;
  reason: 'not_found' | 'status' | 'already_enrolled' | 'no_matching_cadence';
};

/** The instant a wait from `at` ends for this lead (business days in its zone, or the rep's). */
export const dueAfter = (svc: Services, facts: LeadFacts, at: number, wait: Wait): number =>
  dueAfterIn(svc.rules.get(), zoneKeyOf(facts.timeZone, facts.country), at, wait);

/** A live task and how it closes. */
export type Closing = { row: TaskRow; state: 'done' | 'skipped' | 'cancelled'; outcome: string | null };

/** Where a change left the lead: its enrollment and its live task (null when it has none). */
export type Moved = { enrollment: EnrollmentRow; next: TaskRow | null };

export type CadenceEngine = ReturnType<typeof createCadenceEngine>;

/** Enrollment and the cadence's moves: which task a lead holds next, written with its outbox rows. */
export const createCadenceEngine = (svc: Services) => {
  const { db } = svc;
  const adopt = db.prepare('UPDATE tasks SET enrollment_id = ?, step_id = ? WHERE id = ?');
  const enrollMany = createBulkEnroller(svc);

  const createStepTask = (
    facts: LeadFacts,
    counters: Counters,
    cadence: StoredCadence,
    enrollment: EnrollmentRow,
    step: CadenceStep,
    dueAt: number,
    at: number,
    options: { title?: string; interstitial?: boolean; status?: LeadFacts['status'] } = {},
  ): TaskRow =>
    svc.tasks.create(
      svc.planTask({
        facts,
        counters,
        cadence,
        enrollmentId: enrollment.id,
        enrollmentState: enrollment.state === 'paused' ? 'paused' : 'active',
        kind: options.interstitial ? 'task' : step.kind,
        stepId: step.id,
        title: options.title ?? step.title,
        interstitial: options.interstitial ?? false,
        dueAt,
        status: options.status ?? facts.status,
      }),
      at,
      facts.isDemo,
      cadence.id,
    );

  /** Puts a lead on a cadence at its first step. Call inside a transaction. */
  const start = (facts: LeadFacts, cadence: StoredCadence, at: number): EnrollmentRow => {
    const first = cadence.steps[0];
    if (!first) throw new AppError('invalid_input', `Cadence "${cadence.name}" has no steps.`);
    const live = svc.leads.liveTask(facts.id);
    const enrollment = svc.enrollments.create(facts.id, cadence, first, at, facts.isDemo);
    if (live) {
      // A callback booked before the lead joined stays its next task; the cadence starts after it.
      adopt.run(enrollment.id, first.id, live.id);
      svc.record(
        facts.isDemo,
        'task.put',
        toTask({ ...live, enrollment_id: enrollment.id, cadence_id: cadence.id, step_id: first.id }),
      );
    } else {
      createStepTask(
        facts,
        svc.leads.counters(facts.id),
        cadence,
        enrollment,
        first,
        dueAfter(svc, facts, at, first.wait),
        at,
      );
    }
    return enrollment;
  };

  const enrollOne = (
    leadId: string,
    cadenceId: string | undefined,
    at: number,
  ): EnrollmentRow | SkippedEnrollment['reason'] => {
    const facts = svc.leads.facts(leadId);
    if (!facts) return 'not_found';
    if (!isWorkable(facts.status)) return 'status';
    if (svc.leads.liveEnrollment(leadId)) return 'already_enrolled';
    const cadence = cadenceId ? svc.cadences.mustGet(cadenceId) : svc.cadences.match(facts);
    if (!cadence) return 'no_matching_cadence';
    return start(facts, cadence, at);
  };

  /** Finishes the lead's enrollment and closes its live task. Call inside a transaction. */
  const finish = (
    facts: LeadFacts,
    enrollment: EnrollmentRow,
    reason: FinishReason,
    at: number,
    liveTask: Closing | null,
  ): Moved => {
    if (liveTask) svc.tasks.close(liveTask.row, liveTask.state, liveTask.outcome, at, facts.isDemo);
    return { enrollment: svc.enrollments.finish(enrollment, reason, at, facts.isDemo), next: null };
  };

  /**
   * Carries out the cadence's decision after a step ended: closes the task that ended (if it did),
   * moves the enrollment and writes the one next task, or finishes the enrollment. Returns the
   * enrollment and the lead's live task as they now stand.
   */
  const apply = (input: {
    facts: LeadFacts;
    counters: Counters;
    enrollment: EnrollmentRow;
    cadence: StoredCadence;
    decision: Decision;
    /** The lead's live task before the change. */
    live: TaskRow | null;
    /** The live task and how it closes; null when it stays (an ad-hoc call during an email step). */
    closing: Closing | null;
    stepAttempts: number;
    status: LeadFacts['status'];
    at: number;
  }): Moved => {
    const { facts, counters, enrollment, cadence, decision, closing, at } = input;
    if (decision.type === 'finish') return finish(facts, enrollment, decision.reason, at, closing);
    const current = cadence.steps.find((s) => s.id === enrollment.step_id);
    if (decision.type === 'keep') {
      let next = input.live;
      if (closing) {
        // The call closed a dial task while the step is not a call: the step's own task comes back.
        svc.tasks.close(closing.row, closing.state, closing.outcome, at, facts.isDemo);
        next = current
          ? createStepTask(facts, counters, cadence, enrollment, current, at, at, { status: input.status })
          : null;
      }
      const kept =
        input.stepAttempts !== enrollment.step_attempts
          ? svc.enrollments.move(enrollment, enrollment.step_id, input.stepAttempts, at, facts.isDemo)
          : enrollment;
      return { enrollment: kept, next };
    }
    if (closing) svc.tasks.close(closing.row, closing.state, closing.outcome, at, facts.isDemo);
    if (decision.type === 'task') {
      const moved = svc.enrollments.move(
        enrollment,
        enrollment.step_id,
        input.stepAttempts,
        at,
        facts.isDemo,
      );
      if (!current) throw new Error(`cadence ${cadence.id} lost step ${enrollment.step_id}`);
      const next = createStepTask(
        facts,
        counters,
        cadence,
        moved,
        current,
        dueAfter(svc, facts, at, decision.wait),
        at,
        { title: decision.title, interstitial: true, status: input.status },
      );
      return { enrollment: moved, next };
    }
    const target = cadence.steps.find((s) => s.id === decision.stepId);
    if (!target) throw new Error(`cadence ${cadence.id} has no step ${decision.stepId}`);
    const moved = svc.enrollments.move(enrollment, target.id, decision.stepAttempts, at, facts.isDemo);
    const next = createStepTask(
      facts,
      counters,
      cadence,
      moved,
      target,
      dueAfter(svc, facts, at, decision.wait),
      at,
      { status: input.status },
    );
    return { enrollment: moved, next };
  };

  const mustLive = (leadId: string): { facts: LeadFacts; enrollment: EnrollmentRow } => {
    const facts = svc.leads.mustFacts(leadId);
    const enrollment = svc.leads.liveEnrollment(leadId);
    if (!enrollment) throw new AppError('not_found', `${facts.name} is not on a cadence.`);
    return { facts, enrollment };
  };

  return {
    start,
    finish,
    apply,
    createStepTask,

    /** Enrolls leads in a cadence (or the one their rule picks); leads that cannot join are listed. */
    enroll(leadIds: string[], cadenceId: string | undefined, at: number) {
      if (cadenceId) svc.cadences.mustGet(cadenceId);
      return writeNow(db, () => {
        const enrolled: Enrollment[] = [];
        const skipped: SkippedEnrollment[] = [];
        for (const leadId of leadIds) {
          const result = svc.batch('lead.enroll', () => enrollOne(leadId, cadenceId, at));
          if (typeof result === 'string') skipped.push({ leadId, reason: result });
          else enrolled.push(toEnrollment(result));
        }
        return { enrolled, skipped };
      });
    },

    /**
     * Puts newly imported or created leads on the cadence their rule picks (direction, source channel).
     * Leads already on a cadence, or not new/working, are left alone. Joins the caller's transaction.
     */
    enrollNewLeads(leadIds: readonly string[], at: number): { enrolled: number; skipped: number } {
      const enrolled = enrollMany.byIds(leadIds, at);
      return { enrolled, skipped: leadIds.length - enrolled };
    },

    /**
     * Puts leads written in the caller's transaction (an import) on the cadence their rule picks, from
     * the facts the caller holds; `batchId` is the import batch their rows belong to. Returns how many
     * were enrolled.
     */
    enrollCreated: (leads: readonly CreatedLead[], at: number, batchId: string | null = null): number =>
      enrollMany.created(leads, at, batchId),

    pause(leadId: string, at: number): Enrollment {
      return writeNow(db, () =>
        svc.batch('enrollment.pause', () => {
          const { facts, enrollment } = mustLive(leadId);
          if (enrollment.state === 'paused') return toEnrollment(enrollment);
          const task = svc.leads.liveTask(leadId);
          if (task) svc.tasks.setState(task, 'paused', facts.isDemo);
          return toEnrollment(svc.enrollments.setState(enrollment, 'paused', at, facts.isDemo));
        }),
      );
    },

    resume(leadId: string, at: number): Enrollment {
      return writeNow(db, () =>
        svc.batch('enrollment.resume', () => {
          const { facts, enrollment } = mustLive(leadId);
          if (enrollment.state === 'active') return toEnrollment(enrollment);
          const resumed = svc.enrollments.setState(enrollment, 'active', at, facts.isDemo);
          const task = svc.leads.liveTask(leadId);
          if (task) svc.tasks.setState(task, 'open', facts.isDemo);
          else {
            const cadence = svc.cadences.get(enrollment.cadence_id);
            const step = cadence?.steps.find((s) => s.id === enrollment.step_id);
            if (cadence && step)
              createStepTask(facts, svc.leads.counters(leadId), cadence, resumed, step, at, at);
          }
          return toEnrollment(resumed);
        }),
      );
    },

    remove(leadId: string, at: number): Enrollment {
      return writeNow(db, () =>
        svc.batch('enrollment.remove', () => {
          const { facts, enrollment } = mustLive(leadId);
          const task = svc.leads.liveTask(leadId);
          const removed = finish(
            facts,
            enrollment,
            'removed',
            at,
            task ? { row: task, state: 'cancelled', outcome: null } : null,
          );
          return toEnrollment(removed.enrollment);
        }),
      );
    },

    /** The lead's cadence position, its live task and its past enrollments. */
    status(leadId: string): { current: Enrollment | null; task: Task | null; history: Enrollment[] } {
      svc.leads.mustFacts(leadId);
      const live = svc.leads.liveEnrollment(leadId);
      const task = svc.leads.liveTask(leadId);
      return {
        current: live ? toEnrollment(live) : null,
        task: task ? toTask(task) : null,
        history: svc.leads.enrollmentsOf(leadId).map(toEnrollment),
      };
    },
  };
};
