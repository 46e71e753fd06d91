import type { LeadStatus } from '@shared/domain/lead';
import type { Db } from '../store/db';

/**
 * What a `status_change` or `handoff` activity keeps: the status before and after it; for an AE's
 * answer to a hand-off, the hand-off, the `decision` and the AE's email.
 */
export type StatusActivityData = {
  statusBefore: LeadStatus;
  status: LeadStatus;
  handoffId?: string;
  decision?: 'accepted' | 'rejected';
  ae?: string | null;
};

/**
 * Writes the history rows that are not calls: a status changed by hand (`status_change`, the reason as
 * its note) and a hand-off (`handoff`, the summary as its note). `history.list` shows them with the
 * status before and after. No outbox here: each rides on its edit's mutation (`lead.changeStatus`
 * carries the activity id; a hand-off's activity has the hand-off's id). Call inside a transaction.
 */
export const createLeadActivityWriter = (db: Db) => {
  const insert = db.prepare<[string, string, string, string | null, string, number, number]>(
    `INSERT INTO activities (id, lead_id, kind, outcome, body, data, occurred_at, created_at)
     VALUES (?, ?, ?, NULL, ?, ?, ?, ?)`,
  );
  return (row: {
    id: string;
    leadId: string;
    kind: 'status_change' | 'handoff';
    note: string | null;
    data: StatusActivityData;
    /** Epoch ms. */
    at: number;
  }): void => {
    insert.run(row.id, row.leadId, row.kind, row.note, JSON.stringify(row.data), row.at, row.at);
  };
};
