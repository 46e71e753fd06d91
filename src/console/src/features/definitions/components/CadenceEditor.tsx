import { CadenceStepEditor } from '@renderer/features/cadences/components/steps/StepEditor';
import { type CadenceDraft, newCadence, newStep } from '@renderer/features/cadences/utils/draft';
import { Button } from '@renderer/ui/Button';
import type { Outcome } from '@shared/domain/outcome';
import { TeamCadence } from '@shared/server/definitions';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { callApi } from '../../../api/client';
import { useSubmit } from '../../../app/useSubmit';
import { checkCadence, draftOf } from '../utils/cadenceDraft';
import { cadenceIssueText } from '../utils/cadenceIssues';

type CadenceEditorProps = {
  base: string;
  /** The cadence edited, or null for a new one. */
  cadence: TeamCadence | null;
  /** The team's outcome set, switched-off outcomes included (a rule may name one). */
  outcomes: readonly Outcome[];
  onSaved: () => void;
  onCancel: () => void;
};

/**
 * One team cadence as a form: name, description, priority and its steps, checked as typed with the
 * desktop's rules (`CadenceDefinition`); each rule broken is shown at its step and saving waits.
 */
export const CadenceEditor = ({ base, cadence, outcomes, onSaved, onCancel }: CadenceEditorProps) => {
  const { t } = useTranslation();
  const stepTitle = (n: number) => t('cadences.stepN', { n });
  const [draft, setDraft] = useState<CadenceDraft>(() =>
    cadence ? draftOf(cadence.definition) : newCadence(t('cadences.newName'), stepTitle),
  );
  const { busy, error, submit } = useSubmit();
  const checked = checkCadence(draft);
  const set = (patch: Partial<CadenceDraft>) => setDraft((d) => ({ ...d, ...patch }));

  const handleSave = () =>
    submit(async () => {
      if (!checked.definition) return;
      const id = cadence?.definition.id ?? crypto.randomUUID();
      await callApi('PUT', `${base}/cadences/${id}`, TeamCadence, {
        definition: { ...checked.definition, id },
      });
      onSaved();
    });

  return (
    <section
      className="console-card defs-editor"
      aria-labelledby="cadence-editor-title"
      data-testid="cadence-editor"
    >
      <h2 id="cadence-editor-title" className="section-title">
        {cadence
          ? t('console.definitions.cadences.editTitle', { name: cadence.definition.name })
          : t('console.definitions.cadences.newTitle')}
      </h2>
      <div className="defs-row">
        <label className="field defs-grow">
          <span className="field__label">{t('cadences.name')}</span>
          <input
            className="input"
            value={draft.name}
            maxLength={120}
            onChange={(event) => set({ name: event.target.value })}
            data-testid="cadence-name"
          />
        </label>
        <label className="field">
          <span className="field__label">{t('console.definitions.cadences.priority')}</span>
          <input
            className="input defs-number"
            type="number"
            min={0}
            max={10_000}
            value={draft.priority}
            onChange={(event) => set({ priority: Number(event.target.value) })}
            aria-describedby="cadence-priority-hint"
          />
        </label>
      </div>
      <p id="cadence-priority-hint" className="field__hint">
        {t('console.definitions.cadences.priorityHint')}
      </p>
      <label className="field">
        <span className="field__label">{t('cadences.description')}</span>
        <textarea
          className="input"
          rows={2}
          maxLength={2000}
          value={draft.description}
          onChange={(event) => set({ description: event.target.value })}
        />
      </label>
      <ol className="cadence-steps">
        {draft.steps.map((step, index) => (
          <CadenceStepEditor
            key={step.id}
            step={step}
            index={index}
            steps={draft.steps}
            outcomes={outcomes}
            problems={checked.problems
              .filter((p) => p.step === index + 1)
              .map((p) => cadenceIssueText(p.words, t))}
            onChange={(next) => set({ steps: draft.steps.map((s, i) => (i === index ? next : s)) })}
            onRemove={() => set({ steps: draft.steps.filter((_, i) => i !== index) })}
          />
        ))}
      </ol>
      <Button size="s" onClick={() => set({ steps: [...draft.steps, newStep(draft.steps, stepTitle)] })}>
        {t('cadences.addStep')}
      </Button>
      <div role="status" data-testid="cadence-check">
        {checked.problems.length === 0 ? (
          <p className="defs-ok">{t('console.definitions.cadences.checkOk')}</p>
        ) : (
          <div className="form-error">
            <p>{t('console.definitions.cadences.checkBad')}</p>
            <ul>
              {checked.problems.map((problem) => (
                <li key={`${problem.step}:${problem.message}`}>
                  {problem.step === null
                    ? cadenceIssueText(problem.words, t)
                    : t('console.definitions.cadences.stepProblem', {
                        n: problem.step,
                        message: cadenceIssueText(problem.words, t),
                      })}
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>
      {error ? (
        <p className="form-error" role="alert" data-testid="cadence-error">
          {error}
        </p>
      ) : null}
      <div className="console-form__actions">
        <Button
          variant="primary"
          onClick={() => void handleSave()}
          disabled={busy || checked.definition === null}
          data-testid="cadence-save"
        >
          {busy ? t('console.definitions.saving') : t('console.definitions.save')}
        </Button>
        <Button variant="ghost" onClick={onCancel}>
          {t('console.definitions.cancel')}
        </Button>
      </div>
    </section>
  );
};
