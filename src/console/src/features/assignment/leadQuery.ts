import type { LeadStatus } from '@shared/domain/lead';

/** One page of the manager's lead list. */
export const LEADS_PAGE_SIZE = 50;

/** The list's filters as the page holds them: `owner` is a user id, `none` (unassigned) or `any`. */
export type LeadFilters = { q: string; owner: string; status: LeadStatus | 'any'; offset: number };

/** The address of one page of `GET /v1/teams/:teamId/leads` for `filters`. */
export const leadsPath = (teamId: string, filters: LeadFilters): string => {
  const query = new URLSearchParams({ limit: String(LEADS_PAGE_SIZE), offset: String(filters.offset) });
  if (filters.q.trim() !== '') query.set('q', filters.q.trim());
  if (filters.owner === 'none') query.set('unassigned', 'true');
  else if (filters.owner !== 'any') query.set('owner', filters.owner);
  if (filters.status !== 'any') query.set('status', filters.status);
  return `/v1/teams/${teamId}/leads?${query.toString()}`;
};
