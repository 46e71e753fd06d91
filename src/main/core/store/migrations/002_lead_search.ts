import type { Database } from 'better-sqlite3';

/**
 * The lead list is read newest first; this index lets the first window of a 100k-lead list and the
 * whole list in order come straight from the index instead of sorting every row.
 */
export const migration002LeadSearch = (db: Database): void => {
  db.exec('CREATE INDEX leads_list_order ON leads(created_at DESC, id DESC);');
};
