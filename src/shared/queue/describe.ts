import { isInstant, isoOrNull } from '../domain/instant';
import type { Blocker } from '../domain/queue';
import type { RawBlocker } from './blockers';
import { isoInZone } from './clock';

/** A blocker's clearing time as text; a stored time that is not a real instant reads as unknown. */
const when = (at: number | null, zone: string | null): string =>
  at === null
    ? ''
    : !isInstant(at)
      ? 'an unknown time'
      : zone
        ? isoInZone(zone, at)
        : new Date(at).toISOString();

/** English text for a blocker, for the CLI and logs; the interface words its own from `rule` and `data`. */
export const describeBlocker = (raw: RawBlocker, zone: string | null): Blocker => {
  const d = raw.data ?? {};
  const until = when(raw.until, zone);
  const messages: Record<Blocker['rule'], string> = {
    status: `The lead's status is ${d.status}; only new, working and nurture leads are called.`,
    do_not_contact: d.kind
      ? `The ${d.kind} ${d.value} is on the do-not-contact list; the lead is never called.`
      : "The lead's status is do-not-contact; the lead is never called.",
    no_phone: 'The lead has no phone number.',
    not_enrolled: 'The lead is on no cadence and has no callback; enroll it to call it from the queue.',
    step_not_call: `The lead's current step is ${d.kind === 'email' ? 'an email' : d.kind === 'linkedin' ? 'a LinkedIn' : 'a custom'} task, not a call; complete it first.`,
    paused: "The lead's cadence is paused; resume it to call.",
    attempt_limit: `The lead has been dialed ${d.attempts} times, the limit of ${d.limit}.`,
    not_due: `The next ${d.kind === 'callback' ? 'callback' : 'call'} is due at ${until}.`,
    reserved: `Another rep (${d.by}) holds the lead until ${until}.`,
    snoozed: `The rep snoozed the lead until ${until}${d.reason ? ` (${d.reason})` : ''}; it comes back to the queue then.`,
    retry_gap: `The lead was dialed recently; the next dial waits until ${until}.`,
    daily_limit: `The lead has been dialed ${d.attempts} times today, the daily limit of ${d.limit}; it can be dialed again from ${until}.`,
    calling_window:
      raw.until === null
        ? d.timeZoneUnknown
          ? "The lead's time zone is unknown and no hour is inside the calling window everywhere it could be; set the lead's time zone."
          : 'The calling window never opens for this lead.'
        : d.timeZoneUnknown
          ? `The lead's time zone is unknown; the calling window is open everywhere it could be from ${until}. Set the lead's time zone to call sooner.`
          : `It is outside the lead's calling window (${d.reason === 'hours' ? 'local time' : d.reason === 'weekend' ? 'not a business day' : 'a holiday'}); the window opens at ${until}.`,
  };
  return {
    ...raw,
    untilIso: isoOrNull(raw.until),
    message: messages[raw.rule],
  };
};
