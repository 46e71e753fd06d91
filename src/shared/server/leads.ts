import { z } from 'zod';
import { Direction, LeadPhone, LeadStatus, SourceChannel } from '../domain/lead';

/**
 * The team server's lead-management contract (`/v1/teams/:teamId/leads/…`), shared by the server (which
 * validates every body with these) and `dialdeck admin leads …` (which validates every answer).
 */

/** The most leads one import request carries; the CLI sends a file in batches of this many. */
export const MAX_IMPORT_BATCH = 500;

/**
 * A lead as the desktop's import pipeline normalised it (E.164 phones, an IANA zone or null, folded
 * vocabulary), with the file's line it came from (`row`) so a refusal names it.
 */
export const ImportLead = z.strictObject({
  row: z.number().int().min(1),
  name: z.string().trim().min(1).max(500),
  title: z.string().max(500).nullable(),
  company: z.string().max(500).nullable(),
  email: z.string().max(320).nullable(),
  phones: z.array(LeadPhone).max(20),
  timeZone: z.string().max(64).nullable(),
  country: z.string().max(100).nullable(),
  region: z.string().max(100).nullable(),
  city: z.string().max(200).nullable(),
  sourceChannel: SourceChannel,
  sourceDetail: z.string().max(2_000).nullable(),
  direction: Direction,
  status: LeadStatus,
  research: z.string().max(100_000).nullable(),
});
export type ImportLead = z.infer<typeof ImportLead>;

/**
 * How imported leads are assigned: `round-robin` over the team's reps (oldest first), continuing at
 * `offset` (the leads of the same file assigned by earlier batches), or every lead to one user by email.
 */
export const ImportAssign = z.discriminatedUnion('mode', [
  z.strictObject({ mode: z.literal('round-robin'), offset: z.number().int().min(0) }),
  z.strictObject({ mode: z.literal('user'), email: z.email().trim().toLowerCase() }),
]);
export type ImportAssign = z.infer<typeof ImportAssign>;

/** `POST /v1/teams/:teamId/leads/import` body (a manager of the team, or the administrator). */
export const ImportLeadsInput = z.strictObject({
  leads: z.array(ImportLead).min(1).max(MAX_IMPORT_BATCH),
  assign: ImportAssign,
});
export type ImportLeadsInput = z.infer<typeof ImportLeadsInput>;

/** A row the import did not take: its line in the file, a stable code and what to do. */
export const ImportRejection = z.object({ row: z.number().int(), code: z.string(), message: z.string() });
export type ImportRejection = z.infer<typeof ImportRejection>;

/**
 * The answer (and `dialdeck admin leads import --json`'s output): `imported` leads created, `duplicates`
 * rows whose phone (E.164) or email (folded) the team already holds (or an earlier row of the file),
 * `rejected` rows with their reason, `assigned` counts by user id.
 */
export const ImportLeadsOutput = z.object({
  imported: z.number().int(),
  duplicates: z.number().int(),
  rejected: z.array(ImportRejection),
  assigned: z.record(z.string(), z.number().int()),
});
export type ImportLeadsOutput = z.infer<typeof ImportLeadsOutput>;

/** `POST /v1/teams/:teamId/leads/:leadId/assign` body: the new owner's email, or null to unassign. */
export const AssignLeadInput = z.strictObject({ to: z.email().trim().toLowerCase().nullable() });
export type AssignLeadInput = z.infer<typeof AssignLeadInput>;

/** The assignment's answer: the lead, its former owner and its new one (user ids, null for nobody). */
export const AssignLeadOutput = z.object({
  leadId: z.uuid(),
  from: z.uuid().nullable(),
  to: z.uuid().nullable(),
});
export type AssignLeadOutput = z.infer<typeof AssignLeadOutput>;

/** The most leads one page of `GET /v1/teams/:teamId/leads` holds (`limit`). */
export const MAX_TEAM_LEADS_PAGE = 500;

/** The most leads one bulk reassignment moves (`POST /v1/teams/:teamId/leads/assign`). */
export const MAX_BULK_ASSIGN = 1_000;

/**
 * `GET /v1/teams/:teamId/leads` query, every part optional (without `limit`, every matching lead):
 * - `owner`: only the leads of the member with this email (or id); `unassigned=true`: only leads
 *   nobody owns (not with `owner`);
 * - `status`: only leads with this funnel status;
 * - `q`: words that must all appear in the lead's name, company, email or a phone number (E.164, so
 *   `+1312` or `312555` match by digits), case-insensitive;
 * - `limit` (1–500) and `offset` (≥ 0): one page, in creation order; the answer then carries `total`.
 */
export const TeamLeadsQuery = z
  .strictObject({
    owner: z.string().trim().min(1).max(320).optional(),
    unassigned: z.enum(['true', 'false']).optional(),
    status: LeadStatus.optional(),
    q: z.string().trim().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(MAX_TEAM_LEADS_PAGE).optional(),
    offset: z.coerce.number().int().min(0).optional(),
  })
  .refine((query) => !(query.owner !== undefined && query.unassigned === 'true'), {
    path: ['unassigned'],
    message: 'Ask for one owner or for unassigned leads, not both.',
  });
export type TeamLeadsQuery = z.infer<typeof TeamLeadsQuery>;

/**
 * One lead in a manager's list: its id, name, company, status, primary number (E.164 or null), and
 * owner (user id and email, both null when unassigned). `updatedAt` in UTC epoch ms.
 */
export const TeamLead = z.object({
  leadId: z.uuid(),
  name: z.string(),
  company: z.string().nullable(),
  status: z.string(),
  phone: z.string().nullable(),
  ownerId: z.uuid().nullable(),
  ownerEmail: z.string().nullable(),
  updatedAt: z.number(),
});
export type TeamLead = z.infer<typeof TeamLead>;

/**
 * The answer (and `dialdeck admin leads list --json`'s output): the team's leads, oldest first; with a
 * `limit`, one page of them and `total`, how many leads match the query in all.
 */
export const TeamLeadsOutput = z.object({ leads: z.array(TeamLead), total: z.number().int().optional() });
export type TeamLeadsOutput = z.infer<typeof TeamLeadsOutput>;

/**
 * `POST /v1/teams/:teamId/leads/assign` body: move every lead in `leadIds` (1–1000, no repeats) to the
 * member with email `to` (null: nobody), all in one transaction: every lead moves, or none does.
 */
export const BulkAssignInput = z.strictObject({
  leadIds: z
    .array(z.uuid().toLowerCase())
    .min(1)
    .max(MAX_BULK_ASSIGN)
    .refine((ids) => new Set(ids).size === ids.length, { message: 'Name each lead once.' }),
  to: z.email().trim().toLowerCase().nullable(),
});
export type BulkAssignInput = z.infer<typeof BulkAssignInput>;

/** The bulk reassignment's answer: each lead's former and new owner, in the order asked. */
export const BulkAssignOutput = z.object({ assigned: z.array(AssignLeadOutput) });
export type BulkAssignOutput = z.infer<typeof BulkAssignOutput>;
