import type { LeadPhone } from '@shared/domain/lead';
import type pg from 'pg';

/**
 * A lead as the server keeps it (migration 3): `fields` in the wire shape of `@shared/domain/lead`
 * (everything but id, ownerId and isDemo) plus `research` and `fit`; `fieldHlcs` maps each field to the
 * HLC of the write that set it. `ownerId` is server-owned (assignment).
 */
export type StoredLead = {
  id: string;
  ownerId: string | null;
  createdBy: string | null;
  fields: Record<string, unknown>;
  fieldHlcs: Record<string, string>;
};

type LeadRowOut = {
  id: string;
  owner_id: string | null;
  created_by: string | null;
  fields: Record<string, unknown>;
  field_hlcs: Record<string, string>;
};

const phonesOf = (fields: Record<string, unknown>): string[] =>
  Array.isArray(fields.phones)
    ? (fields.phones as LeadPhone[]).map((p) => p.e164).filter((e) => typeof e === 'string')
    : [];

/** The folded email a lead is deduped by (trimmed, lower case), or null. */
export const foldEmail = (email: unknown): string | null =>
  typeof email === 'string' && email.trim() !== '' ? email.trim().toLowerCase() : null;

/** The team's lead `id`, locked for this transaction (`FOR UPDATE`), or null when the team has none. */
export const lockLead = async (
  client: pg.PoolClient,
  teamId: string,
  id: string,
): Promise<StoredLead | null> => {
  const { rows } = await client.query<LeadRowOut>(
    'SELECT id, owner_id, created_by, fields, field_hlcs FROM leads WHERE team_id = $1 AND id = $2 FOR UPDATE',
    [teamId, id],
  );
  const row = rows[0];
  return row
    ? {
        id: row.id,
        ownerId: row.owner_id,
        createdBy: row.created_by,
        fields: row.fields,
        fieldHlcs: row.field_hlcs,
      }
    : null;
};

/**
 * The team's leads among `ids`, each locked for this transaction (`FOR UPDATE`, taken in id order so
 * two transactions locking overlapping sets never wait on each other in opposite order), keyed by id as
 * PostgreSQL prints it (lower case). Ids the team does not hold are absent. One statement.
 */
export const lockLeads = async (
  client: pg.PoolClient,
  teamId: string,
  ids: readonly string[],
): Promise<Map<string, StoredLead>> => {
  const found = new Map<string, StoredLead>();
  if (ids.length === 0) return found;
  const { rows } = await client.query<LeadRowOut>(
    `SELECT id, owner_id, created_by, fields, field_hlcs FROM leads
      WHERE team_id = $1 AND id = ANY($2::uuid[]) ORDER BY id FOR UPDATE`,
    [teamId, [...new Set(ids)]],
  );
  for (const row of rows) {
    found.set(row.id, {
      id: row.id,
      ownerId: row.owner_id,
      createdBy: row.created_by,
      fields: row.fields,
      fieldHlcs: row.field_hlcs,
    });
  }
  return found;
};

/** What a lead written again replaces (its creator and first creation time stay). */
const LEAD_UPSERT_SET = `owner_id = excluded.owner_id, status = excluded.status, fields = excluded.fields,
       field_hlcs = excluded.field_hlcs, phones_e164 = excluded.phones_e164, email_folded = excluded.email_folded,
       updated_at = excluded.updated_at, change_version = excluded.change_version`;

/** The columns `saveLead` and `saveLeads` write for a lead at change `version` (`now` in epoch ms). */
const leadColumns = (lead: StoredLead, version: number, now: number) => ({
  id: lead.id,
  owner_id: lead.ownerId,
  created_by: lead.createdBy,
  status: typeof lead.fields.status === 'string' ? lead.fields.status : 'new',
  fields: lead.fields,
  field_hlcs: lead.fieldHlcs,
  phones_e164: phonesOf(lead.fields),
  email_folded: foldEmail(lead.fields.email),
  created_at: typeof lead.fields.createdAt === 'number' ? lead.fields.createdAt : now,
  updated_at: typeof lead.fields.updatedAt === 'number' ? lead.fields.updatedAt : now,
  change_version: version,
});

/**
 * Inserts a lead, or (same team and id) replaces its fields, owner and HLCs, at change `version`. The
 * dedupe columns (`phones_e164`, `email_folded`) and `status` follow `fields`. Times in epoch ms.
 */
export const saveLead = async (
  client: pg.PoolClient,
  teamId: string,
  lead: StoredLead,
  version: number,
  now: number,
): Promise<void> => {
  const row = leadColumns(lead, version, now);
  await client.query(
    `INSERT INTO leads (team_id, id, owner_id, created_by, status, fields, field_hlcs, phones_e164, email_folded,
       created_at, updated_at, change_version)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
     ON CONFLICT (team_id, id) DO UPDATE SET ${LEAD_UPSERT_SET}`,
    [
      teamId,
      row.id,
      row.owner_id,
      row.created_by,
      row.status,
      JSON.stringify(row.fields),
      JSON.stringify(row.field_hlcs),
      row.phones_e164,
      row.email_folded,
      row.created_at,
      row.updated_at,
      row.change_version,
    ],
  );
};

/**
 * `saveLead` for many leads in one statement, each at its own change version: the leads a push's
 * transaction changed, written once each (the last state of a lead changed twice). Ids must be
 * distinct. Throws PostgreSQL's error as it is (a value the columns refuse is SQLSTATE class 22/23).
 */
export const saveLeads = async (
  client: pg.PoolClient,
  teamId: string,
  leads: readonly { lead: StoredLead; version: number; now: number; createdAt?: number }[],
): Promise<void> => {
  if (leads.length === 0) return;
  await client.query(
    `INSERT INTO leads (team_id, id, owner_id, created_by, status, fields, field_hlcs, phones_e164, email_folded,
       created_at, updated_at, change_version)
     SELECT $1, r.id, r.owner_id, r.created_by, r.status, r.fields, r.field_hlcs, r.phones_e164, r.email_folded,
            r.created_at, r.updated_at, r.change_version
       FROM jsonb_to_recordset($2::jsonb) AS r(id uuid, owner_id uuid, created_by uuid, status text,
            fields jsonb, field_hlcs jsonb, phones_e164 text[], email_folded text, created_at bigint,
            updated_at bigint, change_version bigint)
     ON CONFLICT (team_id, id) DO UPDATE SET ${LEAD_UPSERT_SET}`,
    [
      teamId,
      JSON.stringify(
        leads.map(({ lead, version, now, createdAt }) => ({
          ...leadColumns(lead, version, now),
          ...(createdAt === undefined ? {} : { created_at: createdAt }),
        })),
      ),
    ],
  );
};

/**
 * Records that lead `leadId` moved from `fromUserId` to `toUserId` (either null: nobody) at change
 * `version`: the former owner's next pull removes it, the new owner's brings its history (`lead_moves`,
 * migration 4).
 */
export const recordMove = async (
  client: pg.PoolClient,
  teamId: string,
  leadId: string,
  fromUserId: string | null,
  toUserId: string | null,
  version: number,
): Promise<void> => {
  await client.query(
    `INSERT INTO lead_moves (team_id, lead_id, from_user_id, to_user_id, change_version)
     VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
    [teamId, leadId, fromUserId, toUserId, version],
  );
};

/** Inserts an account (team, id) once at change `version`; an id the team holds is left as it is. */
export const insertAccount = async (
  client: pg.PoolClient,
  teamId: string,
  account: { id: string; name: string; nameFolded: string; createdAt: number },
  version: number,
): Promise<void> => {
  await client.query(
    `INSERT INTO accounts (team_id, id, name, name_folded, created_at, change_version)
     VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (team_id, id) DO NOTHING`,
    [teamId, account.id, account.name, account.nameFolded, account.createdAt, version],
  );
};

/**
 * A user of the team by id or (lower-cased) email, with their role and `removedAt` (epoch ms, set when
 * a manager removed them), or null.
 */
export const teamUser = async (
  client: pg.PoolClient | pg.Pool,
  teamId: string,
  idOrEmail: string,
): Promise<{ id: string; email: string; role: string; removedAt: number | null } | null> => {
  const isId = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(idOrEmail);
  const { rows } = await client.query<{ id: string; email: string; role: string; removed_at: string | null }>(
    isId
      ? 'SELECT id, email, role, removed_at FROM users WHERE team_id = $1 AND id = $2'
      : 'SELECT id, email, role, removed_at FROM users WHERE team_id = $1 AND email = lower($2)',
    [teamId, idOrEmail.trim()],
  );
  const row = rows[0];
  return row
    ? {
        id: row.id,
        email: row.email,
        role: row.role,
        removedAt: row.removed_at === null ? null : Number(row.removed_at),
      }
    : null;
};
