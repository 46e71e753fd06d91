import { z } from 'zod';

/** How an activity was taken back on the desktop (`undo` right after logging, `void` later). */
const ActivityVoid = z.object({
  kind: z.string(),
  reason: z.string().nullable(),
  voidedAt: z.number(),
  userId: z.uuid(),
});

/**
 * One activity the server holds, as `GET /v1/teams/:teamId/activities` answers it: the id the desktop
 * gave it, the lead, the rep who logged it, `kind` (`call`, `voicemail`, `email`, `status_change`,
 * `skip`, `snooze`…), `outcome` (an outcome id, a skip or snooze reason, or null), the rep's `note`,
 * `data` as the desktop sent it, `occurredAt` (UTC epoch ms), the mutation that carried it, and
 * `void` when the rep voided it. `changeVersion` is the team's change sequence number (pull reads it).
 */
export const ServerActivity = z.object({
  id: z.uuid(),
  leadId: z.uuid(),
  userId: z.uuid(),
  kind: z.string(),
  outcome: z.string().nullable(),
  note: z.string().nullable(),
  data: z.unknown(),
  occurredAt: z.number(),
  mutationId: z.uuid(),
  changeVersion: z.number(),
  void: ActivityVoid.nullable(),
});
export type ServerActivity = z.infer<typeof ServerActivity>;

/** `GET /v1/teams/:teamId/activities` answer: every activity of the team, in the order it was applied. */
export const TeamActivitiesOutput = z.object({ activities: z.array(ServerActivity) });
export type TeamActivitiesOutput = z.infer<typeof TeamActivitiesOutput>;
