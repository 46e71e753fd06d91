import { OutcomeId } from '@shared/domain/cadence';
import type { Outcome, OutcomeEffect } from '@shared/domain/outcome';

/** Why an outcome to add cannot be: its id is not an outcome id, or the set has it already. */
export type NewOutcomeProblem = 'idInvalid' | 'idTaken' | 'labelMissing' | null;

/** Checks an outcome a manager adds (`id`, `label`) against the set as edited. */
export const newOutcomeProblem = (
  outcomes: readonly Outcome[],
  id: string,
  label: string,
): NewOutcomeProblem => {
  if (!OutcomeId.safeParse(id).success) return 'idInvalid';
  if (outcomes.some((outcome) => outcome.id === id)) return 'idTaken';
  if (label.trim() === '') return 'labelMissing';
  return null;
};

/** A team's own outcome: loggable, keeps the status, goes to the next step, not a conversation. */
export const newOutcome = (id: string, label: string, position: number): Outcome => ({
  id,
  label: label.trim(),
  builtin: false,
  active: true,
  status: null,
  transition: { action: 'next' },
  effect: 'none',
  connected: false,
  position,
});

/**
 * An outcome with a new effect: leaving "callback" needs a transition (only a callback may have none),
 * so one that had none goes to the next step.
 */
export const withEffect = (outcome: Outcome, effect: OutcomeEffect): Outcome => ({
  ...outcome,
  effect,
  transition: effect !== 'callback' && outcome.transition === null ? { action: 'next' } : outcome.transition,
});

/** `outcomes` with the one at `index` moved by `by` (−1 up, +1 down), positions renumbered. */
export const moveOutcome = (outcomes: readonly Outcome[], index: number, by: -1 | 1): Outcome[] => {
  const target = index + by;
  if (target < 0 || target >= outcomes.length) return [...outcomes];
  const next = [...outcomes];
  const [moved] = next.splice(index, 1);
  if (moved) next.splice(target, 0, moved);
  return next.map((outcome, position) => ({ ...outcome, position }));
};
