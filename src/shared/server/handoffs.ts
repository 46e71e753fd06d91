import { z } from 'zod';
import { HandoffBant } from '../domain/handoff';

/**
 * The team server's hand-off contract (`/v1/handoffs…`), shared by the server (which validates every
 * request with these schemas), the CLI's `dialdeck handoffs` / `dialdeck handoff accept|reject` (which
 * validate every answer) and the desktop's pull of hand-off decisions. Times are UTC epoch ms.
 */

/** Hours an AE has to accept or reject a handed-off MQL (PLAYBOOK, "Hand-off rules": 48 hours). */
export const HANDOFF_SLA_HOURS = 48;
/** The same window in milliseconds. */
export const HANDOFF_SLA_MS = HANDOFF_SLA_HOURS * 60 * 60 * 1000;
/**
 * Missed windows in one calendar month (UTC) that take an AE out of rotation (PLAYBOOK, "Hand-off
 * rules": an AE who misses the window twice loses eligibility for one month).
 */
export const HANDOFF_MISSES_PER_MONTH = 2;

/**
 * Where a hand-off stands: `unassigned` (no AE was eligible when it arrived; a manager sees it),
 * `open` (with an AE, no decision yet), `accepted` (the lead is an SQL), `rejected` (the lead is back in
 * the rep's nurture pool, with the reason).
 */
export const HandoffStatus = z.enum(['unassigned', 'open', 'accepted', 'rejected']);
export type HandoffStatus = z.infer<typeof HandoffStatus>;

/** `GET /v1/handoffs?status=` filter: `open` (the default) includes unassigned ones; `all` is every one. */
export const HandoffListQuery = z
  .object({ status: z.enum(['open', 'accepted', 'rejected', 'all']).default('open') })
  .strict();
export type HandoffListQuery = z.infer<typeof HandoffListQuery>;

/** A user as a hand-off names them: their id and email. */
const HandoffPerson = z.object({ userId: z.uuid(), email: z.string() });

/**
 * One hand-off as the server lists it. `leadName` is null while the server does not hold the lead.
 * `msLeft` is what remains of the 48-hour window for an undecided hand-off (0 once it ran out), null
 * once decided; `missed` says the window ran out before a decision (it counts against the AE).
 */
export const ServerHandoff = z.object({
  id: z.uuid(),
  leadId: z.uuid(),
  leadName: z.string().nullable(),
  rep: HandoffPerson,
  ae: HandoffPerson.nullable(),
  summary: z.string(),
  bant: z.array(HandoffBant),
  nextStep: z.string(),
  profileFilled: z.number().int(),
  profileTotal: z.number().int(),
  createdAt: z.number().int(),
  dueAt: z.number().int(),
  msLeft: z.number().int().nullable(),
  status: HandoffStatus,
  decidedAt: z.number().int().nullable(),
  reason: z.string().nullable(),
  missed: z.boolean(),
});
export type ServerHandoff = z.infer<typeof ServerHandoff>;

/** `GET /v1/handoffs` answer: the caller's hand-offs, oldest due first. */
export const HandoffListOutput = z.object({ handoffs: z.array(ServerHandoff) });
export type HandoffListOutput = z.infer<typeof HandoffListOutput>;

/** `POST /v1/handoffs/:id/accept` body: nothing is needed. */
export const HandoffAcceptInput = z.object({}).strict();

/** `POST /v1/handoffs/:id/reject` body: why the AE turns the MQL down (1–2000 characters, trimmed). */
export const HandoffRejectInput = z.object({ reason: z.string().trim().max(2_000).optional() }).strict();
export type HandoffRejectInput = z.infer<typeof HandoffRejectInput>;

/**
 * A hand-off change as pull delivers it (`kind: 'handoff'`): enough for the rep's desktop to record the
 * AE's decision on its own hand-off and lead. `ae` is the AE's email (null while unassigned).
 */
export const PulledHandoff = z.object({
  id: z.uuid(),
  leadId: z.uuid(),
  repId: z.uuid(),
  ae: z.string().nullable(),
  status: HandoffStatus,
  dueAt: z.number().int(),
  decidedAt: z.number().int().nullable(),
  reason: z.string().nullable(),
  missed: z.boolean(),
});
export type PulledHandoff = z.infer<typeof PulledHandoff>;
