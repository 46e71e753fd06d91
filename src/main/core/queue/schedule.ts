import type { DialLimits, TaskLane } from '@shared/domain/queue';
import { nextLocalMidnight } from '@shared/queue/clock';
import type { Counters } from './lead-state';

/** ready_at of a task that no dial may ever take (the lead is past its total attempt limit). */
export const NEVER = 8_640_000_000_000_000;

/**
 * The queue's priority band for a cadence step, 0–4, higher first: fit (high +2, unknown or medium +1,
 * low 0) plus freshness (never dialed +2, dialed once or twice +1, more 0). Within a band the step
 * that has waited longest comes first.
 */
export const bandOf = (fit: number | null, attempts: number): number => {
  const fitPoints = fit === null ? 1 : fit >= 70 ? 2 : fit >= 40 ? 1 : 0;
  const freshPoints = attempts === 0 ? 2 : attempts <= 2 ? 1 : 0;
  return fitPoints + freshPoints;
};

/**
 * When a task may first surface in the queue: its due time pushed past the retry gap and, if the day's
 * attempts are used up, to the next local day. The queue still checks every rule before it surfaces a
 * lead; this only keeps tasks that cannot be called out of the part of the index it reads.
 */
export const readyAtFor = (
  dueAt: number,
  lane: TaskLane,
  counters: Counters,
  limits: DialLimits,
  dayZone: string,
): number => {
  if (lane !== 'dial') return dueAt;
  if (counters.total >= limits.maxAttemptsTotal) return NEVER;
  let ready = dueAt;
  if (counters.lastAt !== null) {
    ready = Math.max(ready, counters.lastAt + limits.minRetryGapMinutes * 60_000);
    if (counters.day >= limits.maxAttemptsPerDay)
      ready = Math.max(ready, nextLocalMidnight(dayZone, counters.lastAt));
  }
  return ready;
};
