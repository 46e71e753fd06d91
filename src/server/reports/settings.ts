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
 * Takes the team's `team_versions` row (every writer of activities and hand-offs holds it until it
 * commits, `nextVersion`) for the rest of the caller's transaction, and returns the team's change
 * version: every activity up to it is committed, every later one will be written after this commits.
 */
const lockTeam = async (client: pg.PoolClient, teamId: string): Promise<number> => {
  const { rows } = await client.query<{ version: string }>(
    `INSERT INTO team_versions (team_id, version) VALUES ($1, 0)
     ON CONFLICT (team_id) DO UPDATE SET version = team_versions.version RETURNING version`,
    [teamId],
  );
  return Number(rows[0]?.version ?? 0);
};

/**
 * Saves the team's time zone and/or targets at `now` (UTC epoch ms) and returns the settings as they
 * now stand. A new time zone moves every day boundary, so the team's days are counted again in it,
 * without stopping the team's syncs for the seconds that takes over millions of activities:
 * 1. briefly holding the team's lock: the new zone becomes `pending_zone`, so the triggers count every
 *    later activity, void and hand-off in both zones, and the team's change version V is noted;
 * 2. unlocked: the activities up to V are added to the new zone's days (`report_count_days`);
 * 3. briefly locked again: the hand-offs are counted in the new zone (few rows), and it becomes the
 *    team's zone; the old zone's days are dropped. If another save moved the team meanwhile, that
 *    save completes the move instead.
 */
export const saveReportSettings = async (
  pool: pg.Pool,
  teamId: string,
  input: ReportSettingsInput,
  now: number,
): Promise<ReportSettings> => {
  const move = await inTransaction(pool, async (client) => {
    const version = await lockTeam(client, teamId);
    const before = await readReportSettings(client, teamId);
    const timeZone = input.timeZone ?? before.timeZone;
    const moving = timeZone !== before.timeZone;
    await client.query(
      `INSERT INTO report_settings (team_id, time_zone, targets, updated_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (team_id) DO UPDATE SET targets = excluded.targets, updated_at = excluded.updated_at`,
      [teamId, before.timeZone, JSON.stringify(input.targets ?? before.targets), now],
    );
    // Naming a zone (the team's own or a new one) ends a move another save began; only targets leave it.
    if (input.timeZone !== undefined) {
      await client.query(
        'UPDATE report_settings SET pending_zone = $2, pending_version = $3 WHERE team_id = $1',
        [teamId, moving ? timeZone : null, moving ? version : null],
      );
      // Days of a move that did not complete are counted again from scratch.
      await client.query('DELETE FROM report_rep_days WHERE team_id = $1 AND zone <> $2', [
        teamId,
        before.timeZone,
      ]);
    }
    return moving ? { timeZone, version } : null;
  });
  if (move !== null) {
    await pool.query('SELECT report_count_days($1, $2, $3)', [teamId, move.timeZone, move.version]);
    await inTransaction(pool, async (client) => {
      await lockTeam(client, teamId);
      const { rows } = await client.query(
        'SELECT 1 FROM report_settings WHERE team_id = $1 AND pending_zone = $2 AND pending_version = $3',
        [teamId, move.timeZone, move.version],
      );
      if (rows.length === 0) return;
      await client.query('SELECT report_count_mqls($1, $2)', [teamId, move.timeZone]);
      await client.query(
        `UPDATE report_settings SET time_zone = pending_zone, pending_zone = NULL, pending_version = NULL
          WHERE team_id = $1`,
        [teamId],
      );
      await client.query('DELETE FROM report_rep_days WHERE team_id = $1 AND zone <> $2', [
        teamId,
        move.timeZone,
      ]);
    });
  }
  return readReportSettings(pool, teamId);
};
