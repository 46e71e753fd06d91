import type { HistoryEntry } from '@shared/api/history';
import type { CallProvider } from '@shared/domain/callProvider';
import type { LeadStatus } from '@shared/domain/lead';
import type { VoidKind } from '@shared/sync/mutations/activities';
import type { TalkMetrics } from '@shared/talk/metrics';
import type { Db } from '../store/db';

type Row = {
  id: string;
  lead_id: string;
  kind: string;
  outcome: string | null;
  body: string | null;
  data: string | null;
  occurred_at: number;
  created_at: number;
  call_id: string | null;
  voided_at: number | null;
  void_reason: string | null;
  void_kind: VoidKind | null;
};

type Data = {
  statusBefore?: LeadStatus;
  status?: LeadStatus;
  callbackAt?: number | null;
  durationSeconds?: number | null;
  talk?: TalkMetrics | null;
  provider?: CallProvider | null;
  /** A snooze's end (session/record.ts). */
  until?: number;
};

const parseData = (text: string | null): Data => {
  if (!text) return {};
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' ? (value as Data) : {};
  } catch {
    return {};
  }
};

/**
 * A lead's activities, newest first (by when they happened, then when they were logged), voided ones
 * marked with when, why and how (undo or void). `voidable` is true on the one call a void would
 * accept: the lead's newest standing call (see outcomes/void.ts for the rule).
 */
export const createHistory = (db: Db) => {
  const rows = db.prepare<[string, number], Row>(
    `SELECT id, lead_id, kind, outcome, body, data, occurred_at, created_at, call_id, voided_at, void_reason,
       void_kind FROM activities WHERE lead_id = ? ORDER BY occurred_at DESC, created_at DESC, id DESC LIMIT ?`,
  );
  const newestStanding = db
    .prepare<[string], string>(
      `SELECT id FROM activities WHERE lead_id = ? AND kind = 'call' AND voided_at IS NULL
       ORDER BY created_at DESC, id DESC LIMIT 1`,
    )
    .pluck();
  return (leadId: string, limit: number): HistoryEntry[] => {
    const voidable = newestStanding.get(leadId);
    return rows.all(leadId, limit).map((row) => {
      const data = parseData(row.data);
      return {
        id: row.id,
        leadId: row.lead_id,
        kind: row.kind,
        outcome: row.outcome,
        note: row.body,
        occurredAt: row.occurred_at,
        loggedAt: row.created_at,
        callId: row.call_id,
        statusBefore: data.statusBefore ?? null,
        status: data.status ?? null,
        callbackAt: data.callbackAt ?? null,
        durationSeconds: data.durationSeconds ?? null,
        ...(row.kind === 'call' ? { talk: data.talk ?? null, provider: data.provider ?? null } : {}),
        ...(row.kind === 'snooze' ? { snoozedUntil: data.until ?? null } : {}),
        void:
          row.voided_at === null
            ? null
            : { at: row.voided_at, reason: row.void_reason, kind: row.void_kind ?? 'void' },
        voidable: row.id === voidable,
      };
    });
  };
};
