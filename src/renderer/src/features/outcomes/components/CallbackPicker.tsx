import { type FormEvent, type KeyboardEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCallbackTime, isKnownTimeZone } from '../../../i18n/format';
import { Button } from '../../../ui/Button';
import { AlertIcon } from '../../../ui/icons';
import { callingCheck, callingWindow, nextCallableAt } from '../../leads/utils/callingHours';

const QUARTER = 15 * 60_000;

/** `datetime-local` wants local wall time, minute precision. */
const toLocalInput = (at: number): string => {
  const d = new Date(at - new Date(at).getTimezoneOffset() * 60_000);
  return d.toISOString().slice(0, 16);
};

/**
 * Where the picker starts: an hour from now, on the next quarter hour, moved to the lead's next
 * in-window time (the queue's calling hours in the lead's zone) when that falls outside it.
 */
export const defaultCallbackAt = (now: number, timeZone: string | null): number => {
  const base = Math.ceil((now + 60 * 60_000) / QUARTER) * QUARTER;
  return timeZone ? (nextCallableAt(base, timeZone) ?? base) : base;
};

type CallbackPickerProps = {
  lead: { name: string; timeZone: string | null };
  saving: boolean;
  onSchedule: (at: number) => void;
  onCancel: () => void;
};

/**
 * The callback time, entered in the rep's local time and shown beside the lead's local time, with a
 * warning (and the next in-window time) when it falls outside the lead's calling window.
 */
export const CallbackPicker = ({ lead, saving, onSchedule, onCancel }: CallbackPickerProps) => {
  const { t } = useTranslation();
  const leadZone = isKnownTimeZone(lead.timeZone) ? lead.timeZone : null;
  const [when, setWhen] = useState(() => toLocalInput(defaultCallbackAt(Date.now(), leadZone)));
  const [missing, setMissing] = useState(false);
  const at = when ? new Date(when).getTime() : Number.NaN;
  const valid = Number.isFinite(at);
  const check = valid && leadZone ? callingCheck(at, leadZone) : null;
  const suggestion = check && !check.open && leadZone ? nextCallableAt(at, leadZone) : null;
  const window = callingWindow();

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!valid) {
      setMissing(true);
      return;
    }
    onSchedule(at);
  };
  const cancelOnEscape = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    onCancel();
  };
  return (
    <form
      className="outcome-pending callback-picker"
      data-testid="outcome-callback"
      onKeyDown={cancelOnEscape}
      onSubmit={handleSubmit}
    >
      <label className="field">
        <span className="field__label">{t('outcomes.callbackAt')}</span>
        <input
          className="input"
          type="datetime-local"
          required
          value={when}
          // biome-ignore lint/a11y/noAutofocus: the rep just asked for this step; the keyboard follows
          autoFocus
          onChange={(event) => {
            setWhen(event.target.value);
            setMissing(false);
          }}
          data-testid="outcome-callback-at"
        />
      </label>
      {valid ? (
        <dl className="callback-picker__clocks" data-testid="callback-clocks">
          <div className="callback-picker__clock">
            <dt>{t('outcomes.callbackYourTime')}</dt>
            <dd data-testid="callback-rep-time">{formatCallbackTime(at)}</dd>
          </div>
          <div className="callback-picker__clock">
            <dt>{t('outcomes.callbackLeadTime')}</dt>
            <dd data-testid="callback-lead-time">
              {leadZone ? formatCallbackTime(at, leadZone) : t('outcomes.callbackLeadZoneUnknown')}
            </dd>
          </div>
        </dl>
      ) : null}
      {check && !check.open && check.reason ? (
        <div className="form-warning callback-picker__warning" role="alert" data-testid="callback-outside">
          <p>
            <AlertIcon />{' '}
            {t(`outcomes.callbackOutside_${check.reason}`, { start: window.start, end: window.end })}
          </p>
          {suggestion !== null ? (
            <p className="callback-picker__suggest">
              <span>
                {t('outcomes.callbackSuggest', { when: formatCallbackTime(suggestion) })}
                {leadZone ? ` (${formatCallbackTime(suggestion, leadZone)})` : ''}
              </span>
              <Button
                size="s"
                variant="ghost"
                onClick={() => setWhen(toLocalInput(suggestion))}
                data-testid="callback-use-suggested"
              >
                {t('outcomes.callbackUseSuggested')}
              </Button>
            </p>
          ) : null}
        </div>
      ) : null}
      {missing ? <p className="form-error">{t('outcomes.callbackRequired')}</p> : null}
      <div className="outcome-pending__actions">
        <Button variant="ghost" size="s" onClick={onCancel}>
          {t('outcomes.cancel')}
        </Button>
        <Button variant="primary" size="s" type="submit" disabled={saving} data-testid="callback-schedule">
          {t('outcomes.scheduleCallback')}
        </Button>
      </div>
    </form>
  );
};
