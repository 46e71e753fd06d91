import type { BulkAssignOutput, TeamLead, TeamLeadsOutput } from '@shared/server/leads';
import type pg from 'pg';
import { ServerError } from '../errors';
import { nextVersion } from '../sync/versions';
import { lockLeads, saveLeads, teamUser } from './leads';
import { inTransaction } from './teams';
import { removedError } from './users';

type TeamLeadRow = {
  id: string;
  fields: Record<string, unknown>;
  status: string;
  owner_id: string | null;
  owner_email: string | null;
  updated_at: string;
};

const textOf = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** Which of a team's leads a manager's list shows (see `TeamLeadsQuery`); ids already resolved. */
export type TeamLeadFilter = {
  /** A member's user id, `null` for unassigned leads only, `undefined` for every owner. */
  ownerId?: string | null;
  status?: string;
  /** Words, each of which must appear in the name, company, email or a phone number. */
  words?: readonly string[];
  page?: { limit: number; offset: number };
};

/** `%`, `_` and `\` taken literally inside a LIKE pattern. */
const literal = (word: string): string => word.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The words of a search as the list matches them: split on spaces, at most 8 kept. */
export const searchWords = (q: string | undefined): string[] =>
  (q ?? '')
    .split(/\s+/)
    .filter((word) => word !== '')
    .slice(0, 8);

/**
 * The leads of team `teamId` matching `filter`, oldest first, each with its owner's id and email (null:
 * unassigned). `phone` is the lead's first number (E.164), the one dialled first. With `filter.page`
 * (`limit` and `offset`), one page and `total`, every match (counted in a statement of its own).
 */
export const listTeamLeads = async (
  pool: pg.Pool,
  teamId: string,
  filter: TeamLeadFilter = {},
): Promise<TeamLeadsOutput> => {
  const params: unknown[] = [teamId];
  const where = ['l.team_id = $1'];
  if (filter.ownerId === null) where.push('l.owner_id IS NULL');
  else if (filter.ownerId !== undefined) {
    params.push(filter.ownerId);
    where.push(`l.owner_id = $${params.length}::uuid`);
  }
  if (filter.status !== undefined) {
    params.push(filter.status);
    where.push(`l.status = $${params.length}`);
  }
  // The expression the trigram index of server schema 13 covers (name, company, email, numbers).
  const searched = 'dialdeck_lead_search_text(l.fields, l.email_folded, l.phones_e164)';
  for (const word of filter.words ?? []) {
    params.push(`%${literal(word.toLowerCase())}%`);
    const text = `$${params.length}`;
    // A number matches by its digits, so "(312) 555" finds +1312555….
    const digits = word.replace(/\D/g, '');
    if (digits.length >= 3 && digits !== word) {
      params.push(`%${digits}%`);
      where.push(`(${searched} LIKE ${text} OR ${searched} LIKE $${params.length})`);
    } else where.push(`${searched} LIKE ${text}`);
  }
  const from = `FROM leads l WHERE ${where.join(' AND ')}`;
  // The page and the count are two statements: a window count would read every matching row's fields.
  const paged = filter.page
    ? {
        sql: `LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
        params: [filter.page.limit, filter.page.offset],
      }
    : { sql: '', params: [] };
  const [{ rows }, counted] = await Promise.all([
    pool.query<TeamLeadRow>(
      `SELECT l.id, l.fields, l.status, l.owner_id, u.email AS owner_email, l.updated_at
         FROM (SELECT l.* ${from} ORDER BY l.created_at, l.id ${paged.sql}) l
         LEFT JOIN users u ON u.id = l.owner_id
        ORDER BY l.created_at, l.id`,
      [...params, ...paged.params],
    ),
    filter.page ? pool.query<{ total: string }>(`SELECT count(*) AS total ${from}`, params) : null,
  ]);
  const leads: TeamLead[] = rows.map((row) => {
    const phones = Array.isArray(row.fields.phones) ? (row.fields.phones as { e164?: unknown }[]) : [];
    return {
      leadId: row.id,
      name: textOf(row.fields.name) ?? '',
      company: textOf(row.fields.company),
      status: row.status,
      phone: textOf(phones[0]?.e164),
      ownerId: row.owner_id,
      ownerEmail: row.owner_email,
      updatedAt: Number(row.updated_at),
    };
  });
  return counted === null ? { leads } : { leads, total: Number(counted.rows[0]?.total ?? 0) };
};

/**
 * Moves every lead in `leadIds` of team `teamId` to the member with email `to` (null: nobody) in one
 * transaction at one change version: each lead reaches its new owner's next pull and its former
 * owner's pull gets `lead.unassigned` (`lead_moves`), as `assignLead` does for one. Leads already
 * with that owner are answered unchanged. Throws `not_found` (a lead the team does not hold, naming
 * it; or no such user), `user_removed`; then no lead moves.
 */
export const assignLeads = (
  pool: pg.Pool,
  teamId: string,
  leadIds: readonly string[],
  to: string | null,
  now: number,
): Promise<BulkAssignOutput> =>
  inTransaction(pool, async (client) => {
    const version = await nextVersion(client, teamId);
    const user = to === null ? null : await teamUser(client, teamId, to);
    if (to !== null && user === null) {
      throw new ServerError(
        'not_found',
        `Nobody on this team has the email ${to}. Check it, or add the user first.`,
      );
    }
    if (user?.removedAt != null) throw removedError(user);
    const ownerId = user?.id ?? null;
    const held = await lockLeads(client, teamId, leadIds);
    const missing = leadIds.find((id) => !held.has(id));
    if (missing !== undefined) {
      throw new ServerError(
        'not_found',
        `This team has no lead ${missing}. Reload the list (it may have been removed) and choose again.`,
      );
    }
    const assigned: BulkAssignOutput['assigned'] = [];
    const moved: { leadId: string; from: string | null }[] = [];
    for (const leadId of leadIds) {
      const lead = held.get(leadId);
      if (!lead) continue;
      assigned.push({ leadId, from: lead.ownerId, to: ownerId });
      if (lead.ownerId !== ownerId) moved.push({ leadId, from: lead.ownerId });
    }
    if (moved.length > 0) {
      await client.query(
        `INSERT INTO lead_moves (team_id, lead_id, from_user_id, to_user_id, change_version)
         SELECT $1, m.lead_id, m.from_user_id, $3, $4
           FROM unnest($2::uuid[], $5::uuid[]) AS m(lead_id, from_user_id)
         ON CONFLICT DO NOTHING`,
        [teamId, moved.map((m) => m.leadId), ownerId, version, moved.map((m) => m.from)],
      );
      await saveLeads(
        client,
        teamId,
        moved.map(({ leadId }) => ({
          lead: { ...(held.get(leadId) as NonNullable<ReturnType<typeof held.get>>), ownerId },
          version,
          now,
        })),
      );
    }
    return { assigned };
  });
