import type { SlaBoard } from '@shared/server/reports';
import type pg from 'pg';
import { monthOf } from '../handoffs/rules';
import { sweepMisses } from '../handoffs/store';

type OpenRow = {
  id: string;
  lead_id: string;
  lead_name: string | null;
  ae_id: string | null;
  rep_id: string;
  rep_email: string;
  created_at: string;
  due_at: string;
  missed_at: string | null;
};

type AeRow = {
  id: string;
  email: string;
  out_until: string | null;
  misses_month: string;
  misses_total: string;
};

/**
 * The SLA board at `now` (UTC epoch ms), after recording the misses due by then (as the hand-off list
 * does, so `missed` and the rotation are current): every AE of the team (by email) with their
 * undecided hand-offs (due first), their misses in the current UTC month and in all, and
 * `ae_eligibility.out_until` while it is still ahead; and the undecided hand-offs no AE took.
 */
export const slaBoard = async (pool: pg.Pool, teamId: string, now: number): Promise<SlaBoard> => {
  await sweepMisses(pool, teamId, now);
  const { rows: aes } = await pool.query<AeRow>(
    `SELECT u.id, u.email, e.out_until,
            (SELECT count(*) FROM handoff_misses m WHERE m.team_id = u.team_id AND m.ae_id = u.id AND m.month = $2) AS misses_month,
            (SELECT count(*) FROM handoff_misses m WHERE m.team_id = u.team_id AND m.ae_id = u.id) AS misses_total
       FROM users u LEFT JOIN ae_eligibility e ON e.team_id = u.team_id AND e.ae_id = u.id
      WHERE u.team_id = $1 AND u.role = 'ae' ORDER BY u.email`,
    [teamId, monthOf(now)],
  );
  const { rows: open } = await pool.query<OpenRow>(
    `SELECT h.id, h.lead_id, l.fields->>'name' AS lead_name, h.ae_id, h.rep_id, r.email AS rep_email,
            h.created_at, h.due_at, h.missed_at
       FROM handoffs h JOIN users r ON r.id = h.rep_id
       LEFT JOIN leads l ON l.team_id = h.team_id AND l.id = h.lead_id
      WHERE h.team_id = $1 AND h.decision IS NULL ORDER BY h.due_at, h.id`,
    [teamId],
  );
  const toItem = (row: OpenRow) => ({
    handoffId: row.id,
    leadId: row.lead_id,
    leadName: row.lead_name,
    rep: { userId: row.rep_id, email: row.rep_email },
    createdAt: Number(row.created_at),
    dueAt: Number(row.due_at),
    msLeft: Math.max(0, Number(row.due_at) - now),
    missed: row.missed_at !== null,
  });
  return {
    at: now,
    aes: aes.map((ae) => {
      const outUntil = ae.out_until === null ? null : Number(ae.out_until);
      return {
        userId: ae.id,
        email: ae.email,
        open: open.filter((row) => row.ae_id === ae.id).map(toItem),
        missesThisMonth: Number(ae.misses_month),
        missesTotal: Number(ae.misses_total),
        outUntil: outUntil !== null && outUntil > now ? outUntil : null,
      };
    }),
    unassigned: open.filter((row) => row.ae_id === null).map(toItem),
  };
};
