import type { PulledActivity, PulledActivityVoid } from '@shared/sync/pull';
import type { Db } from '../../store/db';

/**
 * Writes pulled history into the store: activities appended under the server's (the desktop's original)
 * id, once — an id already stored is left as it is — and voids marked on the activity they take back.
 * Only for leads this store holds. Nothing is recorded in the outbox.
 */
export const createPulledHistory = (db: Db) => {
  type Row = {
    id: string;
    leadId: string;
    kind: string;
    outcome: string | null;
    body: string | null;
    data: string | null;
    occurredAt: number;
    createdAt: number;
    callId: string | null;
  };
  const insert = db.prepare<[Row]>(
    `INSERT INTO activities (id, lead_id, kind, outcome, body, data, occurred_at, created_at, call_id)
     SELECT @id, @leadId, @kind, @outcome, @body, @data, @occurredAt, @createdAt, @callId
      WHERE EXISTS (SELECT 1 FROM leads WHERE id = @leadId)
     ON CONFLICT (id) DO NOTHING`,
  );
  const markVoid = db.prepare<[number, string | null, string, string]>(
    'UPDATE activities SET voided_at = ?, void_reason = ?, void_kind = ? WHERE id = ? AND voided_at IS NULL',
  );
  return {
    /** Appends the activity when its lead is here and its id is new; returns whether it was written. */
    activity(a: PulledActivity, at: number): boolean {
      const data = typeof a.data === 'object' && a.data !== null ? (a.data as Record<string, unknown>) : null;
      const callId = typeof data?.callId === 'string' ? data.callId : null;
      const { callId: _call, ...rest } = data ?? {};
      const stored = data === null ? null : JSON.stringify(rest);
      const row: Row = {
        id: a.id,
        leadId: a.leadId,
        kind: a.kind,
        outcome: a.outcome,
        body: a.note,
        data: stored,
        occurredAt: a.occurredAt,
        createdAt: at,
        callId,
      };
      return insert.run(row).changes > 0;
    },
    /** Marks the activity voided (`void` or `undo`) unless it is already. */
    void(v: PulledActivityVoid): boolean {
      const kind = v.kind === 'undo' ? 'undo' : 'void';
      return markVoid.run(v.voidedAt, v.reason, kind, v.activityId).changes > 0;
    },
  };
};
