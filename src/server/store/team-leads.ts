import type { TeamLead } from '@shared/server/leads';
import type pg from 'pg';

type TeamLeadRow = {
  id: string;
  fields: Record<string, unknown>;
  status: string;
  owner_id: string | null;
  owner_email: string | null;
  updated_at: string;
};

const textOf = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/**
 * The leads of team `teamId`, oldest first, each with its owner's id and email (null: unassigned);
 * with `ownerId`, only that member's. `phone` is the lead's first number (E.164), the one dialled first.
 */
export const listTeamLeads = async (
  pool: pg.Pool,
  teamId: string,
  ownerId: string | undefined,
): Promise<TeamLead[]> => {
  const { rows } = await pool.query<TeamLeadRow>(
    `SELECT l.id, l.fields, l.status, l.owner_id, u.email AS owner_email, l.updated_at
       FROM leads l LEFT JOIN users u ON u.id = l.owner_id
      WHERE l.team_id = $1 AND ($2::uuid IS NULL OR l.owner_id = $2::uuid)
      ORDER BY l.created_at, l.id`,
    [teamId, ownerId ?? null],
  );
  return rows.map((row) => {
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
};
