import { outcomeLabel } from '@renderer/features/outcomes/utils/labels';
import { DEFAULT_OUTCOMES, type Outcome } from '@shared/domain/outcome';
import type { TFunction } from 'i18next';

/**
 * The label an outcome's field shows: a built-in outcome whose label is still its shipped English
 * label shows its translated name (`outcomes.names.<id>`), the same rule as the desktop
 * (renderer `outcomeLabel`); a renamed built-in or a team's own outcome shows its label as written.
 */
export const shownOutcomeLabel = (outcome: Pick<Outcome, 'id' | 'label'>, t: TFunction): string =>
  outcomeLabel(outcome, t);

/**
 * The label to keep for what a manager typed into a built-in outcome's field: their text, except
 * that the built-in's translated name (or its shipped English label), spaces around it ignored,
 * stays the shipped English label — so saving an unedited set in Korean or Chinese stores no
 * English or translated copy as a custom label, and every desktop keeps showing it translated.
 */
export const labelToKeep = (outcome: Pick<Outcome, 'id'>, typed: string, t: TFunction): string => {
  const shipped = DEFAULT_OUTCOMES.find((builtin) => builtin.id === outcome.id)?.label;
  if (shipped === undefined) return typed;
  const trimmed = typed.trim();
  return trimmed === shipped || trimmed === shownOutcomeLabel({ id: outcome.id, label: shipped }, t)
    ? shipped
    : typed;
};
