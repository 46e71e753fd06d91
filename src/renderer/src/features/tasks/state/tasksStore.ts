import type { TodoEntry } from '@shared/api/queue';
import type { TaskResult } from '@shared/domain/cadence';
import type { TaskKind } from '@shared/domain/queue';
import { create } from 'zustand';
import { errorMessage, invoke } from '../../../api/client';

/** The Tasks view's two parts: the day's steps and the do-not-contact list. */
export type TasksTab = 'steps' | 'dnc';

/** The order the view groups steps in; J/K walk them in this order. */
export const TASK_GROUPS = ['email', 'linkedin', 'task'] as const satisfies readonly TaskKind[];
export type TaskGroup = (typeof TASK_GROUPS)[number];

const groupOf = (kind: TaskKind): TaskGroup => (kind === 'email' || kind === 'linkedin' ? kind : 'task');

/** Steps in view order: by group, then oldest due first (the core's order within a group). */
export const orderTasks = (entries: readonly TodoEntry[]): TodoEntry[] =>
  TASK_GROUPS.flatMap((group) => entries.filter((entry) => groupOf(entry.task.kind) === group));

/**
 * What a step's Enter opens: the email preview or the skip question. `entry` is the step as it was
 * when the dialog opened: the dialog keeps showing it if a refresh no longer lists the step (done from
 * the CLI meanwhile), instead of vanishing under the rep's hands.
 */
export type TaskDialog = { kind: 'email' | 'skip'; taskId: string; entry?: TodoEntry } | null;

type TasksStore = {
  shown: boolean;
  tab: TasksTab;
  /** Today's due and overdue steps, grouped (see `orderTasks`). */
  entries: TodoEntry[];
  activeId: string | null;
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: string | null;
  dialog: TaskDialog;
  setShown: (shown: boolean) => void;
  toggle: () => void;
  setTab: (tab: TasksTab) => void;
  setActive: (taskId: string) => void;
  /** Moves the highlight by `delta` rows, stopping at either end. */
  move: (delta: number) => void;
  openDialog: (dialog: TaskDialog) => void;
  refresh: () => Promise<void>;
  /**
   * Marks a step done or skipped (`tasks.complete`); the highlight moves to the next step.
   * Throws the core's error (e.g. `lead_do_not_contact`) for the caller to show.
   */
  complete: (taskId: string, result: TaskResult, note?: string) => Promise<void>;
};

export const TASKS_LIMIT = 500;

export const useTasksStore = create<TasksStore>((set, get) => {
  let generation = 0;
  return {
    shown: false,
    tab: 'steps',
    entries: [],
    activeId: null,
    status: 'idle',
    error: null,
    dialog: null,
    setShown: (shown) => {
      set({ shown, dialog: null });
      if (shown) void get().refresh();
    },
    toggle: () => get().setShown(!get().shown),
    setTab: (tab) => set({ tab }),
    setActive: (activeId) => set({ activeId }),
    move: (delta) => {
      const { entries, activeId } = get();
      if (entries.length === 0) return;
      const at = entries.findIndex((entry) => entry.task.id === activeId);
      const next = Math.min(entries.length - 1, Math.max(0, at < 0 ? 0 : at + delta));
      set({ activeId: entries[next]?.task.id ?? null });
    },
    openDialog: (dialog) =>
      set({
        dialog: dialog && {
          ...dialog,
          entry: dialog.entry ?? get().entries.find((entry) => entry.task.id === dialog.taskId),
        },
      }),
    refresh: async () => {
      if (!get().shown) return;
      const mine = ++generation;
      if (get().status === 'idle') set({ status: 'loading' });
      try {
        const entries = orderTasks(await invoke('tasks.list', { due: 'all', limit: TASKS_LIMIT }));
        if (mine !== generation) return;
        const activeId = get().activeId;
        const keep = entries.some((entry) => entry.task.id === activeId);
        set({
          entries,
          activeId: keep ? activeId : (entries[0]?.task.id ?? null),
          status: 'ready',
          error: null,
        });
      } catch (error) {
        if (mine === generation) set({ status: 'error', error: errorMessage(error) });
      }
    },
    complete: async (taskId, result, note) => {
      await invoke('tasks.complete', { taskId, result, note });
      const { entries, activeId } = get();
      const at = entries.findIndex((entry) => entry.task.id === taskId);
      const rest = entries.filter((entry) => entry.task.id !== taskId);
      const nextActive =
        activeId === taskId ? (rest[Math.min(at, rest.length - 1)]?.task.id ?? null) : activeId;
      set({ entries: rest, activeId: nextActive, dialog: null });
      await get().refresh();
    },
  };
});
