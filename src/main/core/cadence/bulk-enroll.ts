import type { Enrollment } from '@shared/domain/cadence';
import type { Direction, LeadStatus, SourceChannel } from '@shared/domain/lead';
import { laneOf } from '@shared/domain/queue';
import { type ZoneKey, zoneKeyOf } from '@shared/queue/zones';
import { AppError } from '../errors';
import { newId } from '../ids';
import { type RoutingRow, toRouting } from '../leads/rows';
import {
  COUNTER_COLUMNS,
  type CounterRow,
  type Counters,
  NO_COUNTERS,
  type TaskRow,
  toCounters,
  toTask,
} from '../queue/lead-state';
import type { ResolvedRules } from '../queue/rules-store';
import { planTaskWith, type Services } from '../queue/services';
import type { Db } from '../store/db';
import { holdable, isHolding } from '../store/deferred';
import { writeNow } from '../store/write-lock';
import { dueAfterIn } from './due';
import { ruleMatches, type StoredCadence } from './store';

/** What enrolling a lead needs to know about it. */
export type EnrollCandidate = {
  id: string;
  status: LeadStatus;
  direction: Direction;
  sourceChannel: SourceChannel;
  timeZone: string | null;
  country: string | null;
  createdAt: number;
  isDemo: boolean;
  hasPhone: boolean;
  counters: Counters;
  /** The lead's open or paused task (a callback booked before it joined), if any. */
  liveTaskId: string | null;
};

/** A lead written in the caller's transaction: not on a cadence, no task, never dialed. */
export type CreatedLead = Omit<EnrollCandidate, 'counters' | 'liveTaskId' | 'isDemo'> & { isDemo?: boolean };

/** Ids read per statement when the leads have to be looked up. */
const READ_CHUNK = 1_000;
/** Rows per INSERT: one statement call carries many rows, which costs far less than one call each. */
const ROWS_PER_INSERT = 64;

/** A lead as the candidates query reads it; the counter columns are null when it was never dialed. */
type CandidateRow = RoutingRow & {
  has_phone: number;
  live_task_id: string | null;
} & { [K in keyof CounterRow]: CounterRow[K] | null };

const toCandidate = (row: CandidateRow): EnrollCandidate => ({
  ...toRouting(row),
  hasPhone: row.has_phone === 1,
  // No lead_queue row (the LEFT JOIN found none): never dialed.
  counters: toCounters(row.attempts_total === null ? undefined : (row as CounterRow)),
  liveTaskId: row.live_task_id,
});

type RowWriter = {
  add(...row: unknown[]): void;
  /** Writes the rows still buffered. */
  flush(): void;
  /** Drops buffered rows (their transaction is being rolled back). */
  discard(): void;
};

/**
 * Inserts rows of one table many at a time: values are buffered and written by a prepared INSERT of
 * ROWS_PER_INSERT rows; `flush` writes what is left one row at a time. Rows that reference another
 * buffered table's rows name its writer as `parent`, which is flushed first so the references hold.
 */
const createRowWriter = (
  db: Db,
  table: string,
  columns: string,
  placeholders: string,
  parent?: RowWriter,
): RowWriter => {
  const width = placeholders.split('?').length - 1;
  const many = holdable(
    db,
    db.prepare<unknown[]>(
      `INSERT INTO ${table} (${columns}) VALUES ${Array(ROWS_PER_INSERT).fill(`(${placeholders})`).join(', ')}`,
    ),
  );
  const one = holdable(
    db,
    db.prepare<unknown[]>(`INSERT INTO ${table} (${columns}) VALUES (${placeholders})`),
  );
  let values: unknown[] = [];
  return {
    add(...row: unknown[]): void {
      values.push(...row);
      if (values.length === ROWS_PER_INSERT * width) {
        parent?.flush();
        many.run(values);
        values = [];
      }
    },
    flush(): void {
      if (values.length === 0) return;
      parent?.flush();
      const rest = values;
      values = [];
      for (let i = 0; i < rest.length; i += width) one.run(rest.slice(i, i + width));
    },
    discard(): void {
      values = [];
    },
  };
};

/** A function of two values, worked out once per pair. */
const memo2 = <A, B, R>(compute: (a: A, b: B) => R) => {
  const byFirst = new Map<A, Map<B, R>>();
  return (a: A, b: B): R => {
    let bySecond = byFirst.get(a);
    if (!bySecond) {
      bySecond = new Map();
      byFirst.set(a, bySecond);
    }
    if (bySecond.has(b)) return bySecond.get(b) as R;
    const value = compute(a, b);
    bySecond.set(b, value);
    return value;
  };
};

/** Planning needs only whether a lead has a phone. */
const ONE_PHONE = { length: 1 };
const NO_PHONES = { length: 0 };

export type BulkEnroller = ReturnType<typeof createBulkEnroller>;

/**
 * Puts many leads on the cadence their rule picks, for imports and first runs: every lead's first task
 * is planned in memory against one read of the rules and cadences, and the rows go in through statements
 * prepared once, many rows per statement. Writes the same rows and outbox mutations as enrolling the
 * leads one by one. Call inside a transaction.
 */
export const createBulkEnroller = (svc: Services) => {
  const { db } = svc;
  // CROSS JOIN keeps the id list the outer loop: otherwise the planner may walk every new lead instead.
  const candidates = db.prepare<[string], CandidateRow>(
    `SELECT l.id, l.status, l.direction, l.source_channel, l.time_zone, l.country, l.created_at, l.is_demo,
       EXISTS (SELECT 1 FROM lead_phones p WHERE p.lead_id = l.id) AS has_phone,
       ${COUNTER_COLUMNS.replace(/(\w+)/g, 'q.$1')},
       (SELECT t.id FROM tasks t WHERE t.lead_id = l.id AND t.state IN ('open', 'paused')) AS live_task_id
     FROM json_each(?) j
       CROSS JOIN leads l ON l.id = j.value
       LEFT JOIN lead_queue q ON q.lead_id = l.id
     WHERE l.status IN ('new', 'working')
       AND NOT EXISTS (SELECT 1 FROM enrollments e WHERE e.lead_id = l.id AND e.state IN ('active', 'paused'))
     ORDER BY j.key`,
  );
  const enrollments = createRowWriter(
    db,
    'enrollments',
    'id, lead_id, cadence_id, state, step_id, step_attempts, started_at, updated_at, batch_id',
    "?, ?, ?, 'active', ?, 0, ?, ?, ?",
  );
  const tasks = createRowWriter(
    db,
    'tasks',
    `id, lead_id, enrollment_id, step_id, kind, lane, title, interstitial, state, due_at, ready_at, zone_key,
      band, fresh, lead_created_at, created_at, batch_id`,
    '?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?',
    enrollments,
  );
  const adopt = holdable(
    db,
    db.prepare<[string, string, string]>('UPDATE tasks SET enrollment_id = ?, step_id = ? WHERE id = ?'),
  );

  /** One enrollment run: the rules, the cadences and per-zone answers are read or worked out once. */
  const session = (at: number, batchId: string | null) => {
    const resolved: ResolvedRules = svc.rules.get();
    const ruled = svc.cadences.withRules();
    // Answers that depend on two values, kept per first value then per second (no key strings to build).
    const cadenceFor = memo2<Direction, SourceChannel, StoredCadence | null>(
      (direction, sourceChannel) =>
        ruled.find((c) => c.rule !== null && ruleMatches(c.rule, { direction, sourceChannel })) ?? null,
    );
    const zoneKeyFor = memo2<string | null, string | null, ZoneKey>((timeZone, country) => {
      const key = zoneKeyOf(timeZone, country);
      svc.noteZoneKey(key);
      return key;
    });
    const dueAtFor = memo2<StoredCadence, ZoneKey, number>((cadence, zoneKey) => {
      const first = cadence.steps[0];
      return first ? dueAfterIn(resolved, zoneKey, at, first.wait) : at;
    });
    let enrolled = 0;

    const enroll = (lead: EnrollCandidate): void => {
      const cadence = cadenceFor(lead.direction, lead.sourceChannel);
      if (!cadence) return;
      const first = cadence.steps[0];
      if (!first) throw new AppError('invalid_input', `Cadence "${cadence.name}" has no steps.`);
      const enrollment: Enrollment = {
        id: newId(),
        leadId: lead.id,
        cadenceId: cadence.id,
        cadenceName: cadence.name,
        state: 'active',
        stepId: first.id,
        stepAttempts: 0,
        finishReason: null,
        startedAt: at,
        updatedAt: at,
        finishedAt: null,
      };
      enrollments.add(enrollment.id, lead.id, cadence.id, first.id, at, at, batchId);

      let task: TaskRow;
      if (lead.liveTaskId !== null) {
        // A callback booked before the lead joined stays its next task; the cadence starts after it.
        enrollments.flush();
        adopt.run(enrollment.id, first.id, lead.liveTaskId);
        task = svc.tasks.byId(lead.liveTaskId) as TaskRow;
      } else {
        const zoneKey = zoneKeyFor(lead.timeZone, lead.country);
        const planned = planTaskWith(
          resolved,
          {
            facts: {
              id: lead.id,
              timeZone: lead.timeZone,
              country: lead.country,
              direction: lead.direction,
              createdAt: lead.createdAt,
              phones: lead.hasPhone ? ONE_PHONE : NO_PHONES,
            },
            counters: lead.counters,
            cadence,
            enrollmentId: enrollment.id,
            enrollmentState: 'active',
            kind: first.kind,
            stepId: first.id,
            title: first.title,
            interstitial: false,
            dueAt: dueAtFor(cadence, zoneKey),
            status: lead.status,
          },
          zoneKey,
        );
        task = {
          id: newId(),
          lead_id: lead.id,
          enrollment_id: enrollment.id,
          cadence_id: cadence.id,
          step_id: first.id,
          kind: planned.kind,
          lane: laneOf(planned.kind),
          title: planned.title,
          interstitial: 0,
          state: planned.state,
          due_at: planned.dueAt,
          ready_at: planned.readyAt,
          zone_key: planned.zoneKey,
          band: planned.band,
          fresh: planned.fresh ? 1 : 0,
          lead_created_at: planned.leadCreatedAt,
          outcome: null,
          created_at: at,
          completed_at: null,
        };
        tasks.add(
          task.id,
          task.lead_id,
          task.enrollment_id,
          task.step_id,
          task.kind,
          task.lane,
          task.title,
          task.state,
          task.due_at,
          task.ready_at,
          task.zone_key,
          task.band,
          task.fresh,
          task.lead_created_at,
          task.created_at,
          batchId,
        );
      }
      if (!lead.isDemo) {
        svc.batch('lead.enroll', () => {
          svc.record(false, 'enrollment.put', enrollment);
          svc.record(false, 'task.put', toTask(task));
        });
      }
      enrolled++;
    };

    return {
      enroll,
      /** Writes the rows still buffered; returns how many leads were enrolled. */
      finish(): number {
        enrollments.flush();
        tasks.flush();
        return enrolled;
      },
    };
  };

  /** Runs `fn` in a session; a failure drops whatever was still buffered along with the transaction. */
  const run = (
    at: number,
    fn: (enroll: (lead: EnrollCandidate) => void) => void,
    batchId: string | null = null,
  ): number => {
    const enrollAll = (): number => {
      const s = session(at, batchId);
      try {
        fn(s.enroll);
        return s.finish();
      } catch (error) {
        enrollments.discard();
        tasks.discard();
        throw error;
      }
    };
    // While an import works a chunk out before taking the lock, its writes are held (store/deferred.ts)
    // and written in the chunk's own transaction later: none is needed here.
    return isHolding(db) ? enrollAll() : writeNow(db, enrollAll);
  };

  return {
    /**
     * Enrolls the leads with these ids that are new or working and not on a cadence yet, reading them a
     * thousand at a time. Returns how many were enrolled.
     */
    byIds(leadIds: readonly string[], at: number): number {
      const ids = [...new Set(leadIds)];
      return run(at, (enroll) => {
        for (let from = 0; from < ids.length; from += READ_CHUNK) {
          for (const row of candidates.all(JSON.stringify(ids.slice(from, from + READ_CHUNK))))
            enroll(toCandidate(row));
        }
      });
    },
    /**
     * Enrolls leads the caller has just written in its own transaction, from the facts it already holds:
     * nothing is read back. Leads that are not new or working are left alone. `batchId` tags the rows
     * with the import batch that wrote the leads (they stay unseen until it publishes).
     */
    created(leads: readonly CreatedLead[], at: number, batchId: string | null = null): number {
      return run(
        at,
        (enroll) => {
          for (const lead of leads) {
            if (lead.status !== 'new' && lead.status !== 'working') continue;
            enroll({ ...lead, isDemo: lead.isDemo ?? false, counters: NO_COUNTERS, liveTaskId: null });
          }
        },
        batchId,
      );
    },
  };
};
