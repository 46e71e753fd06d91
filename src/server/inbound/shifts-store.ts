import type { SetShiftInput, TeamShift, Weekday } from '@shared/server/shifts';
import type pg from 'pg';
import { ServerError } from '../errors';
import { inTransaction } from '../store/teams';
import { nextVersion } from '../sync/versions';
import { isOnShift, nextShiftStart } from './shift-clock';

type ShiftRow = {
  user_id: string;
  email: string;
  days: Weekday[];
  start_time: string;
  end_time: string;
  time_zone: string;
};

const toShift = (row: ShiftRow, now: number): TeamShift => {
  const times = { days: row.days, from: row.start_time, to: row.end_time, timeZone: row.time_zone };
  const onShift = isOnShift(times, now);
  return {
    userId: row.user_id,
    email: row.email,
    ...times,
    onShift,
    nextStartAt: onShift ? null : nextShiftStart(times, now),
  };
};

/**
 * Sets (replaces) the shift of the team's rep with `input.email`. Throws `not_found` when the team
 * has no user with that email, `invalid_input` when the user is not a rep (only reps take inbound
 * leads). Returns the shift as `listShifts` reports it at `now` (UTC epoch ms). The change takes the
 * team's next change version (`nextVersion`), announced on the live channel at commit.
 */
export const setShift = (
  pool: pg.Pool,
  teamId: string,
  input: SetShiftInput,
  now: number,
): Promise<TeamShift> =>
  inTransaction(pool, async (client) => {
    const { rows } = await client.query<{ id: string; role: string }>(
      'SELECT id, role FROM users WHERE team_id = $1 AND email = $2 AND removed_at IS NULL',
      [teamId, input.email],
    );
    const user = rows[0];
    if (!user) {
      throw new ServerError(
        'not_found',
        `There is no user ${input.email} on this team. Add them to the team as a rep first (console: Members, or dialdeck admin user add), then give them a shift.`,
      );
    }
    if (user.role !== 'rep') {
      throw new ServerError(
        'invalid_input',
        `${input.email} is ${user.role === 'ae' ? 'an AE' : 'a manager'}; only reps take inbound leads, so only reps have shifts.`,
      );
    }
    // Announced like every team change, so another manager's Rotation page refreshes live.
    await nextVersion(client, teamId);
    await client.query(
      `INSERT INTO shifts (team_id, user_id, days, start_time, end_time, time_zone, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (team_id, user_id) DO UPDATE SET days = $3, start_time = $4, end_time = $5,
         time_zone = $6, updated_at = $7`,
      [teamId, user.id, input.days, input.from, input.to, input.timeZone, now],
    );
    return toShift(
      {
        user_id: user.id,
        email: input.email,
        days: input.days,
        start_time: input.from,
        end_time: input.to,
        time_zone: input.timeZone,
      },
      now,
    );
  });

/**
 * The team's shifts in round-robin order (user id), each with whether it is on now (epoch ms). A
 * removed user's shift is left out: they take no lead and are no longer on the team.
 */
export const listShifts = async (pool: pg.Pool, teamId: string, now: number): Promise<TeamShift[]> => {
  const { rows } = await pool.query<ShiftRow>(
    `SELECT s.user_id, u.email, s.days, s.start_time, s.end_time, s.time_zone
       FROM shifts s JOIN users u ON u.id = s.user_id
      WHERE s.team_id = $1 AND u.removed_at IS NULL ORDER BY s.user_id`,
    [teamId],
  );
  return rows.map((row) => toShift(row, now));
};

/**
 * Removes the shift of the team's member `userId` (a rep then takes no inbound lead until a shift is
 * set again; their leads stay), announced on the live channel at commit (`nextVersion`). Errors: `not_found` when the team has no such member or they have no shift.
 */
export const removeShift = (pool: pg.Pool, teamId: string, userId: string): Promise<void> =>
  inTransaction(pool, async (client) => {
    await nextVersion(client, teamId);
    const { rowCount } = await client.query('DELETE FROM shifts WHERE team_id = $1 AND user_id = $2', [
      teamId,
      userId,
    ]);
    if (rowCount === 0) {
      throw new ServerError(
        'not_found',
        `This team's member ${userId} has no shift to remove. Reload the shifts to see who has one.`,
      );
    }
  });
