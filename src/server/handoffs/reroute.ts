import type pg from 'pg';
import { recordMisses, routeHandoff } from './routing';
import { dueAtOf } from './rules';

/**
 * Re-routes every undecided hand-off of AE `aeId` on team `teamId` (the AE was just removed, inside the
 * caller's transaction, which holds the team's change version `version`; take it before calling, so the
 * team's version row is locked before any hand-off row, as every other writer does). First the misses
 * due at `now` (UTC epoch ms) are recorded, so a window the AE let run out stays counted against them
 * (`recordMisses`); then each hand-off, oldest due first, goes to the next eligible AE round-robin
 * (`routeHandoff` with no suggestion: PLAYBOOK, "Hand-off rules", MQLs go to eligible AEs round-robin)
 * with a fresh 48-hour window from `now` (`due_at = now + 48 h`, `missed_at` cleared: the new AE's SLA
 * clock starts when they get it). No AE eligible: the hand-off waits with no AE (status `unassigned`,
 * which the manager's list and SLA board show), its window also restarted. Every re-routed hand-off
 * carries `version`, so the rep's, the new AE's and the manager's next pull bring it with its new AE
 * and due time. Returns how many hand-offs were re-routed and how many of them found no AE.
 */
export const rerouteHandoffsOf = async (
  client: pg.PoolClient,
  teamId: string,
  aeId: string,
  now: number,
  version: number,
): Promise<{ rerouted: number; unassigned: number }> => {
  await recordMisses(client, teamId, now, version);
  const { rows } = await client.query<{ id: string }>(
    `SELECT id FROM handoffs WHERE team_id = $1 AND ae_id = $2 AND decision IS NULL
      ORDER BY due_at, id FOR UPDATE`,
    [teamId, aeId],
  );
  let unassigned = 0;
  for (const handoff of rows) {
    const next = await routeHandoff(client, teamId, null, now);
    if (next === null) unassigned++;
    await client.query(
      `UPDATE handoffs SET ae_id = $3, due_at = $4, missed_at = NULL, change_version = $5
        WHERE team_id = $1 AND id = $2`,
      [teamId, handoff.id, next, dueAtOf(now), version],
    );
  }
  return { rerouted: rows.length, unassigned };
};
