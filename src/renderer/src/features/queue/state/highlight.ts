import type { QueueEntry } from '@shared/domain/queue';

/**
 * Where the J/K highlight sits after a refresh: on the same lead while it is still listed; when it left
 * the list (just worked, snoozed, reassigned), on the entry that took its place, so the next J/K moves
 * from where the rep was looking, not from the top. `null` when nothing was highlighted or the list emptied.
 */
export const keptHighlight = (
  before: readonly QueueEntry[],
  after: readonly QueueEntry[],
  activeId: string | null,
): string | null => {
  if (activeId === null || after.some((e) => e.lead.id === activeId)) return activeId;
  const at = before.findIndex((e) => e.lead.id === activeId);
  if (at < 0 || after.length === 0) return null;
  return after[Math.min(at, after.length - 1)]?.lead.id ?? null;
};
