import { formatDateTime } from '@renderer/i18n/format';
import { Badge } from '@renderer/ui/Badge';
import { Button } from '@renderer/ui/Button';
import { ProgressBar } from '@renderer/ui/ProgressBar';
import { ConsoleHandoffHistory, type ConsoleLeadActivity } from '@shared/server/console';
import type { ServerHandoff } from '@shared/server/handoffs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { callApi } from '../../api/client';
import { errorText } from '../../api/errors';
import { hoursAndMinutes } from './order';

/** Share of the profile checklist above which hand-offs are nearly always accepted (PLAYBOOK: two thirds). */
const PROFILE_GOOD = 2 / 3;

type HandoffCardProps = {
  handoff: ServerHandoff;
  /** What is left of the 48-hour window now (ms), or null once decided. */
  msLeft: number | null;
  onAccept?: () => void;
  onReject?: () => void;
  busy?: boolean;
};

const KindLabel = ({ activity }: { activity: ConsoleLeadActivity }) => {
  const { t, i18n } = useTranslation();
  const kindKey = `history.kinds.${activity.kind}`;
  const kind = i18n.exists(kindKey) ? t(kindKey as 'history.kinds.call') : activity.kind;
  const outcomeKey = `outcomes.names.${activity.outcome ?? ''}`;
  const outcome =
    activity.outcome === null
      ? null
      : i18n.exists(outcomeKey)
        ? t(outcomeKey as 'outcomes.names.busy')
        : activity.outcome;
  return (
    <span>
      {kind}
      {outcome ? ` · ${outcome}` : ''}
    </span>
  );
};

/** One MQL in the inbox: the lead, the rep's summary, BANT answers, profile completeness, SLA clock, history. */
export const HandoffCard = ({ handoff, msLeft, onAccept, onReject, busy }: HandoffCardProps) => {
  const { t } = useTranslation();
  const [history, setHistory] = useState<ConsoleLeadActivity[] | null>(null);
  const [historyError, setHistoryError] = useState<string | null>(null);
  const [historyOpen, setHistoryOpen] = useState(false);
  const share = handoff.profileTotal > 0 ? handoff.profileFilled / handoff.profileTotal : 0;
  const left = msLeft === null ? null : hoursAndMinutes(msLeft);
  const titleId = `handoff-${handoff.id}`;

  const handleHistory = async () => {
    const opening = !historyOpen;
    setHistoryOpen(opening);
    if (!opening || history !== null) return;
    try {
      setHistory(
        (await callApi('GET', `/v1/console/handoffs/${handoff.id}/history`, ConsoleHandoffHistory))
          .activities,
      );
    } catch (failure) {
      setHistoryError(errorText(failure));
    }
  };

  return (
    <article
      className="handoff-card"
      aria-labelledby={titleId}
      data-testid="handoff-card"
      data-handoff-id={handoff.id}
    >
      <header className="handoff-card__head">
        <h3 id={titleId} className="handoff-card__lead">
          {handoff.leadName ?? t('console.inbox.unknownLead')}
        </h3>
        {left !== null ? (
          <span
            className={`sla ${msLeft !== null && msLeft <= 0 ? 'sla--missed' : msLeft !== null && msLeft < 12 * 3_600_000 ? 'sla--urgent' : ''}`}
            data-testid="sla"
          >
            {msLeft !== null && msLeft <= 0
              ? t('console.inbox.slaMissed')
              : t('console.inbox.slaLeft', { hours: left.hours, minutes: left.minutes })}
          </span>
        ) : handoff.status === 'accepted' ? (
          <Badge tone="success">{t('console.inbox.accepted')}</Badge>
        ) : (
          <Badge tone="danger">{t('console.inbox.rejected')}</Badge>
        )}
      </header>
      <p className="muted handoff-card__meta">
        {t('console.inbox.from', { rep: handoff.rep.email, when: formatDateTime(handoff.createdAt) })}
      </p>
      <section className="handoff-card__section">
        <h4 className="section-title">{t('console.inbox.summary')}</h4>
        <p className="handoff-card__summary">{handoff.summary || t('console.inbox.noSummary')}</p>
        {handoff.nextStep ? <p>{t('console.inbox.nextStep', { step: handoff.nextStep })}</p> : null}
      </section>
      <section className="handoff-card__section">
        <h4 className="section-title">{t('qualification.bantTitle')}</h4>
        <ul className="bant-list">
          {handoff.bant.map((answer) => (
            <li key={answer.criterion} className={answer.confirmed ? 'bant--yes' : 'bant--no'}>
              <strong>{t(`qualification.bant.${answer.criterion}`)}</strong>{' '}
              {answer.confirmed ? t('console.inbox.confirmed') : t('console.inbox.notConfirmed')}
              {answer.note ? ` — ${answer.note}` : ''}
            </li>
          ))}
        </ul>
      </section>
      <section className="handoff-card__section">
        <h4 className="section-title">{t('console.inbox.profile')}</h4>
        <ProgressBar
          value={share}
          label={t('console.inbox.profileOf', { filled: handoff.profileFilled, total: handoff.profileTotal })}
        />
        {/* The warning helps a decision still to take; on a decided hand-off the count is enough. */}
        <p className={share >= PROFILE_GOOD || msLeft === null ? 'muted' : 'form-warning'}>
          {t('console.inbox.profileOf', { filled: handoff.profileFilled, total: handoff.profileTotal })}
          {share >= PROFILE_GOOD || msLeft === null ? '' : ` · ${t('console.inbox.profileLow')}`}
        </p>
      </section>
      {handoff.reason ? <p>{t('console.inbox.reason', { reason: handoff.reason })}</p> : null}
      <footer className="handoff-card__actions">
        <Button size="s" variant="ghost" aria-expanded={historyOpen} onClick={() => void handleHistory()}>
          {historyOpen ? t('console.inbox.hideHistory') : t('console.inbox.showHistory')}
        </Button>
        {onReject ? (
          <Button size="s" variant="danger" disabled={busy} onClick={onReject}>
            {t('console.inbox.reject')}
          </Button>
        ) : null}
        {onAccept ? (
          <Button size="s" variant="primary" disabled={busy} onClick={onAccept}>
            {t('console.inbox.accept')}
          </Button>
        ) : null}
      </footer>
      {historyOpen ? (
        <section className="handoff-card__section" aria-label={t('console.inbox.history')}>
          {historyError ? <p className="form-error">{historyError}</p> : null}
          {history === null && !historyError ? <p className="muted">{t('console.loading')}</p> : null}
          {history !== null && history.length === 0 ? (
            <p className="muted">{t('console.inbox.noHistory')}</p>
          ) : null}
          {history !== null && history.length > 0 ? (
            <ol className="history-list">
              {history.map((activity) => (
                <li key={activity.id}>
                  <span className="muted">{formatDateTime(activity.occurredAt)}</span>{' '}
                  <KindLabel activity={activity} />
                  {activity.note ? <span> — {activity.note}</span> : null}
                  <span className="muted"> ({activity.rep})</span>
                </li>
              ))}
            </ol>
          ) : null}
        </section>
      ) : null}
    </article>
  );
};
