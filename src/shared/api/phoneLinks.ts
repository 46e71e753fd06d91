import { z } from 'zod';
import { Lead } from '../domain/lead';
import { MAX_PHONE_LINK_LENGTH } from '../phoneLinks';
import { method } from './contract';
import { PhoneInput } from './leadEdits';

/** What a `tel:`/`callto:` link points at: its number in E.164, its extension, and the lead that has it. */
export const PhoneLinkTarget = z.object({
  e164: z.string(),
  ext: z.string().nullable(),
  /** The lead with this number (and extension, when one lead has both), or null when no lead has it. */
  leadId: z.string().uuid().nullable(),
  leadName: z.string().nullable(),
  /** How many leads have this number: more than one means `leadId` is the most recently updated. */
  matches: z.number().int().min(0),
});
export type PhoneLinkTarget = z.infer<typeof PhoneLinkTarget>;

/** A lead typed in by hand, e.g. for a number that arrived by a phone link and matched no lead. */
export const NewLeadInput = z.object({
  name: z.string().trim().min(1).max(200),
  phone: PhoneInput,
  company: z.string().trim().max(200).nullable().optional(),
  title: z.string().trim().max(200).nullable().optional(),
  email: z.string().trim().max(320).nullable().optional(),
});
export type NewLeadInput = z.infer<typeof NewLeadInput>;

export const phoneLinkMethods = {
  /**
   * Resolves a phone link (RFC 3966 `tel:` or `callto:`) to E.164 and the lead with that number. A local
   * number with a `+` context is that prefix followed by its digits (RFC 3966 5.1.5); any other local
   * number is read in the default region (settings). Errors: `phone_link_invalid` (params `{ value, kind }`:
   * `kind` is a `PhoneLinkProblem`, or `invalid_number` (+ `region`), `context_number_invalid`
   * (+ `number`, the E.164 the context formed) or `domain_context` (+ `domain`, `region`)).
   */
  'links.resolvePhone': method(z.object({ url: z.string().max(MAX_PHONE_LINK_LENGTH) }), PhoneLinkTarget),
  /**
   * Adds one lead typed in by hand: outbound, source `other`, its number read like an import's (country
   * and time zone from the number where it pins one), put on its cadence. One `lead.create` mutation (and
   * an account for a new company). Errors: `invalid_input`, `lead_phone_invalid` (params `{ value }`).
   */
  'leads.create': method(NewLeadInput, Lead),
};
