import type { CadenceLimits } from '@shared/domain/cadence';
import type { DialLimits, DncKind, Task, TaskKind, TaskLane, TaskState } from '@shared/domain/queue';
import { AppError } from '../errors';
import { FACTS_COLUMNS, type FactsRow, LEAD_FROM, type LeadFacts, toLeadFacts } from '../leads/rows';
import type { Db } from '../store/db';

export type { LeadFacts } from '../leads/rows';

/** Per-lead dial counters, kept up to date as calls are logged. */
export type Counters = {
  total: number;
  day: number;
  dayKey: string | null;
  lastAt: number | null;
  lastOutcome: string | null;
  connects: number;
  fit: number | null;
  reservedBy: string | null;
  reservedUntil: number | null;
  /** Kept out of the queue until then (UTC epoch ms), with the rep's reason; null when not snoozed. */
  snoozedUntil: number | null;
  snoozeReason: string | null;
};

export const NO_COUNTERS: Counters = {
  total: 0,
  day: 0,
  dayKey: null,
  lastAt: null,
  lastOutcome: null,
  connects: 0,
  fit: null,
  reservedBy: null,
  reservedUntil: null,
  snoozedUntil: null,
  snoozeReason: null,
};

export type TaskRow = {
  id: string;
  lead_id: string;
  enrollment_id: string | null;
  cadence_id: string | null;
  step_id: string | null;
  kind: TaskKind;
  lane: TaskLane;
  title: string;
  interstitial: number;
  state: TaskState;
  due_at: number;
  ready_at: number;
  zone_key: string;
  band: number;
  fresh: number;
  lead_created_at: number;
  outcome: string | null;
  created_at: number;
  completed_at: number | null;
};

export const TASK_COLUMNS = `t.id, t.lead_id, t.enrollment_id, e.cadence_id, t.step_id, t.kind, t.lane, t.title,
  t.interstitial, t.state, t.due_at, t.ready_at, t.zone_key, t.band, t.fresh, t.lead_created_at, t.outcome,
  t.created_at, t.completed_at`;
export const TASK_FROM = 'tasks t LEFT JOIN enrollments e ON e.id = t.enrollment_id';

export const toTask = (row: TaskRow): Task => ({
  id: row.id,
  leadId: row.lead_id,
  enrollmentId: row.enrollment_id,
  cadenceId: row.cadence_id,
  stepId: row.step_id,
  kind: row.kind,
  lane: row.lane,
  title: row.title,
  state: row.state,
  dueAt: row.due_at,
  outcome: row.outcome,
  createdAt: row.created_at,
  completedAt: row.completed_at,
});

export type EnrollmentRow = {
  id: string;
  lead_id: string;
  cadence_id: string;
  cadence_name: string;
  limits: string;
  state: 'active' | 'paused' | 'finished';
  step_id: string;
  step_attempts: number;
  finish_reason: string | null;
  started_at: number;
  updated_at: number;
  finished_at: number | null;
};

export const ENROLLMENT_COLUMNS = `e.id, e.lead_id, e.cadence_id, c.name AS cadence_name, c.limits, e.state,
  e.step_id, e.step_attempts, e.finish_reason, e.started_at, e.updated_at, e.finished_at`;
export const ENROLLMENT_FROM = 'enrollments e JOIN cadences c ON c.id = e.cadence_id';

/** The team's limits with the cadence's own laid over them. */
export const limitsFor = (
  team: DialLimits,
  cadenceLimits: CadenceLimits | string | null | undefined,
): DialLimits => {
  if (!cadenceLimits) return team;
  const own =
    typeof cadenceLimits === 'string' ? (JSON.parse(cadenceLimits) as CadenceLimits) : cadenceLimits;
  return {
    minRetryGapMinutes: own.minRetryGapMinutes ?? team.minRetryGapMinutes,
    maxAttemptsPerDay: own.maxAttemptsPerDay ?? team.maxAttemptsPerDay,
    maxAttemptsTotal: own.maxAttemptsTotal ?? team.maxAttemptsTotal,
  };
};

export type CounterRow = {
  attempts_total: number;
  attempts_day: number;
  attempts_day_key: string | null;
  last_attempt_at: number | null;
  last_outcome: string | null;
  connects_total: number;
  fit: number | null;
  reserved_by: string | null;
  reserved_until: number | null;
  snoozed_until: number | null;
  snooze_reason: string | null;
};

export const COUNTER_COLUMNS = `attempts_total, attempts_day, attempts_day_key, last_attempt_at, last_outcome,
  connects_total, fit, reserved_by, reserved_until, snoozed_until, snooze_reason`;

export const toCounters = (row: CounterRow | undefined): Counters =>
  row
    ? {
        total: row.attempts_total,
        day: row.attempts_day,
        dayKey: row.attempts_day_key,
        lastAt: row.last_attempt_at,
        lastOutcome: row.last_outcome,
        connects: row.connects_total,
        fit: row.fit,
        reservedBy: row.reserved_by,
        reservedUntil: row.reserved_until,
        snoozedUntil: row.snoozed_until,
        snoozeReason: row.snooze_reason,
      }
    : NO_COUNTERS;

/** The columns of a task row itself, without the cadence its enrollment belongs to. */
export const TASK_OWN_COLUMNS = `id, lead_id, enrollment_id, step_id, kind, lane, title, interstitial, state, due_at,
  ready_at, zone_key, band, fresh, lead_created_at, outcome, created_at, completed_at`;

/** The columns of an enrollment row itself, without its cadence's name and limits. */
export const ENROLLMENT_OWN_COLUMNS = `id, lead_id, cadence_id, state, step_id, step_attempts, finish_reason,
  started_at, updated_at, finished_at`;

export const emailDomain = (email: string | null): string | null => {
  const at = email?.lastIndexOf('@') ?? -1;
  return email && at > 0
    ? email
        .slice(at + 1)
        .trim()
        .toLowerCase() || null
    : null;
};

export type LeadState = ReturnType<typeof createLeadState>;

/** Reads of one lead's queue-relevant state, as prepared statements (the queue asks them per candidate). */
export const createLeadState = (db: Db) => {
  const leadStmt = db.prepare<[string], FactsRow>(`SELECT ${FACTS_COLUMNS} FROM ${LEAD_FROM} WHERE l.id = ?`);
  const phonesStmt = db
    .prepare<[string], string>('SELECT e164 FROM lead_phones WHERE lead_id = ? ORDER BY position')
    .pluck();
  const countersStmt = db.prepare<[string], CounterRow>(
    `SELECT ${COUNTER_COLUMNS} FROM lead_queue WHERE lead_id = ?`,
  );
  const liveTaskStmt = db.prepare<[string], TaskRow>(
    `SELECT ${TASK_COLUMNS} FROM ${TASK_FROM} WHERE t.lead_id = ? AND t.state IN ('open', 'paused')`,
  );
  const liveEnrollmentStmt = db.prepare<[string], EnrollmentRow>(
    `SELECT ${ENROLLMENT_COLUMNS} FROM ${ENROLLMENT_FROM} WHERE e.lead_id = ? AND e.state IN ('active', 'paused')`,
  );
  const enrollmentByIdStmt = db.prepare<[string], EnrollmentRow>(
    `SELECT ${ENROLLMENT_COLUMNS} FROM ${ENROLLMENT_FROM} WHERE e.id = ?`,
  );
  const enrollmentsOfStmt = db.prepare<[string], EnrollmentRow>(
    `SELECT ${ENROLLMENT_COLUMNS} FROM ${ENROLLMENT_FROM} WHERE e.lead_id = ? ORDER BY e.started_at DESC, e.id DESC`,
  );
  const dncStmt = db.prepare<[string, string], { kind: DncKind; value: string }>(
    'SELECT kind, value FROM dnc WHERE kind = ? AND value = ?',
  );

  const facts = (id: string): LeadFacts | undefined => {
    const row = leadStmt.get(id);
    return row ? toLeadFacts(row, phonesStmt.all(id)) : undefined;
  };

  return {
    facts,
    /** The lead, or a not_found error that says what to do. */
    mustFacts(id: string): LeadFacts {
      const found = facts(id);
      if (!found)
        throw new AppError(
          'not_found',
          `No lead with id ${id}. Check the id (dialdeck leads --json lists them).`,
        );
      return found;
    },
    counters: (id: string): Counters => toCounters(countersStmt.get(id)),
    liveTask: (leadId: string): TaskRow | undefined => liveTaskStmt.get(leadId),
    liveEnrollment: (leadId: string): EnrollmentRow | undefined => liveEnrollmentStmt.get(leadId),
    enrollmentById: (id: string): EnrollmentRow | undefined => enrollmentByIdStmt.get(id),
    enrollmentsOf: (leadId: string): EnrollmentRow[] => enrollmentsOfStmt.all(leadId),
    /** Do-not-contact entries that match the lead's phones, email or email domain. */
    dncMatches(lead: Pick<LeadFacts, 'phones' | 'email'>): { kind: DncKind; value: string }[] {
      const found: { kind: DncKind; value: string }[] = [];
      const check = (kind: DncKind, value: string | null) => {
        if (!value) return;
        const hit = dncStmt.get(kind, value);
        if (hit) found.push(hit);
      };
      for (const phone of lead.phones) check('phone', phone);
      check('email', lead.email?.trim().toLowerCase() || null);
      check('domain', emailDomain(lead.email));
      return found;
    },
  };
};
