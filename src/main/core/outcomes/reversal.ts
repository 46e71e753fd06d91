import type { LeadStatus } from '@shared/domain/lead';
import type { LeadState } from '../queue/lead-state';
import type { Db } from '../store/db';

/** The dial counters a logged call bumps, as they stood. */
export type CounterSnapshot = {
  total: number;
  day: number;
  dayKey: string | null;
  connects: number;
  lastAt: number | null;
  lastOutcome: string | null;
};

/** An enrollment's place, as it stood. */
export type EnrollmentSnapshot = {
  id: string;
  state: 'active' | 'paused' | 'finished';
  stepId: string;
  stepAttempts: number;
  finishReason: string | null;
  finishedAt: number | null;
};

/**
 * What logging one outcome changed: the lead's counters, live task and enrollment before the call, and
 * the task, enrollment, status and counter total it left, plus the do-not-contact entries it added.
 * A void compares the "after" half with the lead as it stands to tell what is still the outcome's own.
 */
export type Reversal = {
  counters: CounterSnapshot;
  task: { id: string; state: 'open' | 'paused' } | null;
  enrollment: EnrollmentSnapshot | null;
  after: {
    taskId: string | null;
    enrollment: EnrollmentSnapshot | null;
    status: LeadStatus;
    total: number;
  };
  dncIds: string[];
};

export type Before = Pick<Reversal, 'counters' | 'task' | 'enrollment'>;

const enrollmentSnapshot = (
  row: ReturnType<LeadState['liveEnrollment']> | null | undefined,
): EnrollmentSnapshot | null =>
  row
    ? {
        id: row.id,
        state: row.state,
        stepId: row.step_id,
        stepAttempts: row.step_attempts,
        finishReason: row.finish_reason,
        finishedAt: row.finished_at,
      }
    : null;

export type Reversals = ReturnType<typeof createReversals>;

/** Reads the lead's state around a logged call and keeps it on the activity (`activities.reversal`). */
export const createReversals = (db: Db, leads: LeadState) => {
  const update = db.prepare('UPDATE activities SET reversal = ? WHERE id = ?');
  const select = db.prepare<[string], string | null>('SELECT reversal FROM activities WHERE id = ?').pluck();
  return {
    /** The lead's counters, live task and live enrollment, before a call is written. */
    before(leadId: string): Before {
      const c = leads.counters(leadId);
      const task = leads.liveTask(leadId);
      return {
        counters: {
          total: c.total,
          day: c.day,
          dayKey: c.dayKey,
          connects: c.connects,
          lastAt: c.lastAt,
          lastOutcome: c.lastOutcome,
        },
        task: task ? { id: task.id, state: task.state === 'paused' ? 'paused' : 'open' } : null,
        enrollment: enrollmentSnapshot(leads.liveEnrollment(leadId)),
      };
    },
    /** Keeps `before` with the state the call left (read back from the store), for a later void. */
    save(
      activityId: string,
      leadId: string,
      before: Before,
      status: LeadStatus,
      enrollmentId: string | null,
      dncIds: string[],
    ): void {
      const task = leads.liveTask(leadId);
      const reversal: Reversal = {
        ...before,
        after: {
          taskId: task?.id ?? null,
          enrollment: enrollmentSnapshot(enrollmentId ? leads.enrollmentById(enrollmentId) : null),
          status,
          total: leads.counters(leadId).total,
        },
        dncIds,
      };
      update.run(JSON.stringify(reversal), activityId);
    },
    load(activityId: string): Reversal | null {
      const text = select.get(activityId);
      return text ? (JSON.parse(text) as Reversal) : null;
    },
    enrollmentSnapshot,
  };
};
