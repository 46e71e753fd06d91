import { isInstant } from '../domain/instant';
import type { LeadStatus } from '../domain/lead';
import { isWorkable } from '../domain/outcome';
import type { Blocker, BlockerRule, DialLimits, DncKind, TaskLane } from '../domain/queue';
import { isoDate, localDateOf, nextLocalMidnight } from './clock';
import type { ZonesWindow } from './window';
import { isUnknownZoneKey, type ZoneKey } from './zones';

/** Everything the queue rules look at for one lead. */
export type DialState = {
  status: LeadStatus;
  phoneCount: number;
  /** Do-not-contact entries matching the lead's phones, email or email domain. */
  dnc: readonly { kind: DncKind; value: string }[];
  zoneKey: ZoneKey;
  /** The lead's live (open or paused) task. */
  task: { lane: TaskLane; kind: string; state: 'open' | 'paused'; dueAt: number } | null;
  enrollment: { state: 'active' | 'paused' } | null;
  limits: DialLimits;
  attempts: { total: number; day: number; dayKey: string | null; lastAt: number | null };
  reservation: { by: string; until: number } | null;
  /** The rep snoozed the lead until `until` (UTC epoch ms) for `reason`. */
  snooze?: { until: number; reason: string } | null;
};

export type DialEnv = {
  /** This rep's id: their own reservations do not block them. */
  me: string | null;
  window: (key: ZoneKey, at: number) => ZonesWindow;
  /** The zone whose calendar day counts the lead's daily attempts (its own, or the rep's if unknown). */
  dayZone: string;
};

export type RawBlocker = Omit<Blocker, 'untilIso' | 'message'>;

const block = (rule: BlockerRule, until: number | null, data?: RawBlocker['data']): RawBlocker =>
  data ? { rule, until, data } : { rule, until };

/** Local calendar day of `at` in `zone`, as YYYY-MM-DD: the key of the daily attempt counter. */
export const dayKeyOf = (zone: string, at: number): string => isoDate(localDateOf(zone, at));

/**
 * The do-not-contact rule for a lead, or null: the first matching list entry (phone, email or domain),
 * else the lead's own `do_not_contact` status. Every place that asks "may this lead be called?" — the
 * queue, the explainer, the lead list's badge, the lead panel — goes through here.
 */
export const doNotContactBlocker = (state: Pick<DialState, 'status' | 'dnc'>): RawBlocker | null => {
  const entry = state.dnc[0];
  if (entry) return block('do_not_contact', null, { kind: entry.kind, value: entry.value });
  if (state.status === 'do_not_contact') return block('do_not_contact', null, { status: state.status });
  return null;
};

/**
 * The rules that keep a lead out of the queue at `at`, each with the instant it clears by itself.
 * A callback the prospect asked for is not held back by the retry gap or the attempt limits, but
 * still waits for its time, the lead's calling window, and everything else.
 */
export const evaluateBlockers = (state: DialState, at: number, env: DialEnv): RawBlocker[] => {
  // Do-not-contact is absolute: it is the one rule shown (once), and it never clears by itself.
  const dnc = doNotContactBlocker(state);
  if (dnc) return [dnc];
  const blockers: RawBlocker[] = [];
  if (!isWorkable(state.status)) blockers.push(block('status', null, { status: state.status }));
  if (state.phoneCount === 0) blockers.push(block('no_phone', null));
  const task = state.task;
  if (!task) {
    blockers.push(block('not_enrolled', null));
  } else if (task.lane === 'todo') {
    blockers.push(block('step_not_call', null, { kind: task.kind }));
  }
  if (state.enrollment?.state === 'paused' || task?.state === 'paused') blockers.push(block('paused', null));
  const isCallback = task?.lane === 'callback';
  const { limits, attempts } = state;
  if (!isCallback && attempts.total >= limits.maxAttemptsTotal) {
    blockers.push(block('attempt_limit', null, { attempts: attempts.total, limit: limits.maxAttemptsTotal }));
  }
  if (task && task.lane !== 'todo' && task.dueAt > at) {
    blockers.push(block('not_due', task.dueAt, { kind: task.kind }));
  }
  const reservation = state.reservation;
  if (reservation && reservation.by !== env.me && reservation.until > at) {
    blockers.push(block('reserved', reservation.until, { by: reservation.by }));
  }
  const snooze = state.snooze;
  if (snooze && snooze.until > at) blockers.push(block('snoozed', snooze.until, { reason: snooze.reason }));
  if (!isCallback && attempts.lastAt !== null) {
    const clears = attempts.lastAt + limits.minRetryGapMinutes * 60_000;
    if (clears > at) blockers.push(block('retry_gap', clears, { lastAttemptAt: attempts.lastAt }));
  }
  if (
    !isCallback &&
    attempts.dayKey !== null &&
    attempts.day >= limits.maxAttemptsPerDay &&
    attempts.dayKey === dayKeyOf(env.dayZone, at)
  ) {
    blockers.push(
      block('daily_limit', nextLocalMidnight(env.dayZone, at), {
        attempts: attempts.day,
        limit: limits.maxAttemptsPerDay,
      }),
    );
  }
  const window = env.window(state.zoneKey, at);
  if (!window.open) {
    blockers.push(
      block('calling_window', window.until, {
        reason: window.reason,
        timeZoneUnknown: isUnknownZoneKey(state.zoneKey),
      }),
    );
  }
  return blockers;
};

/**
 * The earliest instant from `at` at which no rule blocks the lead, or null if a rule never clears by
 * itself (or the bad stored time itself, when a rule clears at one). Each round jumps to the latest clearing time; every rule's clearing time lies after the
 * instant it was judged at, so the rounds move forward and stop at the first free instant.
 */
export const callableAt = (state: DialState, at: number, env: DialEnv): number | null => {
  let t = at;
  for (let round = 0; round < 64; round++) {
    const blockers = evaluateBlockers(state, t, env);
    if (blockers.length === 0) return t;
    let latest = t;
    for (const b of blockers) {
      if (b.until === null) return null;
      // A clearing time from a bad stored instant cannot be judged at: the answer is that time,
      // which views show as unknown (see isoOrNull), rather than a calendar past year 275760.
      if (!isInstant(b.until)) return b.until;
      if (b.until > latest) latest = b.until;
    }
    t = latest;
  }
  return null;
};
