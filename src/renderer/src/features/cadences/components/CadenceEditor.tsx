import {
  isDialStep,
  STEP_KINDS,
  TASK_RESULTS,
  type Transition,
  type Wait,
  WaitUnit,
} from '@shared/domain/cadence';
import { useTranslation } from 'react-i18next';
import { builtinText } from '../../../i18n/builtinText';
import { Button } from '../../../ui/Button';
import { TrashIcon } from '../../../ui/icons';
import { activeOutcomes, useOutcomeStore } from '../../outcomes/state/outcomeStore';
import { outcomeLabel } from '../../outcomes/utils/labels';
import { type CadenceDraft, newStep, type StepDraft, withAction } from '../utils/draft';
import { StepEmailTemplate } from './StepEmailTemplate';

const ACTIONS: ReadonlyArray<Transition['action']> = ['next', 'retry', 'goto', 'exit', 'task'];

const WaitFields = ({
  wait,
  onChange,
  label,
  testId,
}: {
  wait: Wait;
  onChange: (wait: Wait) => void;
  label: string;
  testId?: string;
}) => {
  const { t } = useTranslation();
  return (
    // biome-ignore lint/a11y/useSemanticElements: two inputs read as one value, inline in a row
    <span className="cadence-wait" role="group" aria-label={label}>
      <input
        className="input cadence-wait__amount"
        type="number"
        min={0}
        max={10_000}
        aria-label={t('cadences.waitAmount')}
        value={wait.amount}
        onChange={(event) => onChange({ ...wait, amount: Number(event.target.value) })}
        data-testid={testId}
      />
      <select
        className="input"
        aria-label={t('cadences.waitUnit')}
        value={wait.unit}
        onChange={(event) => onChange({ ...wait, unit: WaitUnit.parse(event.target.value) })}
      >
        {WaitUnit.options.map((unit) => (
          <option key={unit} value={unit}>
            {t(`cadences.units.${unit}`)}
          </option>
        ))}
      </select>
    </span>
  );
};

const TransitionRow = ({
  step,
  steps,
  index,
  onChange,
  onRemove,
}: {
  step: StepDraft;
  steps: StepDraft[];
  index: number;
  onChange: (row: StepDraft['on'][number]) => void;
  onRemove: () => void;
}) => {
  const { t } = useTranslation();
  const outcomes = useOutcomeStore((s) => s.outcomes);
  const row = step.on[index];
  if (!row) return null;
  const { transition } = row;
  const keys = isDialStep(step.kind)
    ? // Switched-off outcomes stay listed: a step may still name what happens after one.
      [...outcomes]
        .sort((a, b) => a.position - b.position)
        .map((o) => ({ value: o.id, label: outcomeLabel(o, t) }))
    : TASK_RESULTS.map((r) => ({ value: r, label: t(`cadences.results.${r}`) }));
  if (!keys.some((k) => k.value === row.key)) keys.push({ value: row.key, label: row.key });
  return (
    <li className="cadence-transition">
      <select
        className="input"
        aria-label={t('cadences.when')}
        value={row.key}
        onChange={(event) => onChange({ ...row, key: event.target.value })}
      >
        {keys.map((k) => (
          <option key={k.value} value={k.value}>
            {k.label}
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
          {steps.map((s) => (
            <option key={s.id} value={s.id}>
              {builtinText(s.title)}
            </option>
          ))}
        </select>
      ) : null}
      {transition.action === 'task' ? (
        <input
          className="input"
          aria-label={t('cadences.taskTitle')}
          value={builtinText(transition.title)}
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

const StepCard = ({
  step,
  index,
  invalid,
  draft,
  onChange,
  onRemove,
}: {
  step: StepDraft;
  index: number;
  invalid: boolean;
  draft: CadenceDraft;
  onChange: (step: StepDraft) => void;
  onRemove: () => void;
}) => {
  const { t } = useTranslation();
  const outcomes = useOutcomeStore((s) => s.outcomes);
  const firstKey = isDialStep(step.kind) ? (activeOutcomes(outcomes)[0]?.id ?? 'no_answer') : 'done';
  return (
    <li
      className={`cadence-step${invalid ? ' cadence-step--invalid' : ''}`}
      data-testid="cadence-step"
      aria-invalid={invalid || undefined}
    >
      <div className="cadence-step__head">
        <span className="cadence-step__num">{index + 1}</span>
        <input
          className="input cadence-step__title"
          aria-label={t('cadences.stepTitle')}
          value={builtinText(step.title)}
          onChange={(event) => onChange({ ...step, title: event.target.value })}
          data-testid="cadence-step-title"
        />
        <select
          className="input"
          aria-label={t('cadences.kind')}
          value={step.kind}
          onChange={(event) =>
            // Only an email step sends a template; a step that changes kind drops it.
            onChange({
              ...step,
              kind: event.target.value as StepDraft['kind'],
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
          disabled={draft.steps.length === 1}
        >
          <TrashIcon />
        </button>
      </div>
      <div className="cadence-step__fields">
        <div className="cadence-inline">
          <span className="field__label">{t('cadences.wait')}</span>
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
              className="input cadence-wait__amount"
              type="number"
              min={1}
              max={20}
              value={step.maxAttempts}
              onChange={(event) => onChange({ ...step, maxAttempts: Number(event.target.value) })}
            />
          </label>
        ) : null}
        {step.kind === 'email' ? (
          <StepEmailTemplate
            value={step.emailTemplateId}
            onChange={(emailTemplateId) => onChange({ ...step, emailTemplateId })}
          />
        ) : null}
      </div>
      <div className="cadence-step__rules">
        <span className="field__label">{t('cadences.transitions')}</span>
        <ul className="cadence-transitions">
          {step.on.map((_row, i) => (
            <TransitionRow
              // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place; their key may repeat while typing
              key={i}
              step={step}
              steps={draft.steps}
              index={i}
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
    </li>
  );
};

/**
 * A cadence as a form: its name, its steps and what each outcome does at each step. A built-in
 * cadence's stored English shows in the interface language (builtinText) while the draft keeps the
 * English, so saving without an edit keeps it built-in text; an edited field saves what was typed.
 */
export const CadenceEditor = ({
  draft,
  invalidStep,
  onChange,
}: {
  draft: CadenceDraft;
  /** The step the core refused, highlighted until the next save. */
  invalidStep: number | null;
  onChange: (draft: CadenceDraft) => void;
}) => {
  const { t } = useTranslation();
  return (
    <div className="cadence-editor">
      <label className="field">
        <span className="field__label">{t('cadences.name')}</span>
        <input
          className="input"
          value={builtinText(draft.name)}
          maxLength={120}
          onChange={(event) => onChange({ ...draft, name: event.target.value })}
          data-testid="cadence-name"
        />
      </label>
      <label className="field">
        <span className="field__label">{t('cadences.description')}</span>
        <input
          className="input"
          value={builtinText(draft.description)}
          maxLength={2000}
          onChange={(event) => onChange({ ...draft, description: event.target.value })}
        />
      </label>
      <ol className="cadence-steps">
        {draft.steps.map((step, index) => (
          <StepCard
            // biome-ignore lint/suspicious/noArrayIndexKey: a step's id is editable data, its place is stable
            key={index}
            step={step}
            index={index}
            invalid={invalidStep === index}
            draft={draft}
            onChange={(next) =>
              onChange({ ...draft, steps: draft.steps.map((s, i) => (i === index ? next : s)) })
            }
            onRemove={() => onChange({ ...draft, steps: draft.steps.filter((_, i) => i !== index) })}
          />
        ))}
      </ol>
      <Button
        size="s"
        onClick={() =>
          onChange({
            ...draft,
            steps: [...draft.steps, newStep(draft.steps, (n) => t('cadences.stepN', { n }))],
          })
        }
        data-testid="cadence-add-step"
      >
        {t('cadences.addStep')}
      </Button>
    </div>
  );
};
