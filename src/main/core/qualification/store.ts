import type { Handoff, HandoffBant } from '@shared/domain/handoff';
import type { LeadStatus } from '@shared/domain/lead';
import type { BantAnswer, BantCriterion } from '@shared/domain/qualification';
import type { Db } from '../store/db';

type BantRow = { criterion: BantCriterion; confirmed: 0 | 1; note: string; updated_at: number };
type HandoffRow = {
  id: string;
  lead_id: string;
  summary: string;
  bant: string;
  next_step: string;
  suggested_ae: string | null;
  profile_filled: number;
  profile_total: number;
  status_before: LeadStatus;
  created_at: number;
};

const toHandoff = (row: HandoffRow): Handoff => ({
  id: row.id,
  leadId: row.lead_id,
  summary: row.summary,
  bant: JSON.parse(row.bant) as HandoffBant[],
  nextStep: row.next_step,
  suggestedAe: row.suggested_ae,
  profileFilled: row.profile_filled,
  profileTotal: row.profile_total,
  statusBefore: row.status_before,
  createdAt: row.created_at,
});

export type QualificationStore = ReturnType<typeof createQualificationStore>;

/** The rows of `lead_bant`, `lead_profile_checks` and `handoffs` (migration 007). No outbox here. */
export const createQualificationStore = (db: Db) => {
  const bantOf = db.prepare<[string], BantRow>(
    'SELECT criterion, confirmed, note, updated_at FROM lead_bant WHERE lead_id = ?',
  );
  const putBant = db.prepare(`INSERT INTO lead_bant (lead_id, criterion, confirmed, note, updated_at)
    VALUES (?, ?, ?, ?, ?) ON CONFLICT(lead_id, criterion) DO UPDATE SET
    confirmed = excluded.confirmed, note = excluded.note, updated_at = excluded.updated_at`);
  const checksOf = db
    .prepare<[string], string>('SELECT item_id FROM lead_profile_checks WHERE lead_id = ? AND checked = 1')
    .pluck();
  const putCheck = db.prepare(`INSERT INTO lead_profile_checks (lead_id, item_id, checked, updated_at)
    VALUES (?, ?, ?, ?) ON CONFLICT(lead_id, item_id) DO UPDATE SET
    checked = excluded.checked, updated_at = excluded.updated_at`);
  const latest = db.prepare<[string], HandoffRow>(
    'SELECT * FROM handoffs WHERE lead_id = ? ORDER BY created_at DESC, id DESC LIMIT 1',
  );
  const insertHandoff = db.prepare(`INSERT INTO handoffs (id, lead_id, summary, bant, next_step, suggested_ae,
    profile_filled, profile_total, status_before, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);

  return {
    /** The criteria the rep answered for the lead (unanswered ones are absent). */
    bant: (leadId: string): BantAnswer[] =>
      bantOf.all(leadId).map((row) => ({
        criterion: row.criterion,
        confirmed: row.confirmed === 1,
        note: row.note,
        updatedAt: row.updated_at,
      })),
    putBant(
      leadId: string,
      answer: { criterion: BantCriterion; confirmed: boolean; note: string },
      at: number,
    ) {
      putBant.run(leadId, answer.criterion, answer.confirmed ? 1 : 0, answer.note, at);
    },
    /** Item ids the rep ticked by hand for the lead. */
    checkedByHand: (leadId: string): Set<string> => new Set(checksOf.all(leadId)),
    putCheck(leadId: string, itemId: string, checked: boolean, at: number) {
      putCheck.run(leadId, itemId, checked ? 1 : 0, at);
    },
    latestHandoff(leadId: string): Handoff | null {
      const row = latest.get(leadId);
      return row ? toHandoff(row) : null;
    },
    insertHandoff(handoff: Handoff) {
      insertHandoff.run(
        handoff.id,
        handoff.leadId,
        handoff.summary,
        JSON.stringify(handoff.bant),
        handoff.nextStep,
        handoff.suggestedAe,
        handoff.profileFilled,
        handoff.profileTotal,
        handoff.statusBefore,
        handoff.createdAt,
      );
    },
  };
};
