import {
  BUILTIN_OUTCOME_IDS,
  type BuiltinOutcomeId,
  DEFAULT_OUTCOMES,
  type Outcome,
} from '@shared/domain/outcome';
import type { TFunction } from 'i18next';

const isBuiltin = (id: string): id is BuiltinOutcomeId =>
  (BUILTIN_OUTCOME_IDS as readonly string[]).includes(id);

/**
 * A built-in outcome keeps its translated name until the team renames it; a team's own label (or
 * outcome) is shown as they wrote it.
 */
export const outcomeLabel = (outcome: Pick<Outcome, 'id' | 'label'>, t: TFunction): string => {
  if (!isBuiltin(outcome.id)) return outcome.label;
  const builtin = DEFAULT_OUTCOMES.find((o) => o.id === outcome.id);
  return builtin && builtin.label === outcome.label ? t(`outcomes.names.${outcome.id}`) : outcome.label;
};

/** Digits 1–9 then 0 log the first ten outcomes. */
export const OUTCOME_KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0'] as const;
export const outcomeKey = (index: number): string | null => OUTCOME_KEYS[index] ?? null;
export const outcomeIndexOfKey = (key: string): number => (OUTCOME_KEYS as readonly string[]).indexOf(key);
