import {
  type CadenceStep,
  isDialStep,
  NO_WAIT,
  type TaskResult,
  type Transition,
  type Wait,
} from '../domain/cadence';
import type { Outcome } from '../domain/outcome';

/** Where an enrollment stands when a step ends. */
export type StepPosition = {
  stepId: string;
  /** Dials made on this step, the one just logged included. */
  stepAttempts: number;
  /** The open task is a one-off task put before the step (e.g. "find a working number"). */
  interstitial: boolean;
};

export type StepEvent =
  | { kind: 'outcome'; outcome: Pick<Outcome, 'id' | 'transition'> }
  | { kind: 'result'; result: TaskResult };

/** What the enrollment does next. */
export type Decision =
  | { type: 'finish'; reason: 'completed' | 'exited' }
  | { type: 'step'; stepId: string; stepAttempts: number; wait: Wait }
  | { type: 'task'; title: string; wait: Wait }
  /** An ad-hoc call on a lead whose step is not a call leaves that step's task as it is. */
  | { type: 'keep' };

/**
 * The cadence's answer to a step ending: by the step's transition for the outcome (or `done` /
 * `skipped`), else the outcome's own default. A `retry` past the step's attempt limit moves on.
 */
export const advance = (
  steps: readonly CadenceStep[],
  position: StepPosition,
  event: StepEvent,
): Decision => {
  const index = steps.findIndex((s) => s.id === position.stepId);
  const step = steps[index];
  if (!step) return { type: 'finish', reason: 'exited' };
  const dial = isDialStep(step.kind);

  if (event.kind === 'result' && position.interstitial) {
    return { type: 'step', stepId: step.id, stepAttempts: position.stepAttempts, wait: NO_WAIT };
  }

  let transition: Transition;
  if (event.kind === 'outcome') {
    const fallback = event.outcome.transition ?? { action: 'next' };
    if (!dial) {
      // A call made while the lead's step is an email or other task: the cadence stays on that step
      // unless the outcome ends it or calls for a one-off task.
      if (fallback.action === 'exit') return { type: 'finish', reason: 'exited' };
      if (fallback.action === 'task')
        return { type: 'task', title: fallback.title, wait: fallback.wait ?? NO_WAIT };
      return { type: 'keep' };
    }
    transition = step.on[event.outcome.id] ?? fallback;
  } else {
    transition = step.on[event.result] ?? { action: 'next' };
  }

  const toNext = (wait?: Wait): Decision => {
    const next = steps[index + 1];
    return next
      ? { type: 'step', stepId: next.id, stepAttempts: 0, wait: wait ?? next.wait }
      : { type: 'finish', reason: 'completed' };
  };

  switch (transition.action) {
    case 'next':
      return toNext(transition.wait);
    case 'goto': {
      const target = steps.find((s) => s.id === transition.step);
      if (!target) return toNext(transition.wait);
      return { type: 'step', stepId: target.id, stepAttempts: 0, wait: transition.wait ?? target.wait };
    }
    case 'retry':
      if (event.kind === 'outcome' && position.stepAttempts >= step.maxAttempts) return toNext();
      return { type: 'step', stepId: step.id, stepAttempts: position.stepAttempts, wait: transition.wait };
    case 'exit':
      return { type: 'finish', reason: 'exited' };
    case 'task':
      return { type: 'task', title: transition.title, wait: transition.wait ?? NO_WAIT };
  }
};
