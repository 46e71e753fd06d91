import { z } from 'zod';
import { Account, Lead } from '../domain/lead';
import { Outcome } from '../domain/outcome';
import { TeamCadence, TeamDncEntry, TeamScript } from '../server/definitions';
import { PulledHandoff } from '../server/handoffs';

/** The most changes one pull answer carries; a client asks again while `hasMore` is true. */
export const MAX_PULL_LIMIT = 2_000;

/**
 * `POST /v1/sync/pull` body: the protocol version (as for push), the cursor the last answer gave (0 on
 * a first pull) and, optionally, how many changes to answer at most (default and ceiling
 * `MAX_PULL_LIMIT`). The team and the reader are the token's.
 */
export const PullRequest = z.strictObject({
  protocolVersion: z.number().int().min(0),
  cursor: z.number().int().min(0),
  limit: z.number().int().min(1).max(MAX_PULL_LIMIT).optional(),
});
export type PullRequest = z.infer<typeof PullRequest>;

/** A lead as the team server holds it: the `Lead` shape, its research notes and each field's HLC. */
export const PulledLead = Lead.extend({
  research: z.string().nullable(),
  /** Field name → HLC of the write that set it (`research` included); a field without one is as imported. */
  fieldHlcs: z.record(z.string(), z.string()),
});
export type PulledLead = z.infer<typeof PulledLead>;

/** An activity (call, voicemail, email, status change, skip, snooze) as the server keeps it. */
export const PulledActivity = z.object({
  id: z.string(),
  leadId: z.string(),
  userId: z.string(),
  kind: z.string(),
  outcome: z.string().nullable(),
  note: z.string().nullable(),
  data: z.unknown(),
  occurredAt: z.number().int(),
});
export type PulledActivity = z.infer<typeof PulledActivity>;

/** A logged activity taken back (`void`/`undo`): the activity row itself is never edited. */
export const PulledActivityVoid = z.object({
  activityId: z.string(),
  leadId: z.string(),
  kind: z.string(),
  reason: z.string().nullable(),
  voidedAt: z.number().int(),
});
export type PulledActivityVoid = z.infer<typeof PulledActivityVoid>;

/**
 * One change of the team's feed, at its change `version`, by kind:
 * - `lead`: the lead whole as it stands now (a later change of the same lead supersedes it);
 * - `lead.unassigned`: the lead left this reader (reassigned or released): `{id, ownerId}` (the new
 *   owner, or null); the reader's desktop stops showing it;
 * - `account`: a company the team holds;
 * - `activity` and `activity.void`: the history of the reader's leads (append-only);
 * - `handoff`: an MQL hand-off the reader may see, with the AE's decision once made;
 * - `script`, `cadence`, `outcomeSet`, `dnc`: the team's definitions (`@shared/server/definitions`), each
 *   whole as it stands now; `deleted`/`removed` true when it was taken away. Every member pulls them.
 * Clients skip a kind they do not know (a newer server), so adding a kind needs no protocol raise.
 */
export const PulledChange = z.discriminatedUnion('kind', [
  z.object({ version: z.number().int(), kind: z.literal('lead'), data: PulledLead }),
  z.object({
    version: z.number().int(),
    kind: z.literal('lead.unassigned'),
    data: z.object({ id: z.string(), ownerId: z.string().nullable() }),
  }),
  z.object({
    version: z.number().int(),
    kind: z.literal('account'),
    data: Account.pick({ id: true, name: true, createdAt: true }),
  }),
  z.object({ version: z.number().int(), kind: z.literal('activity'), data: PulledActivity }),
  z.object({ version: z.number().int(), kind: z.literal('activity.void'), data: PulledActivityVoid }),
  z.object({ version: z.number().int(), kind: z.literal('handoff'), data: PulledHandoff }),
  z.object({
    version: z.number().int(),
    kind: z.literal('script'),
    data: TeamScript.extend({ deleted: z.boolean() }),
  }),
  z.object({
    version: z.number().int(),
    kind: z.literal('cadence'),
    data: TeamCadence.extend({ deleted: z.boolean() }),
  }),
  z.object({
    version: z.number().int(),
    kind: z.literal('outcomeSet'),
    data: z.object({ outcomes: z.array(Outcome), updatedAt: z.number().int() }),
  }),
  z.object({
    version: z.number().int(),
    kind: z.literal('dnc'),
    data: z.object({ entry: TeamDncEntry, removed: z.boolean() }),
  }),
]);
export type PulledChange = z.infer<typeof PulledChange>;
export type PulledKind = PulledChange['kind'];

/** A change of a kind this client does not know: kept apart so one newer kind never fails a pull. */
const UnknownChange = z.object({ version: z.number().int(), kind: z.string(), data: z.unknown() });

/**
 * `POST /v1/sync/pull` answer: `changes` in version order (`version > cursor`), `nextCursor` to send
 * next (never past a change not in `changes`), and `hasMore` while further changes wait.
 */
export const PullResponse = z.strictObject({
  protocolVersion: z.number().int(),
  changes: z.array(z.union([PulledChange, UnknownChange])),
  nextCursor: z.number().int().min(0),
  hasMore: z.boolean(),
});
export type PullResponse = z.infer<typeof PullResponse>;
