import type { Qualification } from '@shared/api/qualification';
import { HANDOFF_LIMITS } from '@shared/domain/handoff';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDialogStore } from '../../../app/dialogStore';
import { Button } from '../../../ui/Button';
import { Dialog } from '../../../ui/Dialog';
import { type HandoffDraft, useQualificationStore } from '../state/qualificationStore';
import { formatShare } from '../utils/labels';

type HandoffDialogProps = { leadName: string; qualification: Qualification };

/** "Hand off as MQL": what the AE needs — summary, BANT answers, next step, suggested AE. */
export const HandoffDialog = ({ leadName, qualification }: HandoffDialogProps) => {
  const { t } = useTranslation();
  const open = useDialogStore((s) => s.dialog === 'handoff');
  const close = useDialogStore((s) => s.closeDialog);
  const saving = useQualificationStore((s) => s.saving);
  const handoff = useQualificationStore((s) => s.handoff);
  const [draft, setDraft] = useState<HandoffDraft>({ summary: '', nextStep: '', suggestedAe: '' });
  const [missing, setMissing] = useState(false);
  const { profile, bant } = qualification;

  const edit = (field: keyof HandoffDraft) => (event: { target: { value: string } }) => {
    setDraft({ ...draft, [field]: event.target.value });
    if (field === 'summary') setMissing(false);
  };
  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    if (!draft.summary.trim()) {
      setMissing(true);
      return;
    }
    if (await handoff(qualification.leadId, draft)) close();
  };

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => (next ? undefined : close())}
      title={t('qualification.dialog.title', { name: leadName })}
      description={t('qualification.dialog.description')}
      testId="handoff-dialog"
    >
      <form className="handoff" onSubmit={handleSubmit}>
        <label className="field">
          <span className="field__label">{t('qualification.dialog.summary')}</span>
          <textarea
            className="input handoff__summary"
            value={draft.summary}
            rows={4}
            maxLength={HANDOFF_LIMITS.summary}
            placeholder={t('qualification.dialog.summaryPlaceholder')}
            onChange={edit('summary')}
            // Enter makes a new line in the summary; Ctrl/⌘+Enter hands off from here.
            onKeyDown={(event) => {
              if (event.key === 'Enter' && (event.ctrlKey || event.metaKey))
                event.currentTarget.form?.requestSubmit();
            }}
            aria-invalid={missing}
            autoFocus
            data-testid="handoff-summary"
          />
        </label>
        {missing ? <p className="form-error">{t('qualification.dialog.summaryRequired')}</p> : null}
        <fieldset className="field">
          <legend className="field__label">{t('qualification.dialog.bant')}</legend>
          <dl className="handoff__bant">
            {bant.map((answer) => (
              <div key={answer.criterion} className="handoff__bant-row">
                <dt>{t(`qualification.bant.${answer.criterion}`)}</dt>
                <dd>
                  <span className={answer.confirmed ? 'pill pill--success' : 'pill pill--muted'}>
                    {answer.confirmed
                      ? t('qualification.dialog.confirmed')
                      : t('qualification.dialog.notConfirmed')}
                  </span>
                  <span className="handoff__note">{answer.note || t('qualification.dialog.noNote')}</span>
                </dd>
              </div>
            ))}
          </dl>
        </fieldset>
        <label className="field">
          <span className="field__label">{t('qualification.dialog.nextStep')}</span>
          <input
            className="input"
            value={draft.nextStep}
            maxLength={HANDOFF_LIMITS.nextStep}
            placeholder={t('qualification.dialog.nextStepPlaceholder')}
            onChange={edit('nextStep')}
            data-testid="handoff-next-step"
          />
        </label>
        <label className="field">
          <span className="field__label">{t('qualification.dialog.ae')}</span>
          <input
            className="input"
            value={draft.suggestedAe}
            maxLength={HANDOFF_LIMITS.suggestedAe}
            placeholder={t('qualification.dialog.aePlaceholder')}
            onChange={edit('suggestedAe')}
            data-testid="handoff-ae"
          />
        </label>
        <p className={profile.meetsThreshold ? 'muted' : 'form-warning'} data-testid="handoff-profile">
          {t('qualification.dialog.profile', {
            filled: profile.filled,
            total: profile.total,
            percent: formatShare(profile.ratio),
          })}
          {profile.meetsThreshold
            ? null
            : ` — ${t('qualification.profileBelow', { threshold: formatShare(profile.threshold) })}`}
        </p>
        <div className="dialog__buttons">
          <Button variant="ghost" onClick={close}>
            {t('qualification.dialog.cancel')}
          </Button>
          <Button variant="primary" type="submit" disabled={saving} data-testid="handoff-submit">
            {t('qualification.dialog.submit')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
};
