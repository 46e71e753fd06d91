import type { LeadDetail } from '@shared/api/leads';
import type { ResearchNote } from '@shared/domain/lead';
import { create } from 'zustand';
import { errorMessage, invoke } from '../../../api/client';
import { createReadAhead } from '../../../api/readAhead';

export type DetailEntry =
  | { status: 'loading'; detail?: LeadDetail }
  | { status: 'ready'; detail: LeadDetail }
  | { status: 'error'; error: string; detail?: LeadDetail };

type LeadDetailStore = {
  entries: Record<string, DetailEntry>;
  load: (id: string) => Promise<void>;
  /**
   * Reads lead `id` ahead of the panel; the panel's own first `load` then takes this answer. Resolves
   * once the answer (or the error) is in the store; never rejects.
   */
  prefetch: (id: string) => Promise<void>;
  /** Reloads the cached leads among `ids` (all cached ones when `ids` is undefined). */
  refresh: (ids: string[] | undefined) => Promise<void>;
  /** Puts a just-saved research note into the cache, so the panel shows it without a round trip. */
  setResearch: (note: ResearchNote) => void;
};

/** Leads asked for ahead of the panel, each taken by the panel's first `load`. */
const detailsAhead = createReadAhead<void>();

export const useLeadDetailStore = create<LeadDetailStore>((set, get) => {
  const fetchDetail = async (id: string) => {
    try {
      const detail = await invoke('leads.get', { id });
      set({ entries: { ...get().entries, [id]: { status: 'ready', detail } } });
    } catch (error) {
      const previous = get().entries[id]?.detail;
      set({
        entries: {
          ...get().entries,
          [id]: previous
            ? { status: 'error', error: errorMessage(error), detail: previous }
            : { status: 'error', error: errorMessage(error) },
        },
      });
    }
  };

  return {
    entries: {},
    load: async (id) => {
      const existing = get().entries[id];
      if (!existing) set({ entries: { ...get().entries, [id]: { status: 'loading' } } });
      const ahead = detailsAhead.take(id);
      await (ahead ?? fetchDetail(id));
    },
    prefetch: (id) => {
      if (!get().entries[id]) set({ entries: { ...get().entries, [id]: { status: 'loading' } } });
      const ahead = fetchDetail(id);
      detailsAhead.put(id, ahead);
      return ahead;
    },
    refresh: async (ids) => {
      const cached = Object.keys(get().entries);
      const targets = ids ? cached.filter((id) => ids.includes(id)) : cached;
      await Promise.all(targets.map(fetchDetail));
    },
    setResearch: (note) => {
      const entry = get().entries[note.leadId];
      if (!entry?.detail) return;
      set({
        entries: {
          ...get().entries,
          [note.leadId]: { status: 'ready', detail: { ...entry.detail, research: note } },
        },
      });
    },
  };
});
