import { laneOf, type TaskKind } from '@shared/domain/queue';
import type { ChangeArgs, ChangeName } from '@shared/sync/changes';
import { newId } from '../ids';
import type { Db } from '../store/db';
import { TASK_COLUMNS, TASK_FROM, TASK_OWN_COLUMNS, type TaskRow, toTask } from './lead-state';

export type NewTask = {
  leadId: string;
  enrollmentId: string | null;
  stepId: string | null;
  kind: TaskKind;
  title: string;
  interstitial: boolean;
  state: 'open' | 'paused';
  dueAt: number;
  readyAt: number;
  zoneKey: string;
  band: number;
  fresh: boolean;
  leadCreatedAt: number;
};

/**
 * Tells the server about one change (through the outbox, or into the batch being written); demo leads'
 * changes are dropped. `args` has the wire shape of mutation `name` (`@shared/sync`).
 */
export type Recorder = <N extends ChangeName>(isDemo: boolean, name: N, args: ChangeArgs<N>) => void;

export type TasksStore = ReturnType<typeof createTasksStore>;

/** Task writes; each one tells the server through the outbox (demo leads excepted). */
export const createTasksStore = (db: Db, record: Recorder, onZoneKey: (key: string) => void) => {
  const insert = db.prepare(`INSERT INTO tasks (id, lead_id, enrollment_id, step_id, kind, lane, title,
    interstitial, state, due_at, ready_at, zone_key, band, fresh, lead_created_at, created_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  // RETURNING hands back the row as written, so telling the server costs no second read.
  const close = db.prepare<[string, string | null, number, string], Omit<TaskRow, 'cadence_id'>>(
    `UPDATE tasks SET state = ?, outcome = ?, completed_at = ? WHERE id = ? AND state IN ('open', 'paused')
     RETURNING ${TASK_OWN_COLUMNS}`,
  );
  const setState = db.prepare<[string, string], Omit<TaskRow, 'cadence_id'>>(
    `UPDATE tasks SET state = ? WHERE id = ? AND state IN ('open', 'paused') RETURNING ${TASK_OWN_COLUMNS}`,
  );
  const byId = db.prepare<[string], TaskRow>(`SELECT ${TASK_COLUMNS} FROM ${TASK_FROM} WHERE t.id = ?`);
  const dueTodosBetween = db.prepare<[number, number, number], TaskRow>(
    `SELECT ${TASK_COLUMNS} FROM ${TASK_FROM} WHERE t.state = 'open' AND t.lane = 'todo'
       AND t.due_at >= ? AND t.due_at <= ? ORDER BY t.due_at, t.id LIMIT ?`,
  );
  const setBand = db.prepare<[number, string]>('UPDATE tasks SET band = ? WHERE id = ?');

  /** Records the task as written; `row` is the task before the write, whose cadence the write keeps. */
  const put = (row: TaskRow, written: Omit<TaskRow, 'cadence_id'> | undefined, isDemo: boolean): TaskRow => {
    const task = written ? { ...written, cadence_id: row.cadence_id } : (byId.get(row.id) as TaskRow);
    record(isDemo, 'task.put', toTask(task));
    return task;
  };

  return {
    byId: (id: string) => byId.get(id),
    /** Open to-do tasks (emails, LinkedIn touches…) due from `from` to `to` (epoch ms, both included), soonest first, at most `limit`. */
    dueTodosBetween: (from: number, to: number, limit: number): TaskRow[] =>
      dueTodosBetween.all(from, to, limit),
    /** Moves a task to another priority band (0–4) without telling the server: bands are local ranking. */
    setBand: (taskId: string, band: number): void => {
      setBand.run(band, taskId);
    },
    create(task: NewTask, at: number, isDemo: boolean, cadenceId: string | null): TaskRow {
      const id = newId();
      onZoneKey(task.zoneKey);
      const row: TaskRow = {
        id,
        lead_id: task.leadId,
        enrollment_id: task.enrollmentId,
        cadence_id: cadenceId,
        step_id: task.stepId,
        kind: task.kind,
        lane: laneOf(task.kind),
        title: task.title,
        interstitial: task.interstitial ? 1 : 0,
        state: task.state,
        due_at: task.dueAt,
        ready_at: task.readyAt,
        zone_key: task.zoneKey,
        band: task.band,
        fresh: task.fresh ? 1 : 0,
        lead_created_at: task.leadCreatedAt,
        outcome: null,
        created_at: at,
        completed_at: null,
      };
      insert.run(
        row.id,
        row.lead_id,
        row.enrollment_id,
        row.step_id,
        row.kind,
        row.lane,
        row.title,
        row.interstitial,
        row.state,
        row.due_at,
        row.ready_at,
        row.zone_key,
        row.band,
        row.fresh,
        row.lead_created_at,
        row.created_at,
      );
      record(isDemo, 'task.put', toTask(row));
      return row;
    },
    /** Closes a live task (one already closed is left as it is) and returns it as stored. */
    close(
      row: TaskRow,
      state: 'done' | 'skipped' | 'cancelled',
      outcome: string | null,
      at: number,
      isDemo: boolean,
    ): TaskRow {
      return put(row, close.get(state, outcome, at, row.id), isDemo);
    },
    setState(row: TaskRow, state: 'open' | 'paused', isDemo: boolean): TaskRow {
      return put(row, setState.get(state, row.id), isDemo);
    },
  };
};
