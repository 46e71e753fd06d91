import type { Lead } from '@shared/domain/lead';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { onEvent } from '../../../api/client';
import { useDialogStore } from '../../../app/dialogStore';
import { FOCUS_IDS } from '../../../app/focus';
import { formatDateTime } from '../../../i18n/format';
import { Button } from '../../../ui/Button';
import { Kbd } from '../../../ui/Kbd';
import { useQualificationStore } from '../state/qualificationStore';
import { blockedText } from '../utils/labels';
import { BantList } from './BantList';
import { HandoffDialog } from './HandoffDialog';
import { HandoffRouteNote } from './HandoffRouteNote';
import { ProfileChecklist } from './ProfileChecklist';
import './qualification.css';

type QualificationPanelProps = {
  lead: Lead;
  /** When the research notes were last saved: a note can fill a checklist item, so it reloads. */
  researchAt: number | undefined;
};

/** BANT, the profile checklist and "Hand off as MQL" for the open lead. */
export const QualificationPanel = ({ lead, researchAt }: QualificationPanelProps) => {
  const { t } = useTranslation();
  const q = useQualificationStore((s) => s.entries[lead.id]);
  const load = useQualificationStore((s) => s.load);
  const openDialog = useDialogStore((s) => s.openDialog);

  // The lead's fields, status and notes feed the checklist and the gate: reload when they change.
  // biome-ignore lint/correctness/useExhaustiveDependencies: updatedAt and researchAt are the triggers
  useEffect(() => {
    void load(lead.id);
  }, [load, lead.id, lead.updatedAt, researchAt]);
  // A pull may bring where the server routed the hand-off (a re-route too) without touching the lead.
  useEffect(
    () =>
      onEvent('leads:changed', ({ ids }) => {
        if (ids === undefined || ids.includes(lead.id)) void load(lead.id);
      }),
    [load, lead.id],
  );

  if (!q) return null;
  const { readiness, handoff } = q;
  const reason = blockedText(readiness, t);
  const readOnly = readiness.blockedBy === 'handoff_already_handed_off';
  return (
    <section
      id={FOCUS_IDS.qualification}
      className="card qualification"
      aria-labelledby="card-qualification"
      aria-keyshortcuts="b"
      tabIndex={-1}
      data-testid="qualification"
    >
      <div className="card__title-row">
        <h3 className="card__title" id="card-qualification">
          {t('qualification.title')} <Kbd>B</Kbd>
        </h3>
        <span className="qualification__count" data-testid="bant-count">
          {t('qualification.bantCount', { confirmed: readiness.confirmed, required: readiness.required })}
        </span>
      </div>
      {readOnly ? (
        <p className="muted" role="note" data-testid="qualification-read-only">
          {t('qualification.readOnly')}
        </p>
      ) : null}
      <h4 className="qualification__subtitle">{t('qualification.bantTitle')}</h4>
      <BantList leadId={lead.id} bant={q.bant} readOnly={readOnly} />
      <ProfileChecklist leadId={lead.id} profile={q.profile} readOnly={readOnly} />
      {handoff ? (
        <div className="qualification__handed" role="status" data-testid="handoff-done">
          <p>{t('qualification.handedOff', { when: formatDateTime(handoff.createdAt) })}</p>
          {q.handoffRoute ? <HandoffRouteNote route={q.handoffRoute} /> : null}
          {handoff.suggestedAe ? (
            <p className="muted">{t('qualification.handedOffAe', { ae: handoff.suggestedAe })}</p>
          ) : null}
        </div>
      ) : null}
      {readiness.blockedBy === 'handoff_already_handed_off' ? null : (
        <div className="qualification__actions">
          <Button
            variant="primary"
            disabled={readiness.blockedBy !== null}
            aria-describedby={reason ? 'handoff-blocked' : undefined}
            onClick={() => openDialog('handoff')}
            data-testid="handoff-open"
          >
            {t('qualification.handoff')}
            <Kbd>H</Kbd>
          </Button>
          {reason ? (
            <p className="qualification__blocked" id="handoff-blocked">
              {reason}
            </p>
          ) : null}
        </div>
      )}
      {readiness.blockedBy === null ? <HandoffDialog leadName={lead.name} qualification={q} /> : null}
    </section>
  );
};
