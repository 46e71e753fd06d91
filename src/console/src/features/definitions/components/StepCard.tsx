import type { CadenceDraft, StepDraft } from '@renderer/features/cadences/utils/draft';
import { withAction } from '@renderer/features/cadences/utils/draft';
import { Button } from '@renderer/ui/Button';
import {
  isDialStep,
  STEP_KINDS,
  StepKind,
  TASK_RESULTS,
  type Transition,
  type Wait,
  WaitUnit,
} from '@shared/domain/cadence';
import type { Outcome } from '@shared/domain/outcome';
import { useTranslation } from 'react-i18next';

const ACTIONS: ReadonlyArray<Transition['action']> = ['next', 'retry', 'goto', 'exit', 'task'];

/** A wait as an amount and a unit. */
const WaitFields = ({
  wait,
  label,
  onChange,
}: {
  wait: Wait;
  label: string;
  onChange: (wait: Wait) => void;
}) => {
  const { t } = useTranslation();
  return (
    <fieldset className="defs-wait">
      <legend className="visually-hidden">{label}</legend>
      <input
        className="input defs-number"
        type="number"
        min={0}
        max={10_000}
        aria-label={`${label}: ${t('cadences.waitAmount')}`}
        value={wait.amount}
        onChange={(event) => onChange({ ...wait, amount: Number(event.target.value) })}
      />
      <select
        className="input"
        aria-label={`${label}: ${t('cadences.waitUnit')}`}
        value={wait.unit}
        onChange={(event) => onChange({ ...wait, unit: WaitUnit.parse(event.target.value) })}
      >
        {WaitUnit.options.map((unit) => (
          <option key={unit} value={unit}>
            {t(`cadences.units.${unit}`)}
          </option>
        ))}
      </select>
    </fieldset>
  );
};

type Row = StepDraft['on'][number];

/** One "when the step ends with X, then Y" rule. */
const TransitionRow = ({
  row,
  step,
  steps,
  outcomes,
  onChange,
  onRemove,
}: {
  row: Row;
  step: StepDraft;
  steps: StepDraft[];
  outcomes: readonly Outcome[];
  onChange: (row: Row) => void;
  onRemove: () => void;
}) => {
  const { t } = useTranslation();
  const { transition } = row;
  const keys = isDialStep(step.kind)
    ? outcomes.map((outcome) => ({ value: outcome.id, label: outcome.label }))
    : TASK_RESULTS.map((result) => ({ value: result, label: t(`cadences.results.${result}`) }));
  if (!keys.some((key) => key.value === row.key)) keys.push({ value: row.key, label: row.key });
  return (
    <li className="defs-transition" data-testid="cadence-rule">
      <select
        className="input"
        aria-label={t('console.definitions.cadences.outcomeKey')}
        value={row.key}
        onChange={(event) => onChange({ ...row, key: event.target.value })}
      >
        {keys.map((key) => (
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
            ...row,
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
          onChange={(event) => onChange({ ...row, transition: { ...transition, step: event.target.value } })}
        >
          {steps.map((target, index) => (
            <option key={target.id} value={target.id}>
              {index + 1}. {target.title}
            </option>
          ))}
        </select>
      ) : null}
      {transition.action === 'task' ? (
        <input
          className="input"
          aria-label={t('cadences.taskTitle')}
          value={transition.title}
          onChange={(event) => onChange({ ...row, transition: { ...transition, title: event.target.value } })}
        />
      ) : null}
      {transition.action === 'retry' ? (
        <WaitFields
          wait={transition.wait}
          label={t('cadences.after')}
          onChange={(wait) => onChange({ ...row, transition: { ...transition, wait } })}
        />
      ) : null}
      <Button size="s" variant="ghost" onClick={onRemove} aria-label={t('cadences.removeRule')}>
        ✕
      </Button>
    </li>
  );
};

type StepCardProps = {
  step: StepDraft;
  index: number;
  draft: CadenceDraft;
  outcomes: readonly Outcome[];
  problems: readonly string[];
  onChange: (step: StepDraft) => void;
  onRemove: () => void;
};

/** One step of a cadence: title, kind, wait, attempts (dial steps) and its rules per outcome. */
export const StepCard = ({ step, index, draft, outcomes, problems, onChange, onRemove }: StepCardProps) => {
  const { t } = useTranslation();
  const firstKey = isDialStep(step.kind) ? (outcomes[0]?.id ?? 'no_answer') : 'done';
  const label = t('cadences.stepN', { n: index + 1 });
  return (
    <li className={`defs-step${problems.length > 0 ? ' defs-step--invalid' : ''}`} data-testid="cadence-step">
      <fieldset className="defs-step__fields" aria-invalid={problems.length > 0 || undefined}>
        <legend className="section-title">{label}</legend>
        <div className="defs-row">
          <label className="field defs-grow">
            <span className="field__label">{t('cadences.stepTitle')}</span>
            <input
              className="input"
              value={step.title}
              maxLength={200}
              onChange={(event) => onChange({ ...step, title: event.target.value })}
              data-testid="cadence-step-title"
            />
          </label>
          <label className="field">
            <span className="field__label">{t('cadences.kind')}</span>
            <select
              className="input"
              value={step.kind}
              onChange={(event) => onChange({ ...step, kind: StepKind.parse(event.target.value), on: [] })}
              data-testid="cadence-step-kind"
            >
              {STEP_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`cadences.kinds.${kind}`)}
                </option>
              ))}
            </select>
          </label>
          <div className="field">
            <span className="field__label">{t('cadences.wait')}</span>
            <WaitFields
              wait={step.wait}
              label={t('cadences.wait')}
              onChange={(wait) => onChange({ ...step, wait })}
            />
          </div>
          {isDialStep(step.kind) ? (
            <label className="field">
              <span className="field__label">{t('cadences.maxAttempts')}</span>
              <input
                className="input defs-number"
                type="number"
                min={1}
                max={20}
                value={step.maxAttempts}
                onChange={(event) => onChange({ ...step, maxAttempts: Number(event.target.value) })}
                data-testid="cadence-step-attempts"
              />
            </label>
          ) : null}
        </div>
        <span className="field__label">{t('cadences.transitions')}</span>
        <ul className="defs-transitions">
          {step.on.map((row, i) => (
            <TransitionRow
              // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place; their key may repeat while typing
              key={i}
              row={row}
              step={step}
              steps={draft.steps}
              outcomes={outcomes}
              onChange={(next) => onChange({ ...step, on: step.on.map((r, j) => (j === i ? next : r)) })}
              onRemove={() => onChange({ ...step, on: step.on.filter((_, j) => j !== i) })}
            />
          ))}
        </ul>
        <div className="defs-row defs-row--tight">
          <Button
            size="s"
            variant="ghost"
            onClick={() =>
              onChange({ ...step, on: [...step.on, { key: firstKey, transition: { action: 'next' } }] })
            }
          >
            {t('cadences.addRule')}
          </Button>
          <Button size="s" variant="ghost" onClick={onRemove} disabled={draft.steps.length === 1}>
            {t('cadences.removeStep')}
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
