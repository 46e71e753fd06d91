import type { ReportMetric } from '@shared/server/reports';

/** The cell a drill-down opens: a figure over team days `from`–`to`, one rep's or (no `userId`) the team's. */
export type DrillCell = {
  metric: ReportMetric;
  from: string;
  to: string;
  userId?: string;
  /** Whose figure, as the board names it (a rep's email or "Team"). */
  who: string;
};

/** The path of a cell's activities (`GET /v1/reports/activities`), without the cursor. */
export const drillPath = (cell: DrillCell): string => {
  const query = new URLSearchParams({ metric: cell.metric, from: cell.from, to: cell.to, limit: '50' });
  if (cell.userId) query.set('userId', cell.userId);
  return `/v1/reports/activities?${query.toString()}`;
};

/** The CSV address of a report route: the same query with `format=csv`. */
export const csvHref = (path: string): string => `${path}${path.includes('?') ? '&' : '?'}format=csv`;
