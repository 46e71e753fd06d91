import type { UpcomingCallback } from '@shared/api/callbacks';
import type { CoreContext } from '../context';
import type { Handlers } from '../handlers';
import { published, publishedLeads } from '../store/published';

type Row = {
  id: string;
  lead_id: string;
  name: string;
  company: string | null;
  time_zone: string | null;
  due_at: number;
};

/** Open callbacks due in a time range, soonest first (index `tasks_callback`), for their notifications. */
export const createCallbacksHandlers = ({ db }: CoreContext): Pick<Handlers, 'callbacks.upcoming'> => {
  const due = db.prepare<[number, number, number], Row>(
    `SELECT t.id, t.lead_id, l.name, a.name AS company, l.time_zone, t.due_at
     FROM tasks t JOIN ${publishedLeads('l')} ON l.id = t.lead_id LEFT JOIN accounts a ON a.id = l.account_id
     WHERE t.state = 'open' AND t.lane = 'callback' AND t.due_at >= ? AND t.due_at <= ? AND ${published('t')}
     ORDER BY t.due_at, t.id LIMIT ?`,
  );
  return {
    'callbacks.upcoming': ({ from, to, limit }): UpcomingCallback[] =>
      due.all(from, to, limit).map((row) => ({
        taskId: row.id,
        leadId: row.lead_id,
        name: row.name,
        company: row.company,
        timeZone: row.time_zone,
        dueAt: row.due_at,
      })),
  };
};
