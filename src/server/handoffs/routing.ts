import { HANDOFF_MISSES_PER_MONTH } from '@shared/server/handoffs';
import type pg from 'pg';
import { monthOf, nextInRotation, oneMonthAfter, type RotationAe } from './rules';

/**
 * Records every miss that is due for `teamId` at `now`, inside the caller's transaction (PLAYBOOK,
 * "Hand-off rules": an AE must act on a hand-off within 48 hours; one who misses the window twice loses
 * eligibility for one month). A miss is an assigned hand-off still undecided at its `due_at`: the
 * hand-off gets `missed_at = due_at` and `change_version = version`, a `handoff_misses` row counts it in
 * the calendar month (UTC) of `due_at`, and an AE whose misses in that month reach
 * `HANDOFF_MISSES_PER_MONTH` (2) is out of rotation until one calendar month after the miss that made
 * it two. Rows are locked as they are marked, so two processes sweeping at once count each miss once.
 * Returns how many misses were recorded now.
 */
export const recordMisses = async (
  client: pg.PoolClient,
  teamId: string,
  now: number,
  version: number,
): Promise<number> => {
  const { rows } = await client.query<{ id: string; ae_id: string; due_at: string }>(
    `UPDATE handoffs SET missed_at = due_at, change_version = $3
      WHERE team_id = $1 AND decision IS NULL AND missed_at IS NULL AND ae_id IS NOT NULL AND due_at <= $2
      RETURNING id, ae_id, due_at`,
    [teamId, now, version],
  );
  for (const miss of rows) {
    const at = Number(miss.due_at);
    await client.query(
      `INSERT INTO handoff_misses (team_id, handoff_id, ae_id, missed_at, month)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
      [teamId, miss.id, miss.ae_id, at, monthOf(at)],
    );
  }
  for (const aeId of new Set(rows.map((r) => r.ae_id))) {
    for (const month of new Set(rows.filter((r) => r.ae_id === aeId).map((r) => monthOf(Number(r.due_at))))) {
      // The miss that made it two (or more) this month starts the month out of rotation.
      const { rows: counted } = await client.query<{ missed_at: string }>(
        `SELECT missed_at FROM handoff_misses WHERE team_id = $1 AND ae_id = $2 AND month = $3
          ORDER BY missed_at, handoff_id`,
        [teamId, aeId, month],
      );
      const nth = counted[HANDOFF_MISSES_PER_MONTH - 1];
      if (nth === undefined) continue;
      const since = Number(nth.missed_at);
      await client.query(
        `INSERT INTO ae_eligibility (team_id, ae_id, out_until, since) VALUES ($1, $2, $3, $4)
         ON CONFLICT (team_id, ae_id) DO UPDATE SET out_until = excluded.out_until, since = excluded.since
           WHERE ae_eligibility.out_until < excluded.out_until`,
        [teamId, aeId, oneMonthAfter(since), since],
      );
    }
  }
  return rows.length;
};

/** Whether any of the team's hand-offs has a miss waiting to be recorded at `now` (a cheap read). */
export const missesDue = async (
  client: pg.Pool | pg.PoolClient,
  teamId: string,
  now: number,
): Promise<boolean> => {
  const { rows } = await client.query(
    `SELECT 1 FROM handoffs WHERE team_id = $1 AND decision IS NULL AND missed_at IS NULL
       AND ae_id IS NOT NULL AND due_at <= $2 LIMIT 1`,
    [teamId, now],
  );
  return rows.length > 0;
};

/**
 * Picks the AE for a new hand-off inside the caller's transaction, after `recordMisses`: the AE the
 * rep suggested (`suggested`, matched to an AE's email, case-insensitive) when that AE is eligible —
 * the rotation does not move then — else the next eligible AE round-robin (`nextInRotation`: by when
 * they joined the team), and that pick is kept in `handoff_rotation` (the team's row is locked first).
 * Eligible: an AE of the team not out of rotation at `now` (`ae_eligibility.out_until`). Returns the
 * AE's user id, or null when no AE is eligible.
 */
export const routeHandoff = async (
  client: pg.PoolClient,
  teamId: string,
  suggested: string | null,
  now: number,
): Promise<string | null> => {
  const { rows } = await client.query<{ id: string; email: string; created_at: string }>(
    `SELECT u.id, u.email, u.created_at FROM users u
       LEFT JOIN ae_eligibility e ON e.team_id = u.team_id AND e.ae_id = u.id
      WHERE u.team_id = $1 AND u.role = 'ae' AND u.removed_at IS NULL AND (e.out_until IS NULL OR e.out_until <= $2)
      ORDER BY u.created_at, u.id`,
    [teamId, now],
  );
  const wanted = suggested?.trim().toLowerCase();
  const named = wanted ? rows.find((r) => r.email === wanted) : undefined;
  if (named) return named.id;
  await client.query('INSERT INTO handoff_rotation (team_id) VALUES ($1) ON CONFLICT DO NOTHING', [teamId]);
  const { rows: pointer } = await client.query<{ id: string | null; created_at: string | null }>(
    `SELECT r.last_ae_id AS id, u.created_at FROM handoff_rotation r LEFT JOIN users u ON u.id = r.last_ae_id
      WHERE r.team_id = $1 FOR UPDATE OF r`,
    [teamId],
  );
  const lastRow = pointer[0];
  const last: RotationAe | null =
    lastRow?.id && lastRow.created_at !== null
      ? { id: lastRow.id, createdAt: Number(lastRow.created_at) }
      : null;
  const pick = nextInRotation(
    rows.map((r) => ({ id: r.id, createdAt: Number(r.created_at) })),
    last,
  );
  if (pick === null) return null;
  await client.query('UPDATE handoff_rotation SET last_ae_id = $2 WHERE team_id = $1', [teamId, pick.id]);
  return pick.id;
};
