import { z } from 'zod';
import { ImportProgress } from './imports';

/** Change events the core emits so renderer stores refresh without polling. */
export const events = {
  'leads:changed': z.object({ ids: z.array(z.string()).optional() }),
  'import:progress': ImportProgress,
  'settings:changed': z.object({}),
  /** A script was saved or deleted: re-read the scripts list. */
  'scripts:changed': z.object({}),
  /** An email template was saved or deleted: re-read the email templates. */
  'emailTemplates:changed': z.object({}),
  /** The call queue may have changed: re-read the list, the next lead and the day's plan. */
  'queue:changed': z.object({
    leadIds: z.array(z.string()).optional(),
    /** `external`: another process (the CLI, a second window) committed to the same store. */
    reason: z.enum(['outcome', 'task', 'enrollment', 'cadence', 'rules', 'dnc', 'fit', 'leads', 'external']),
  }),
};
export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.infer<(typeof events)[E]>;
