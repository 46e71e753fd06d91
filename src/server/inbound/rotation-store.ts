import type { RotationMember, TeamRotationOutput } from '@shared/server/shifts';
import type pg from 'pg';
import { ServerError } from '../errors';
import { inTransaction } from '../store/teams';
import { memberOf, removedError } from '../store/users';
import { nextVersion } from '../sync/versions';
import { listShifts } from './shifts-store';

/** `invalid_input` for a member who is not a rep: only reps are routed, so only they take turns. */
const notARep = (email: string, role: string): ServerError =>
  new ServerError(
    'invalid_input',
    `${email} is ${role === 'ae' ? 'an AE' : 'a manager'}; only reps take inbound and round-robin leads, so only reps are in rotation.`,
  );

/**
 * The team's reps (removed ones left out) in round-robin order (user id), each with `inRotation` and
 * their shift as `listShifts` reports it at `now` (UTC epoch ms), and how many in rotation are on shift.
 */
export const listRotation = async (
  pool: pg.Pool,
  teamId: string,
  now: number,
): Promise<TeamRotationOutput> => {
  const { rows } = await pool.query<{ id: string; email: string; in_rotation: boolean }>(
    `SELECT id, email, in_rotation FROM users
      WHERE team_id = $1 AND role = 'rep' AND removed_at IS NULL ORDER BY id`,
    [teamId],
  );
  const shifts = new Map((await listShifts(pool, teamId, now)).map((shift) => [shift.userId, shift]));
  const members: RotationMember[] = rows.map((row) => ({
    userId: row.id,
    email: row.email,
    inRotation: row.in_rotation,
    shift: shifts.get(row.id) ?? null,
  }));
  const onShiftNow = members.filter((m) => m.inRotation && m.shift?.onShift === true).length;
  return { members, onShiftNow };
};

/**
 * Puts the team's rep `user` (id or email) in or out of round-robin. Their leads and shift stay; an
 * inbound lead or a round-robin import after this commit skips them while out. Returns the member as
 * `listRotation` reports them. The change takes the team's next change version (`nextVersion`), so its
 * commit is announced on the live channel (`GET /v1/events`). Errors: `not_found` (no such member), `user_removed`, `invalid_input`
 * (not a rep).
 */
export const setInRotation = async (
  pool: pg.Pool,
  teamId: string,
  user: string,
  inRotation: boolean,
  now: number,
): Promise<RotationMember> => {
  const member = await inTransaction(pool, async (client) => {
    // The team's version row first, as every writer takes it, then the member's row; its commit is
    // announced on the live channel so another manager's Rotation page refreshes.
    await nextVersion(client, teamId);
    const found = await memberOf(client, teamId, user, true);
    if (found.removedAt !== null) throw removedError(found);
    if (found.role !== 'rep') throw notARep(found.email, found.role);
    await client.query('UPDATE users SET in_rotation = $2 WHERE id = $1', [found.id, inRotation]);
    return found;
  });
  const shift = (await listShifts(pool, teamId, now)).find((s) => s.userId === member.id) ?? null;
  return { userId: member.id, email: member.email, inRotation, shift };
};
