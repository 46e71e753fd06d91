import type { CallingRules } from '@shared/domain/queue';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, invoke } from '../../../api/client';
import { i18n } from '../../../i18n';
import { Button } from '../../../ui/Button';

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/** "Mon" for ISO weekday 1, in the interface language (2024-01-01 was a Monday). */
const weekdayName = (isoDay: number): string =>
  new Intl.DateTimeFormat(i18n.language, { weekday: 'short', timeZone: 'UTC' }).format(
    Date.UTC(2024, 0, isoDay),
  );

type Draft = Pick<CallingRules, 'window' | 'businessDays' | 'dailyDialTarget'>;

/** The team's calling window, business days and daily dial target. */
export const RulesSettings = () => {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    invoke('queue.rules', {})
      .then((rules) =>
        setDraft({
          window: rules.window,
          businessDays: rules.businessDays,
          dailyDialTarget: rules.dailyDialTarget,
        }),
      )
      .catch((e: unknown) => setError(errorMessage(e)));
  }, []);
  if (!draft) return error ? <p className="form-error">{error}</p> : null;

  const change = (next: Partial<Draft>) => {
    setDraft({ ...draft, ...next });
    setSaved(false);
  };
  const save = async () => {
    try {
      setError(null);
      const rules = await invoke('queue.setRules', draft);
      setDraft({
        window: rules.window,
        businessDays: rules.businessDays,
        dailyDialTarget: rules.dailyDialTarget,
      });
      setSaved(true);
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <form
      className="rules-settings"
      aria-labelledby="rules-settings-title"
      data-testid="rules-settings"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <h3 className="section-title" id="rules-settings-title">
        {t('queue.rulesTitle')}
      </h3>
      <p className="section-hint">{t('queue.rulesHint')}</p>
      <div className="rules-settings__row">
        <label className="field">
          <span className="field__label">{t('queue.windowStart')}</span>
          <input
            className="input"
            type="time"
            value={draft.window.start}
            onChange={(event) => change({ window: { ...draft.window, start: event.target.value } })}
            data-testid="rules-start"
          />
        </label>
        <label className="field">
          <span className="field__label">{t('queue.windowEnd')}</span>
          <input
            className="input"
            type="time"
            value={draft.window.end}
            onChange={(event) => change({ window: { ...draft.window, end: event.target.value } })}
            data-testid="rules-end"
          />
        </label>
        <label className="field">
          <span className="field__label">{t('queue.dailyTarget')}</span>
          <input
            className="input"
            type="number"
            min={1}
            max={2000}
            value={draft.dailyDialTarget}
            onChange={(event) => change({ dailyDialTarget: Number(event.target.value) })}
            data-testid="rules-target"
          />
        </label>
      </div>
      <fieldset className="field">
        <legend className="field__label">{t('queue.businessDays')}</legend>
        <div className="rules-settings__days">
          {WEEKDAYS.map((day) => (
            <label key={day} className="rules-settings__day">
              <input
                type="checkbox"
                checked={draft.businessDays.includes(day)}
                onChange={(event) =>
                  change({
                    businessDays: event.target.checked
                      ? [...draft.businessDays, day].sort()
                      : draft.businessDays.filter((d) => d !== day),
                  })
                }
              />
              {weekdayName(day)}
            </label>
          ))}
        </div>
      </fieldset>
      {error ? <p className="form-error">{error}</p> : null}
      <div className="rules-settings__actions">
        {saved ? (
          <span className="muted" role="status">
            {t('queue.saved')}
          </span>
        ) : null}
        <Button variant="primary" type="submit" data-testid="rules-save">
          {t('queue.save')}
        </Button>
      </div>
    </form>
  );
};
