import type { HandoffReadiness } from '@shared/api/qualification';
import type { LeadStatus } from '@shared/domain/lead';

/** Statuses a lead reaches only by a hand-off or after one (PLAYBOOK funnel: MQL → SQL → opportunity → won). */
const HANDED_OFF: readonly LeadStatus[] = ['mql', 'sql', 'opportunity', 'won'];
const CLOSED: readonly LeadStatus[] = ['lost', 'disqualified'];

/**
 * Whether a lead may be handed off: never when it (or a number or email of it) is do-not-contact,
 * not twice, not while lost or disqualified, and only with `confirmed` ≥ `required` BANT criteria.
 * An MQL with no hand-off yet (`handedOff` false: an outcome such as "Qualified (hand off as MQL)"
 * marked it) may be handed off, so it reaches an AE. The first rule that refuses names the error code.
 */
export const handoffReadiness = (input: {
  status: LeadStatus;
  onDncList: boolean;
  confirmed: number;
  required: number;
  /** Whether the lead has a hand-off on record already. */
  handedOff?: boolean;
}): HandoffReadiness => {
  const { status, onDncList, confirmed, required, handedOff = true } = input;
  const blockedBy =
    status === 'do_not_contact' || onDncList
      ? 'handoff_do_not_contact'
      : HANDED_OFF.includes(status) && (status !== 'mql' || handedOff)
        ? 'handoff_already_handed_off'
        : CLOSED.includes(status)
          ? 'handoff_lead_closed'
          : confirmed < required
            ? 'handoff_bant_gate'
            : null;
  return { confirmed, required, blockedBy };
};
