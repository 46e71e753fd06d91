import { formatHlc } from '@shared/hlc';
import type { TeamRole } from '@shared/server/admin';
import type { HandoffListQuery, ServerHandoff } from '@shared/server/handoffs';
import type pg from 'pg';
import { ServerError } from '../errors';
import { inTransaction } from '../store/teams';
import { nextVersion } from '../sync/versions';
import { missesDue, recordMisses } from './routing';
import { HANDOFF_COLUMNS, HANDOFF_FROM, type HandoffRow, toServerHandoff } from './rows';

/** A team member reading or deciding hand-offs. */
export type HandoffReader = { teamId: string; userId: string; role: TeamRole };

/**
 * The SQL condition (on `h`, parameters from `$first`) for the hand-offs `reader` may see: an AE only
 * those routed to them, a rep their own (read-only), a manager every one of the team.
 */
export const visibleTo = (reader: HandoffReader, first: number): { sql: string; params: unknown[] } => {
  if (reader.role === 'manager') return { sql: `h.team_id = $${first}`, params: [reader.teamId] };
  const column = reader.role === 'ae' ? 'h.ae_id' : 'h.rep_id';
  return {
    sql: `h.team_id = $${first} AND ${column} = $${first + 1}`,
    params: [reader.teamId, reader.userId],
  };
};

/** Records the team's misses due at `now` in a transaction of their own, when there are any. */
export const sweepMisses = async (pool: pg.Pool, teamId: string, now: number): Promise<void> => {
  if (!(await missesDue(pool, teamId, now))) return;
  await inTransaction(pool, async (client) => {
    await recordMisses(client, teamId, now, await nextVersion(client, teamId));
  });
};

const STATUS_FILTER: Record<HandoffListQuery['status'], string> = {
  open: 'h.decision IS NULL',
  accepted: "h.decision = 'accepted'",
  rejected: "h.decision = 'rejected'",
  all: 'true',
};

/**
 * The hand-offs `reader` may see (`visibleTo`) with `status` (`open` includes unassigned ones), oldest
 * due first, after recording the misses due at `now` (UTC epoch ms) so `missed` and the AEs' rotation
 * are current.
 */
export const listHandoffs = async (
  pool: pg.Pool,
  reader: HandoffReader,
  status: HandoffListQuery['status'],
  now: number,
): Promise<ServerHandoff[]> => {
  await sweepMisses(pool, reader.teamId, now);
  const visible = visibleTo(reader, 1);
  const { rows } = await pool.query<HandoffRow>(
    `SELECT ${HANDOFF_COLUMNS} FROM ${HANDOFF_FROM}
      WHERE ${visible.sql} AND ${STATUS_FILTER[status]} ORDER BY h.due_at, h.id`,
    visible.params,
  );
  return rows.map((row) => toServerHandoff(row, now));
};

/** An AE's answer to a hand-off: accept (the lead becomes an SQL) or reject with a reason (nurture). */
export type HandoffDecision = { decision: 'accepted' } | { decision: 'rejected'; reason: string };

/**
 * The HLC the server stamps its own decision with, so a lead's status merges with reps' edits by the
 * same last-writer-wins rule; its node id (all `f`) sorts last, so the server's decision wins a tie.
 */
const serverHlc = (now: number): string => formatHlc({ wall: now, counter: 0 }, 'ffffffffffffffff');

/**
 * Records `ae`'s decision on hand-off `id` of their team at `now`, in one transaction with one change
 * version (PLAYBOOK, "The funnel": an accepted MQL is an SQL; a rejected one goes back to the nurture
 * pool, owned by the SDR again, never lost): the hand-off's decision, time and reason, and — when the
 * server holds the lead — its server-owned status `sql`, or `nurture` with `owner_id` the rep, stamped
 * with the server's HLC. A decision after the 48-hour window is still taken (the miss stays counted).
 * Throws `not_found` (no such hand-off on the team), `handoff_not_yours` (routed to another AE or to
 * none), `handoff_already_decided` (a decision is final), `handoff_reason_required` (a rejection
 * without a reason). Returns the hand-off as it now stands.
 */
export const decideHandoff = async (
  pool: pg.Pool,
  ae: HandoffReader,
  id: string,
  decision: HandoffDecision,
  now: number,
): Promise<ServerHandoff> => {
  if (decision.decision === 'rejected' && decision.reason.trim() === '') {
    throw new ServerError(
      'handoff_reason_required',
      'Say why you reject this hand-off (--reason "…"): the rep reads it to nurture the lead.',
    );
  }
  const row = await inTransaction(pool, async (client) => {
    const version = await nextVersion(client, ae.teamId);
    await recordMisses(client, ae.teamId, now, version);
    const { rows } = await client.query<{
      ae_id: string | null;
      rep_id: string;
      lead_id: string;
      decision: string | null;
    }>('SELECT ae_id, rep_id, lead_id, decision FROM handoffs WHERE team_id = $1 AND id = $2 FOR UPDATE', [
      ae.teamId,
      id,
    ]);
    const handoff = rows[0];
    if (!handoff) {
      throw new ServerError(
        'not_found',
        `Your team has no hand-off ${id}. List yours with dialdeck handoffs.`,
      );
    }
    if (handoff.ae_id !== ae.userId) {
      throw new ServerError(
        'handoff_not_yours',
        'This hand-off was routed to another AE (or to none yet); only the AE it was routed to decides it.',
      );
    }
    if (handoff.decision !== null) {
      throw new ServerError(
        'handoff_already_decided',
        `This hand-off was ${handoff.decision} already; a decision is final. Ask the rep to hand the lead off again.`,
      );
    }
    const reason = decision.decision === 'rejected' ? decision.reason.trim() : null;
    await client.query(
      `UPDATE handoffs SET decision = $3, decided_at = $4, decided_by = $5, reason = $6, change_version = $7
        WHERE team_id = $1 AND id = $2`,
      [ae.teamId, id, decision.decision, now, ae.userId, reason, version],
    );
    const status = decision.decision === 'accepted' ? 'sql' : 'nurture';
    await client.query(
      `UPDATE leads SET status = $3,
              fields = jsonb_set(fields, '{status}', to_jsonb($3::text)),
              field_hlcs = jsonb_set(field_hlcs, '{status}', to_jsonb($4::text)),
              owner_id = CASE WHEN $3 = 'nurture' THEN $5::uuid ELSE owner_id END,
              updated_at = $6, change_version = $7
        WHERE team_id = $1 AND id = $2`,
      [ae.teamId, handoff.lead_id, status, serverHlc(now), handoff.rep_id, now, version],
    );
    const { rows: read } = await client.query<HandoffRow>(
      `SELECT ${HANDOFF_COLUMNS} FROM ${HANDOFF_FROM} WHERE h.team_id = $1 AND h.id = $2`,
      [ae.teamId, id],
    );
    return read[0];
  });
  if (!row) throw new ServerError('not_found', `Your team has no hand-off ${id}.`);
  return toServerHandoff(row, now);
};
