import { laneOf, type TaskKind } from '@shared/domain/queue';
import { newId } from '../ids';
import type { Db } from '../store/db';
import { TASK_COLUMNS, TASK_FROM, type TaskRow, toTask } from './lead-state';

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

export type Recorder = (isDemo: boolean, name: string, args: unknown) => void;

export type TasksStore = ReturnType<typeof createTasksStore>;

/** Task writes; each one tells the server through the outbox (demo leads excepted). */
export const createTasksStore = (db: Db, record: Recorder, onZoneKey: (key: string) => void) => {
  const insert = db.prepare(`INSERT INTO tasks (id, lead_id, enrollment_id, step_id, kind, lane, title,
    interstitial, state, due_at, ready_at, zone_key, band, fresh, lead_created_at, created_at)
    VALUES (@id, @lead_id, @enrollment_id, @step_id, @kind, @lane, @title, @interstitial, @state, @due_at,
    @ready_at, @zone_key, @band, @fresh, @lead_created_at, @created_at)`);
  const close = db.prepare(
    "UPDATE tasks SET state = ?, outcome = ?, completed_at = ? WHERE id = ? AND state IN ('open', 'paused')",
  );
  const setState = db.prepare("UPDATE tasks SET state = ? WHERE id = ? AND state IN ('open', 'paused')");
  const byId = db.prepare<[string], TaskRow>(`SELECT ${TASK_COLUMNS} FROM ${TASK_FROM} WHERE t.id = ?`);

  const put = (id: string, isDemo: boolean): TaskRow => {
    const row = byId.get(id) as TaskRow;
    record(isDemo, 'task.put', toTask(row));
    return row;
  };

  return {
    byId: (id: string) => byId.get(id),
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
      insert.run(row);
      record(isDemo, 'task.put', toTask(row));
      return row;
    },
    close(
      id: string,
      state: 'done' | 'skipped' | 'cancelled',
      outcome: string | null,
      at: number,
      isDemo: boolean,
    ) {
      close.run(state, outcome, at, id);
      put(id, isDemo);
    },
    setState(id: string, state: 'open' | 'paused', isDemo: boolean) {
      setState.run(state, id);
      put(id, isDemo);
    },
  };
};
