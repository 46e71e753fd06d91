import { advance } from '@shared/cadence/advance';
import { isDialStep, type TaskResult } from '@shared/domain/cadence';
import type { CallProvider } from '@shared/domain/callProvider';
import type { LeadStatus } from '@shared/domain/lead';
import { isWorkable, statusAfter } from '@shared/domain/outcome';
import type { DncEntry, DncKind, Task, TaskKind } from '@shared/domain/queue';
import { dayKeyOf } from '@shared/queue/blockers';
import { zoneKeyOf } from '@shared/queue/zones';
import type { ActivityData } from '@shared/sync/mutations/activities';
import type { TalkMetrics } from '@shared/talk/metrics';
import { CALLBACK_TASK_TITLE } from '../cadence/defaults';
import type { CadenceEngine } from '../cadence/engine';
import { AppError } from '../errors';
import { newId } from '../ids';
import { leadWriterFor } from '../leads/writer';
import {
  COUNTER_COLUMNS,
  type CounterRow,
  type EnrollmentRow,
  emailDomain,
  type LeadFacts,
  type TaskRow,
  toCounters,
  toTask,
} from '../queue/lead-state';
import { type Services, toEnrollment } from '../queue/services';
import { writeNow, writeWhenFree } from '../store/write-lock';
import { assertContactable, createCallGuard } from './guards';
import { createReversals } from './reversal';

export type LogInput = {
  leadId: string;
  outcome: string;
  note?: string;
  callbackAt?: number;
  durationSeconds?: number;
  /** The call attempt this outcome is for (one outcome per call; see outcomes/guards.ts). */
  callId?: string;
  at: number;
  /** The call's talk/listen figures from the meter, kept on the activity. */
  talk?: TalkMetrics;
  /** How the call was placed. */
  provider?: CallProvider;
};

export type LogResult = {
  activityId: string;
  outcome: string;
  statusBefore: LeadStatus;
  status: LeadStatus;
  enrollment: ReturnType<typeof toEnrollment> | null;
  nextTask: Task | null;
  dncAdded: DncEntry[];
};

const closeState = (row: TaskRow): 'done' | 'cancelled' =>
  row.lane !== 'todo' || row.interstitial === 1 ? 'done' : 'cancelled';

export type OutcomeLogger = ReturnType<typeof createOutcomeLogger>;

/**
 * Logging a call outcome is one transaction: the activity, the dial counters, the lead's status, the
 * do-not-contact entries, the cadence's move to exactly one next task (or the enrollment's end), and
 * the outbox rows for each.
 */
export const createOutcomeLogger = (svc: Services, engine: CadenceEngine) => {
  const { db } = svc;
  const insertActivity = db.prepare(`INSERT INTO activities (id, lead_id, kind, outcome, body, data,
    occurred_at, created_at, call_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const reversals = createReversals(db, svc.leads);
  const calls = createCallGuard(db);
  // RETURNING gives the counters as they now stand, so they need no second read.
  const bumpCounters = db.prepare<[Record<string, unknown>], CounterRow>(`INSERT INTO lead_queue (lead_id,
    attempts_total, attempts_day, attempts_day_key, connects_total, last_attempt_at, last_outcome, updated_at)
    VALUES (@leadId, 1, 1, @dayKey, @connected, @at, @outcome, @at)
    ON CONFLICT(lead_id) DO UPDATE SET
      attempts_total = attempts_total + 1,
      attempts_day = CASE WHEN attempts_day_key = @dayKey THEN attempts_day + 1 ELSE 1 END,
      attempts_day_key = @dayKey,
      connects_total = connects_total + @connected,
      last_attempt_at = max(coalesce(last_attempt_at, @at), @at),
      last_outcome = @outcome,
      updated_at = @at
    RETURNING ${COUNTER_COLUMNS}`);
  const leadWriter = leadWriterFor(db, svc.outbox);

  const writeActivity = (
    facts: LeadFacts,
    kind: TaskKind,
    outcome: string,
    note: string | undefined,
    data: ActivityData,
    at: number,
    callId: string | null = null,
  ): string => {
    const id = newId();
    const body = note?.trim() ? note.trim() : null;
    insertActivity.run(id, facts.id, kind, outcome, body, JSON.stringify(data), at, svc.now(), callId);
    svc.record(facts.isDemo, 'activity.create', {
      id,
      leadId: facts.id,
      kind,
      outcome,
      body,
      data,
      occurredAt: at,
      ...(callId === null ? {} : { callId }),
    });
    return id;
  };

  /** The answer, from the rows the change wrote: the enrollment and the lead's live task as they stand. */
  const result = (
    facts: LeadFacts,
    activityId: string,
    outcome: string,
    status: LeadStatus,
    dncAdded: DncEntry[],
    moved: { enrollment: EnrollmentRow | null; next: TaskRow | null },
  ): LogResult => ({
    activityId,
    outcome,
    statusBefore: facts.status,
    status,
    enrollment: moved.enrollment ? toEnrollment(moved.enrollment) : null,
    nextTask: moved.next ? toTask(moved.next) : null,
    dncAdded,
  });

  /**
   * Refuses a do-not-contact lead (`lead_do_not_contact`) and a second outcome for one call
   * (`outcome_already_logged`, `call_lead_mismatch`), then logs the call and keeps what it changed so
   * a void can put it back (outcomes/void.ts).
   */
  const log = (input: LogInput): LogResult => {
    const facts = svc.leads.mustFacts(input.leadId);
    assertContactable(svc, facts);
    calls.assertNewCall(input.callId, facts.id);
    const before = reversals.before(facts.id);
    const logged = logCall(input, facts);
    reversals.save(
      logged.activityId,
      facts.id,
      before,
      logged.status,
      logged.enrollment?.id ?? before.enrollment?.id ?? null,
      logged.dncAdded.map((e) => e.id),
    );
    return logged;
  };

  const logCall = (input: LogInput, facts: LeadFacts): LogResult => {
    const { at } = input;
    const outcome = svc.outcomes.mustLoggable(input.outcome);
    if (outcome.effect === 'callback') {
      if (input.callbackAt === undefined) {
        throw new AppError(
          'invalid_input',
          `The "${outcome.id}" outcome needs the time the prospect asked to be called back (callbackAt / --callback-at).`,
        );
      }
      if (input.callbackAt < at) {
        throw new AppError(
          'invalid_input',
          'The callback time is before the call; give a time still to come.',
        );
      }
    } else if (input.callbackAt !== undefined) {
      throw new AppError(
        'invalid_input',
        `A callback time only goes with a callback outcome, not "${outcome.id}".`,
      );
    }

    const resolved = svc.rules.get();
    const zoneKey = zoneKeyOf(facts.timeZone, facts.country);
    const status = statusAfter(facts.status, outcome);
    const live = svc.leads.liveTask(facts.id);
    const enrollment = svc.leads.liveEnrollment(facts.id);

    const activityId = writeActivity(
      facts,
      'call',
      outcome.id,
      input.note,
      {
        callbackAt: input.callbackAt ?? null,
        durationSeconds: input.durationSeconds ?? null,
        taskId: live?.id ?? null,
        enrollmentId: enrollment?.id ?? null,
        stepId: enrollment?.step_id ?? null,
        statusBefore: facts.status,
        status,
        // Only calls measured or placed through a provider carry these, so older readers see no change.
        ...(input.talk ? { talk: input.talk } : {}),
        ...(input.provider ? { provider: input.provider } : {}),
      },
      at,
      input.callId ?? null,
    );
    const counters = toCounters(
      bumpCounters.get({
        leadId: facts.id,
        dayKey: dayKeyOf(svc.dayZone(zoneKey, resolved), at),
        connected: outcome.connected ? 1 : 0,
        at,
        outcome: outcome.id,
      }),
    );
    if (status !== facts.status) {
      leadWriter.setStatus(facts.id, status, at);
      svc.record(facts.isDemo, 'lead.setStatus', { id: facts.id, status, updatedAt: at });
    }
    let dncAdded: DncEntry[] = [];
    if (outcome.effect === 'do_not_contact') {
      const entries: { kind: DncKind; value: string }[] = facts.phones.map((value) => ({
        kind: 'phone',
        value,
      }));
      const email = facts.email?.trim().toLowerCase();
      if (email && emailDomain(email)) entries.push({ kind: 'email', value: email });
      dncAdded = svc.dnc.add(entries, `outcome:${outcome.id}`, facts.id, at, facts.isDemo);
    }

    const closing = (row: TaskRow | undefined) =>
      row ? { row, state: closeState(row), outcome: outcome.id } : null;

    if (!enrollment) {
      // A to-do without a cadence stays open; a call task ends with the call.
      let next = live ?? null;
      if (live && live.lane !== 'todo') {
        svc.tasks.close(live, 'done', outcome.id, at, facts.isDemo);
        next = null;
      }
      if (outcome.effect === 'callback' && isWorkable(status) && input.callbackAt !== undefined) {
        next = svc.tasks.create(
          svc.planTask({
            facts,
            counters,
            cadence: null,
            enrollmentId: null,
            enrollmentState: 'active',
            kind: 'callback',
            stepId: null,
            title: CALLBACK_TASK_TITLE,
            interstitial: false,
            dueAt: input.callbackAt,
            status,
          }),
          at,
          facts.isDemo,
          null,
        );
      }
      return result(facts, activityId, outcome.id, status, dncAdded, { enrollment: null, next });
    }

    const cadence = svc.cadences.get(enrollment.cadence_id);
    const step = cadence?.steps.find((s) => s.id === enrollment.step_id);
    const stepAttempts = enrollment.step_attempts + (step && isDialStep(step.kind) ? 1 : 0);

    if (!cadence || !step || !isWorkable(status) || outcome.effect === 'do_not_contact') {
      const reason =
        outcome.effect === 'do_not_contact'
          ? 'do_not_contact'
          : outcome.transition?.action === 'exit'
            ? 'exited'
            : !isWorkable(status)
              ? 'status'
              : 'exited';
      const finished = engine.finish(facts, enrollment, reason, at, closing(live));
      return result(facts, activityId, outcome.id, status, dncAdded, finished);
    }

    if (outcome.effect === 'callback' && input.callbackAt !== undefined) {
      const c = closing(live);
      if (c) svc.tasks.close(c.row, c.state, c.outcome, at, facts.isDemo);
      const moved =
        stepAttempts !== enrollment.step_attempts
          ? svc.enrollments.move(enrollment, enrollment.step_id, stepAttempts, at, facts.isDemo)
          : enrollment;
      const next = svc.tasks.create(
        svc.planTask({
          facts,
          counters,
          cadence,
          enrollmentId: moved.id,
          enrollmentState: moved.state === 'paused' ? 'paused' : 'active',
          kind: 'callback',
          stepId: moved.step_id,
          title: CALLBACK_TASK_TITLE,
          interstitial: false,
          dueAt: input.callbackAt,
          status,
        }),
        at,
        facts.isDemo,
        cadence.id,
      );
      return result(facts, activityId, outcome.id, status, dncAdded, { enrollment: moved, next });
    }

    const decision = advance(
      cadence.steps,
      { stepId: step.id, stepAttempts, interstitial: live?.interstitial === 1 },
      { kind: 'outcome', outcome },
    );
    const keepsTodo = decision.type === 'keep' && live?.lane === 'todo' && live.interstitial === 0;
    const moved = engine.apply({
      facts,
      counters,
      enrollment,
      cadence,
      decision,
      live: live ?? null,
      closing: keepsTodo ? null : closing(live),
      stepAttempts,
      status,
      at,
    });
    return result(facts, activityId, outcome.id, status, dncAdded, moved);
  };

  /** Completes an email, LinkedIn or custom task (or skips any task); the cadence moves on. */
  const complete = (input: { taskId: string; result: TaskResult; note?: string; at: number }): LogResult => {
    const { at } = input;
    const task = svc.tasks.byId(input.taskId);
    if (!task) throw new AppError('not_found', `No task with id ${input.taskId}.`);
    if (task.state !== 'open' && task.state !== 'paused') {
      throw new AppError('conflict', `That task is ${task.state} already; refresh the task list.`);
    }
    if (task.lane !== 'todo' && input.result === 'done') {
      throw new AppError(
        'invalid_input',
        'A call is completed by logging its outcome (outcomes.log), not marked done.',
      );
    }
    const facts = svc.leads.mustFacts(task.lead_id);
    // Skipping contacts nobody; marking an email or LinkedIn step done would.
    if (input.result === 'done') assertContactable(svc, facts);
    const activityId = writeActivity(
      facts,
      task.kind,
      input.result,
      input.note,
      { taskId: task.id, enrollmentId: task.enrollment_id, stepId: task.step_id },
      at,
    );
    const closing = { row: task, state: input.result, outcome: input.result } as const;
    const enrollment = svc.leads.liveEnrollment(facts.id);
    const cadence = enrollment ? svc.cadences.get(enrollment.cadence_id) : undefined;
    if (!enrollment || !cadence || task.enrollment_id !== enrollment.id) {
      svc.tasks.close(task, input.result, input.result, at, facts.isDemo);
      return result(facts, activityId, input.result, facts.status, [], {
        enrollment: enrollment ?? null,
        next: null,
      });
    }
    const decision = advance(
      cadence.steps,
      {
        stepId: enrollment.step_id,
        stepAttempts: enrollment.step_attempts,
        interstitial: task.interstitial === 1,
      },
      { kind: 'result', result: input.result },
    );
    const moved = engine.apply({
      facts,
      counters: svc.leads.counters(facts.id),
      enrollment,
      cadence,
      decision,
      live: task,
      closing,
      stepAttempts: enrollment.step_attempts,
      status: facts.status,
      at,
    });
    return result(facts, activityId, input.result, facts.status, [], moved);
  };

  return {
    log: (input: LogInput): LogResult => writeNow(db, () => svc.batch('outcome.log', () => log(input))),
    /** `log`, waiting for the write lock without blocking the event loop (`writeWhenFree`). */
    logWhenFree: (input: LogInput): Promise<LogResult> =>
      writeWhenFree(db, () => svc.batch('outcome.log', () => log(input))),
    complete: (input: { taskId: string; result: TaskResult; note?: string; at: number }): LogResult =>
      writeNow(db, () => svc.batch('task.complete', () => complete(input))),
  };
};
