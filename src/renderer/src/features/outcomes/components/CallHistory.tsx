import type { HistoryEntry } from '@shared/api/history';
import { isoOrNull } from '@shared/domain/instant';
import type { Outcome } from '@shared/domain/outcome';
import type { TFunction } from 'i18next';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { onEvent } from '../../../api/client';
import { FOCUS_IDS } from '../../../app/focus';
import { useNow } from '../../../app/useNow';
import { formatDateTime, formatRelative, formatZonedDateTime, isKnownTimeZone } from '../../../i18n/format';
import { Button } from '../../../ui/Button';
import { CallFacts } from '../../calling/components/CallFacts';
import { afterNextLead } from '../../session/state/nextLeadGate';
import { sessionEntryLabel } from '../../session/utils/historyLabel';
import { useCallStore } from '../state/callStore';
import { useOutcomeStore } from '../state/outcomeStore';
import { outcomeLabel } from '../utils/labels';
import { VoidOutcomeDialog, type VoidTarget } from './VoidOutcomeDialog';
import './history.css';

const NO_ENTRIES: HistoryEntry[] = [];

/** What the entry records, in the interface language: the outcome's name, or the task step and its result. */
const entryLabel = (entry: HistoryEntry, outcomes: Outcome[], t: TFunction): string => {
  if (entry.kind === 'call') {
    const outcome = outcomes.find((o) => o.id === entry.outcome);
    return outcome ? outcomeLabel(outcome, t) : (entry.outcome ?? t('history.call'));
  }
  const session = sessionEntryLabel(entry, t);
  if (session !== null) return session;
  const kind = t(`history.kinds.${entry.kind}`, { defaultValue: entry.kind });
  // A status changed by hand, a hand-off and where the server routed it are facts, not steps done or skipped.
  if (entry.kind === 'status_change' || entry.kind === 'handoff' || entry.kind === 'handoff_routed')
    return kind;
  return entry.outcome === 'skipped' ? t('history.skipped', { kind }) : t('history.done', { kind });
};

const VoidMark = ({ entry }: { entry: HistoryEntry }) => {
  const { t } = useTranslation();
  if (!entry.void) return null;
  const when = formatDateTime(entry.void.at);
  return (
    <p className="history__void" data-testid="history-void">
      {entry.void.kind === 'undo' ? t('history.undoneAt', { when }) : t('history.voidedAt', { when })}
      {entry.void.reason ? ` — ${entry.void.reason}` : ''}
    </p>
  );
};

/**
 * The lead card's call history: every outcome, task step and note, newest first, in the interface
 * language with the rep's time and the lead's local time. Voided outcomes stay, struck through with
 * their reason; the newest standing call offers "Void…".
 */
export const CallHistory = ({ leadId, timeZone }: { leadId: string; timeZone: string | null }) => {
  const { t } = useTranslation();
  const now = useNow();
  const entries = useCallStore((s) => s.history[leadId] ?? NO_ENTRIES);
  const error = useCallStore((s) => s.historyError[leadId]);
  const loadHistory = useCallStore((s) => s.loadHistory);
  const outcomes = useOutcomeStore((s) => s.outcomes);
  const [voiding, setVoiding] = useState<{ target: VoidTarget; label: string } | null>(null);
  const voidRequest = useCallStore((s) => s.voidRequest);
  const sectionRef = useRef<HTMLElement>(null);

  // V on this lead right after an outcome: the void is for that call, by its id, even while the list
  // below still shows the entry before it.
  useEffect(() => {
    if (voidRequest?.leadId !== leadId) return;
    useCallStore.getState().requestVoid(null);
    const outcome = useOutcomeStore.getState().outcomes.find((o) => o.id === voidRequest.outcome);
    setVoiding({
      target: { id: voidRequest.activityId, leadId, occurredAt: voidRequest.occurredAt },
      label: outcome ? outcomeLabel(outcome, t) : voidRequest.outcome,
    });
    sectionRef.current?.scrollIntoView({ block: 'center' });
  }, [voidRequest, leadId, t]);

  useEffect(() => {
    void loadHistory(leadId);
    // Another window or the CLI may log or void for this lead.
    return onEvent('queue:changed', ({ leadIds }) => {
      if (!leadIds || leadIds.includes(leadId)) afterNextLead(() => void loadHistory(leadId));
    });
  }, [leadId, loadHistory]);

  const leadZone = isKnownTimeZone(timeZone) ? timeZone : null;
  // V (and the palette) reach the newest entry's "Void…" by this id.
  const firstVoidable = entries.find((entry) => entry.voidable)?.id;
  return (
    <section
      ref={sectionRef}
      className="card history"
      aria-labelledby="card-history"
      data-testid="call-history"
    >
      <h3 className="card__title" id="card-history">
        {t('history.title')}
      </h3>
      {error ? <p className="form-error">{error}</p> : null}
      {entries.length === 0 ? <p className="muted">{t('history.empty')}</p> : null}
      <ol className="history__list">
        {entries.map((entry) => {
          const label = entryLabel(entry, outcomes, t);
          return (
            <li
              key={entry.id}
              className={`history__entry${entry.void ? ' history__entry--void' : ''}`}
              data-testid="history-entry"
              data-activity={entry.id}
              data-void={entry.void ? entry.void.kind : undefined}
            >
              <div className="history__head">
                <span className="history__what">{label}</span>
                {entry.voidable ? (
                  <Button
                    size="s"
                    variant="ghost"
                    id={entry.id === firstVoidable ? FOCUS_IDS.historyVoid : undefined}
                    onClick={() => setVoiding({ target: entry, label })}
                    data-testid="history-void-open"
                  >
                    {t('history.voidAction')}
                  </Button>
                ) : null}
              </div>
              <p className="history__when">
                <time dateTime={isoOrNull(entry.occurredAt) ?? undefined}>
                  {formatDateTime(entry.occurredAt)}
                </time>
                <span className="muted"> ({formatRelative(entry.occurredAt, now)})</span>
                {leadZone ? (
                  <span className="muted">
                    {' · '}
                    {t('history.leadTime', { time: formatZonedDateTime(entry.occurredAt, leadZone) })}
                  </span>
                ) : null}
              </p>
              {entry.status && entry.statusBefore && entry.status !== entry.statusBefore ? (
                <p className="history__status">
                  {t('history.statusChange', {
                    before: t(`status.${entry.statusBefore}`),
                    status: t(`status.${entry.status}`),
                  })}
                </p>
              ) : null}
              {entry.callbackAt !== null ? (
                <p className="history__status">
                  {t('history.callback', { when: formatDateTime(entry.callbackAt) })}
                </p>
              ) : null}
              <CallFacts entry={entry} />
              {entry.note ? <p className="history__note">{entry.note}</p> : null}
              <VoidMark entry={entry} />
            </li>
          );
        })}
      </ol>
      <VoidOutcomeDialog
        entry={voiding?.target ?? null}
        label={voiding?.label ?? ''}
        onClose={() => setVoiding(null)}
      />
    </section>
  );
};
