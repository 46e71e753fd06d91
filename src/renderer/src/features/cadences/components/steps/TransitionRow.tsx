import { isDialStep, type Transition } from '@shared/domain/cadence';
import { useTranslation } from 'react-i18next';
import { builtinText } from '../../../../i18n/builtinText';
import { TrashIcon } from '../../../../ui/icons';
import { type StepDraft, withAction } from '../../utils/draft';
import { WaitFields } from './WaitFields';

const ACTIONS: ReadonlyArray<Transition['action']> = ['next', 'retry', 'goto', 'exit', 'task'];

type Rule = StepDraft['on'][number];

/** A key a rule may start from: an outcome id (dial steps) or `done` / `skipped`, with its label. */
export type RuleKey = { value: string; label: string };

type TransitionRowProps = {
  rule: Rule;
  step: StepDraft;
  steps: readonly StepDraft[];
  /** What the step may end with, in the order listed; a key not among them is listed as written. */
  keys: readonly RuleKey[];
  onChange: (rule: Rule) => void;
  onRemove: () => void;
};

/** One "when the step ends with X, then Y" rule: the outcome (or result), the action and its detail. */
export const TransitionRow = ({ rule, step, steps, keys, onChange, onRemove }: TransitionRowProps) => {
  const { t } = useTranslation();
  const { transition } = rule;
  const choices = keys.some((key) => key.value === rule.key)
    ? keys
    : [...keys, { value: rule.key, label: rule.key }];
  return (
    <li className="cadence-transition" data-testid="cadence-rule">
      <select
        className="input"
        aria-label={isDialStep(step.kind) ? t('cadences.when') : t('cadences.whenResult')}
        value={rule.key}
        onChange={(event) => onChange({ ...rule, key: event.target.value })}
      >
        {choices.map((key) => (
          <option key={key.value} value={key.value}>
            {key.label}
          </option>
        ))}
      </select>
      <span aria-hidden="true">→</span>
      <select
        className="input"
        aria-label={t('cadences.thenDo')}
        value={transition.action}
        onChange={(event) =>
          onChange({
            ...rule,
            transition: withAction(
              transition,
              event.target.value as Transition['action'],
              steps[0]?.id ?? step.id,
            ),
          })
        }
      >
        {ACTIONS.map((action) => (
          <option key={action} value={action}>
            {t(`cadences.actions.${action}`)}
          </option>
        ))}
      </select>
      {transition.action === 'goto' ? (
        <select
          className="input"
          aria-label={t('cadences.gotoStep')}
          value={transition.step}
          onChange={(event) => onChange({ ...rule, transition: { ...transition, step: event.target.value } })}
        >
          {steps.map((target, index) => (
            <option key={target.id} value={target.id}>
              {index + 1}. {builtinText(target.title)}
            </option>
          ))}
        </select>
      ) : null}
      {transition.action === 'task' ? (
        <input
          className="input"
          aria-label={t('cadences.taskTitle')}
          value={builtinText(transition.title)}
          maxLength={200}
          onChange={(event) =>
            onChange({ ...rule, transition: { ...transition, title: event.target.value } })
          }
        />
      ) : null}
      {transition.action === 'retry' ? (
        <WaitFields
          wait={transition.wait}
          label={t('cadences.after')}
          onChange={(wait) => onChange({ ...rule, transition: { ...transition, wait } })}
        />
      ) : null}
      <button
        type="button"
        className="icon-btn icon-btn--small"
        aria-label={t('cadences.removeRule')}
        onClick={onRemove}
      >
        <TrashIcon />
      </button>
    </li>
  );
};
