import type { ReroutedHandoff } from '@shared/api/notices';
import type { HandoffRoute } from '@shared/domain/handoff';
import { HANDOFF_SLA_MS, type PulledHandoff } from '@shared/server/handoffs';
import { newId } from '../ids';
import type { Db } from '../store/db';

/** The history kind that records where the team server routed a hand-off (never pushed: the server's). */
export const HANDOFF_ROUTED_KIND = 'handoff_routed';

/** What a `handoff_routed` activity keeps in `data`: the route, as `HandoffRoute` without `routedAt`. */
type RouteData = Omit<HandoffRoute, 'routedAt'>;

const readRoute = (data: string | null, at: number): HandoffRoute | null => {
  try {
    const parsed = JSON.parse(data ?? 'null') as Partial<RouteData> | null;
    if (typeof parsed?.handoffId !== 'string' || typeof parsed.dueAt !== 'number') return null;
    return {
      handoffId: parsed.handoffId,
      ae: typeof parsed.ae === 'string' ? parsed.ae : null,
      previousAe: typeof parsed.previousAe === 'string' ? parsed.previousAe : null,
      rerouted: parsed.rerouted === true,
      dueAt: parsed.dueAt,
      routedAt: at,
    };
  } catch {
    return null;
  }
};

/**
 * The route this desktop last recorded for hand-off `handoffId` of lead `leadId` (see
 * `recordHandoffRoute`), or null when none was pulled yet.
 */
export const latestHandoffRoute = (db: Db, leadId: string, handoffId: string): HandoffRoute | null => {
  const row = db
    .prepare<[string, string, string], { data: string | null; occurred_at: number }>(
      `SELECT data, occurred_at FROM activities
        WHERE lead_id = ? AND kind = ? AND json_extract(data, '$.handoffId') = ?
        ORDER BY occurred_at DESC, created_at DESC, rowid DESC LIMIT 1`,
    )
    .get(leadId, HANDOFF_ROUTED_KIND, handoffId);
  return row ? readRoute(row.data, row.occurred_at) : null;
};

// Re-routes recorded by a pull, kept per store until the pull's placement announces them (after the
// page's transaction committed). A page applied again after a crash records nothing new.
const unannounced = new WeakMap<Db, ReroutedHandoff[]>();

/**
 * Records on this desktop where the team server routed an undecided hand-off (`handoff`, pulled: open
 * with its AE, or unassigned), as a `handoff_routed` history row of the lead (note: the AE's email;
 * data `{handoffId, ae, previousAe, rerouted, dueAt}`; at `dueAt − 48 h`, when that AE got it), unless
 * the same AE and due time are recorded already. A route after an earlier one with another AE is a
 * re-route (the server re-routes when the AE was removed from the team,
 * `src/server/handoffs/reroute.ts`): it is kept for `takeReroutedHandoffs`. Call inside a write
 * transaction; no outbox row (the server decided it). Returns whether it recorded anything; false
 * too when this store does not hold the lead.
 */
export const recordHandoffRoute = (db: Db, handoff: PulledHandoff, now: number): boolean => {
  const lead = db
    .prepare<[string], { name: string }>('SELECT name FROM leads WHERE id = ?')
    .get(handoff.leadId);
  if (!lead) return false;
  const before = latestHandoffRoute(db, handoff.leadId, handoff.id);
  if (before && before.ae === handoff.ae && before.dueAt === handoff.dueAt) return false;
  const rerouted = before !== null && before.ae !== handoff.ae;
  const data: RouteData = {
    handoffId: handoff.id,
    ae: handoff.ae,
    previousAe: rerouted ? before.ae : null,
    rerouted,
    dueAt: handoff.dueAt,
  };
  const at = Math.min(now, handoff.dueAt - HANDOFF_SLA_MS);
  db.prepare(
    `INSERT INTO activities (id, lead_id, kind, outcome, body, data, occurred_at, created_at)
     VALUES (?, ?, ?, NULL, ?, ?, ?, ?)`,
  ).run(newId(), handoff.leadId, HANDOFF_ROUTED_KIND, handoff.ae, JSON.stringify(data), at, now);
  if (rerouted) {
    const pending = unannounced.get(db) ?? [];
    pending.push({
      handoffId: handoff.id,
      leadId: handoff.leadId,
      leadName: lead.name,
      ae: handoff.ae,
      previousAe: data.previousAe,
      dueAt: handoff.dueAt,
    });
    unannounced.set(db, pending);
  }
  return true;
};

/**
 * The re-routes `recordHandoffRoute` recorded on `db` since the last call whose lead is among
 * `leadIds` (the leads a committed pull page changed), removed from the pending list.
 */
export const takeReroutedHandoffs = (db: Db, leadIds: readonly string[]): ReroutedHandoff[] => {
  const pending = unannounced.get(db) ?? [];
  const leads = new Set(leadIds);
  const taken = pending.filter((handoff) => leads.has(handoff.leadId));
  unannounced.set(
    db,
    pending.filter((handoff) => !leads.has(handoff.leadId)),
  );
  return taken;
};
