import { SKIP_REASONS, type SkipReason, SNOOZE_REASONS, type SnoozeReason } from '@shared/domain/session';
import { SNOOZE_CHOICES, type SnoozeChoice, snoozeUntil } from '@shared/session/snoozeTimes';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDialogStore } from '../../../app/dialogStore';
import { Button } from '../../../ui/Button';
import { Dialog } from '../../../ui/Dialog';
import { useLeadDetailStore } from '../../leads/state/leadDetailStore';
import { leadOnScreen } from '../../shortcuts/state/actions';
import { useSessionStore } from '../state/sessionStore';
import './session.css';

type Mode = 'skip' | 'snooze';

const ReasonChoices = <R extends string>({
  name,
  reasons,
  value,
  onChange,
  label,
}: {
  name: string;
  reasons: readonly R[];
  value: R;
  onChange: (reason: R) => void;
  label: (reason: R) => string;
}) => (
  <>
    {reasons.map((reason, i) => (
      <label key={reason} className="session-form__choice">
        <input
          type="radio"
          name={name}
          value={reason}
          checked={value === reason}
          onChange={() => onChange(reason)}
          data-first-choice={i === 0 ? 'true' : undefined}
          data-testid={`${name}-${reason}`}
        />
        {label(reason)}
      </label>
    ))}
  </>
);

const SessionForm = ({ mode, leadId, onDone }: { mode: Mode; leadId: string; onDone: () => void }) => {
  const { t } = useTranslation();
  const name = useLeadDetailStore((s) => s.entries[leadId]?.detail?.lead.name ?? '');
  const skip = useSessionStore((s) => s.skip);
  const snooze = useSessionStore((s) => s.snooze);
  const [skipReason, setSkipReason] = useState<SkipReason>(SKIP_REASONS[0]);
  const [snoozeReason, setSnoozeReason] = useState<SnoozeReason>(SNOOZE_REASONS[0]);
  const [choice, setChoice] = useState<SnoozeChoice>('hour');
  const [at, setAt] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  // The first reason takes the keyboard once the dialog has placed its own focus, so arrows pick a
  // reason and Enter confirms.
  useEffect(() => {
    const frame = requestAnimationFrame(() =>
      formRef.current?.querySelector<HTMLInputElement>('[data-first-choice="true"]')?.focus(),
    );
    return () => cancelAnimationFrame(frame);
  }, []);

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    let done: boolean;
    if (mode === 'skip') {
      setBusy(true);
      done = await skip(leadId, skipReason, note);
    } else {
      const until = snoozeUntil(choice, Date.now(), at);
      if (until === null || until <= Date.now()) {
        setError(t('session.untilMissing'));
        return;
      }
      setBusy(true);
      done = await snooze(leadId, until, snoozeReason, note);
    }
    setBusy(false);
    if (done) onDone();
  };

  return (
    <form
      ref={formRef}
      className="session-form"
      onSubmit={(event) => void handleSubmit(event)}
      onKeyDown={(event) => {
        // Enter on a reason confirms, as it does in the note field.
        if (
          event.key === 'Enter' &&
          event.target instanceof HTMLInputElement &&
          event.target.type === 'radio'
        ) {
          event.preventDefault();
          event.currentTarget.requestSubmit();
        }
      }}
      data-testid={`${mode}-form`}
    >
      <p className="muted">
        {t(mode === 'skip' ? 'session.skipDescription' : 'session.snoozeDescription', { name })}
      </p>
      <fieldset className="session-form__choices">
        <legend className="field__label">{t('session.reason')}</legend>
        {mode === 'skip' ? (
          <ReasonChoices
            name="skip-reason"
            reasons={SKIP_REASONS}
            value={skipReason}
            onChange={setSkipReason}
            label={(r) => t(`session.skipReasons.${r}`)}
          />
        ) : (
          <ReasonChoices
            name="snooze-reason"
            reasons={SNOOZE_REASONS}
            value={snoozeReason}
            onChange={setSnoozeReason}
            label={(r) => t(`session.snoozeReasons.${r}`)}
          />
        )}
      </fieldset>
      {mode === 'snooze' ? (
        <fieldset className="session-form__choices">
          <legend className="field__label">{t('session.snoozeFor')}</legend>
          {SNOOZE_CHOICES.map((c) => (
            <label key={c} className="session-form__choice">
              <input
                type="radio"
                name="snooze-for"
                value={c}
                checked={choice === c}
                onChange={() => setChoice(c)}
                data-testid={`snooze-for-${c}`}
              />
              {t(`session.durations.${c}`)}
            </label>
          ))}
          {choice === 'at' ? (
            <label className="field">
              <span className="field__label">{t('session.until')}</span>
              <input
                className="input"
                type="datetime-local"
                value={at}
                onChange={(event) => setAt(event.target.value)}
                data-testid="snooze-at"
              />
            </label>
          ) : null}
        </fieldset>
      ) : null}
      <label className="field">
        <span className="field__label">{t('session.note')}</span>
        <input
          className="input"
          type="text"
          value={note}
          maxLength={500}
          placeholder={t('session.notePlaceholder')}
          onChange={(event) => setNote(event.target.value)}
          data-testid={`${mode}-note`}
        />
      </label>
      {error ? <p className="form-error">{error}</p> : null}
      <div className="dialog__actions">
        <Button variant="ghost" onClick={onDone}>
          {t('session.cancel')}
        </Button>
        <Button variant="primary" type="submit" disabled={busy} data-testid={`${mode}-confirm`}>
          {t(mode === 'skip' ? 'session.skipConfirm' : 'session.snoozeConfirm')}
        </Button>
      </div>
    </form>
  );
};

/** Skip (S) or snooze (Z) the lead on screen, with a reason and an optional note. */
export const SkipSnoozeDialog = ({ mode }: { mode: Mode }) => {
  const { t } = useTranslation();
  const open = useDialogStore((s) => s.dialog === mode);
  const closeDialog = useDialogStore((s) => s.closeDialog);
  const leadId = open ? leadOnScreen() : null;
  return (
    <Dialog
      open={open && leadId !== null}
      onOpenChange={(next) => (next ? undefined : closeDialog())}
      title={t(mode === 'skip' ? 'session.skipTitle' : 'session.snoozeTitle')}
      size="s"
      testId={`${mode}-dialog`}
    >
      {open && leadId ? <SessionForm key={leadId} mode={mode} leadId={leadId} onDone={closeDialog} /> : null}
    </Dialog>
  );
};
