import type { DailyPlan, QueueEntry } from '@shared/domain/queue';
import { memo, useDeferredValue, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNow } from '../../../app/useNow';
import { builtinText } from '../../../i18n/builtinText';
import { formatClock, formatNumber, formatRelative, formatTime, isKnownTimeZone } from '../../../i18n/format';
import { Badge } from '../../../ui/Badge';
import { Button } from '../../../ui/Button';
import { Kbd } from '../../../ui/Kbd';
import { StatusBadge } from '../../leads/components/StatusBadge';
import { useLeadListStore } from '../../leads/state/leadListStore';
import { SessionStrip } from '../../session/components/SessionStrip';
import { useQueueStore } from '../state/queueStore';
import { reasonText } from './reasonText';
import './queue.css';

const TIER_TONE = { callback: 'warning', speed_to_lead: 'accent', cadence: 'neutral' } as const;

const PlanHeader = ({ plan }: { plan: DailyPlan }) => {
  const { t } = useTranslation();
  const now = useNow();
  return (
    <div className="queue-plan" data-testid="queue-plan">
      <div className="queue-plan__stat">
        <span className="queue-plan__value" data-testid="queue-plan-dials">
          {t('queue.plan.dials', { done: formatNumber(plan.dialsToday), target: formatNumber(plan.target) })}
        </span>
        <span className="queue-plan__label">{t('queue.plan.dialsLabel')}</span>
      </div>
      <div className="queue-plan__stat">
        <span className="queue-plan__value">{formatNumber(plan.remaining)}</span>
        <span className="queue-plan__label">{t('queue.plan.remaining')}</span>
      </div>
      <div className="queue-plan__stat">
        <span className="queue-plan__value">
          {plan.estimatedFinishAt !== null ? formatTime(plan.estimatedFinishAt) : '—'}
        </span>
        <span className="queue-plan__label">
          {plan.estimatedFinishAt !== null
            ? t('queue.plan.finish', { relative: formatRelative(plan.estimatedFinishAt, now) })
            : t('queue.plan.noFinish')}
        </span>
      </div>
      {plan.shortfall > 0 ? (
        <p className="queue-plan__shortfall" data-testid="queue-plan-shortfall">
          {t('queue.plan.shortfall', { count: plan.shortfall })}
        </p>
      ) : null}
    </div>
  );
};

/** What a row shows, besides its place: a refresh that only moved a row leaves its body as it was. */
const sameBody = (a: QueueEntry, b: QueueEntry): boolean =>
  a.lead.name === b.lead.name &&
  a.lead.company === b.lead.company &&
  a.lead.status === b.lead.status &&
  a.tier === b.tier &&
  a.cadenceName === b.cadenceName &&
  a.stepTitle === b.stepTitle &&
  a.zone.timeZone === b.zone.timeZone &&
  a.zone.timeZoneUnknown === b.zone.timeZoneUnknown &&
  a.reasons.length === b.reasons.length &&
  a.reasons.every((reason, i) => reason.code === b.reasons[i]?.code && reason.value === b.reasons[i]?.value);

const EntryBody = memo(
  ({ entry }: { entry: QueueEntry }) => {
    const { t } = useTranslation();
    const zone = entry.zone.timeZone;
    const now = useNow();
    const reasons = entry.reasons.map((reason) => reasonText(reason, t));
    return (
      <>
        <span className="queue-entry__main">
          <span className="queue-entry__top">
            <span className="queue-entry__name">{entry.lead.name}</span>
            <Badge tone={TIER_TONE[entry.tier]}>{t(`queue.tier.${entry.tier}`)}</Badge>
          </span>
          <span className="queue-entry__sub">
            {[entry.lead.company, builtinText(entry.cadenceName), builtinText(entry.stepTitle)]
              .filter(Boolean)
              .join(' · ')}
          </span>
          <span className="queue-entry__reasons" data-testid="queue-reasons" title={reasons.join('\n')}>
            {reasons.join(' · ')}
          </span>
        </span>
        <span className="queue-entry__time">
          {entry.zone.timeZoneUnknown || !isKnownTimeZone(zone) ? (
            <Badge tone="warning" title={t('detail.timeZoneUnknownHint')}>
              {t('queue.zoneUnknownShort')}
            </Badge>
          ) : (
            <span title={`${t('detail.localTimeAt', { time: formatClock(now, zone) })} (${zone})`}>
              {formatClock(now, zone)}
            </span>
          )}
          <StatusBadge status={entry.lead.status} />
        </span>
      </>
    );
  },
  (before, after) => sameBody(before.entry, after.entry),
);

const EntryRow = memo(({ entry, open, active }: { entry: QueueEntry; open: boolean; active: boolean }) => {
  const openLead = useLeadListStore((s) => s.open);
  return (
    <li>
      <button
        type="button"
        className={`queue-entry${open ? ' queue-entry--open' : ''}${active ? ' queue-entry--active' : ''}`}
        aria-current={open ? 'true' : undefined}
        data-active={active ? 'true' : undefined}
        ref={active ? (node) => node?.scrollIntoView({ block: 'nearest' }) : undefined}
        onClick={() => openLead(entry.lead.id)}
        data-testid="queue-entry"
        data-lead-id={entry.lead.id}
      >
        <span className="queue-entry__pos">{entry.position}</span>
        <EntryBody entry={entry} />
      </button>
    </li>
  );
});

/** Today's call list: the day's plan, then the callable leads in the order to call them. */
export const QueueView = () => {
  const { t } = useTranslation();
  // The list follows in a render that yields to the lead panel: after an outcome the next lead's card
  // is drawn first, and the refreshed list after it.
  const entries = useDeferredValue(useQueueStore((s) => s.entries));
  const plan = useQueueStore((s) => s.plan);
  const status = useQueueStore((s) => s.status);
  const error = useQueueStore((s) => s.error);
  const refresh = useQueueStore((s) => s.refresh);
  const openNext = useQueueStore((s) => s.openNext);
  const openId = useLeadListStore((s) => s.openId);
  const activeId = useQueueStore((s) => s.activeId);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  return (
    <div className="queue" data-testid="queue-view">
      <div className="queue__head">
        <h2 className="section-title">{t('queue.title')}</h2>
        <Button
          variant="primary"
          size="s"
          onClick={() => void openNext(t('queue.none'))}
          data-testid="queue-next"
        >
          {t('queue.next')} <Kbd>⇧Q</Kbd>
        </Button>
      </div>
      <SessionStrip />
      {plan ? <PlanHeader plan={plan} /> : null}
      {status === 'error' ? <p className="form-error">{t('queue.error', { message: error ?? '' })}</p> : null}
      {status === 'ready' && entries.length === 0 ? (
        <div className="empty">
          <p className="empty__title">{t('queue.emptyTitle')}</p>
          <p className="empty__body">{t('queue.emptyBody')}</p>
        </div>
      ) : null}
      <ol className="queue__list" aria-label={t('queue.title')}>
        {entries.map((entry) => (
          <EntryRow
            key={entry.lead.id}
            entry={entry}
            open={entry.lead.id === openId}
            active={entry.lead.id === activeId}
          />
        ))}
      </ol>
    </div>
  );
};
