import { isDialStep, STEP_KINDS, StepKind, TASK_RESULTS } from '@shared/domain/cadence';
import type { Outcome } from '@shared/domain/outcome';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { builtinText } from '../../../../i18n/builtinText';
import { Button } from '../../../../ui/Button';
import { TrashIcon } from '../../../../ui/icons';
import { outcomeLabel } from '../../../outcomes/utils/labels';
import type { StepDraft } from '../../utils/draft';
import { type EmailTemplateChoice, EmailTemplatePicker } from './EmailTemplatePicker';
import { type RuleKey, TransitionRow } from './TransitionRow';
import { WaitFields } from './WaitFields';
import './steps.css';

export type CadenceStepEditorProps = {
  step: StepDraft;
  /** The step's place in the cadence, 0-based (shown 1-based). */
  index: number;
  /** Every step of the cadence, for `goto` rules and whether this one may be removed. */
  steps: readonly StepDraft[];
  /**
   * The team's outcome set, in any order: a dial step's rules list every outcome by `position`
   * (switched-off ones too: a step may still name what follows one), and a new rule starts from the
   * first active one.
   */
  outcomes: readonly Outcome[];
  /** Templates an email step may send; left out where none can be listed, and then no picker shows. */
  emailTemplates?: readonly EmailTemplateChoice[];
  /** Marked as needing a fix (a save the core refused, or `problems`). */
  invalid?: boolean;
  /** What is wrong with this step, in words, shown under it. */
  problems?: readonly string[];
  onChange: (step: StepDraft) => void;
  onRemove: () => void;
};

const ruleKeys = (step: StepDraft, ordered: readonly Outcome[], t: TFunction): RuleKey[] =>
  isDialStep(step.kind)
    ? ordered.map((outcome) => ({ value: outcome.id, label: outcomeLabel(outcome, t) }))
    : TASK_RESULTS.map((result) => ({ value: result, label: t(`cadences.results.${result}`) }));

/**
 * One step of a cadence, the same on the desktop and in the team console: its title, kind, wait,
 * attempts (dial steps), email template (email steps, where templates are given) and its rules per
 * outcome. A built-in step's stored English shows in the interface language (`builtinText`) while the
 * draft keeps the English until the field is edited. Changing the kind drops the rules and the
 * template, which belong to the old kind.
 */
export const CadenceStepEditor = ({
  step,
  index,
  steps,
  outcomes,
  emailTemplates,
  invalid = false,
  problems = [],
  onChange,
  onRemove,
}: CadenceStepEditorProps) => {
  const { t } = useTranslation();
  const needsFix = invalid || problems.length > 0;
  const ordered = [...outcomes].sort((a, b) => a.position - b.position);
  const keys = ruleKeys(step, ordered, t);
  const firstKey = isDialStep(step.kind) ? (ordered.find((o) => o.active)?.id ?? 'no_answer') : 'done';
  return (
    <li
      className={`cadence-step${needsFix ? ' cadence-step--invalid' : ''}`}
      data-testid="cadence-step"
      aria-invalid={needsFix || undefined}
    >
      <fieldset className="cadence-step__group">
        <legend className="visually-hidden">{t('cadences.stepN', { n: index + 1 })}</legend>
        <div className="cadence-step__head">
          <span className="cadence-step__num" aria-hidden="true">
            {index + 1}
          </span>
          <input
            className="input cadence-step__title"
            aria-label={t('cadences.stepTitle')}
            value={builtinText(step.title)}
            maxLength={200}
            onChange={(event) => onChange({ ...step, title: event.target.value })}
            data-testid="cadence-step-title"
          />
          <select
            className="input"
            aria-label={t('cadences.kind')}
            value={step.kind}
            onChange={(event) =>
              onChange({
                ...step,
                kind: StepKind.parse(event.target.value),
                on: [],
                emailTemplateId: undefined,
              })
            }
            data-testid="cadence-step-kind"
          >
            {STEP_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`cadences.kinds.${kind}`)}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="icon-btn icon-btn--small"
            aria-label={t('cadences.removeStep')}
            onClick={onRemove}
            disabled={steps.length === 1}
          >
            <TrashIcon />
          </button>
        </div>
        <div className="cadence-step__fields">
          <div className="cadence-inline">
            <span className="field__label" aria-hidden="true">
              {t('cadences.wait')}
            </span>
            <WaitFields
              wait={step.wait}
              label={t('cadences.wait')}
              onChange={(wait) => onChange({ ...step, wait })}
              testId="cadence-step-wait"
            />
          </div>
          {isDialStep(step.kind) ? (
            <label className="cadence-inline">
              <span className="field__label">{t('cadences.maxAttempts')}</span>
              <input
                className="input cadence-number"
                type="number"
                min={1}
                max={20}
                value={step.maxAttempts}
                onChange={(event) => onChange({ ...step, maxAttempts: Number(event.target.value) })}
                data-testid="cadence-step-attempts"
              />
            </label>
          ) : null}
          {step.kind === 'email' && emailTemplates ? (
            <EmailTemplatePicker
              value={step.emailTemplateId}
              templates={emailTemplates}
              onChange={(emailTemplateId) => onChange({ ...step, emailTemplateId })}
            />
          ) : null}
        </div>
        <div className="cadence-step__rules">
          <span className="field__label">{t('cadences.transitions')}</span>
          <ul className="cadence-transitions">
            {step.on.map((rule, i) => (
              <TransitionRow
                // biome-ignore lint/suspicious/noArrayIndexKey: rules are edited in place; their key may repeat while typing
                key={i}
                rule={rule}
                step={step}
                steps={steps}
                keys={keys}
                onChange={(next) => onChange({ ...step, on: step.on.map((r, j) => (j === i ? next : r)) })}
                onRemove={() => onChange({ ...step, on: step.on.filter((_, j) => j !== i) })}
              />
            ))}
          </ul>
          <Button
            size="s"
            variant="ghost"
            onClick={() =>
              onChange({ ...step, on: [...step.on, { key: firstKey, transition: { action: 'next' } }] })
            }
          >
            {t('cadences.addRule')}
          </Button>
        </div>
        {problems.map((problem) => (
          <p key={problem} className="form-error">
            {problem}
          </p>
        ))}
      </fieldset>
    </li>
  );
};
