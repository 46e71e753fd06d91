// Stable element ids that shortcuts move focus to.
export const FOCUS_IDS = {
  search: 'lead-search',
  list: 'lead-list',
  statusFilter: 'lead-status-filter',
  notes: 'research-notes',
  callNote: 'call-note',
  callLink: 'lead-call-link',
  /** The call history's "Void…" on the newest outcome that can still be voided. */
  historyVoid: 'history-void',
  detail: 'lead-detail',
  /** The open lead's qualification card (BANT, profile checklist, hand-off). */
  qualification: 'lead-qualification',
} as const;

/** Focuses the element with `id`; false when it is missing or not shown (e.g. the list behind the queue). */
export const focusById = (id: string): boolean => {
  const element = document.getElementById(id);
  if (!element?.checkVisibility()) return false;
  element.focus();
  return true;
};
