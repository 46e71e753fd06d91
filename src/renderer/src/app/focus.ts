// Stable element ids that shortcuts move focus to.
export const FOCUS_IDS = {
  search: 'lead-search',
  list: 'lead-list',
  statusFilter: 'lead-status-filter',
  notes: 'research-notes',
  callLink: 'lead-call-link',
  detail: 'lead-detail',
} as const;

export const focusById = (id: string): boolean => {
  const element = document.getElementById(id);
  if (!element) return false;
  element.focus();
  return true;
};
