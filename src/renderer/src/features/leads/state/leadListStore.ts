import type { LeadStatus } from '@shared/domain/lead';
import { type FilterResult, filterLeads, type LeadFilter } from '@shared/leadSearch/filter';
import { buildLeadTable, type LeadTable, patchLeadTable, positionOf } from '@shared/leadSearch/table';
import { create } from 'zustand';
import { errorMessage, invoke } from '../../../api/client';
import { useLeadDetailStore } from './leadDetailStore';
import { type ServerPage, visibleCount, visibleIndexOf, visibleRow } from './listView';
import { useResearchStore } from './researchStore';

/** Rows fetched for the first paint, before the whole index has arrived. */
const FIRST_PAGE_SIZE = 40;

type LeadListState = {
  /** The whole list, once loaded; filtering happens here, in the renderer. */
  table: LeadTable | null;
  /** The filtered view of `table`. */
  view: FilterResult | null;
  /** A window from the core, shown until the table arrives. */
  page: ServerPage | null;
  loadError: string | null;
  indexLoading: boolean;
  query: string;
  status: LeadStatus | null;
  /** The keyboard's row. */
  activeId: string | null;
  /** The lead shown in the detail panel. */
  openId: string | null;
  /** The first rows have reached the screen; details that are slow to format (local times, counts) follow. */
  listPainted: boolean;
};

type LeadListActions = {
  loadFirstPage: () => Promise<void>;
  loadIndex: () => Promise<void>;
  handleLeadsChanged: (ids: string[] | undefined) => Promise<void>;
  setQuery: (query: string) => void;
  setStatus: (status: LeadStatus | null) => void;
  clearFilters: () => void;
  setActive: (id: string | null) => void;
  moveActive: (delta: number) => void;
  moveActiveTo: (edge: 'first' | 'last') => void;
  open: (id: string) => void;
  openActive: () => void;
  close: () => void;
};

export type LeadListStore = LeadListState & LeadListActions;

const filterOf = (state: Pick<LeadListState, 'query' | 'status'>): LeadFilter => ({
  query: state.query,
  status: state.status,
});

/** Keeps the keyboard's row on a shown lead after the view changed. */
const keepActive = (state: LeadListState): string | null => {
  if (visibleIndexOf(state, state.activeId) >= 0) return state.activeId;
  return visibleRow(state, 0)?.id ?? null;
};

/** Lets the page paint and take input between slices of building the 100k-lead table. */
const pauseForBrowser = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

let pageRequest = 0;
let indexRequest = 0;
let reloadQueued = false;

export const useLeadListStore = create<LeadListStore>((set, get) => {
  const applyView = (patch: Partial<LeadListState>) => {
    const next = { ...get(), ...patch };
    if (next.table) {
      next.view = filterLeads(next.table, filterOf(next), next.view);
    }
    set({ ...patch, view: next.view, activeId: keepActive(next) });
  };

  const fetchPage = async () => {
    const request = ++pageRequest;
    const filter = filterOf(get());
    try {
      const page = await invoke('leads.page', {
        search: filter.query || undefined,
        status: filter.status ?? undefined,
        limit: FIRST_PAGE_SIZE,
      });
      if (request !== pageRequest || get().table) return;
      if (request === 1) performance.mark('dialdeck:first-page');
      applyView({ page: { filter, rows: page.rows, total: page.total }, loadError: null });
    } catch (error) {
      if (request === pageRequest) set({ loadError: errorMessage(error) });
    }
  };

  /**
   * Before the index arrives, a search waits for it: it answers within the frame, where the core
   * would scan every lead per keystroke (and hold up the index meanwhile). Without an index on the
   * way (it failed to load), the core answers.
   */
  const askCoreUnlessIndexComing = () => {
    if (!get().indexLoading) void fetchPage();
  };

  return {
    table: null,
    view: null,
    page: null,
    loadError: null,
    indexLoading: false,
    query: '',
    status: null,
    activeId: null,
    openId: null,
    listPainted: false,

    loadFirstPage: fetchPage,

    loadIndex: async () => {
      if (get().indexLoading) {
        reloadQueued = true;
        return;
      }
      const request = ++indexRequest;
      set({ indexLoading: true });
      try {
        const index = await invoke('leads.index', {});
        const table = await buildLeadTable(index, pauseForBrowser);
        if (request !== indexRequest) return;
        const { openId } = get();
        if (!get().table) performance.mark('dialdeck:index-ready');
        applyView({
          table,
          view: null,
          page: null,
          loadError: null,
          indexLoading: false,
          // A lead removed elsewhere (e.g. the demo list) leaves the panel.
          openId: openId && positionOf(table, openId) >= 0 ? openId : null,
        });
      } catch (error) {
        set({ indexLoading: false, loadError: get().table ? null : errorMessage(error) });
      }
      if (reloadQueued) {
        reloadQueued = false;
        await get().loadIndex();
      }
    },

    handleLeadsChanged: async (ids) => {
      const { table, indexLoading } = get();
      if (!table) {
        if (indexLoading) reloadQueued = true;
        else await fetchPage();
        return;
      }
      if (ids && ids.length > 0 && ids.length <= 200) {
        try {
          const rows = await invoke('leads.summaries', { ids });
          const current = get().table;
          const patched = rows.length === ids.length && current ? patchLeadTable(current, rows) : null;
          // The same table back means nothing on the list changed (a saved research note, say).
          if (patched === current) return;
          if (patched) {
            applyView({ table: patched, view: null });
            return;
          }
        } catch {
          // Fall through to a full reload.
        }
      }
      await get().loadIndex();
    },

    setQuery: (query) => {
      if (query === get().query) return;
      if (get().table) applyView({ query });
      else {
        set({ query });
        askCoreUnlessIndexComing();
      }
    },

    setStatus: (status) => {
      if (status === get().status) return;
      if (get().table) applyView({ status, view: null });
      else {
        set({ status });
        askCoreUnlessIndexComing();
      }
    },

    clearFilters: () => {
      if (get().table) applyView({ query: '', status: null, view: null });
      else {
        set({ query: '', status: null });
        askCoreUnlessIndexComing();
      }
    },

    setActive: (id) => set({ activeId: id }),

    moveActive: (delta) => {
      const state = get();
      const count = visibleCount(state);
      if (count === 0) return;
      const current = visibleIndexOf(state, state.activeId);
      const next = Math.max(0, Math.min(count - 1, current < 0 ? 0 : current + delta));
      const row = visibleRow(state, next);
      if (row) set({ activeId: row.id });
    },

    moveActiveTo: (edge) => {
      const state = get();
      const count = visibleCount(state);
      const row = count > 0 ? visibleRow(state, edge === 'first' ? 0 : count - 1) : null;
      if (row) set({ activeId: row.id });
    },

    open: (id) => {
      const previous = get().openId;
      // Switching leads saves what was typed for the previous one right away.
      if (previous && previous !== id) useResearchStore.getState().flush(previous);
      set({ openId: id, activeId: id });
      void useLeadDetailStore.getState().load(id);
    },

    openActive: () => {
      const { activeId } = get();
      if (activeId) get().open(activeId);
    },

    close: () => {
      const { openId } = get();
      if (openId) useResearchStore.getState().flush(openId);
      set({ openId: null });
    },
  };
});
