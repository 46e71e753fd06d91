import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { builtinText } from '../../../i18n/builtinText';
import { Button } from '../../../ui/Button';
import { useEmailTemplatesStore } from '../../emailTemplates/state/emailTemplatesStore';
import { templateName } from '../../emailTemplates/utils/templateDraft';
import { useOutcomeStore } from '../../outcomes/state/outcomeStore';
import { type CadenceDraft, newStep } from '../utils/draft';
import { CadenceStepEditor } from './steps/StepEditor';

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
  const outcomes = useOutcomeStore((s) => s.outcomes);
  // The team's and the rep's email templates and the built-in ones, for email steps.
  const templates = useEmailTemplatesStore((s) => s.templates);
  const loadTemplates = useEmailTemplatesStore((s) => s.load);
  useEffect(() => void loadTemplates(), [loadTemplates]);
  const emailTemplates = templates.map((template) => ({ id: template.id, name: templateName(template, t) }));
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
          <CadenceStepEditor
            // biome-ignore lint/suspicious/noArrayIndexKey: a step's id is editable data, its place is stable
            key={index}
            step={step}
            index={index}
            steps={draft.steps}
            outcomes={outcomes}
            emailTemplates={emailTemplates}
            invalid={invalidStep === index}
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
