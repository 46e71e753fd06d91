import type { ChannelResults } from '@shared/server/reports';
import type pg from 'pg';

type ChannelRow = {
  source_channel: string;
  direction: string;
  leads: string;
  dialed: string;
  connects: string;
  mqls: string;
  sqls: string;
  rejected: string;
};

type Figures = Omit<ChannelResults['directions'][number], 'direction'>;

const figuresOf = (
  leads: number,
  dialed: number,
  connects: number,
  mqls: number,
  sqls: number,
  rejected: number,
): Figures => ({
  leads,
  dialed,
  connects,
  mqls,
  sqls,
  rejected,
  acceptanceRate: sqls + rejected > 0 ? Math.round((sqls / (sqls + rejected)) * 10_000) / 10_000 : null,
});

/**
 * Results by source channel and direction for the team's leads created in the `days` days before `at`:
 * per lead, its dials and connects from the per-lead rollup and its hand-offs' outcome (an accepted
 * hand-off makes it an SQL; one only rejected counts as rejected), summed per channel. Channels sorted
 * by leads, most first; `directions` sums them per direction.
 */
export const channelResults = async (
  pool: pg.Pool,
  teamId: string,
  at: number,
  days: number,
): Promise<ChannelResults> => {
  const fromMs = at - days * 86_400_000;
  const { rows } = await pool.query<ChannelRow>(
    `WITH decided AS (
       SELECT lead_id, bool_or(decision = 'accepted') AS accepted, bool_or(decision = 'rejected') AS rejected
         FROM handoffs WHERE team_id = $1 GROUP BY lead_id)
     SELECT coalesce(l.fields->>'sourceChannel', 'other') AS source_channel,
            coalesce(l.fields->>'direction', 'outbound') AS direction,
            count(*) AS leads,
            count(*) FILTER (WHERE t.dials > 0) AS dialed,
            coalesce(sum(t.connects), 0) AS connects,
            count(h.lead_id) AS mqls,
            count(*) FILTER (WHERE h.accepted) AS sqls,
            count(*) FILTER (WHERE h.rejected AND NOT h.accepted) AS rejected
       FROM leads l
       LEFT JOIN report_lead_totals t ON t.team_id = l.team_id AND t.lead_id = l.id
       LEFT JOIN decided h ON h.lead_id = l.id
      WHERE l.team_id = $1 AND l.created_at >= $2 AND l.created_at <= $3
      GROUP BY 1, 2 ORDER BY count(*) DESC, 1, 2`,
    [teamId, fromMs, at],
  );
  const channels = rows.map((row) => ({
    sourceChannel: row.source_channel,
    direction: row.direction,
    ...figuresOf(
      Number(row.leads),
      Number(row.dialed),
      Number(row.connects),
      Number(row.mqls),
      Number(row.sqls),
      Number(row.rejected),
    ),
  }));
  const directions = ['inbound', 'outbound'].map((direction) => {
    const of = channels.filter((c) => c.direction === direction);
    const sum = (key: 'leads' | 'dialed' | 'connects' | 'mqls' | 'sqls' | 'rejected') =>
      of.reduce((total, c) => total + c[key], 0);
    return {
      direction,
      ...figuresOf(sum('leads'), sum('dialed'), sum('connects'), sum('mqls'), sum('sqls'), sum('rejected')),
    };
  });
  return { fromMs, toMs: at, channels, directions };
};
