import { z } from 'zod';
import { UpdateStatus } from './desktop';
import { ImportProgress } from './imports';
import { ArrivedLead, NoticeTarget, ReroutedHandoff } from './notices';

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
  /**
   * Electron host: the OS handed over a phone link or a CSV file; the window takes it with
   * `takePendingLaunch` (a nudge only: what it announces stays queued until taken).
   */
  'app:launchPending': z.object({}),
  /** Electron host: the automatic update moved on (downloading, ready to restart…). */
  'app:update': UpdateStatus,
  /** The background sync's state, pending count or rejected changes changed: re-read `sync.status`. */
  'sync:changed': z.object({}),
  /**
   * Inbound leads that reached this rep's call queue through sync (assigned to the signed-in rep and
   * put on a cadence for the first time): the renderer notifies the rep (speed-to-lead).
   */
  'leads:arrived': z.object({ leads: z.array(ArrivedLead) }),
  /**
   * The rep's hand-offs the team server re-routed to another AE (or to nobody yet) because their AE
   * left the team, as a pull just brought them: the renderer tells the rep who has each now.
   */
  'handoffs:rerouted': z.object({ handoffs: z.array(ReroutedHandoff) }),
  /** Electron host: the rep clicked a desktop notification; the window opens what it was about. */
  'app:noticeClicked': NoticeTarget,
};
export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.infer<(typeof events)[E]>;
