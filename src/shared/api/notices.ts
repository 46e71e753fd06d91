import { z } from 'zod';
import { SourceChannel } from '../domain/lead';

/** An inbound lead that just reached the rep's queue through sync: what its notification says. */
export const ArrivedLead = z.object({
  id: z.string().uuid(),
  name: z.string(),
  company: z.string().nullable(),
  sourceChannel: SourceChannel,
});
export type ArrivedLead = z.infer<typeof ArrivedLead>;

/**
 * A hand-off the team server re-routed (its AE was removed from the team), as pulled: the lead, the AE
 * who has it now (email; null when no AE is eligible and it waits for the manager), the one who had
 * it, and the restarted answer's due time (UTC epoch ms).
 */
export const ReroutedHandoff = z.object({
  handoffId: z.string().uuid(),
  leadId: z.string().uuid(),
  leadName: z.string(),
  ae: z.string().nullable(),
  previousAe: z.string().nullable(),
  dueAt: z.number().int(),
});
export type ReroutedHandoff = z.infer<typeof ReroutedHandoff>;

/** What clicking a notification opens: a lead's card, or the sync dialog (a rejected change). */
export const NoticeTarget = z.discriminatedUnion('opens', [
  z.strictObject({ opens: z.literal('lead'), leadId: z.string().uuid() }),
  z.strictObject({ opens: z.literal('sync') }),
]);
export type NoticeTarget = z.infer<typeof NoticeTarget>;
