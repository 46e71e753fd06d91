import type { ConsoleAeRecord, ConsoleLeadActivity } from '@shared/server/console';
import { HANDOFF_MISSES_PER_MONTH } from '@shared/server/handoffs';
import type pg from 'pg';
import { ServerError } from '../errors';
import { monthOf } from '../handoffs/rules';
import type { HandoffReader } from '../handoffs/store';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * An AE's own record for the console inbox: open, accepted and rejected hand-offs routed to them, the
 * median response time (reached the server → decided) over the last 90 days, the 48-hour windows
 * missed this calendar month (UTC) against the allowance (PLAYBOOK: two misses take an AE out of
 * rotation for a month) and, when out of rotation, until when. One aggregate query per figure.
 */
export const aeRecord = async (
  pool: pg.Pool,
  reader: HandoffReader,
  now: number,
): Promise<ConsoleAeRecord> => {
  const [counts, misses, eligibility] = await Promise.all([
    pool.query<{ open: string; accepted: string; rejected: string; median: string | null }>(
      `SELECT count(*) FILTER (WHERE decision IS NULL) AS open,
              count(*) FILTER (WHERE decision = 'accepted') AS accepted,
              count(*) FILTER (WHERE decision = 'rejected') AS rejected,
              percentile_disc(0.5) WITHIN GROUP (ORDER BY decided_at - received_at)
                FILTER (WHERE decided_at IS NOT NULL AND decided_at >= $3) AS median
         FROM handoffs WHERE team_id = $1 AND ae_id = $2`,
      [reader.teamId, reader.userId, now - 90 * DAY_MS],
    ),
    pool.query<{ n: string }>(
      'SELECT count(*) AS n FROM handoff_misses WHERE team_id = $1 AND ae_id = $2 AND month = $3',
      [reader.teamId, reader.userId, monthOf(now)],
    ),
    pool.query<{ out_until: string }>(
      'SELECT out_until FROM ae_eligibility WHERE team_id = $1 AND ae_id = $2 AND out_until > $3',
      [reader.teamId, reader.userId, now],
    ),
  ]);
  const row = counts.rows[0];
  return {
    open: Number(row?.open ?? 0),
    accepted: Number(row?.accepted ?? 0),
    rejected: Number(row?.rejected ?? 0),
    medianResponseMs: row?.median == null ? null : Number(row.median),
    missesThisMonth: Number(misses.rows[0]?.n ?? 0),
    missesAllowed: HANDOFF_MISSES_PER_MONTH,
    outUntil: eligibility.rows[0] ? Number(eligibility.rows[0].out_until) : null,
  };
};

/**
 * The history of a handed-off lead as the server holds it: its activities, newest first (at most
 * 100), with the rep who logged each. An AE reads only hand-offs routed to them, a manager the team's;
 * any other hand-off (another AE's, another team's, unknown) is `not_found`.
 */
export const handoffHistory = async (
  pool: pg.Pool,
  reader: HandoffReader,
  handoffId: string,
): Promise<ConsoleLeadActivity[]> => {
  const { rows: found } = await pool.query<{ lead_id: string }>(
    `SELECT lead_id FROM handoffs
      WHERE team_id = $1 AND id = $2 AND ($3 = 'manager' OR ae_id = $4 OR rep_id = $4)`,
    [reader.teamId, handoffId, reader.role, reader.userId],
  );
  const leadId = found[0]?.lead_id;
  if (!leadId) throw new ServerError('not_found', 'There is no such hand-off of yours. Reload the inbox.');
  const { rows } = await pool.query<{
    id: string;
    kind: string;
    outcome: string | null;
    note: string | null;
    occurred_at: string;
    email: string;
  }>(
    `SELECT a.id, a.kind, a.outcome, a.note, a.occurred_at, u.email
       FROM activities a JOIN users u ON u.id = a.user_id
      WHERE a.team_id = $1 AND a.lead_id = $2
        AND NOT EXISTS (SELECT 1 FROM activity_voids v WHERE v.team_id = a.team_id AND v.activity_id = a.id)
      ORDER BY a.occurred_at DESC, a.id DESC LIMIT 100`,
    [reader.teamId, leadId],
  );
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    outcome: r.outcome,
    note: r.note,
    occurredAt: Number(r.occurred_at),
    rep: r.email,
  }));
};
