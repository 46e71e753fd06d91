import { z } from 'zod';
import { method } from './contract';

/** A callback the rep promised, for the reminder that fires when it is due. Times in UTC epoch ms. */
export const UpcomingCallback = z.object({
  taskId: z.string().uuid(),
  leadId: z.string().uuid(),
  name: z.string(),
  company: z.string().nullable(),
  timeZone: z.string().nullable(),
  dueAt: z.number().int(),
});
export type UpcomingCallback = z.infer<typeof UpcomingCallback>;

export const callbacksMethods = {
  /**
   * Open callbacks due from `from` to `to` (epoch ms; at most 7 days apart), soonest first, at most
   * `limit` (default 200): the renderer sets a notification for each.
   */
  'callbacks.upcoming': method(
    z
      .object({
        from: z.number().int(),
        to: z.number().int(),
        limit: z.number().int().min(1).max(1000).default(200),
      })
      .refine((r) => r.to >= r.from && r.to - r.from <= 7 * 86_400_000, 'to is after from, at most 7 days'),
    z.array(UpcomingCallback),
  ),
};
