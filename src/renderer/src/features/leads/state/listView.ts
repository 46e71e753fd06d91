import type { LeadStatus, LeadSummary } from '@shared/domain/lead';
import type { FilterResult, LeadFilter } from '@shared/leadSearch/filter';
import { type LeadTable, positionOf, rowAt } from '@shared/leadSearch/table';

// Reading the list as it is on screen: the table's filtered view once the index is loaded, the
// core's first window before.

export type ServerPage = { filter: LeadFilter; rows: LeadSummary[]; total: number };

/** What the list shows: the table's view once loaded, a server page before. */
export type ListData = { table: LeadTable | null; view: FilterResult | null; page: ServerPage | null };

/** How many rows the list shows. */
export const visibleCount = (state: ListData): number =>
  state.table && state.view ? state.view.positions.length : (state.page?.total ?? 0);

/** The row at list index `index`, or null while it has not been loaded. */
export const visibleRow = (state: ListData, index: number): LeadSummary | null => {
  if (state.table && state.view) {
    const position = state.view.positions[index];
    return position === undefined ? null : rowAt(state.table, position);
  }
  return state.page?.rows[index] ?? null;
};

/** The list index of lead `id`, or -1 when it is not shown. */
export const visibleIndexOf = (state: ListData, id: string | null): number => {
  if (!id) return -1;
  if (state.table && state.view) {
    const position = positionOf(state.table, id);
    if (position < 0) return -1;
    // Positions are increasing, so a binary search finds it in a 100k-lead view at once.
    const positions = state.view.positions;
    let lo = 0;
    let hi = positions.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const value = positions[mid] as number;
      if (value === position) return mid;
      if (value < position) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }
  return state.page?.rows.findIndex((row) => row.id === id) ?? -1;
};

const sameFilter = (a: LeadFilter, b: LeadFilter) => a.query === b.query && a.status === b.status;

const filterOf = (state: { query: string; status: LeadStatus | null }): LeadFilter => ({
  query: state.query,
  status: state.status,
});

/** True when the page on screen answers the current filter (the table's view always does). */
export const isPageCurrent = (state: {
  table: LeadTable | null;
  page: ServerPage | null;
  query: string;
  status: LeadStatus | null;
}): boolean =>
  state.table !== null || (state.page !== null && sameFilter(state.page.filter, filterOf(state)));
