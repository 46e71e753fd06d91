import type { Change } from '@shared/sync';
import type pg from 'pg';

/** Who pushed a mutation and how it arrived: the rows written for it carry these. */
export type AppliedBy = {
  teamId: string;
  userId: string;
  role: 'rep' | 'ae' | 'manager';
  mutationId: string;
  hlc: string;
  version: number;
  receivedAt: number;
};

/** An activity row as the server keeps it (see migration 2's `activities`). */
export type ActivityRow = {
  id: string;
  leadId: string;
  kind: string;
  outcome: string | null;
  note: string | null;
  data: unknown;
  occurredAt: number;
};

/** The activity a change carries, or null when it carries none (a lead edit, a task…). */
export const activityOf = (change: Change): ActivityRow | null => {
  switch (change.name) {
    case 'activity.create':
      return {
        id: change.args.id,
        leadId: change.args.leadId,
        kind: change.args.kind,
        outcome: change.args.outcome,
        note: change.args.body,
        data: { ...change.args.data, callId: change.args.callId ?? null },
        occurredAt: change.args.occurredAt,
      };
    case 'lead.changeStatus':
      return {
        id: change.args.activityId,
        leadId: change.args.id,
        kind: 'status_change',
        outcome: null,
        note: change.args.reason,
        data: { statusBefore: change.args.statusBefore, status: change.args.status },
        occurredAt: change.args.updatedAt,
      };
    case 'lead.skip':
      return {
        id: change.args.id,
        leadId: change.args.leadId,
        kind: 'skip',
        outcome: change.args.reason,
        note: change.args.note,
        data: null,
        occurredAt: change.args.occurredAt,
      };
    case 'lead.snooze':
      return {
        id: change.args.id,
        leadId: change.args.leadId,
        kind: 'snooze',
        outcome: change.args.reason,
        note: change.args.note,
        data: { until: change.args.until },
        occurredAt: change.args.occurredAt,
      };
    default:
      return null;
  }
};

/**
 * Writes what one change means for the team's activities, inside the caller's transaction: an
 * activity (`activity.create`, `lead.changeStatus`, `lead.skip`, `lead.snooze`) appended under the id
 * the desktop gave it — once: an id the team holds already is left as it is — or a void
 * (`activity.void`) appended beside the activity it takes back. Returns whether the change had such an
 * effect; every other change is kept only as received in `mutations` (for the slices that apply them).
 */
export const applyActivityChange = async (
  client: pg.PoolClient,
  change: Change,
  by: AppliedBy,
): Promise<boolean> => {
  if (change.name === 'activity.void') {
    await client.query(
      `INSERT INTO activity_voids (team_id, mutation_id, activity_id, lead_id, user_id, kind, reason,
         voided_at, hlc, change_version, received_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT DO NOTHING`,
      [
        by.teamId,
        by.mutationId,
        change.args.id,
        change.args.leadId,
        by.userId,
        change.args.kind,
        change.args.reason,
        change.args.voidedAt,
        by.hlc,
        by.version,
        by.receivedAt,
      ],
    );
    return true;
  }
  const activity = activityOf(change);
  if (activity === null) return false;
  await client.query(
    `INSERT INTO activities (team_id, id, lead_id, user_id, mutation_id, kind, outcome, note, data,
       occurred_at, hlc, change_version, received_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) ON CONFLICT (team_id, id) DO NOTHING`,
    [
      by.teamId,
      activity.id,
      activity.leadId,
      by.userId,
      by.mutationId,
      activity.kind,
      activity.outcome,
      activity.note,
      activity.data === null ? null : JSON.stringify(activity.data),
      activity.occurredAt,
      by.hlc,
      by.version,
      by.receivedAt,
    ],
  );
  return true;
};

/** Whether a change writes to the team's activities (an activity, or a void of one). */
export const touchesActivities = (change: Change): boolean =>
  change.name === 'activity.void' || activityOf(change) !== null;

/**
 * Writes what many changes mean for the team's activities in two statements (activities, then voids),
 * inside the caller's transaction: the same rows `applyActivityChange` writes one at a time, each
 * change with the `AppliedBy` of its mutation. Append-only, as there: an activity id the team holds
 * already is left as it is. Throws PostgreSQL's errors as they are (a value the columns refuse is
 * SQLSTATE class 22 or 23, and rolls the caller's transaction back).
 */
export const applyActivityChanges = async (
  client: pg.PoolClient,
  changes: readonly { change: Change; by: AppliedBy }[],
): Promise<void> => {
  const activities: unknown[] = [];
  const voids: unknown[] = [];
  for (const { change, by } of changes) {
    const common = {
      team_id: by.teamId,
      mutation_id: by.mutationId,
      user_id: by.userId,
      hlc: by.hlc,
      change_version: by.version,
      received_at: by.receivedAt,
    };
    if (change.name === 'activity.void') {
      voids.push({
        ...common,
        activity_id: change.args.id,
        lead_id: change.args.leadId,
        kind: change.args.kind,
        reason: change.args.reason,
        voided_at: change.args.voidedAt,
      });
      continue;
    }
    const activity = activityOf(change);
    if (activity === null) continue;
    activities.push({
      ...common,
      id: activity.id,
      lead_id: activity.leadId,
      kind: activity.kind,
      outcome: activity.outcome,
      note: activity.note,
      data: activity.data,
      occurred_at: activity.occurredAt,
    });
  }
  if (activities.length > 0) {
    await client.query(
      `INSERT INTO activities (team_id, id, lead_id, user_id, mutation_id, kind, outcome, note, data,
         occurred_at, hlc, change_version, received_at)
       SELECT team_id, id, lead_id, user_id, mutation_id, kind, outcome, note, data, occurred_at, hlc,
              change_version, received_at
         FROM jsonb_to_recordset($1::jsonb) AS r(team_id uuid, id uuid, lead_id uuid, user_id uuid,
              mutation_id uuid, kind text, outcome text, note text, data jsonb, occurred_at bigint,
              hlc text, change_version bigint, received_at bigint)
       ON CONFLICT (team_id, id) DO NOTHING`,
      [JSON.stringify(activities)],
    );
  }
  if (voids.length > 0) {
    await client.query(
      `INSERT INTO activity_voids (team_id, mutation_id, activity_id, lead_id, user_id, kind, reason,
         voided_at, hlc, change_version, received_at)
       SELECT team_id, mutation_id, activity_id, lead_id, user_id, kind, reason, voided_at, hlc,
              change_version, received_at
         FROM jsonb_to_recordset($1::jsonb) AS r(team_id uuid, mutation_id uuid, activity_id uuid,
              lead_id uuid, user_id uuid, kind text, reason text, voided_at bigint, hlc text,
              change_version bigint, received_at bigint)
       ON CONFLICT DO NOTHING`,
      [JSON.stringify(voids)],
    );
  }
};
