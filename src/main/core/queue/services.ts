import type { CadenceStep, Enrollment, FinishReason } from '@shared/domain/cadence';
import { laneOf, type TaskKind } from '@shared/domain/queue';
import type { DialEnv } from '@shared/queue/blockers';
import { isUnknownZoneKey, type ZoneKey, zoneKeyOf } from '@shared/queue/zones';
import { type CadenceStore, createCadenceStore, type StoredCadence } from '../cadence/store';
import type { CoreEvents } from '../events';
import { newId } from '../ids';
import { createOutcomesStore, type OutcomesStore } from '../outcomes/store';
import type { Db } from '../store/db';
import type { Clock, Outbox } from '../sync/outbox';
import { createDncStore, type DncStore } from './dnc-store';
import {
  type Counters,
  createLeadState,
  ENROLLMENT_COLUMNS,
  ENROLLMENT_FROM,
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
  batch<T>(name: string, fn: () => T): T;
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

export type PlanTaskInput = {
  facts: LeadFacts;
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
  const move = db.prepare(
    'UPDATE enrollments SET step_id = ?, step_attempts = ?, updated_at = ? WHERE id = ?',
  );
  const setState = db.prepare('UPDATE enrollments SET state = ?, updated_at = ? WHERE id = ?');
  const finish = db.prepare(
    "UPDATE enrollments SET state = 'finished', finish_reason = ?, finished_at = ?, updated_at = ? WHERE id = ?",
  );
  const byId = db.prepare<[string], EnrollmentRow>(
    `SELECT ${ENROLLMENT_COLUMNS} FROM ${ENROLLMENT_FROM} WHERE e.id = ?`,
  );
  const put = (id: string, isDemo: boolean): EnrollmentRow => {
    const row = byId.get(id) as EnrollmentRow;
    record(isDemo, 'enrollment.put', toEnrollment(row));
    return row;
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
      return put(id, isDemo);
    },
    move(id: string, stepId: string, stepAttempts: number, at: number, isDemo: boolean) {
      move.run(stepId, stepAttempts, at, id);
      return put(id, isDemo);
    },
    setState(id: string, state: 'active' | 'paused', at: number, isDemo: boolean) {
      setState.run(state, at, id);
      return put(id, isDemo);
    },
    finish(id: string, reason: FinishReason, at: number, isDemo: boolean) {
      finish.run(reason, at, at, id);
      return put(id, isDemo);
    },
  };
};

export const createServices = (deps: DialingDeps): Services => {
  const { db, outbox } = deps;
  let pending: { name: string; args: unknown }[] | undefined;
  // Demo leads never reach the server, so nothing about them goes into the outbox.
  const record: Recorder = (isDemo, name, args) => {
    if (isDemo) return;
    if (pending) pending.push({ name, args });
    else outbox.record(name, args);
  };
  const batch = <T>(name: string, fn: () => T): T => {
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
  const dayZone = (key: ZoneKey, resolved: ResolvedRules) => (isUnknownZoneKey(key) ? resolved.repZone : key);
  const userId = db.prepare<[], string>("SELECT value FROM settings WHERE key = 'sync.userId'").pluck();
  const me = () => {
    const raw = userId.get();
    return raw === undefined ? null : (JSON.parse(raw) as string | null);
  };
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
    dayZone,
    noteZoneKey,
    zoneKeys() {
      const version = dataVersion.get() as number;
      if (!knownZones || knownZones.version !== version)
        knownZones = { version, keys: new Set(readZoneKeys.all()) };
      return [...knownZones.keys];
    },
    env: (key, resolved, rep) => ({
      me: rep === undefined ? me() : rep,
      dayZone: dayZone(key, resolved),
      window: (k, at) => windows(k, at, resolved.window),
    }),
    planTask(input) {
      const resolved = rules.get();
      const zoneKey = zoneKeyOf(input.facts.timeZone, input.facts.country);
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
            : readyAtFor(input.dueAt, lane, input.counters, limits, dayZone(zoneKey, resolved)),
        zoneKey,
        band: bandOf(input.counters.fit, input.counters.total),
        fresh:
          lane === 'dial' &&
          input.facts.direction === 'inbound' &&
          input.status === 'new' &&
          input.counters.total === 0,
        leadCreatedAt: input.facts.createdAt,
      };
    },
  };
};
