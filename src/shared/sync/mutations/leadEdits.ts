import { z } from 'zod';
import { LeadPhone, LeadStatus } from '../../domain/lead';
import { EpochMs, RowId } from '../protocol';

/** A phone as the rep wrote it on the lead panel, normalised to E.164 (ext kept apart). */
const EditedPhone = LeadPhone;

/**
 * A rep's edits of one lead field on the lead panel or `dialdeck lead set`. Each is its own mutation so
 * the server can merge lead fields one by one, last writer wins by HLC.
 */
export const leadEditMutations = {
  /** `{ id, phones, updatedAt (ms) }`: the lead's whole phone list in dialing order (the first is dialed). */
  'lead.setPhones': z.strictObject({ id: RowId, phones: z.array(EditedPhone).max(20), updatedAt: EpochMs }),
  /** `{ id, e164, ext, updatedAt (ms) }`: the number to dial first; it moves to the head of the list. */
  'lead.setPrimaryPhone': z.strictObject({
    id: RowId,
    e164: LeadPhone.shape.e164,
    ext: z.string().nullable(),
    updatedAt: EpochMs,
  }),
  /** `{ id, timeZone (IANA, or null for unknown), updatedAt (ms) }`. */
  'lead.setTimeZone': z.strictObject({
    id: RowId,
    timeZone: z.string().min(1).max(64).nullable(),
    updatedAt: EpochMs,
  }),
  /**
   * `{ id, status, statusBefore, reason, activityId, updatedAt (ms) }`: the rep changed the status by hand.
   * The history's `status_change` activity has id `activityId`, so the server writes the same row.
   */
  'lead.changeStatus': z.strictObject({
    id: RowId,
    status: LeadStatus,
    statusBefore: LeadStatus,
    reason: z.string().trim().min(1).max(500),
    activityId: RowId,
    updatedAt: EpochMs,
  }),
  /**
   * `{ id, ownerId, updatedAt (ms) }`: the rep reassigned the lead (a name or email until the team server
   * assigns owners; the server decides and may reject the claim).
   */
  'lead.setOwner': z.strictObject({
    id: RowId,
    ownerId: z.string().trim().min(1).max(200).nullable(),
    updatedAt: EpochMs,
  }),
};
