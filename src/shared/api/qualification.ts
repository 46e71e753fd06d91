import { z } from 'zod';
import { HANDOFF_LIMITS, Handoff, HandoffRoute } from '../domain/handoff';
import { LeadStatus } from '../domain/lead';
import {
  BantAnswer,
  BantCriterion,
  BantNote,
  ProfileCompleteness,
  ProfileItemId,
  QualificationConfig,
} from '../domain/qualification';
import { method } from './contract';

const LeadId = z.string().uuid();

/** Whether the lead may be handed off now, and if not the error code that says why. */
export const HandoffReadiness = z.object({
  /** BANT criteria confirmed, and how many the team's gate asks for. */
  confirmed: z.number().int(),
  required: z.number().int(),
  /** null when a hand-off would be accepted now. */
  blockedBy: z
    .enum([
      'handoff_bant_gate',
      'handoff_do_not_contact',
      'handoff_already_handed_off',
      'handoff_lead_closed',
    ])
    .nullable(),
});
export type HandoffReadiness = z.infer<typeof HandoffReadiness>;

/** A lead's qualification as the panel shows it. */
export const Qualification = z.object({
  leadId: LeadId,
  status: LeadStatus,
  bant: z.array(BantAnswer),
  profile: ProfileCompleteness,
  readiness: HandoffReadiness,
  /** The lead's latest hand-off, if it was handed off. */
  handoff: Handoff.nullable(),
  /** Where the team server routed that hand-off (null before the desktop pulled it, or when signed out). */
  handoffRoute: HandoffRoute.nullable().optional(),
});
export type Qualification = z.infer<typeof Qualification>;

export const HandoffInput = z.object({
  leadId: LeadId,
  summary: z.string().trim().min(1, 'write a summary for the AE').max(HANDOFF_LIMITS.summary),
  nextStep: z.string().trim().max(HANDOFF_LIMITS.nextStep).default(''),
  suggestedAe: z.string().trim().max(HANDOFF_LIMITS.suggestedAe).optional(),
  /** Criteria to mark confirmed in the same transaction (the CLI's `--bant`); the gate counts them. */
  confirm: z.array(BantCriterion).max(4).optional(),
});
export type HandoffInput = z.input<typeof HandoffInput>;

export const qualificationMethods = {
  /** The lead's BANT answers, profile checklist with completeness, hand-off readiness and last hand-off. */
  'qualification.get': method(z.object({ leadId: LeadId }), Qualification),
  /**
   * Confirms or clears one BANT criterion and/or sets its note; one outbox mutation. Errors: `not_found`,
   * `handoff_already_handed_off` (after the hand-off the answers are the AE's, read-only).
   */
  'qualification.setBant': method(
    z
      .object({
        leadId: LeadId,
        criterion: BantCriterion,
        confirmed: z.boolean().optional(),
        note: BantNote.optional(),
      })
      .refine((v) => v.confirmed !== undefined || v.note !== undefined, 'give confirmed or note'),
    Qualification,
  ),
  /**
   * Ticks or clears a checklist item by hand; one outbox mutation. Errors: `not_found`, `invalid_input`,
   * `handoff_already_handed_off` (read-only after the hand-off).
   */
  'qualification.setProfileItem': method(
    z.object({ leadId: LeadId, itemId: ProfileItemId, checked: z.boolean() }),
    Qualification,
  ),
  /** The team's qualification rules: BANT gate, profile threshold, checklist items. */
  'qualification.config': method(z.object({}), QualificationConfig),
  'qualification.setConfig': method(QualificationConfig.partial(), QualificationConfig),
  /**
   * Hands the lead to sales as an MQL: stores the hand-off, sets the status to `mql`, finishes its
   * cadence and queues it for the server, in one transaction. Refused with `handoff_bant_gate` below
   * the gate, `handoff_do_not_contact`, `handoff_already_handed_off` or `handoff_lead_closed`, writing
   * nothing.
   */
  'handoffs.create': method(
    HandoffInput,
    z.object({ handoffId: z.string().uuid(), status: LeadStatus, handoff: Handoff }),
  ),
};
