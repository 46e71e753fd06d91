import type { CadenceStep, Enrollment, FinishReason } from '@shared/domain/cadence';
import { laneOf, type TaskKind } from '@shared/domain/queue';
import type { DialEnv } from '@shared/queue/blockers';
import { isUnknownZoneKey, type ZoneKey, zoneKeyOf } from '@shared/queue/zones';
import type { BatchName, Change } from '@shared/sync';
import { type CadenceStore, createCadenceStore, type StoredCadence } from '../cadence/store';
import type { CoreEvents } from '../events';
import { newId } from '../ids';
import { createOutcomesStore, type OutcomesStore } from '../outcomes/store';
import { readSetting } from '../settings/repo';
import type { Db } from '../store/db';
import type { Clock, Outbox } from '../sync/outbox';
import { createDncStore, type DncStore } from './dnc-store';
import {
  type Counters,
  createLeadState,
  ENROLLMENT_COLUMNS,
  ENROLLMENT_FROM,
  ENROLLMENT_OWN_COLUMNS,
  type EnrollmentRow,
  type LeadFacts,
  type LeadState,
  limitsFor,
} from './lead-state';
import { createRulesStore, type ResolvedRules, type RulesStore } from './rules-store';
import { bandOf, NEVER, readyAtFor } from './schedule';
import { createTasksStore, type NewTask, type Recorder, type TasksStore } from './tasks-store';
import { createZoneWindows, type ZoneWindows } from './zone-windows';

export type DialingDeps = { db: Db; outbox: Outbox; now: Clock; events: CoreEvents };

/** The stores and helpers the queue, the cadence engine and outcome logging share. */
export type Services = DialingDeps & {
  record: Recorder;
  /**
   * Runs `fn` (inside the caller's transaction) so that everything it records reaches the outbox as one
   * mutation `name` with `{ changes: [{ name, args }…] }`: the server applies a logged call or an
   * enrollment whole, and the commit writes one outbox row instead of one per change.
   */
  batch<T>(name: BatchName, fn: () => T): T;
  rules: RulesStore;
  windows: ZoneWindows;
  leads: LeadState;
  tasks: TasksStore;
  cadences: CadenceStore;
  outcomes: OutcomesStore;
  dnc: DncStore;
  enrollments: EnrollmentWriter;
  /** This rep's id (set by sign-in); their own reservations never block them. */
  me(): string | null;
  /** The zone whose calendar counts a lead's days: its own, or the rep's when unknown. */
  dayZone(key: ZoneKey, resolved: ResolvedRules): string;
  env(key: ZoneKey, resolved: ResolvedRules, me?: string | null): DialEnv;
  /** Zone keys of open dial tasks (a superset: a key stays until another process writes the store). */
  zoneKeys(): string[];
  noteZoneKey(key: string): void;
  /** The task a cadence step (or a callback) becomes for this lead. */
  planTask(input: PlanTaskInput): NewTask;
};

/** What planning a task needs to know about its lead (a phone count is enough: none means never dialable). */
export type TaskLead = Pick<LeadFacts, 'id' | 'timeZone' | 'country' | 'direction' | 'createdAt'> & {
  phones: { readonly length: number };
};

export type PlanTaskInput = {
  facts: TaskLead;
  counters: Counters;
  cadence: StoredCadence | null;
  enrollmentId: string | null;
  enrollmentState: 'active' | 'paused';
  kind: TaskKind;
  stepId: string | null;
  title: string;
  interstitial: boolean;
  dueAt: number;
  /** The lead's status once the change being written lands. */
  status: LeadFacts['status'];
};

export const toEnrollment = (row: EnrollmentRow): Enrollment => ({
  id: row.id,
  leadId: row.lead_id,
  cadenceId: row.cadence_id,
  cadenceName: row.cadence_name,
  state: row.state,
  stepId: row.step_id,
  stepAttempts: row.step_attempts,
  finishReason: (row.finish_reason as FinishReason | null) ?? null,
  startedAt: row.started_at,
  updatedAt: row.updated_at,
  finishedAt: row.finished_at,
});

export type EnrollmentWriter = ReturnType<typeof createEnrollmentWriter>;

const createEnrollmentWriter = (db: Db, record: Recorder) => {
  const insert = db.prepare(`INSERT INTO enrollments (id, lead_id, cadence_id, state, step_id, step_attempts,
    started_at, updated_at) VALUES (?, ?, ?, ?, ?, 0, ?, ?)`);
  type Own = Omit<EnrollmentRow, 'cadence_name' | 'limits'>;
  // RETURNING hands back the row as written, so telling the server costs no second read.
  const move = db.prepare<[string, number, number, string], Own>(
    `UPDATE enrollments SET step_id = ?, step_attempts = ?, updated_at = ? WHERE id = ?
     RETURNING ${ENROLLMENT_OWN_COLUMNS}`,
  );
  const setState = db.prepare<[string, number, string], Own>(
    `UPDATE enrollments SET state = ?, updated_at = ? WHERE id = ? RETURNING ${ENROLLMENT_OWN_COLUMNS}`,
  );
  const finish = db.prepare<[string, number, number, string], Own>(
    `UPDATE enrollments SET state = 'finished', finish_reason = ?, finished_at = ?, updated_at = ? WHERE id = ?
     RETURNING ${ENROLLMENT_OWN_COLUMNS}`,
  );
  const byId = db.prepare<[string], EnrollmentRow>(
    `SELECT ${ENROLLMENT_COLUMNS} FROM ${ENROLLMENT_FROM} WHERE e.id = ?`,
  );
  /** Records the enrollment as written; `row` is it before the write, whose cadence the write keeps. */
  const put = (row: EnrollmentRow, written: Own | undefined, isDemo: boolean): EnrollmentRow => {
    const enrollment = written
      ? { ...written, cadence_name: row.cadence_name, limits: row.limits }
      : (byId.get(row.id) as EnrollmentRow);
    record(isDemo, 'enrollment.put', toEnrollment(enrollment));
    return enrollment;
  };
  return {
    create(
      leadId: string,
      cadence: StoredCadence,
      step: CadenceStep,
      at: number,
      isDemo: boolean,
    ): EnrollmentRow {
      const id = newId();
      insert.run(id, leadId, cadence.id, 'active', step.id, at, at);
      const row = byId.get(id) as EnrollmentRow;
      record(isDemo, 'enrollment.put', toEnrollment(row));
      return row;
    },
    move(row: EnrollmentRow, stepId: string, stepAttempts: number, at: number, isDemo: boolean) {
      return put(row, move.get(stepId, stepAttempts, at, row.id), isDemo);
    },
    setState(row: EnrollmentRow, state: 'active' | 'paused', at: number, isDemo: boolean) {
      return put(row, setState.get(state, at, row.id), isDemo);
    },
    finish(row: EnrollmentRow, reason: FinishReason, at: number, isDemo: boolean) {
      return put(row, finish.get(reason, at, at, row.id), isDemo);
    },
  };
};

/** The zone whose calendar counts a lead's days: its own, or the rep's when unknown. */
export const dayZoneOf = (key: ZoneKey, resolved: ResolvedRules): string =>
  isUnknownZoneKey(key) ? resolved.repZone : key;

/**
 * The task a cadence step (or a callback) becomes for this lead under these rules. Pure, so a bulk
 * enrollment plans every lead against one read of the rules.
 */
export const planTaskWith = (
  resolved: ResolvedRules,
  input: PlanTaskInput,
  zoneKey: ZoneKey = zoneKeyOf(input.facts.timeZone, input.facts.country),
): NewTask => {
  const lane = laneOf(input.kind);
  const limits = limitsFor(resolved.rules, input.cadence?.limits);
  return {
    leadId: input.facts.id,
    enrollmentId: input.enrollmentId,
    stepId: input.stepId,
    kind: input.kind,
    title: input.title,
    interstitial: input.interstitial,
    state: input.enrollmentState === 'paused' ? 'paused' : 'open',
    dueAt: input.dueAt,
    // A call step for a lead without a phone can never be dialed; keep it out of the index's due range.
    readyAt:
      lane === 'dial' && input.facts.phones.length === 0
        ? NEVER
        : readyAtFor(input.dueAt, lane, input.counters, limits, dayZoneOf(zoneKey, resolved)),
    zoneKey,
    band: bandOf(input.counters.fit, input.counters.total),
    fresh:
      lane === 'dial' &&
      input.facts.direction === 'inbound' &&
      input.status === 'new' &&
      input.counters.total === 0,
    leadCreatedAt: input.facts.createdAt,
  };
};

export const createServices = (deps: DialingDeps): Services => {
  const { db, outbox } = deps;
  let pending: Change[] | undefined;
  // Demo leads never reach the server, so nothing about them goes into the outbox.
  const record: Recorder = (isDemo, name, args) => {
    if (isDemo) return;
    // A name and args of that name's shape: TypeScript cannot see that the pair is one union member.
    if (pending) pending.push({ name, args } as Change);
    else outbox.record(name, args);
  };
  const batch = <T>(name: BatchName, fn: () => T): T => {
    if (pending) return fn();
    pending = [];
    try {
      const result = fn();
      if (pending.length > 0) outbox.record(name, { changes: pending });
      return result;
    } finally {
      pending = undefined;
    }
  };
  const rules = createRulesStore(db, outbox);
  const windows = createZoneWindows();
  const me = () => readSetting(db, 'sync.userId');
  // The keys are read with one index seek per key; they are kept until another connection writes
  // (data_version moves) and extended as this one writes tasks in new zones.
  const dataVersion = db.prepare<[], number>('PRAGMA data_version').pluck();
  const readZoneKeys = db
    .prepare<[], string>(
      `WITH RECURSIVE k(z) AS (
         SELECT (SELECT min(zone_key) FROM tasks WHERE state = 'open' AND lane = 'dial')
         UNION ALL
         SELECT (SELECT min(zone_key) FROM tasks WHERE state = 'open' AND lane = 'dial' AND zone_key > k.z)
         FROM k WHERE k.z IS NOT NULL)
       SELECT z FROM k WHERE z IS NOT NULL`,
    )
    .pluck();
  let knownZones: { version: number; keys: Set<string> } | undefined;
  const noteZoneKey = (key: string) => knownZones?.keys.add(key);
  return {
    ...deps,
    record,
    batch,
    rules,
    windows,
    leads: createLeadState(db),
    tasks: createTasksStore(db, record, noteZoneKey),
    cadences: createCadenceStore(db, record),
    outcomes: createOutcomesStore(db, record),
    dnc: createDncStore(db, record),
    enrollments: createEnrollmentWriter(db, record),
    me,
    dayZone: dayZoneOf,
    noteZoneKey,
    zoneKeys() {
      const version = dataVersion.get() as number;
      if (!knownZones || knownZones.version !== version)
        knownZones = { version, keys: new Set(readZoneKeys.all()) };
      return [...knownZones.keys];
    },
    env: (key, resolved, rep) => ({
      me: rep === undefined ? me() : rep,
      dayZone: dayZoneOf(key, resolved),
      window: (k, at) => windows(k, at, resolved.window),
    }),
    planTask: (input) => planTaskWith(rules.get(), input),
  };
};
