import { AppError } from '../errors';
import type { LeadFacts } from '../queue/lead-state';
import type { Services } from '../queue/services';
import type { Db } from '../store/db';

/**
 * Do-not-contact is absolute: a lead whose status is `do_not_contact`, or whose phone, email or email
 * domain is on the do-not-contact list, is never dialled and no outcome or contact step is logged for it.
 *
 * @throws AppError `lead_do_not_contact` (params: `value`, the entry or status that matched).
 */
export const assertContactable = (svc: Services, facts: LeadFacts): void => {
  const matches = svc.leads.dncMatches(facts);
  if (facts.status !== 'do_not_contact' && matches.length === 0) return;
  const value = matches[0]?.value ?? facts.name;
  throw new AppError(
    'lead_do_not_contact',
    `${facts.name} is on the do-not-contact list (${value}): Dialdeck does not dial, log an outcome for, or contact this lead. Remove the entry from the list first if it was added by mistake.`,
    undefined,
    { value },
  );
};

type CallRow = { id: string; lead_id: string };

export type CallGuard = ReturnType<typeof createCallGuard>;

/**
 * One outcome per call. The workspace makes a call id (a UUID) when it shows a lead and sends it with
 * the outcome; an outcome that still stands for that call id refuses a second one, and a call id made
 * for another lead refuses the log (the screen moved on before the key was handled). A voided
 * (undone) outcome frees its call for a new one.
 */
export const createCallGuard = (db: Db) => {
  const byCall = db.prepare<[string], CallRow & { voided_at: number | null }>(
    `SELECT id, lead_id, voided_at FROM activities WHERE call_id = ?
     ORDER BY voided_at IS NULL DESC, created_at DESC LIMIT 1`,
  );
  return {
    /**
     * @throws AppError `call_lead_mismatch` when `callId` belongs to another lead;
     *   `outcome_already_logged` (params: `activityId`) when the call has an outcome that stands.
     */
    assertNewCall(callId: string | undefined, leadId: string): void {
      if (callId === undefined) return;
      const row = byCall.get(callId);
      if (!row) return;
      if (row.lead_id !== leadId) {
        throw new AppError(
          'call_lead_mismatch',
          `Call ${callId} was made for another lead (${row.lead_id}), not ${leadId}; nothing was logged. Log the outcome from the lead on screen.`,
        );
      }
      if (row.voided_at === null) {
        throw new AppError(
          'outcome_already_logged',
          `This call already has an outcome (activity ${row.id}); nothing was logged. Void or undo that outcome to log another (dialdeck outcome void ${row.id}).`,
          undefined,
          { activityId: row.id },
        );
      }
    },
  };
};
