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
 * Results by source channel and direction for the team's leads created in the `days` days before `at`
 * (epoch ms): per lead, its dials and connects and its hand-offs' outcome (an accepted hand-off makes it
 * an SQL; one only rejected counts as rejected), summed per channel from the per-lead rollup
 * `report_lead_results` (migration 12), one range of its `(team_id, created_at)` index. Channels sorted
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
    `SELECT source_channel, direction, count(*) AS leads,
            count(*) FILTER (WHERE dials > 0) AS dialed,
            coalesce(sum(connects), 0) AS connects,
            count(*) FILTER (WHERE handoffs > 0) AS mqls,
            count(*) FILTER (WHERE accepted > 0) AS sqls,
            count(*) FILTER (WHERE rejected > 0 AND accepted = 0) AS rejected
       FROM report_lead_results
      WHERE team_id = $1 AND created_at >= $2 AND created_at <= $3
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
