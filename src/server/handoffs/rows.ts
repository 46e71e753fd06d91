import type { HandoffBant } from '@shared/domain/handoff';
import type { HandoffStatus, PulledHandoff, ServerHandoff } from '@shared/server/handoffs';

/** The columns a hand-off is read with (joined with its rep, AE and lead), for `HANDOFF_FROM`. */
export const HANDOFF_COLUMNS = `h.id, h.lead_id, h.rep_id, r.email AS rep_email, h.ae_id, a.email AS ae_email,
  l.fields->>'name' AS lead_name, h.summary, h.bant, h.next_step, h.profile_filled, h.profile_total,
  h.created_at, h.due_at, h.decided_at, h.decision, h.reason, h.missed_at, h.change_version`;

/** Hand-offs with their rep, AE and (when the server holds it) lead. */
export const HANDOFF_FROM = `handoffs h
  JOIN users r ON r.id = h.rep_id
  LEFT JOIN users a ON a.id = h.ae_id
  LEFT JOIN leads l ON l.team_id = h.team_id AND l.id = h.lead_id`;

/** A row of `SELECT HANDOFF_COLUMNS FROM HANDOFF_FROM` (bigints arrive as text). */
export type HandoffRow = {
  id: string;
  lead_id: string;
  rep_id: string;
  rep_email: string;
  ae_id: string | null;
  ae_email: string | null;
  lead_name: string | null;
  summary: string;
  bant: HandoffBant[];
  next_step: string;
  profile_filled: number;
  profile_total: number;
  created_at: string;
  due_at: string;
  decided_at: string | null;
  decision: 'accepted' | 'rejected' | null;
  reason: string | null;
  missed_at: string | null;
  change_version: string;
};

const statusOf = (row: HandoffRow): HandoffStatus =>
  row.decision ?? (row.ae_id === null ? 'unassigned' : 'open');

/** A row as `ServerHandoff`; `msLeft` is measured from `now` (UTC epoch ms). */
export const toServerHandoff = (row: HandoffRow, now: number): ServerHandoff => {
  const dueAt = Number(row.due_at);
  return {
    id: row.id,
    leadId: row.lead_id,
    leadName: row.lead_name,
    rep: { userId: row.rep_id, email: row.rep_email },
    ae: row.ae_id === null || row.ae_email === null ? null : { userId: row.ae_id, email: row.ae_email },
    summary: row.summary,
    bant: row.bant,
    nextStep: row.next_step,
    profileFilled: row.profile_filled,
    profileTotal: row.profile_total,
    createdAt: Number(row.created_at),
    dueAt,
    msLeft: row.decision === null ? Math.max(0, dueAt - now) : null,
    status: statusOf(row),
    decidedAt: row.decided_at === null ? null : Number(row.decided_at),
    reason: row.reason,
    missed: row.missed_at !== null,
  };
};

/** A row as the `data` of a pulled hand-off change. */
export const toPulledHandoff = (row: HandoffRow): PulledHandoff => ({
  id: row.id,
  leadId: row.lead_id,
  repId: row.rep_id,
  ae: row.ae_email,
  status: statusOf(row),
  dueAt: Number(row.due_at),
  decidedAt: row.decided_at === null ? null : Number(row.decided_at),
  reason: row.reason,
  missed: row.missed_at !== null,
});
