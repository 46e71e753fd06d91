import type { DailyPlan, QueueEntry } from '@shared/domain/queue';
import { create } from 'zustand';
import { errorMessage, invoke } from '../../../api/client';
import { showToast } from '../../../ui/toastStore';
import { useLeadListStore } from '../../leads/state/leadListStore';
import { keptHighlight } from './highlight';

export type WorkspaceView = 'leads' | 'queue';

type QueueStore = {
  view: WorkspaceView;
  entries: QueueEntry[];
  plan: DailyPlan | null;
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: string | null;
  /** The highlighted entry (J/K move it while the queue is shown, Enter opens it). */
  activeId: string | null;
  moveActive: (delta: number) => void;
  moveActiveTo: (end: 'first' | 'last') => void;
  openActive: () => void;
  setView: (view: WorkspaceView) => void;
  toggleView: () => void;
  /** Re-reads the call list and the day's plan (only while the queue is on screen). */
  refresh: () => Promise<void>;

  /** Opens the one lead the queue says to call now. */
  openNext: (noneMessage: string) => Promise<void>;
};

export const QUEUE_LIMIT = 100;

export const useQueueStore = create<QueueStore>((set, get) => {
  let generation = 0;
  let inFlight: Promise<void> | null = null;
  let askedWhileInFlight = false;

  const read = async () => {
    const mine = ++generation;
    if (get().status === 'idle') set({ status: 'loading' });
    try {
      const [list, plan] = await Promise.all([
        invoke('queue.list', { limit: QUEUE_LIMIT }),
        invoke('queue.plan', {}),
      ]);
      // An older answer never overwrites a newer one.
      if (mine === generation) {
        const activeId = keptHighlight(get().entries, list.entries, get().activeId);
        set({ entries: list.entries, plan, status: 'ready', error: null, activeId });
      }
    } catch (error) {
      if (mine === generation) set({ status: 'error', error: errorMessage(error) });
    }
  };

  return {
    view: 'leads',
    entries: [],
    plan: null,
    status: 'idle',
    error: null,
    activeId: null,
    moveActive: (delta) => {
      const { entries, activeId } = get();
      if (entries.length === 0) return;
      const at = entries.findIndex((e) => e.lead.id === activeId);
      const next = at < 0 ? (delta > 0 ? 0 : entries.length - 1) : at + delta;
      const clamped = Math.max(0, Math.min(entries.length - 1, next));
      set({ activeId: entries[clamped]?.lead.id ?? null });
    },
    moveActiveTo: (end) => {
      const { entries } = get();
      set({ activeId: (end === 'first' ? entries[0] : entries.at(-1))?.lead.id ?? null });
    },
    openActive: () => {
      const id = get().activeId ?? get().entries[0]?.lead.id;
      if (id) useLeadListStore.getState().open(id);
    },
    setView: (view) => {
      set({ view });
      if (view === 'queue') void get().refresh();
    },
    toggleView: () => get().setView(get().view === 'queue' ? 'leads' : 'queue'),
    refresh: async () => {
      if (get().view !== 'queue') return;
      // Change events come in bursts (an outcome is a `queue:changed` and a `leads:changed`, released
      // together after a session's move): the read starts after the current task's other asks, so a
      // burst is one read; one read at a time, and one more after it for everything asked while it ran.
      // Each read ranks the first entries and plans the day over every callable lead, tens of ms at 100k.
      if (inFlight) {
        askedWhileInFlight = true;
        return inFlight;
      }
      inFlight = (async () => {
        await Promise.resolve();
        do {
          askedWhileInFlight = false;
          await read();
        } while (askedWhileInFlight && get().view === 'queue');
        inFlight = null;
      })();
      return inFlight;
    },
    openNext: async (noneMessage) => {
      try {
        const { entry } = await invoke('queue.next', {});
        if (!entry) {
          showToast('info', noneMessage);
          return;
        }
        useLeadListStore.getState().open(entry.lead.id);
      } catch (error) {
        showToast('error', errorMessage(error));
      }
    },
  };
});
