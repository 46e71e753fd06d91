import {
  type Cadence,
  type CadenceDefinition,
  type CadenceLimits,
  type CadenceStep,
  type EnrollmentRule,
  isDialStep,
  type Transition,
} from '@shared/domain/cadence';
import type { Direction, SourceChannel } from '@shared/domain/lead';
import { AppError } from '../errors';
import { newId } from '../ids';
import type { Recorder } from '../queue/tasks-store';
import type { Db } from '../store/db';
import { published } from '../store/published';

/** A cadence as the engine uses it. */
export type StoredCadence = {
  id: string;
  name: string;
  description: string;
  rule: EnrollmentRule | null;
  priority: number;
  limits: CadenceLimits;
  steps: CadenceStep[];
  builtin: boolean;
  archived: boolean;
  createdAt: number;
  updatedAt: number;
};

type CadenceRow = {
  id: string;
  name: string;
  description: string;
  rule: string | null;
  priority: number;
  limits: string;
  builtin: number;
  archived: number;
  created_at: number;
  updated_at: number;
};

type StepRow = {
  step_id: string;
  kind: CadenceStep['kind'];
  title: string;
  wait_amount: number;
  wait_unit: CadenceStep['wait']['unit'];
  max_attempts: number;
  transitions: string;
  email_template_id: string | null;
};

const toStep = (row: StepRow): CadenceStep => ({
  id: row.step_id,
  kind: row.kind,
  title: row.title,
  wait: { amount: row.wait_amount, unit: row.wait_unit },
  maxAttempts: row.max_attempts,
  on: JSON.parse(row.transitions) as Record<string, Transition>,
  ...(row.email_template_id === null ? {} : { emailTemplateId: row.email_template_id }),
});

export const toDefinition = (c: StoredCadence): CadenceDefinition => ({
  id: c.id,
  name: c.name,
  description: c.description,
  rule: c.rule,
  priority: c.priority,
  limits: c.limits,
  steps: c.steps,
});

export const ruleMatches = (
  rule: EnrollmentRule,
  lead: { direction: Direction; sourceChannel: SourceChannel },
): boolean =>
  (rule.direction === undefined || rule.direction === lead.direction) &&
  (rule.sourceChannels === undefined || rule.sourceChannels.includes(lead.sourceChannel));

export type CadenceStore = ReturnType<typeof createCadenceStore>;

export const createCadenceStore = (db: Db, record: Recorder) => {
  const rowById = db.prepare<[string], CadenceRow>('SELECT * FROM cadences WHERE id = ?');
  const stampById = db.prepare<[string], number>('SELECT updated_at FROM cadences WHERE id = ?').pluck();
  const stepsOf = db.prepare<[string], StepRow>(
    'SELECT * FROM cadence_steps WHERE cadence_id = ? ORDER BY position',
  );
  const upsert = db.prepare(`INSERT INTO cadences (id, name, description, rule, priority, limits, builtin,
    archived, created_at, updated_at) VALUES (@id, @name, @description, @rule, @priority, @limits, @builtin, 0,
    @at, @at) ON CONFLICT(id) DO UPDATE SET name = excluded.name, description = excluded.description,
    rule = excluded.rule, priority = excluded.priority, limits = excluded.limits, archived = 0,
    updated_at = excluded.updated_at`);
  const clearSteps = db.prepare('DELETE FROM cadence_steps WHERE cadence_id = ?');
  const insertStep = db.prepare(`INSERT INTO cadence_steps (cadence_id, position, step_id, kind, title,
    wait_amount, wait_unit, max_attempts, transitions, email_template_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const liveOnStep = db.prepare<[string], { step_id: string; n: number }>(
    `SELECT step_id, count(*) AS n FROM enrollments e WHERE cadence_id = ? AND state IN ('active', 'paused')
       AND ${published('e')}
     GROUP BY step_id`,
  );
  const cache = new Map<string, StoredCadence>();

  const get = (id: string): StoredCadence | undefined => {
    const stamp = stampById.get(id);
    if (stamp === undefined) return undefined;
    const hit = cache.get(id);
    if (hit && hit.updatedAt === stamp) return hit;
    const row = rowById.get(id) as CadenceRow;
    const cadence: StoredCadence = {
      id: row.id,
      name: row.name,
      description: row.description,
      rule: row.rule === null ? null : (JSON.parse(row.rule) as EnrollmentRule),
      priority: row.priority,
      limits: JSON.parse(row.limits) as CadenceLimits,
      steps: stepsOf.all(id).map(toStep),
      builtin: row.builtin === 1,
      archived: row.archived === 1,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
    cache.set(id, cadence);
    return cadence;
  };

  const mustGet = (id: string): StoredCadence => {
    const cadence = get(id);
    if (!cadence || cadence.archived)
      throw new AppError('not_found', `No cadence with id ${id}. List the cadences to find its id.`);
    return cadence;
  };

  const liveIdsStmt = db
    .prepare<[], string>('SELECT id FROM cadences WHERE archived = 0 ORDER BY priority, name, id')
    .pluck();
  const liveIds = (): string[] => liveIdsStmt.all();
  const archiveStmt = db.prepare<[number, string]>(
    'UPDATE cadences SET archived = 1, updated_at = ? WHERE id = ?',
  );
  const enrolledStmt = db
    .prepare<[string], string>(
      `SELECT lead_id FROM enrollments e WHERE cadence_id = ? AND state IN ('active', 'paused')
         AND ${published('e')}`,
    )
    .pluck();
  const enrollmentCounts = db.prepare<[], { cadence_id: string; n: number }>(
    `SELECT cadence_id, count(*) AS n FROM enrollments e WHERE state IN ('active', 'paused')
       AND ${published('e')} GROUP BY cadence_id`,
  );

  /** Writes the cadence row and its steps; records `cadence.put` unless `options.record` is false. */
  const write = (
    def: CadenceDefinition,
    id: string,
    existing: StoredCadence | undefined,
    at: number,
    options: { builtin?: boolean; record?: boolean },
  ): StoredCadence => {
    upsert.run({
      id,
      name: def.name,
      description: def.description,
      rule: def.rule === null ? null : JSON.stringify(def.rule),
      priority: def.priority,
      limits: JSON.stringify(def.limits),
      builtin: options.builtin ? 1 : 0,
      // updated_at must move on every save so cached copies are dropped.
      at: existing ? Math.max(at, existing.updatedAt + 1) : at,
    });
    clearSteps.run(id);
    def.steps.forEach((step, position) => {
      insertStep.run(
        id,
        position,
        step.id,
        step.kind,
        step.title,
        step.wait.amount,
        step.wait.unit,
        step.maxAttempts,
        JSON.stringify(step.on),
        step.emailTemplateId ?? null,
      );
    });
    const saved = get(id) as StoredCadence;
    if (options.record !== false) record(false, 'cadence.put', toDefinition(saved));
    return saved;
  };

  return {
    get,
    mustGet,
    /** Every cadence in use, in rule order, with how many leads are on each. */
    /** Ids of the leads on this cadence now (active or paused, published). */
    enrolledLeadIds: (cadenceId: string): string[] => enrolledStmt.all(cadenceId),
    list(): Cadence[] {
      const counts = new Map(enrollmentCounts.all().map((r) => [r.cadence_id, r.n]));
      return liveIds().map((id) => {
        const c = get(id) as StoredCadence;
        return {
          ...toDefinition(c),
          id: c.id,
          builtin: c.builtin,
          activeEnrollments: counts.get(c.id) ?? 0,
          createdAt: c.createdAt,
          updatedAt: c.updatedAt,
        };
      });
    },

    /** Cadences that take leads by rule, in the order rules are tried. */
    withRules(): StoredCadence[] {
      return liveIds()
        .map((id) => get(id) as StoredCadence)
        .filter((c) => c.rule !== null);
    },

    /** The cadence whose rule takes this lead: lowest priority first, then by name. */
    match(lead: { direction: Direction; sourceChannel: SourceChannel }): StoredCadence | undefined {
      for (const id of liveIds()) {
        const c = get(id) as StoredCadence;
        if (c.rule && ruleMatches(c.rule, lead)) return c;
      }
      return undefined;
    },

    /**
     * Writes a validated definition. Dial-step transitions must name known outcomes, and a step that
     * leads are on cannot disappear.
     */
    save(
      def: CadenceDefinition,
      at: number,
      outcomeIds: ReadonlySet<string>,
      options: { builtin?: boolean; record?: boolean; path?: string; pulled?: boolean } = {},
    ): StoredCadence {
      const prefix = options.path ?? '';
      // A cadence pulled from the team server was checked where it was written; its outcomes may
      // arrive later in the same pull, and its leads on a removed step are moved by the caller.
      if (!options.pulled) checkDefinition(def, prefix, outcomeIds);
      const id = def.id ?? newId();
      const existing = get(id);
      if (existing && !existing.archived && !options.pulled) {
        const kept = new Set(def.steps.map((s) => s.id));
        for (const { step_id, n } of liveOnStep.all(id)) {
          if (!kept.has(step_id)) {
            throw new AppError(
              'conflict',
              `${prefix}steps: step "${step_id}" has ${n} lead(s) on it; keep the step, or take those leads off the cadence first.`,
            );
          }
        }
      }
      return write(def, id, existing, at, options);
    },

    /**
     * Archives a cadence (leads on it must be finished first) and records `cadence.delete` unless
     * `record` is false (a deletion pulled from the team server).
     */
    archive(id: string, at: number, options: { record?: boolean } = {}): void {
      const existing = mustGet(id);
      archiveStmt.run(Math.max(at, existing.updatedAt + 1), id);
      if (options.record !== false) record(false, 'cadence.delete', { id });
    },
  };
};

/** Refuses an email template on a non-email step and a dial-step transition naming an unknown outcome. */
const checkDefinition = (def: CadenceDefinition, prefix: string, outcomeIds: ReadonlySet<string>): void => {
  def.steps.forEach((step, index) => {
    if (step.emailTemplateId !== undefined && step.kind !== 'email') {
      throw new AppError(
        'invalid_input',
        `${prefix}steps[${index}].emailTemplateId: only an email step sends an email template; remove it from this ${step.kind} step.`,
      );
    }
    if (!isDialStep(step.kind)) return;
    for (const key of Object.keys(step.on)) {
      if (!outcomeIds.has(key)) {
        throw new AppError(
          'invalid_input',
          `${prefix}steps[${index}].on.${key}: no outcome "${key}"; use one of ${[...outcomeIds].join(', ')}.`,
        );
      }
    }
  });
};
