import { z } from 'zod';
import { Lead, type LeadStatus } from '../domain/lead';
import { method } from './contract';

const LeadId = z.string().uuid();

/** A number as the rep typed it: national numbers are read in the lead's country (else the default region). */
export const PhoneInput = z.object({
  number: z.string().trim().min(1).max(64),
  label: z.string().trim().max(40).nullable().optional(),
});
export type PhoneInput = z.infer<typeof PhoneInput>;

/** What an edit left: the lead as stored now, and its numbers that are on the do-not-contact list. */
export const LeadEditResult = z.object({
  lead: Lead,
  /** E.164 numbers of the lead on the do-not-contact list: shown marked, never dialed. */
  dncPhones: z.array(z.string()),
});
export type LeadEditResult = z.infer<typeof LeadEditResult>;

/** The statuses a rep may set by hand: `mql` comes only from a hand-off, `sql` and later from the AE. */
export const HAND_SET_STATUSES = [
  'new',
  'working',
  'nurture',
  'lost',
  'disqualified',
  'do_not_contact',
] as const satisfies readonly LeadStatus[];
export const HandSetStatus = z.enum(HAND_SET_STATUSES);
export type HandSetStatus = z.infer<typeof HandSetStatus>;

export const leadEditMethods = {
  /** The lead's numbers that are on the do-not-contact list (E.164), for the panel's marks. Errors: `not_found`. */
  'leads.dncPhones': method(z.object({ leadId: LeadId }), z.array(z.string())),
  /**
   * Replaces the lead's numbers (in dialing order; the first is dialed) after reading each with
   * libphonenumber-js in the lead's country, as an import does. One `lead.setPhones` mutation.
   * Errors: `not_found`, `lead_phone_invalid` (params `{ value }`), `lead_phone_duplicate` (params `{ value }`).
   * A number on the do-not-contact list is kept, marked in `dncPhones`, and never dialed.
   */
  'leads.setPhones': method(
    z.object({ leadId: LeadId, phones: z.array(PhoneInput).max(20) }),
    LeadEditResult,
  ),
  /**
   * Makes one of the lead's numbers the one dialed (it moves first). One `lead.setPrimaryPhone` mutation.
   * Errors: `not_found`, `lead_phone_not_on_lead` (params `{ value }`).
   */
  'leads.setPrimaryPhone': method(
    z.object({ leadId: LeadId, e164: z.string().min(2).max(20), ext: z.string().nullable().optional() }),
    LeadEditResult,
  ),
  /**
   * Sets the lead's IANA time zone (null makes it unknown again); the queue's calling hours then apply in
   * that zone. One `lead.setTimeZone` mutation. Errors: `not_found`, `lead_time_zone_invalid` (params `{ value }`).
   */
  'leads.setTimeZone': method(
    z.object({ leadId: LeadId, timeZone: z.string().max(64).nullable() }),
    LeadEditResult,
  ),
  /**
   * Changes the status by hand with a reason, kept as a `status_change` activity in the history. A status
   * that ends work (lost, disqualified, do not contact) finishes the lead's cadence. One
   * `lead.changeStatus` mutation. Errors: `not_found`, `lead_do_not_contact` (a do-not-contact lead's
   * status is never changed by hand), `handoff_already_handed_off` (an MQL or later is the AE's).
   */
  'leads.setStatus': method(
    z.object({ leadId: LeadId, status: HandSetStatus, reason: z.string().trim().min(1).max(500) }),
    LeadEditResult,
  ),
  /** Reassigns the lead (a name or email; null clears it). One `lead.setOwner` mutation. Errors: `not_found`. */
  'leads.setOwner': method(
    z.object({ leadId: LeadId, owner: z.string().trim().min(1).max(200).nullable() }),
    LeadEditResult,
  ),
};
