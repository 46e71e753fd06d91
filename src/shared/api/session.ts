import { z } from 'zod';
import { Instant } from '../domain/instant';
import { SessionStats, Skip, SkipReason, Snooze, SnoozeReason } from '../domain/session';
import { method } from './contract';

const LeadId = z.string().uuid();
const Note = z.string().trim().max(500).optional();

export const sessionMethods = {
  /**
   * Records that the rep skipped the lead in this calling session (an activity and an outbox mutation);
   * the queue itself is unchanged — the session leaves the lead out of its own `queue.next` calls.
   * Errors: `not_found`, `lead_do_not_contact`.
   */
  'session.skip': method(
    z.object({ leadId: LeadId, reason: SkipReason, note: Note, at: Instant.optional() }),
    Skip,
  ),
  /**
   * Keeps the lead out of the queue until `until` (UTC epoch ms); `queue.why` explains it (rule
   * `snoozed`) and the lead comes back by itself then. A new snooze replaces the lead's previous one.
   * Errors: `not_found`, `lead_do_not_contact`, `snooze_not_future` (until is not after now).
   */
  'session.snooze': method(
    z.object({ leadId: LeadId, until: Instant, reason: SnoozeReason, note: Note, at: Instant.optional() }),
    Snooze,
  ),
  /** Today's figures in the rep's time zone (see `SessionStats`), at `at` or now. */
  'session.stats': method(z.object({ at: Instant.optional() }), SessionStats),
};
