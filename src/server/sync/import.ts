import { accountKey } from '@shared/domain/lead';
import type { AssignLeadOutput, ImportAssign, ImportLead, ImportLeadsOutput } from '@shared/server/leads';
import type pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { ServerError } from '../errors';
import { foldEmail, insertAccount, lockLead, recordMove, saveLead, teamUser } from '../store/leads';
import { inTransaction } from '../store/teams';
import { removedError } from '../store/users';
import { nextVersion } from './versions';

/** The user ids leads go to, in assignment order: the team's reps oldest first, or the one user named. */
const assignees = async (client: pg.PoolClient, teamId: string, assign: ImportAssign): Promise<string[]> => {
  if (assign.mode === 'user') {
    const user = await teamUser(client, teamId, assign.email);
    if (user === null) {
      throw new ServerError(
        'not_found',
        `Nobody on this team has the email ${assign.email}. Check it, or add the user first (dialdeck admin user add).`,
      );
    }
    if (user.removedAt !== null) throw removedError(user);
    return [user.id];
  }
  const { rows } = await client.query<{ id: string; in_rotation: boolean }>(
    "SELECT id, in_rotation FROM users WHERE team_id = $1 AND role = 'rep' AND removed_at IS NULL ORDER BY created_at, id",
    [teamId],
  );
  if (rows.length === 0) {
    throw new ServerError(
      'invalid_input',
      'This team has no reps to share the leads among. Add reps first (dialdeck admin user add --role rep), or assign to one user with --assign EMAIL.',
    );
  }
  const inRotation = rows.filter((r) => r.in_rotation);
  if (inRotation.length === 0) {
    throw new ServerError(
      'invalid_input',
      'Every rep of this team is out of round-robin rotation, so nobody can share the leads. Put a rep back in rotation (console: Rotation & shifts), or assign to one user with --assign EMAIL.',
    );
  }
  return inRotation.map((r) => r.id);
};

/**
 * Imports leads the desktop's import pipeline normalised into team `teamId`, in one transaction at one
 * change version (the team's version row stays locked meanwhile, so two imports never both miss each
 * other's duplicates). A row whose phone (E.164) or email (trimmed, lower case) the team already holds,
 * or an earlier row of the batch holds, counts as a duplicate and is not written. Each new lead goes to
 * the next assignee (`assign`): round-robin over the reps continuing at `offset`, or the user named.
 * Companies become accounts matched by `accountKey`. Fields carry no HLC, so any desktop edit after the
 * import wins. Throws `not_found` (no such user), `invalid_input` (no reps for round-robin).
 */
export const importLeads = (
  pool: pg.Pool,
  teamId: string,
  leads: readonly ImportLead[],
  assign: ImportAssign,
  now: number,
): Promise<ImportLeadsOutput> =>
  inTransaction(pool, async (client) => {
    const version = await nextVersion(client, teamId);
    const owners = await assignees(client, teamId, assign);
    const phones = leads.flatMap((lead) => lead.phones.map((p) => p.e164));
    const emails = leads.map((lead) => foldEmail(lead.email)).filter((e): e is string => e !== null);
    const { rows: held } = await client.query<{ phones_e164: string[]; email_folded: string | null }>(
      `SELECT phones_e164, email_folded FROM leads
        WHERE team_id = $1 AND (phones_e164 && $2::text[] OR email_folded = ANY($3::text[]))`,
      [teamId, phones, emails],
    );
    const seenPhones = new Set(held.flatMap((r) => r.phones_e164));
    const seenEmails = new Set(held.map((r) => r.email_folded).filter((e): e is string => e !== null));
    const names = [...new Set(leads.map((l) => l.company?.trim()).filter((c): c is string => Boolean(c)))];
    const { rows: known } = await client.query<{ id: string; name: string; name_folded: string }>(
      'SELECT DISTINCT ON (name_folded) id, name, name_folded FROM accounts WHERE team_id = $1 AND name_folded = ANY($2::text[]) ORDER BY name_folded, created_at, id',
      [teamId, names.map(accountKey)],
    );
    const accounts = new Map(known.map((r) => [r.name_folded, { id: r.id, name: r.name }]));
    const offset = assign.mode === 'round-robin' ? assign.offset : 0;
    const output: ImportLeadsOutput = { imported: 0, duplicates: 0, rejected: [], assigned: {} };
    for (const lead of leads) {
      const email = foldEmail(lead.email);
      if (lead.phones.length === 0 && email === null) {
        output.rejected.push({
          row: lead.row,
          code: 'invalid_input',
          message: `Row ${lead.row} has neither a phone number nor an email, so nobody could reach the lead. Add one and import the row again.`,
        });
        continue;
      }
      if (lead.phones.some((p) => seenPhones.has(p.e164)) || (email !== null && seenEmails.has(email))) {
        output.duplicates++;
        continue;
      }
      for (const p of lead.phones) seenPhones.add(p.e164);
      if (email !== null) seenEmails.add(email);
      let account: { id: string; name: string } | null = null;
      const company = lead.company?.trim();
      if (company) {
        const key = accountKey(company);
        account = accounts.get(key) ?? null;
        if (account === null) {
          account = { id: uuidv7(), name: company };
          accounts.set(key, account);
          await insertAccount(
            client,
            teamId,
            { id: account.id, name: company, nameFolded: key, createdAt: now },
            version,
          );
        }
      }
      const ownerId = owners[(offset + output.imported) % owners.length] as string;
      const { row: _row, ...fields } = lead;
      await saveLead(
        client,
        teamId,
        {
          id: uuidv7(),
          ownerId,
          createdBy: null,
          fields: {
            ...fields,
            accountId: account?.id ?? null,
            company: account?.name ?? null,
            createdAt: now,
            updatedAt: now,
          },
          fieldHlcs: {},
        },
        version,
        now,
      );
      output.imported++;
      output.assigned[ownerId] = (output.assigned[ownerId] ?? 0) + 1;
    }
    return output;
  });

/**
 * Moves lead `leadId` of team `teamId` to the user with email `to` (null: nobody), at a new change
 * version: the lead reaches its new owner's next pull, and its former owner's pull gets
 * `lead.unassigned`. Throws `not_found` (no such lead or user), `user_removed` (the user was removed).
 */
export const assignLead = (
  pool: pg.Pool,
  teamId: string,
  leadId: string,
  to: string | null,
  now: number,
): Promise<AssignLeadOutput> =>
  inTransaction(pool, async (client) => {
    const version = await nextVersion(client, teamId);
    const lead = await lockLead(client, teamId, leadId);
    if (lead === null)
      throw new ServerError('not_found', `This team has no lead ${leadId}. Check the lead id.`);
    const user = to === null ? null : await teamUser(client, teamId, to);
    if (to !== null && user === null) {
      throw new ServerError(
        'not_found',
        `Nobody on this team has the email ${to}. Check it, or add the user first.`,
      );
    }
    if (user?.removedAt != null) throw removedError(user);
    const ownerId = user?.id ?? null;
    if (ownerId !== lead.ownerId) {
      await recordMove(client, teamId, leadId, lead.ownerId, ownerId, version);
      await saveLead(client, teamId, { ...lead, ownerId }, version, now);
    }
    return { leadId, from: lead.ownerId, to: ownerId };
  });
