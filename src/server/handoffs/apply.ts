import type { Change } from '@shared/sync';
import type pg from 'pg';
import type { AppliedBy } from '../sync/activities';
import { recordMisses, routeHandoff } from './routing';
import { dueAtOf } from './rules';

/**
 * Applies a pushed `handoff.create` inside the push's transaction: records the MQL under the id the
 * desktop gave it, with the pusher as its rep, routes it to an AE (`routeHandoff`, after recording the
 * misses due, so an AE who just lost eligibility is skipped) and starts the 48-hour window from when
 * the server received it (`due_at`, PLAYBOOK "Hand-off rules"). No AE eligible: it is kept with no AE
 * (status `unassigned`, which a manager's list shows). A hand-off id the team holds already is left as
 * it is. Returns whether `change` was a hand-off (every other change is someone else's).
 */
export const applyHandoffChange = async (
  client: pg.PoolClient,
  change: Change,
  by: AppliedBy,
): Promise<boolean> => {
  if (change.name !== 'handoff.create') return false;
  const handoff = change.args;
  const { rows } = await client.query('SELECT 1 FROM handoffs WHERE team_id = $1 AND id = $2', [
    by.teamId,
    handoff.id,
  ]);
  if (rows.length > 0) return true;
  await recordMisses(client, by.teamId, by.receivedAt, by.version);
  const aeId = await routeHandoff(client, by.teamId, handoff.suggestedAe, by.receivedAt);
  await client.query(
    `INSERT INTO handoffs (team_id, id, lead_id, rep_id, ae_id, suggested_ae, summary, bant, next_step,
       profile_filled, profile_total, status_before, created_at, received_at, due_at, change_version)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
     ON CONFLICT (team_id, id) DO NOTHING`,
    [
      by.teamId,
      handoff.id,
      handoff.leadId,
      by.userId,
      aeId,
      handoff.suggestedAe,
      handoff.summary,
      JSON.stringify(handoff.bant),
      handoff.nextStep,
      handoff.profileFilled,
      handoff.profileTotal,
      handoff.statusBefore,
      handoff.createdAt,
      by.receivedAt,
      dueAtOf(by.receivedAt),
      by.version,
    ],
  );
  return true;
};
