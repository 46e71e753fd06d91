import {
  DEFAULT_REPORT_TARGETS,
  DEFAULT_REPORT_TIME_ZONE,
  type ReportSettings,
  type ReportSettingsInput,
  ReportTargets,
} from '@shared/server/reports';
import type pg from 'pg';
import { inTransaction } from '../store/teams';

type SettingsRow = { time_zone: string; targets: unknown; updated_at: string };

/**
 * The team's report settings: its time zone and targets as a manager saved them, or
 * `DEFAULT_REPORT_TIME_ZONE` and `DEFAULT_REPORT_TARGETS` (with `updatedAt` null) before that.
 */
export const readReportSettings = async (
  client: pg.Pool | pg.PoolClient,
  teamId: string,
): Promise<ReportSettings> => {
  const { rows } = await client.query<SettingsRow>(
    'SELECT time_zone, targets, updated_at FROM report_settings WHERE team_id = $1',
    [teamId],
  );
  const row = rows[0];
  if (!row) return { timeZone: DEFAULT_REPORT_TIME_ZONE, targets: DEFAULT_REPORT_TARGETS, updatedAt: null };
  const targets = ReportTargets.safeParse(row.targets);
  return {
    timeZone: row.time_zone,
    targets: targets.success ? targets.data : DEFAULT_REPORT_TARGETS,
    updatedAt: Number(row.updated_at),
  };
};

/**
 * Saves the team's time zone and/or targets at `now` (UTC epoch ms) and returns the settings as they
 * now stand. A new time zone moves every day boundary, so the team's per-rep-day rollup is recounted
 * from its activities in the same transaction, holding the team's `team_versions` row so no activity
 * arrives while it is recounted (a push waits for it, then counts on the new days).
 */
export const saveReportSettings = (
  pool: pg.Pool,
  teamId: string,
  input: ReportSettingsInput,
  now: number,
): Promise<ReportSettings> =>
  inTransaction(pool, async (client) => {
    await client.query(
      `INSERT INTO team_versions (team_id, version) VALUES ($1, 0)
       ON CONFLICT (team_id) DO UPDATE SET version = team_versions.version`,
      [teamId],
    );
    const before = await readReportSettings(client, teamId);
    const timeZone = input.timeZone ?? before.timeZone;
    const targets = input.targets ?? before.targets;
    await client.query(
      `INSERT INTO report_settings (team_id, time_zone, targets, updated_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (team_id) DO UPDATE SET time_zone = excluded.time_zone, targets = excluded.targets,
         updated_at = excluded.updated_at`,
      [teamId, timeZone, JSON.stringify(targets), now],
    );
    if (timeZone !== before.timeZone) await client.query('SELECT report_rebuild_rep_days($1)', [teamId]);
    return { timeZone, targets, updatedAt: now };
  });
