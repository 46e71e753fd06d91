import { advance } from '@shared/cadence/advance';
import { isDialStep } from '@shared/domain/cadence';
import { dayKeyOf } from '@shared/queue/blockers';
import { dueAfterIn } from '../cadence/due';
import type { LoadedDial } from './explain';
import type { ResolvedRules } from './rules-store';
import { NEVER, readyAtFor } from './schedule';
import { dayZoneOf, type Services } from './services';

/** A lead the day's plan has dialled, carried forward as if each planned dial went unanswered. */
export type Redial = {
  stepId: string;
  /** Dials on that step, the planned ones included. */
  stepAttempts: number;
  /** Attempts in the lead's local day and in all, the planned ones included. */
  day: number;
  total: number;
  /** When the queue offers the lead again (UTC epoch ms). */
  returnsAt: number;
};

/**
 * When the queue would offer lead `dial` again after a dial at `t` (epoch ms) that is not answered:
 * the cadence's own `no_answer` transition for the step (`advance`, as `outcomes.log` applies it) and
 * the queue's retry gap and attempt limits (`readyAtFor`, as the task's `ready_at` is set). `before`
 * is the lead as earlier planned dials left it. Null when the lead would not be offered again: no
 * cadence, the step moves on to a step that is not a call, or a limit is reached.
 */
export const redialAfter = (
  svc: Services,
  resolved: ResolvedRules,
  dial: LoadedDial,
  before: Redial | undefined,
  t: number,
): Redial | null => {
  const { enrollment, task } = dial;
  if (!enrollment || !task || task.lane !== 'dial') return null;
  const cadence = svc.cadences.get(enrollment.cadence_id);
  const noAnswer = svc.outcomes.get('no_answer');
  if (!cadence || !noAnswer) return null;
  const decision = advance(
    cadence.steps,
    {
      stepId: before?.stepId ?? enrollment.step_id,
      stepAttempts: (before?.stepAttempts ?? enrollment.step_attempts) + 1,
      interstitial: false,
    },
    { kind: 'outcome', outcome: noAnswer },
  );
  if (decision.type !== 'step') return null;
  const step = cadence.steps.find((s) => s.id === decision.stepId);
  if (!step || !isDialStep(step.kind)) return null;
  const dayZone = dayZoneOf(dial.zoneKey, resolved);
  const today = dayKeyOf(dayZone, t);
  const day = (before ? before.day : dial.counters.dayKey === today ? dial.counters.day : 0) + 1;
  const total = (before?.total ?? dial.counters.total) + 1;
  const due = dueAfterIn(resolved, dial.zoneKey, t, decision.wait);
  const returnsAt = readyAtFor(
    due,
    'dial',
    { ...dial.counters, day, total, dayKey: today, lastAt: t },
    dial.state.limits,
    dayZone,
  );
  if (returnsAt >= NEVER) return null;
  return { stepId: decision.stepId, stepAttempts: decision.stepAttempts, day, total, returnsAt };
};
