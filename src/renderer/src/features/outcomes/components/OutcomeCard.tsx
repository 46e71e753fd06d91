import type { LogResult } from '@shared/api/outcomes';
import type { LeadStatus } from '@shared/domain/lead';
import { type KeyboardEvent, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { FOCUS_IDS } from '../../../app/focus';
import { useNow } from '../../../app/useNow';
import { formatDateTime, formatRelative } from '../../../i18n/format';
import { Button } from '../../../ui/Button';
import { Kbd } from '../../../ui/Kbd';
import { useCallStore, useDoNotContact } from '../state/callStore';
import { activeOutcomes, undoShortcut, useOutcomeStore } from '../state/outcomeStore';
import { outcomeKey, outcomeLabel } from '../utils/labels';
import { CallbackPicker } from './CallbackPicker';
import { NotifyPrompt } from './NotifyPrompt';
import './outcomes.css';
import { builtinText } from '../../../i18n/builtinText';

const ResultLine = ({ result }: { result: LogResult }) => {
  const { t } = useTranslation();
  const now = useNow();
  const statusText = (status: LeadStatus) => t(`status.${status}`);
  const finished = result.enrollment !== null && result.nextTask === null;
  return (
    <div className="outcome-result" role="status" data-testid="outcome-result">
      <p>
        {result.status === result.statusBefore
          ? t('outcomes.result.statusKept', { status: statusText(result.status) })
          : t('outcomes.result.statusChanged', {
              before: statusText(result.statusBefore),
              status: statusText(result.status),
            })}
      </p>
      <p className="muted">
        {result.nextTask
          ? t('outcomes.result.next', {
              title: builtinText(result.nextTask.title),
              when: formatDateTime(result.nextTask.dueAt),
              relative: formatRelative(result.nextTask.dueAt, now),
            })
          : finished
            ? t('outcomes.result.finished')
            : t('outcomes.result.noNext')}
      </p>
      {result.dncAdded.length > 0 ? (
        <p className="muted">{t('outcomes.result.dnc', { count: result.dncAdded.length })}</p>
      ) : null}
    </div>
  );
};

type CallbackLead = { name: string; timeZone: string | null };

const PendingForm = ({ leadId, lead }: { leadId: string; lead: CallbackLead }) => {
  const { t } = useTranslation();
  const pending = useOutcomeStore((s) => (s.pending?.leadId === leadId ? s.pending : null));
  const log = useOutcomeStore((s) => s.log);
  const cancel = useOutcomeStore((s) => s.cancelPending);
  const saving = useOutcomeStore((s) => s.saving);
  if (!pending) return null;
  const cancelOnEscape = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    cancel();
  };
  const label = outcomeLabel(pending.outcome, t);

  if (pending.outcome.effect === 'do_not_contact') {
    return (
      <form
        className="outcome-pending"
        data-testid="outcome-confirm-dnc"
        onKeyDown={cancelOnEscape}
        onSubmit={(event) => {
          event.preventDefault();
          void log(leadId, pending.outcome.id);
        }}
      >
        <p>{t('outcomes.confirmDnc')}</p>
        <div className="outcome-pending__actions">
          <Button variant="ghost" size="s" onClick={cancel}>
            {t('outcomes.cancel')}
          </Button>
          <Button variant="danger" size="s" type="submit" disabled={saving} autoFocus>
            {t('outcomes.confirmDncAction', { label })}
          </Button>
        </div>
      </form>
    );
  }

  return (
    <CallbackPicker
      lead={lead}
      saving={saving}
      onCancel={cancel}
      onSchedule={(at) => void log(leadId, pending.outcome.id, at)}
    />
  );
};

/** One-click call outcomes for the open lead, with digit shortcuts; one outcome per call. */
export const OutcomeCard = ({
  leadId,
  status,
  lead,
}: {
  leadId: string;
  status: LeadStatus;
  /** The lead's name and zone, for the callback picker's second clock and calling-window warning. */
  lead: CallbackLead;
}) => {
  const { t } = useTranslation();
  const show = useCallStore((s) => s.show);
  const hide = useCallStore((s) => s.hide);
  const loadDialState = useCallStore((s) => s.loadDialState);
  const callId = useCallStore((s) => (s.current?.leadId === leadId ? s.current.callId : null));
  const doNotContact = useDoNotContact({ id: leadId, status });
  const dialStateKnown = useCallStore((s) => s.dialState[leadId] !== undefined);
  const outcomes = useOutcomeStore((s) => s.outcomes);
  const loaded = useOutcomeStore((s) => s.loaded);
  const load = useOutcomeStore((s) => s.load);
  const choose = useOutcomeStore((s) => s.choose);
  const note = useOutcomeStore((s) => s.notes[leadId] ?? '');
  const setNote = useOutcomeStore((s) => s.setNote);
  const saving = useOutcomeStore((s) => s.saving);
  const error = useOutcomeStore((s) => s.error);
  const result = useOutcomeStore((s) => s.results[leadId]);
  const pendingHere = useOutcomeStore((s) => s.pending?.leadId === leadId);

  useEffect(() => {
    if (!loaded) void load();
  }, [loaded, load]);

  // The lead is on screen: its call starts (or continues), and digits act on it alone.
  useEffect(() => {
    show(leadId);
    void loadDialState(leadId);
    return () => hide(leadId);
  }, [leadId, show, hide, loadDialState]);

  const list = activeOutcomes(outcomes);
  return (
    <section
      className="card outcomes"
      aria-labelledby="card-outcomes"
      data-testid="outcome-card"
      // Whether the queue's verdict (do-not-contact or not) has been read: until then the card is provisional.
      data-dial-state={dialStateKnown ? 'known' : 'pending'}
    >
      <h3 className="card__title" id="card-outcomes">
        {t('outcomes.title')}
      </h3>
      {doNotContact ? (
        <p className="outcome-dnc" role="note" data-testid="outcome-dnc">
          {t('history.doNotContact')}
        </p>
      ) : null}
      <div className="outcome-grid" data-call={callId ?? undefined}>
        {list.map((outcome, index) => {
          const key = outcomeKey(index);
          return (
            <button
              key={outcome.id}
              type="button"
              className={`outcome-btn outcome-btn--${outcome.effect}`}
              disabled={saving || doNotContact}
              aria-keyshortcuts={key ?? undefined}
              data-outcome={outcome.id}
              onClick={() => void choose(leadId, outcome)}
            >
              <span>{outcomeLabel(outcome, t)}</span>
              {key ? <Kbd>{key}</Kbd> : null}
            </button>
          );
        })}
      </div>
      <label className="field outcome-note">
        <span className="field__label">{t('outcomes.note')}</span>
        <input
          className="input"
          type="text"
          id={FOCUS_IDS.callNote}
          value={note}
          maxLength={10_000}
          placeholder={t('outcomes.notePlaceholder')}
          onChange={(event) => setNote(leadId, event.target.value)}
          data-testid="outcome-note"
        />
      </label>
      {pendingHere ? <PendingForm leadId={leadId} lead={lead} /> : null}
      {error ? <p className="form-error">{t('outcomes.failed', { message: error })}</p> : null}
      {result ? <ResultLine result={result} /> : null}
      {result?.nextTask?.kind === 'callback' ? <NotifyPrompt /> : null}
      {result && !error ? (
        <p className="muted outcome-once" data-testid="outcome-once">
          {t('history.oneOutcome', { shortcut: undoShortcut() })}
        </p>
      ) : null}
    </section>
  );
};
