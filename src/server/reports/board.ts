import {
  REPORT_WORKDAYS_PER_WEEK,
  type ReportTargets,
  type TeamBoard,
  type Trend,
} from '@shared/server/reports';
import type pg from 'pg';
import { addSums, type FigureSums, figuresOf, NO_FIGURES, SUMS_SQL, type SumsRow, sumsOf } from './figures';
import { addDays, dayOf, daysBetween, todayAndWeek } from './periods';
import { readReportSettings } from './settings';

const weekTargets = (day: ReportTargets): ReportTargets => {
  const times = (value: number | null) => (value === null ? null : value * REPORT_WORKDAYS_PER_WEEK);
  return {
    dials: times(day.dials),
    connects: times(day.connects),
    conversations: times(day.conversations),
    talkSeconds: times(day.talkSeconds),
    talkShare: day.talkShare,
    voicemails: times(day.voicemails),
    emails: times(day.emails),
    mqls: times(day.mqls),
  };
};

/**
 * The team board at `at` (UTC epoch ms): for every rep of the team (and anyone else who logged
 * activities this week), today's and this week's figures in the team's time zone, from the per-rep-day
 * rollup (at most 7 rows a rep), with the team's targets. Reps sorted by email.
 */
export const teamBoard = async (pool: pg.Pool, teamId: string, at: number): Promise<TeamBoard> => {
  const settings = await readReportSettings(pool, teamId);
  const { today, week } = todayAndWeek(at, settings.timeZone);
  const { rows } = await pool.query<SumsRow & { user_id: string; email: string; is_today: boolean }>(
    `SELECT u.id AS user_id, u.email, (d.day = $3::date) AS is_today, ${SUMS_SQL}
       FROM users u
       LEFT JOIN report_rep_days d ON d.team_id = u.team_id AND d.zone = $4 AND d.user_id = u.id
        AND d.day BETWEEN $2::date AND $3::date
      WHERE u.team_id = $1
      GROUP BY u.id, u.email, (d.day = $3::date)
     HAVING bool_or(u.role = 'rep') OR count(d.day) > 0`,
    [teamId, week.from, today.from, settings.timeZone],
  );
  const reps = new Map<string, { email: string; today: FigureSums; week: FigureSums }>();
  for (const row of rows) {
    const rep = reps.get(row.user_id) ?? { email: row.email, today: NO_FIGURES, week: NO_FIGURES };
    const sums = sumsOf(row);
    if (row.is_today) rep.today = addSums(rep.today, sums);
    rep.week = addSums(rep.week, sums);
    reps.set(row.user_id, rep);
  }
  const sorted = [...reps.entries()].sort(([, a], [, b]) => a.email.localeCompare(b.email));
  const teamToday = sorted.reduce((sum, [, rep]) => addSums(sum, rep.today), NO_FIGURES);
  const teamWeek = sorted.reduce((sum, [, rep]) => addSums(sum, rep.week), NO_FIGURES);
  return {
    at,
    timeZone: settings.timeZone,
    today,
    week,
    targets: { day: settings.targets, week: weekTargets(settings.targets) },
    reps: sorted.map(([userId, rep]) => ({
      userId,
      email: rep.email,
      today: figuresOf(rep.today),
      week: figuresOf(rep.week),
    })),
    team: { today: figuresOf(teamToday), week: figuresOf(teamWeek) },
  };
};

/**
 * The daily trend for the `days` days up to the day of `at` (team time zone): the team's figures, or
 * one user's (`userId`), every day listed with zeros where nothing happened. One grouped read of the
 * rollup (at most days × reps rows).
 */
export const trend = async (
  pool: pg.Pool,
  teamId: string,
  at: number,
  days: number,
  userId: string | null,
): Promise<Trend> => {
  const settings = await readReportSettings(pool, teamId);
  const to = dayOf(at, settings.timeZone);
  const from = addDays(to, -(days - 1));
  const { rows } = await pool.query<SumsRow & { day: string }>(
    `SELECT to_char(d.day, 'YYYY-MM-DD') AS day, ${SUMS_SQL} FROM report_rep_days d
      WHERE d.team_id = $1 AND d.zone = $5 AND d.day BETWEEN $2::date AND $3::date
        AND ($4::uuid IS NULL OR d.user_id = $4)
      GROUP BY d.day`,
    [teamId, from, to, userId, settings.timeZone],
  );
  const byDay = new Map(rows.map((row) => [row.day, row]));
  return {
    timeZone: settings.timeZone,
    userId,
    from,
    to,
    days: daysBetween(from, to).map((date) => ({
      date,
      ...figuresOf(sumsOf(byDay.get(date))),
    })),
  };
};
