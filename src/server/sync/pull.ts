import type { TeamRole } from '@shared/server/admin';
import type { PulledChange } from '@shared/sync/pull';
import type pg from 'pg';
import { definitionChanges } from '../definitions/pull';
import { inTransaction } from '../store/teams';
import { handoffChanges } from './handoffs-pull';

/** Who pulls: a user of one team, with the role that decides what they see. */
export type Reader = { teamId: string; userId: string; role: TeamRole };

/**
 * One table's part of the team's change feed: up to `limit` changes with `version > after` that
 * `reader` may see, in version order. Runs inside the pull's snapshot (`client`), so every source sees
 * the same committed state. A new kind of change (hand-offs…) is one more entry in `pullSources`.
 */
export type PullSource = (
  client: pg.PoolClient,
  reader: Reader,
  after: number,
  limit: number,
) => Promise<PulledChange[]>;

/** Reps and AEs see the leads assigned to them; a manager sees every lead of the team. */
const seesAll = (reader: Reader): boolean => reader.role === 'manager';

type LeadRow = {
  id: string;
  owner_id: string | null;
  fields: Record<string, unknown>;
  field_hlcs: Record<string, string>;
  change_version: string;
};

const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** The wire form of a stored lead (`PulledLead`); fields a write never set read as empty. */
const toPulledLead = (row: LeadRow): PulledChange => {
  const f = row.fields;
  return {
    version: Number(row.change_version),
    kind: 'lead',
    data: {
      id: row.id,
      name: str(f.name) ?? '',
      title: str(f.title),
      accountId: str(f.accountId),
      company: str(f.company),
      email: str(f.email),
      phones: Array.isArray(f.phones) ? (f.phones as PulledLeadPhones) : [],
      timeZone: str(f.timeZone),
      country: str(f.country),
      region: str(f.region),
      city: str(f.city),
      sourceChannel: (str(f.sourceChannel) ?? 'other') as PulledLeadData['sourceChannel'],
      sourceDetail: str(f.sourceDetail),
      direction: (str(f.direction) ?? 'outbound') as PulledLeadData['direction'],
      status: (str(f.status) ?? 'new') as PulledLeadData['status'],
      ownerId: row.owner_id,
      isDemo: false,
      createdAt: typeof f.createdAt === 'number' ? f.createdAt : 0,
      updatedAt: typeof f.updatedAt === 'number' ? f.updatedAt : 0,
      research: str(f.research),
      fieldHlcs: row.field_hlcs,
    },
  };
};
type PulledLeadData = Extract<PulledChange, { kind: 'lead' }>['data'];
type PulledLeadPhones = PulledLeadData['phones'];

/** Leads: a rep's or AE's own (by `owner_id`), every lead for a manager. */
const leadSource: PullSource = async (client, reader, after, limit) => {
  const { rows } = await client.query<LeadRow>(
    `SELECT id, owner_id, fields, field_hlcs, change_version FROM leads
      WHERE team_id = $1 AND change_version > $2 AND ($3::boolean OR owner_id = $4)
      ORDER BY change_version, id LIMIT $5`,
    [reader.teamId, after, seesAll(reader), reader.userId, limit],
  );
  return rows.map(toPulledLead);
};

/**
 * Leads that left the reader (`lead_moves` from them): `lead.unassigned`. Managers keep seeing every lead, so
 * they get none. A lead that left and came back is a release followed by the lead at a later version.
 */
const releaseSource: PullSource = async (client, reader, after, limit) => {
  if (seesAll(reader)) return [];
  const { rows } = await client.query<{ lead_id: string; to_user_id: string | null; change_version: string }>(
    `SELECT lead_id, to_user_id, change_version FROM lead_moves
      WHERE team_id = $1 AND from_user_id = $2 AND change_version > $3
      ORDER BY change_version, lead_id LIMIT $4`,
    [reader.teamId, reader.userId, after, limit],
  );
  return rows.map((r) => ({
    version: Number(r.change_version),
    kind: 'lead.unassigned',
    data: { id: r.lead_id, ownerId: r.to_user_id },
  }));
};

/** The team's accounts: shared data, every reader sees them. */
const accountSource: PullSource = async (client, reader, after, limit) => {
  const { rows } = await client.query<{
    id: string;
    name: string;
    created_at: string;
    change_version: string;
  }>(
    `SELECT id, name, created_at, change_version FROM accounts
      WHERE team_id = $1 AND change_version > $2 ORDER BY change_version, id LIMIT $3`,
    [reader.teamId, after, limit],
  );
  return rows.map((r) => ({
    version: Number(r.change_version),
    kind: 'account',
    data: { id: r.id, name: r.name, createdAt: Number(r.created_at) },
  }));
};

type ActivityRow = {
  id: string;
  lead_id: string;
  user_id: string;
  kind: string;
  outcome: string | null;
  note: string | null;
  data: unknown;
  occurred_at: string;
  change_version: string;
};

const ACTIVITY_COLUMNS = 'a.id, a.lead_id, a.user_id, a.kind, a.outcome, a.note, a.data, a.occurred_at';

const toActivity = (r: ActivityRow): PulledChange => ({
  version: Number(r.change_version),
  kind: 'activity',
  data: {
    id: r.id,
    leadId: r.lead_id,
    userId: r.user_id,
    kind: r.kind,
    outcome: r.outcome,
    note: r.note,
    data: r.data,
    occurredAt: Number(r.occurred_at),
  },
});

type VoidRow = {
  activity_id: string;
  lead_id: string;
  kind: string;
  reason: string | null;
  voided_at: string;
  change_version: string;
};

const VOID_COLUMNS = 'v.activity_id, v.lead_id, v.kind, v.reason, v.voided_at';

const toVoid = (r: VoidRow): PulledChange => ({
  version: Number(r.change_version),
  kind: 'activity.void',
  data: {
    activityId: r.activity_id,
    leadId: r.lead_id,
    kind: r.kind,
    reason: r.reason,
    voidedAt: Number(r.voided_at),
  },
});

/** Activities on the reader's leads (every activity of the team for a manager). */
const activitySource: PullSource = async (client, reader, after, limit) => {
  const { rows } = await client.query<ActivityRow>(
    `SELECT ${ACTIVITY_COLUMNS}, a.change_version FROM activities a
      WHERE a.team_id = $1 AND a.change_version > $2
        AND ($3::boolean OR EXISTS (SELECT 1 FROM leads l WHERE l.team_id = a.team_id AND l.id = a.lead_id AND l.owner_id = $4))
      ORDER BY a.change_version, a.id LIMIT $5`,
    [reader.teamId, after, seesAll(reader), reader.userId, limit],
  );
  return rows.map(toActivity);
};

/** Voids of activities on the reader's leads (all of the team's for a manager). */
const voidSource: PullSource = async (client, reader, after, limit) => {
  const { rows } = await client.query<VoidRow>(
    `SELECT ${VOID_COLUMNS}, v.change_version FROM activity_voids v
      WHERE v.team_id = $1 AND v.change_version > $2
        AND ($3::boolean OR EXISTS (SELECT 1 FROM leads l WHERE l.team_id = v.team_id AND l.id = v.lead_id AND l.owner_id = $4))
      ORDER BY v.change_version, v.activity_id LIMIT $5`,
    [reader.teamId, after, seesAll(reader), reader.userId, limit],
  );
  return rows.map(toVoid);
};

/**
 * Reassigned leads come with their history: for a lead the reader owns and that moved to them once
 * (`lead_moves`), its activities written before the lead's current version are sent again at that
 * version, right after the lead itself (same version, a later source). A lead the reader received
 * reaches their desktop with its calls; sent again when the lead changes, which the desktop ignores
 * (activities are stored once by id). Managers see every activity anyway.
 */
const movedHistorySource: PullSource = async (client, reader, after, limit) => {
  if (seesAll(reader)) return [];
  const { rows } = await client.query<ActivityRow>(
    `SELECT ${ACTIVITY_COLUMNS}, l.change_version FROM leads l
       JOIN activities a ON a.team_id = l.team_id AND a.lead_id = l.id AND a.change_version < l.change_version
      WHERE l.team_id = $1 AND l.owner_id = $2 AND l.change_version > $3
        AND EXISTS (SELECT 1 FROM lead_moves m WHERE m.team_id = l.team_id AND m.lead_id = l.id AND m.to_user_id = $2)
      ORDER BY l.change_version, a.id LIMIT $4`,
    [reader.teamId, reader.userId, after, limit],
  );
  return rows.map(toActivity);
};

/** The voids of a reassigned lead's history, as `movedHistorySource` sends its activities. */
const movedVoidSource: PullSource = async (client, reader, after, limit) => {
  if (seesAll(reader)) return [];
  const { rows } = await client.query<VoidRow>(
    `SELECT ${VOID_COLUMNS}, l.change_version FROM leads l
       JOIN activity_voids v ON v.team_id = l.team_id AND v.lead_id = l.id AND v.change_version < l.change_version
      WHERE l.team_id = $1 AND l.owner_id = $2 AND l.change_version > $3
        AND EXISTS (SELECT 1 FROM lead_moves m WHERE m.team_id = l.team_id AND m.lead_id = l.id AND m.to_user_id = $2)
      ORDER BY l.change_version, v.activity_id LIMIT $4`,
    [reader.teamId, reader.userId, after, limit],
  );
  return rows.map(toVoid);
};

/**
 * Every source of the change feed, in the order changes of one version are applied: accounts before
 * leads, a lead before its history, activities before their voids.
 */
export const pullSources: PullSource[] = [
  accountSource,
  leadSource,
  releaseSource,
  movedHistorySource,
  activitySource,
  movedVoidSource,
  voidSource,
  // Hand-offs and the AE's decisions on them (handoffs-pull.ts).
  handoffChanges,
  // The team's scripts, cadences, outcome set and do-not-contact list (definitions/pull.ts).
  definitionChanges,
];

/** What one pull answers: the changes, the cursor to send next, and whether more wait. */
export type PullPage = { changes: PulledChange[]; nextCursor: number; hasMore: boolean };

/** Above this many rows in one version (a huge import batch) a page may grow past its limit to hold it. */
const ONE_VERSION_CEILING = 1_000_000;

/**
 * Reads up to `limit` changes after `cursor` that `reader` may see, from every source in
 * `pullSources`, in one REPEATABLE READ snapshot. Versions are handed out under the team's
 * `team_versions` row lock, held until commit (`nextVersion`), so every version at or below the highest
 * one a snapshot sees was committed before it (or rolled back and never used): reading
 * `change_version > cursor` skips nothing. A page never ends inside a version (the rows one transaction
 * wrote stay together), and when nothing more waits `nextCursor` is the snapshot's team version, so a
 * reader who sees none of the newest changes does not read them again.
 */
export const pullChanges = (
  pool: pg.Pool,
  reader: Reader,
  cursor: number,
  limit: number,
): Promise<PullPage> =>
  inTransaction(pool, async (client) => {
    await client.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const { rows } = await client.query<{ version: string }>(
      'SELECT version FROM team_versions WHERE team_id = $1',
      [reader.teamId],
    );
    const head = Number(rows[0]?.version ?? 0);
    const read = async (after: number, max: number) => {
      // One connection runs one query at a time: the sources are read in turn, never at once.
      const parts: PulledChange[][] = [];
      for (const source of pullSources) parts.push(await source(client, reader, after, max));
      const full = parts.some((part) => part.length >= max);
      const merged = parts
        .flatMap((part, index) => part.map((change) => ({ change, index })))
        .sort((a, b) => a.change.version - b.change.version || a.index - b.index)
        .map((entry) => entry.change);
      return { merged, full };
    };
    const { merged, full } = await read(cursor, limit);
    if (!full && merged.length <= limit) {
      return { changes: merged, nextCursor: Math.max(cursor, head), hasMore: false };
    }
    // More wait: end the page before the last version it reached, which may be cut.
    const lastVersion = (merged[Math.min(limit, merged.length) - 1] as PulledChange).version;
    const whole = merged.filter((change) => change.version < lastVersion);
    if (whole.length > 0) {
      return { changes: whole, nextCursor: (whole.at(-1) as PulledChange).version, hasMore: true };
    }
    // One version alone fills the page: answer that version whole.
    const { merged: single } = await read(lastVersion - 1, ONE_VERSION_CEILING);
    const changes = single.filter((change) => change.version === lastVersion);
    return { changes, nextCursor: lastVersion, hasMore: true };
  });
