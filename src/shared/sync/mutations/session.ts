import { z } from 'zod';
import { SkipReason, SnoozeReason } from '../../domain/session';
import { EpochMs, RowId } from '../protocol';

/** Skips and snoozes are activities: append-only, applied once, never in conflict. */
export const sessionMutations = {
  /** `{ id, leadId, reason, note, occurredAt (ms) }`: the rep passed over the lead in a calling session. */
  'lead.skip': z.strictObject({
    id: RowId,
    leadId: RowId,
    reason: SkipReason,
    note: z.string().max(500).nullable(),
    occurredAt: EpochMs,
  }),
  /**
   * `{ id, leadId, reason, note, until (ms), occurredAt (ms) }`: the lead stays out of the queue until
   * `until`; the newest snooze of a lead (by `occurredAt`) is the one that holds.
   */
  'lead.snooze': z.strictObject({
    id: RowId,
    leadId: RowId,
    reason: SnoozeReason,
    note: z.string().max(500).nullable(),
    until: EpochMs,
    occurredAt: EpochMs,
  }),
};
