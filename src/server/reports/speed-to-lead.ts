import { SPEED_TO_LEAD_BUCKET_MINUTES, type SpeedToLead } from '@shared/server/reports';
import type pg from 'pg';

type ArrivalRow = {
  lead_id: string;
  lead_name: string | null;
  source_channel: string;
  owner_id: string | null;
  owner_email: string | null;
  received_at: string;
  first_call_at: string | null;
};

const MINUTE = 60_000;

/** The nearest-rank percentile `q` (0–1) of ascending `sorted`, or null when it is empty. */
export const nearestRank = (sorted: readonly number[], q: number): number | null =>
  sorted.length === 0 ? null : (sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)] ?? null);

/**
 * Speed to lead at `at` for inbound leads that first arrived (`inbound_leads`, not a returning lead)
 * in the `days` days before `at` (epoch ms): each one's first call (an activity of kind `call`, any
 * provider, not voided, at or after the arrival and at or before `at`; kept per arrival as calls and
 * voids arrive in `report_arrivals`, migration 12, so this reads one range of its index), the
 * nearest-rank p50/p90/p95 of the time to it, the histogram over `SPEED_TO_LEAD_BUCKET_MINUTES`, and
 * the leads still waiting with how long. Newest arrival first.
 */
export const speedToLead = async (
  pool: pg.Pool,
  teamId: string,
  at: number,
  days: number,
): Promise<SpeedToLead> => {
  const fromMs = at - days * 86_400_000;
  const { rows } = await pool.query<ArrivalRow>(
    `SELECT r.lead_id, l.fields->>'name' AS lead_name, r.source_channel, l.owner_id, u.email AS owner_email,
            r.received_at, CASE WHEN r.first_call_at <= $3 THEN r.first_call_at END AS first_call_at
       FROM report_arrivals r
       LEFT JOIN leads l ON l.team_id = r.team_id AND l.id = r.lead_id
       LEFT JOIN users u ON u.id = l.owner_id
      WHERE r.team_id = $1 AND r.received_at >= $2 AND r.received_at <= $3
      ORDER BY r.received_at DESC, r.lead_id`,
    [teamId, fromMs, at],
  );
  const leads = rows.map((row) => {
    const arrivedAt = Number(row.received_at);
    const firstCallAt = row.first_call_at === null ? null : Number(row.first_call_at);
    return {
      leadId: row.lead_id,
      leadName: row.lead_name,
      sourceChannel: row.source_channel,
      owner:
        row.owner_id === null || row.owner_email === null
          ? null
          : { userId: row.owner_id, email: row.owner_email },
      arrivedAt,
      firstCallAt,
      msToFirstCall: firstCallAt === null ? null : firstCallAt - arrivedAt,
      waitingMs: firstCallAt === null ? at - arrivedAt : null,
    };
  });
  const times = leads
    .flatMap((lead) => (lead.msToFirstCall === null ? [] : [lead.msToFirstCall]))
    .sort((a, b) => a - b);
  const bounds = [0, ...SPEED_TO_LEAD_BUCKET_MINUTES];
  const buckets = bounds.map((fromMinutes, i) => {
    const toMinutes = SPEED_TO_LEAD_BUCKET_MINUTES[i] ?? null;
    const count = times.filter(
      (ms) => ms >= fromMinutes * MINUTE && (toMinutes === null || ms < toMinutes * MINUTE),
    ).length;
    return { fromMinutes, toMinutes, count };
  });
  return {
    at,
    fromMs,
    arrived: leads.length,
    called: times.length,
    waiting: leads.length - times.length,
    percentiles: {
      p50: nearestRank(times, 0.5),
      p90: nearestRank(times, 0.9),
      p95: nearestRank(times, 0.95),
    },
    buckets,
    leads,
  };
};
