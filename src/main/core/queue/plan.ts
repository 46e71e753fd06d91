import type { DailyPlan, PaceSource } from '@shared/domain/queue';
import { localDateOf, nextLocalMidnight, startOfLocalDay } from '@shared/queue/clock';
import type { Statement } from 'better-sqlite3';
import type { Db } from '../store/db';
import { type Redial, redialAfter } from './redial';
import type { Selector } from './select';
import { toEntry } from './select';
import type { Services } from './services';

// Prepared once per connection.
const callTimesOf = new WeakMap<Db, Statement<[number, number, number], number>>();
/** Times (epoch ms) of the calls logged between two instants, newest first, at most a limit. */
const callTimes = (db: Db): Statement<[number, number, number], number> => {
  let statement = callTimesOf.get(db);
  if (!statement) {
    statement = db
      .prepare<[number, number, number], number>(
        "SELECT occurred_at FROM activities WHERE kind = 'call' AND voided_at IS NULL AND occurred_at >= ? AND occurred_at <= ? ORDER BY occurred_at DESC LIMIT ?",
      )
      .pluck();
    callTimesOf.set(db, statement);
  }
  return statement;
};

const DAY = 86_400_000;
/** Longer gaps between two calls are breaks, not pace. */
const MAX_GAP = 30 * 60_000;
const RECENT_DAYS = 7;
const MAX_STEPS = 5000;

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

const gapsOf = (times: number[]): number[] => {
  const gaps: number[] = [];
  for (let i = 1; i < times.length; i++) {
    const gap = (times[i] as number) - (times[i - 1] as number);
    if (gap > 0 && gap <= MAX_GAP) gaps.push(gap);
  }
  return gaps;
};

/**
 * The rep's pace: the median gap between their calls today; failing that, over the last week; failing
 * that, the team's default. Gaps over half an hour are breaks and left out.
 */
const paceOf = (svc: Services, dayStart: number, at: number, defaultSeconds: number) => {
  const calls = callTimes(svc.db);
  const today = calls.all(dayStart, at, 2000).reverse();
  const todayGaps = gapsOf(today);
  if (todayGaps.length >= 2) {
    return {
      dialsToday: today.length,
      pace: {
        secondsPerDial: median(todayGaps) / 1000,
        source: 'today' as PaceSource,
        samples: todayGaps.length,
      },
    };
  }
  const recent = calls.all(dayStart - RECENT_DAYS * DAY, dayStart - 1, 2000).reverse();
  const recentGaps = gapsOf(recent);
  if (recentGaps.length >= 2) {
    return {
      dialsToday: today.length,
      pace: {
        secondsPerDial: median(recentGaps) / 1000,
        source: 'recent' as PaceSource,
        samples: recentGaps.length,
      },
    };
  }
  return {
    dialsToday: today.length,
    pace: { secondsPerDial: defaultSeconds, source: 'default' as PaceSource, samples: 0 },
  };
};

/**
 * `queue.plan`: the rest of today's dials against the target. Each planned dial is the best lead
 * callable at the time the rep's pace says they will reach it; when no lead is callable the plan
 * skips ahead to the next time a task falls due, a calling window changes or a planned lead comes
 * back. A planned lead comes back when the queue would offer it again after that dial went
 * unanswered (`redialAfter`: the cadence's retry and the queue's retry gap and attempt limits), so
 * the plan counts the same callable leads the queue will list.
 *
 * `reuseReads` (default true) lets each step reuse the index pages and lead state earlier steps and
 * the queue's other reads read while the store has not changed (`Selector.readMemo`); false reads
 * everything afresh per step, the reference the reuse is tested against.
 */
export const planDay = (
  svc: Services,
  selector: Selector,
  at: number,
  { reuseReads = true }: { reuseReads?: boolean } = {},
): DailyPlan => {
  const resolved = svc.rules.get();
  const { rules, repZone } = resolved;
  const dayStart = startOfLocalDay(repZone, localDateOf(repZone, at));
  const dayEnd = nextLocalMidnight(repZone, at);
  const { dialsToday, pace } = paceOf(svc, dayStart, at, rules.defaultPaceSeconds);
  const target = rules.dailyDialTarget;
  const remaining = Math.max(0, target - dialsToday);
  const step = Math.max(1000, Math.round(pace.secondsPerDial * 1000));
  const items: DailyPlan['items'] = [];
  // Leads planned and offered again later today, and leads planned that are not offered again.
  const redials = new Map<string, Redial>();
  const done = new Set<string>();
  // Nothing is written while the plan is made, so every step shares what earlier steps (and the
  // queue's reads since the store last changed) read.
  const memo = reuseReads ? selector.readMemo() : undefined;
  let t = at;
  for (let i = 0; i < MAX_STEPS && items.length < remaining && t < dayEnd; i++) {
    const exclude = new Set(done);
    for (const [leadId, redial] of redials) if (redial.returnsAt > t) exclude.add(leadId);
    const first = selector.ranked(t, { exclude, memo }).next();
    if (!first.done) {
      const { dial } = first.value;
      items.push({ plannedAt: t, entry: toEntry(first.value, items.length + 1, t) });
      const again = redialAfter(svc, resolved, dial, redials.get(dial.facts.id), t);
      if (again) redials.set(dial.facts.id, again);
      else {
        redials.delete(dial.facts.id);
        done.add(dial.facts.id);
      }
      t += step;
      continue;
    }
    const returns = [...redials.values()].map((r) => r.returnsAt);
    const events = [selector.nextDueAfter(t), selector.nextWindowChangeAfter(t), ...returns].filter(
      (e): e is number => e !== null && e > t,
    );
    // Nothing callable until the next task falls due or a window changes; with neither, the day is done.
    t = events.length ? Math.max(t + 1, Math.min(...events)) : dayEnd;
  }
  const last = items.at(-1);
  return {
    at,
    dayStart,
    dayEnd,
    target,
    dialsToday,
    remaining,
    pace,
    estimatedFinishAt:
      remaining === 0 ? at : items.length === remaining && last ? last.plannedAt + step : null,
    shortfall: remaining - items.length,
    items,
  };
};
