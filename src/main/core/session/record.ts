import type { Skip, SkipReason, Snooze, SnoozeReason } from '@shared/domain/session';
import { AppError } from '../errors';
import { newId } from '../ids';
import { assertContactable } from '../outcomes/guards';
import type { Services } from '../queue/services';
import { writeNow } from '../store/write-lock';

export type SkipInput = { leadId: string; reason: SkipReason; note?: string; at: number };
export type SnoozeInput = { leadId: string; reason: SnoozeReason; note?: string; at: number; until: number };

export type SessionRecorder = ReturnType<typeof createSessionRecorder>;

/**
 * Skips and snoozes, each one transaction: the activity (`kind` `skip` or `snooze`, `outcome` the reason
 * code, `body` the note, `data` `{ until }` for a snooze), the lead's snooze on its queue counters, and
 * the outbox mutation (`lead.skip`, `lead.snooze`). A do-not-contact lead is refused
 * (`lead_do_not_contact`): it is never in the queue to skip.
 */
export const createSessionRecorder = (svc: Services) => {
  const { db } = svc;
  const insertActivity = db.prepare(`INSERT INTO activities (id, lead_id, kind, outcome, body, data,
    occurred_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
  const setSnooze = db.prepare(`INSERT INTO lead_queue (lead_id, snoozed_until, snooze_reason, updated_at)
    VALUES (@leadId, @until, @reason, @at)
    ON CONFLICT(lead_id) DO UPDATE SET snoozed_until = @until, snooze_reason = @reason, updated_at = @at`);

  const noteOf = (note: string | undefined): string | null => (note?.trim() ? note.trim() : null);

  return {
    /** Records the skip; the queue's order is left as it is. */
    skip(input: SkipInput): Skip {
      const facts = svc.leads.mustFacts(input.leadId);
      assertContactable(svc, facts);
      const id = newId();
      const note = noteOf(input.note);
      writeNow(db, () => {
        insertActivity.run(id, facts.id, 'skip', input.reason, note, null, input.at, svc.now());
        svc.record(facts.isDemo, 'lead.skip', {
          id,
          leadId: facts.id,
          reason: input.reason,
          note,
          occurredAt: input.at,
        });
      });
      return { activityId: id, leadId: facts.id, reason: input.reason, note, skippedAt: input.at };
    },
    /** Snoozes the lead until `until` (after `at`, else `snooze_not_future`), replacing an earlier snooze. */
    snooze(input: SnoozeInput): Snooze {
      const facts = svc.leads.mustFacts(input.leadId);
      assertContactable(svc, facts);
      if (input.until <= input.at) {
        throw new AppError(
          'snooze_not_future',
          `A snooze must end after now (${new Date(input.at).toISOString()}); ${new Date(input.until).toISOString()} is not later. Pick a later time or a duration such as 1h.`,
          undefined,
          { until: new Date(input.until).toISOString() },
        );
      }
      const id = newId();
      const note = noteOf(input.note);
      const text = note ?? input.reason;
      writeNow(db, () => {
        insertActivity.run(
          id,
          facts.id,
          'snooze',
          input.reason,
          note,
          JSON.stringify({ until: input.until }),
          input.at,
          svc.now(),
        );
        setSnooze.run({ leadId: facts.id, until: input.until, reason: text, at: input.at });
        svc.record(facts.isDemo, 'lead.snooze', {
          id,
          leadId: facts.id,
          reason: input.reason,
          note,
          until: input.until,
          occurredAt: input.at,
        });
      });
      return {
        activityId: id,
        leadId: facts.id,
        reason: input.reason,
        note,
        snoozedAt: input.at,
        until: input.until,
        untilIso: new Date(input.until).toISOString(),
      };
    },
  };
};
