import { create } from 'zustand';
import { ApiError, invoke } from '../../../api/client';
import { useLeadDetailStore } from './leadDetailStore';

/** How long typing must pause before a note is saved. */
const SAVE_DELAY_MS = 700;
const RETRY_DELAYS_MS = [1000, 2000, 5000, 10_000, 30_000];
const BACKUP_PREFIX = 'dialdeck.note.';

export type SaveState = { state: 'saving' | 'saved' | 'retrying'; savedAt?: number };

type ResearchStore = {
  /** Text typed but not yet confirmed saved, by lead id. */
  drafts: Record<string, string>;
  saves: Record<string, SaveState>;
  edit: (leadId: string, body: string) => void;
  /** Saves now instead of after the pause (leaving the field, switching leads, closing). */
  flush: (leadId: string) => void;
  flushAll: () => void;
  /** Picks up notes that were typed but not saved when the window last closed. */
  restoreBackups: () => void;
};

const timers = new Map<string, ReturnType<typeof setTimeout>>();
const inFlight = new Set<string>();
const again = new Set<string>();
const attempts = new Map<string, number>();

// A copy in localStorage until the core confirms, so a crash or closed window loses no text.
const backup = (leadId: string, body: string) => {
  try {
    localStorage.setItem(BACKUP_PREFIX + leadId, body);
  } catch {
    // Storage full or unavailable: the in-memory draft and the retries still hold the text.
  }
};
const dropBackup = (leadId: string) => localStorage.removeItem(BACKUP_PREFIX + leadId);

export const useResearchStore = create<ResearchStore>((set, get) => {
  const schedule = (leadId: string, delay: number) => {
    clearTimeout(timers.get(leadId));
    timers.set(
      leadId,
      setTimeout(() => void save(leadId), delay),
    );
  };

  const setSave = (leadId: string, save: SaveState) => set({ saves: { ...get().saves, [leadId]: save } });

  const save = async (leadId: string): Promise<void> => {
    clearTimeout(timers.get(leadId));
    timers.delete(leadId);
    const body = get().drafts[leadId];
    if (body === undefined) return;
    if (inFlight.has(leadId)) {
      again.add(leadId);
      return;
    }
    inFlight.add(leadId);
    try {
      const note = await invoke('leads.setResearch', { leadId, body });
      attempts.delete(leadId);
      useLeadDetailStore.getState().setResearch(note);
      if (get().drafts[leadId] === body) {
        const { [leadId]: _saved, ...rest } = get().drafts;
        set({ drafts: rest });
        dropBackup(leadId);
        setSave(leadId, { state: 'saved', savedAt: note.updatedAt });
      }
    } catch (error) {
      if (error instanceof ApiError && error.code === 'not_found') {
        // The lead was removed (e.g. the demo list); there is nowhere left to save this note.
        const { [leadId]: _gone, ...rest } = get().drafts;
        set({ drafts: rest });
        dropBackup(leadId);
        return;
      }
      const attempt = attempts.get(leadId) ?? 0;
      attempts.set(leadId, attempt + 1);
      setSave(leadId, { state: 'retrying' });
      schedule(leadId, RETRY_DELAYS_MS[Math.min(attempt, RETRY_DELAYS_MS.length - 1)] ?? 30_000);
    } finally {
      inFlight.delete(leadId);
      if (again.delete(leadId)) void save(leadId);
    }
  };

  return {
    drafts: {},
    saves: {},
    edit: (leadId, body) => {
      set({ drafts: { ...get().drafts, [leadId]: body } });
      backup(leadId, body);
      if (get().saves[leadId]?.state !== 'retrying') setSave(leadId, { state: 'saving' });
      schedule(leadId, SAVE_DELAY_MS);
    },
    flush: (leadId) => {
      if (get().drafts[leadId] !== undefined) void save(leadId);
    },
    flushAll: () => {
      for (const leadId of Object.keys(get().drafts)) void save(leadId);
    },
    restoreBackups: () => {
      const drafts: Record<string, string> = {};
      for (let i = 0; i < localStorage.length; i++) {
        const key = localStorage.key(i);
        if (key?.startsWith(BACKUP_PREFIX))
          drafts[key.slice(BACKUP_PREFIX.length)] = localStorage.getItem(key) ?? '';
      }
      if (Object.keys(drafts).length === 0) return;
      set({ drafts: { ...drafts, ...get().drafts } });
      for (const leadId of Object.keys(drafts)) {
        setSave(leadId, { state: 'saving' });
        void save(leadId);
      }
    },
  };
});
