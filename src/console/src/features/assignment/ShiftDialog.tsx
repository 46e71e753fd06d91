import { isKnownTimeZone } from '@renderer/i18n/format';
import { Button } from '@renderer/ui/Button';
import { Dialog } from '@renderer/ui/Dialog';
import { TextField } from '@renderer/ui/TextField';
import { type RotationMember, TeamShift, WEEKDAYS, type Weekday } from '@shared/server/shifts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { callApi } from '../../api/client';
import { useSubmit } from '../../app/useSubmit';
import { consoleLocale } from '../../i18n';
import { knownTimeZones, weekdayName } from './weekdays';

type ShiftDialogProps = {
  teamId: string;
  member: RotationMember;
  onClose: () => void;
  onSaved: (message: string) => void;
};

const browserZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

/**
 * Adds or edits one rep's shift: weekday toggles, start and end on the rep's clock (`HH:MM`), and an
 * IANA zone typed with suggestions. Checks what it can before sending; the server checks again.
 */
export const ShiftDialog = ({ teamId, member, onClose, onSaved }: ShiftDialogProps) => {
  const { t } = useTranslation();
  const locale = consoleLocale();
  const [days, setDays] = useState<Weekday[]>(member.shift?.days ?? ['mon', 'tue', 'wed', 'thu', 'fri']);
  const [from, setFrom] = useState(member.shift?.from ?? '09:00');
  const [to, setTo] = useState(member.shift?.to ?? '17:00');
  const [zone, setZone] = useState(member.shift?.timeZone ?? browserZone());
  const { busy, error, setError, submit } = useSubmit();

  const toggle = (day: Weekday) =>
    setDays((previous) =>
      previous.includes(day)
        ? previous.filter((d) => d !== day)
        : WEEKDAYS.filter((d) => d === day || previous.includes(d)),
    );

  const handleSave = (event: FormEvent) => {
    event.preventDefault();
    if (days.length === 0) return setError(t('console.rotation.pickDay'));
    if (from === to) return setError(t('console.rotation.sameTimes'));
    if (!isKnownTimeZone(zone.trim())) return setError(t('console.rotation.unknownZone'));
    void submit(async () => {
      await callApi('POST', `/v1/teams/${teamId}/shifts`, TeamShift, {
        email: member.email,
        days,
        from,
        to,
        timeZone: zone.trim(),
      });
      onSaved(t('console.rotation.saved', { email: member.email }));
    });
  };

  return (
    <Dialog
      open
      onOpenChange={(open) => (open ? undefined : onClose())}
      title={t('console.rotation.shiftOf', { email: member.email })}
      description={t('console.rotation.shiftHint')}
      testId="shift-dialog"
    >
      <form className="console-form" onSubmit={handleSave}>
        <fieldset className="field">
          <legend className="field__label">{t('console.rotation.days')}</legend>
          <div className="rotation-days">
            {WEEKDAYS.map((day) => (
              <Button key={day} size="s" aria-pressed={days.includes(day)} onClick={() => toggle(day)}>
                {weekdayName(day, locale)}
              </Button>
            ))}
          </div>
        </fieldset>
        <div className="rotation-times">
          <TextField
            type="time"
            required
            label={t('console.rotation.from')}
            value={from}
            onValueChange={setFrom}
          />
          <TextField type="time" required label={t('console.rotation.to')} value={to} onValueChange={setTo} />
          <TextField
            required
            list="rotation-zones"
            label={t('console.rotation.timeZone')}
            hint={t('console.rotation.timeZoneHint')}
            value={zone}
            onValueChange={setZone}
            data-testid="shift-zone"
          />
          <datalist id="rotation-zones">
            {knownTimeZones().map((name) => (
              <option key={name} value={name} />
            ))}
          </datalist>
        </div>
        {error ? (
          <p className="form-error" role="alert">
            {error}
          </p>
        ) : null}
        <div className="console-form__actions">
          <Button onClick={onClose}>{t('console.rotation.cancel')}</Button>
          <Button type="submit" variant="primary" disabled={busy}>
            {t('console.rotation.save')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
};
