import type { DncEntry } from '@shared/domain/queue';

/** Entries whose value or reason holds `query` (case-insensitive), newest first as the core lists them. */
export const filterDnc = (entries: readonly DncEntry[], query: string): DncEntry[] => {
  const needle = query.trim().toLowerCase();
  if (needle === '') return [...entries];
  return entries.filter(
    (entry) =>
      entry.value.toLowerCase().includes(needle) || (entry.reason ?? '').toLowerCase().includes(needle),
  );
};
