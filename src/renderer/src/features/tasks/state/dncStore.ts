import type { DncEntry, DncKind } from '@shared/domain/queue';
import { create } from 'zustand';
import { errorMessage, invoke } from '../../../api/client';

/** Entries per page of the do-not-contact list. */
export const DNC_PAGE_SIZE = 50;

type DncStore = {
  entries: DncEntry[];
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: string | null;
  query: string;
  page: number;
  setQuery: (query: string) => void;
  setPage: (page: number) => void;
  refresh: () => Promise<void>;
  /** Adds one entry (one `dnc.add` mutation); answers how many leads left their cadences. */
  add: (kind: DncKind, value: string, reason: string) => Promise<{ added: boolean; leadsAffected: number }>;
  /** Removes one entry (one `dnc.remove` mutation); leads stay as they are. */
  remove: (id: string) => Promise<void>;
};

export const useDncStore = create<DncStore>((set, get) => ({
  entries: [],
  status: 'idle',
  error: null,
  query: '',
  page: 0,
  setQuery: (query) => set({ query, page: 0 }),
  setPage: (page) => set({ page }),
  refresh: async () => {
    if (get().status === 'idle') set({ status: 'loading' });
    try {
      set({ entries: await invoke('dnc.list', {}), status: 'ready', error: null });
    } catch (error) {
      set({ status: 'error', error: errorMessage(error) });
    }
  },
  add: async (kind, value, reason) => {
    const result = await invoke('dnc.add', {
      entries: [{ kind, value }],
      reason: reason.trim() === '' ? undefined : reason.trim(),
    });
    await get().refresh();
    return { added: result.added.length > 0, leadsAffected: result.leadsAffected };
  },
  remove: async (id) => {
    await invoke('dnc.remove', { id });
    await get().refresh();
  },
}));
