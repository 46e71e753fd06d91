import { z } from 'zod';
import { Lead, LeadPhone, LeadStatus } from '../../domain/lead';
import { EpochMs, RowId } from '../protocol';

/**
 * A lead as written on the desktop (import or creation). Fields as in `Lead`; times in epoch ms.
 * Server-owned: `ownerId` (assignment) — the server decides it and rejects a conflicting claim.
 * Demo leads never reach the server, so `isDemo` is always false on the wire.
 */
export const LeadCreateArgs = Lead.refine((lead) => !lead.isDemo, {
  message: 'demo leads are never synced',
  path: ['isDemo'],
});

/**
 * The fields an import fills in on a lead that was already stored (only empty ones are filled;
 * `phones` is the whole list after the new numbers were appended). At least one field.
 */
export const LeadChanges = z
  .strictObject({
    title: Lead.shape.title,
    company: Lead.shape.company,
    accountId: RowId.nullable(),
    email: Lead.shape.email,
    timeZone: Lead.shape.timeZone,
    country: Lead.shape.country,
    region: Lead.shape.region,
    city: Lead.shape.city,
    sourceDetail: Lead.shape.sourceDetail,
    phones: z.array(LeadPhone),
  })
  .partial()
  .refine((changes) => Object.keys(changes).length > 0, 'a lead update changes at least one field');
export type LeadChanges = z.infer<typeof LeadChanges>;

/** Mutations about leads, their accounts and research notes. Lead fields merge last-writer-wins by HLC. */
export const leadMutations = {
  /** A company the desktop saw first: `{ id, name, createdAt (ms) }`. Accounts match by folded name. */
  'account.create': z.strictObject({ id: RowId, name: z.string().trim().min(1), createdAt: EpochMs }),
  'lead.create': LeadCreateArgs,
  /** `{ id, changes, updatedAt (ms) }`: fields filled in by an import merging into a stored lead. */
  'lead.update': z.strictObject({ id: RowId, changes: LeadChanges, updatedAt: EpochMs }),
  /** The rep's fit score 0–100 (null clears it): `{ id, fit, updatedAt (ms) }`. */
  'lead.setFit': z.strictObject({
    id: RowId,
    fit: z.number().int().min(0).max(100).nullable(),
    updatedAt: EpochMs,
  }),
  /**
   * `{ id, status, updatedAt (ms) }`. Server-owned transitions: AE acceptance (`sql`) and what follows it
   * are decided by the server; a desktop claim that loses is rejected with a reason the rep sees.
   */
  'lead.setStatus': z.strictObject({ id: RowId, status: LeadStatus, updatedAt: EpochMs }),
  /** The lead's research notes, whole: `{ leadId, body, updatedAt (ms) }`; last writer wins. */
  'research.set': z.strictObject({ leadId: RowId, body: z.string(), updatedAt: EpochMs }),
};
