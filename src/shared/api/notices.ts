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

/** What clicking a notification opens: a lead's card, or the sync dialog (a rejected change). */
export const NoticeTarget = z.discriminatedUnion('opens', [
  z.strictObject({ opens: z.literal('lead'), leadId: z.string().uuid() }),
  z.strictObject({ opens: z.literal('sync') }),
]);
export type NoticeTarget = z.infer<typeof NoticeTarget>;
