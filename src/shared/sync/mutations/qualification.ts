import { z } from 'zod';
import { Handoff } from '../../domain/handoff';
import { BantCriterion, ProfileItemId } from '../../domain/qualification';
import { EpochMs, RowId } from '../protocol';

/** Qualification answers are per-lead fields: last writer wins by HLC, per criterion and per item. */
export const qualificationMutations = {
  /** `{ leadId, criterion, confirmed, note, updatedAt (ms) }`: one BANT criterion as the rep answered it. */
  'qualification.setBant': z.strictObject({
    leadId: RowId,
    criterion: BantCriterion,
    confirmed: z.boolean(),
    note: z.string().max(2_000),
    updatedAt: EpochMs,
  }),
  /** `{ leadId, itemId, checked, updatedAt (ms) }`: a profile checklist item ticked or cleared by hand. */
  'qualification.setProfileItem': z.strictObject({
    leadId: RowId,
    itemId: ProfileItemId,
    checked: z.boolean(),
    updatedAt: EpochMs,
  }),
  /**
   * An MQL handed to sales (`Handoff`: summary, BANT answers, next step, suggested AE, profile filled of
   * total, status before, createdAt in ms). Append-only; the server assigns the AE and starts the
   * 48-hour acceptance window.
   */
  'handoff.create': Handoff.extend({ id: RowId, leadId: RowId, createdAt: EpochMs }).strict(),
};
