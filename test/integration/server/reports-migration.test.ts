import pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, describe, expect, it } from 'vitest';
import { migrate } from '../../../src/server/db/migrate';
import { serverMigrations } from '../../../src/server/db/migrations';
import { saveReportSettings } from '../../../src/server/reports/settings';
import { dropDatabases, externalDatabase, freshDatabase } from './server-process';

// Debian's PostgreSQL (TEST_DATABASE_URL, set by .ci/run); skipped without it outside CI.
const adminUrl = externalDatabase();

afterAll(async () => {
  await dropDatabases();
});

describe.skipIf(adminUrl === null)('server schema 9 (reports) over a database with activities', () => {
  it('counts the activities and hand-offs a server already held, and recounts the days when the zone changes', async () => {
    const pool = new pg.Pool({ connectionString: await freshDatabase(adminUrl ?? ''), max: 2 });
    try {
      await migrate(
        pool,
        serverMigrations.filter((m) => m.version <= 7),
      );
      const team = uuidv7();
      const rep = uuidv7();
      const lead = uuidv7();
      await pool.query("INSERT INTO teams VALUES ($1, 'Before reports', 'secret', 0)", [team]);
      await pool.query("INSERT INTO users VALUES ($1, $2, 'rep@before.example', 'rep', 0)", [rep, team]);
      const activity = async (kind: string, outcome: string, at: string, data: unknown) => {
        const id = uuidv7();
        await pool.query(
          `INSERT INTO activities (team_id, id, lead_id, user_id, mutation_id, kind, outcome, data, occurred_at,
             hlc, change_version, received_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'h', 1, 0)`,
          [team, id, lead, rep, uuidv7(), kind, outcome, data, Date.parse(at)],
        );
        return id;
      };
      // 23:30 on the 10th in UTC is 08:30 on the 11th in Seoul.
      await activity('call', 'meeting_booked', '2026-03-10T23:30:00Z', { durationSeconds: 240 });
      await activity('call', 'gatekeeper', '2026-03-10T12:00:00Z', { durationSeconds: 30 });
      await activity('email', 'done', '2026-03-10T13:00:00Z', { taskId: uuidv7() });
      const voided = await activity('call', 'qualified', '2026-03-10T14:00:00Z', { durationSeconds: 99 });
      await pool.query(
        `INSERT INTO activity_voids (team_id, mutation_id, activity_id, lead_id, user_id, kind, reason, voided_at,
           hlc, change_version, received_at) VALUES ($1, $2, $3, $4, $5, 'undo', NULL, 0, 'h', 2, 0)`,
        [team, uuidv7(), voided, lead, rep],
      );
      await pool.query(
        `INSERT INTO handoffs (team_id, id, lead_id, rep_id, summary, bant, next_step, profile_filled, profile_total,
           status_before, created_at, received_at, due_at, change_version)
         VALUES ($1, $2, $3, $4, 'Ready', '[]', 'Demo', 10, 15, 'working', $5, $5, $5, 3)`,
        [team, uuidv7(), lead, rep, Date.parse('2026-03-10T23:45:00Z')],
      );

      // The versions above were handed out by the team's sequence (nextVersion).
      await pool.query('INSERT INTO team_versions (team_id, version) VALUES ($1, 3)', [team]);

      expect(await migrate(pool)).toEqual(
        serverMigrations.filter((m) => m.version > 7).map((m) => m.version),
      );
      const days = async () =>
        (
          await pool.query(
            `SELECT to_char(day, 'YYYY-MM-DD') AS day, dials, connects, conversations, emails, talk_seconds::int, mqls
               FROM report_rep_days WHERE team_id = $1 ORDER BY day`,
            [team],
          )
        ).rows;
      expect(await days()).toEqual([
        { day: '2026-03-10', dials: 2, connects: 2, conversations: 1, emails: 1, talk_seconds: 270, mqls: 1 },
      ]);
      expect(
        (
          await pool.query(
            'SELECT dials, connects, conversations FROM report_lead_totals WHERE lead_id = $1',
            [lead],
          )
        ).rows,
      ).toEqual([{ dials: 2, connects: 2, conversations: 1 }]);

      await saveReportSettings(pool, team, { timeZone: 'Asia/Seoul' }, Date.now());
      expect(await days()).toEqual([
        { day: '2026-03-10', dials: 1, connects: 1, conversations: 0, emails: 1, talk_seconds: 30, mqls: 0 },
        { day: '2026-03-11', dials: 1, connects: 1, conversations: 1, emails: 0, talk_seconds: 240, mqls: 1 },
      ]);
      expect(
        (await pool.query('SELECT DISTINCT zone FROM report_rep_days WHERE team_id = $1', [team])).rows,
      ).toEqual([{ zone: 'Asia/Seoul' }]);

      // A move under way: writes after its version count in both zones, the past is counted up to it,
      // and the moved-to zone's days then equal a count of everything from scratch.
      await pool.query(
        "UPDATE report_settings SET pending_zone = 'Europe/Berlin', pending_version = 5 WHERE team_id = $1",
        [team],
      );
      const call = await activity('call', 'callback', '2026-03-10T23:10:00Z', { durationSeconds: 50 });
      await pool.query('UPDATE activities SET change_version = 6 WHERE id = $1', [call]);
      const gatekeeper = (
        await pool.query("SELECT id FROM activities WHERE outcome = 'gatekeeper' AND team_id = $1", [team])
      ).rows[0]?.id as string;
      await pool.query(
        `INSERT INTO activity_voids (team_id, mutation_id, activity_id, lead_id, user_id, kind, reason, voided_at,
           hlc, change_version, received_at) VALUES ($1, $2, $3, $4, $5, 'void', NULL, 0, 'h', 7, 0)`,
        [team, uuidv7(), gatekeeper, lead, rep],
      );
      await pool.query("SELECT report_count_days($1, 'Europe/Berlin', 5)", [team]);
      const zoneDays = async (zone: string) =>
        (
          await pool.query(
            `SELECT to_char(day, 'YYYY-MM-DD') AS day, user_id, dials, connects, conversations, voicemails, emails,
                    talk_seconds::int, talk_calls FROM report_rep_days WHERE team_id = $1 AND zone = $2 ORDER BY day`,
            [team, zone],
          )
        ).rows;
      const moved = await zoneDays('Europe/Berlin');
      await pool.query("DELETE FROM report_rep_days WHERE team_id = $1 AND zone = 'Europe/Berlin'", [team]);
      await pool.query("SELECT report_count_days($1, 'Europe/Berlin', 9223372036854775807)", [team]);
      expect(moved).toEqual(await zoneDays('Europe/Berlin'));
      expect(moved).toEqual([
        // The voided gatekeeper call is gone; Berlin (UTC+1) puts both late calls on the 11th.
        expect.objectContaining({ day: '2026-03-10', dials: 0, connects: 0, emails: 1, talk_seconds: 0 }),
        expect.objectContaining({
          day: '2026-03-11',
          dials: 2,
          connects: 2,
          conversations: 2,
          talk_seconds: 290,
        }),
      ]);
    } finally {
      await pool.end();
    }
  });
});
