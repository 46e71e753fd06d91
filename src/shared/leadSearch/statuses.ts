import type { LEAD_STATUSES } from '../domain/lead';

/**
 * The funnel's statuses in order, as in `LEAD_STATUSES`, without loading the zod schemas beside it:
 * the workspace's first paint needs the names, not the validators. The type check below fails the
 * build if the two lists ever differ in content or order.
 */
export const STATUS_ORDER = [
  'new',
  'working',
  'nurture',
  'mql',
  'sql',
  'opportunity',
  'won',
  'lost',
  'disqualified',
  'do_not_contact',
] as const satisfies typeof LEAD_STATUSES;
