import { z } from 'zod';
import { LeadStatus } from './lead';
import { BantCriterion } from './qualification';

/** A BANT answer as handed to the AE: whether it is confirmed and what the prospect said. */
export const HandoffBant = z.object({
  criterion: BantCriterion,
  confirmed: z.boolean(),
  note: z.string(),
});
export type HandoffBant = z.infer<typeof HandoffBant>;

/**
 * An MQL handed to sales: what the AE needs to act within the 48-hour window (PLAYBOOK, Hand-off
 * rules) — a summary, the BANT answers, the agreed next step and the AE the rep suggests (the server
 * assigns round-robin and may pick another). `profileFilled` of `profileTotal` checklist items were
 * filled at hand-off. Times are UTC epoch ms.
 */
export const Handoff = z.object({
  id: z.string().uuid(),
  leadId: z.string().uuid(),
  summary: z.string(),
  bant: z.array(HandoffBant),
  nextStep: z.string(),
  suggestedAe: z.string().nullable(),
  profileFilled: z.number().int().min(0),
  profileTotal: z.number().int().min(0),
  statusBefore: LeadStatus,
  createdAt: z.number().int(),
});
export type Handoff = z.infer<typeof Handoff>;

/** Hand-off text limits, in characters. */
export const HANDOFF_LIMITS = { summary: 4_000, nextStep: 1_000, suggestedAe: 200 } as const;

/**
 * Where the team server routed a hand-off, as this desktop last pulled it: the AE who has it now
 * (email; null while no AE is eligible and it waits for the manager), the AE who had it before when
 * the server re-routed it (their AE was removed from the team; `rerouted` true), and the answer's due
 * time (the 48-hour window restarts on a re-route, PLAYBOOK "Hand-off rules"). Times are UTC epoch ms;
 * `routedAt` is when that AE got it (`dueAt` − 48 h).
 */
export const HandoffRoute = z.object({
  handoffId: z.string().uuid(),
  ae: z.string().nullable(),
  previousAe: z.string().nullable(),
  rerouted: z.boolean(),
  dueAt: z.number().int(),
  routedAt: z.number().int(),
});
export type HandoffRoute = z.infer<typeof HandoffRoute>;
