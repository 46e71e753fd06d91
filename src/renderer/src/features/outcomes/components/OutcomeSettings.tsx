import type { Outcome } from '@shared/domain/outcome';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../api/client';
import { TeamDefinitionsNote } from '../../sync/components/TeamDefinitionsNote';
import { useTeamDefinitionsReadOnly } from '../../sync/hooks/useTeamDefinitionsReadOnly';
import { useOutcomeStore } from '../state/outcomeStore';
import { outcomeLabel } from '../utils/labels';

const OutcomeRow = ({ outcome, onError }: { outcome: Outcome; onError: (message: string) => void }) => {
  const { t } = useTranslation();
  const update = useOutcomeStore((s) => s.update);
  const [label, setLabel] = useState(outcome.label);
  useEffect(() => setLabel(outcome.label), [outcome.label]);
  // The switch moves at once; a refused save puts it back.
  const [active, setActive] = useState(outcome.active);
  useEffect(() => setActive(outcome.active), [outcome.active]);
  const save = async (patch: Partial<Pick<Outcome, 'label' | 'active'>>) => {
    try {
      await update(outcome.id, patch);
    } catch (error) {
      onError(errorMessage(error));
      setLabel(outcome.label);
      setActive(outcome.active);
    }
  };
  const inputId = `outcome-label-${outcome.id}`;
  return (
    <tr data-outcome-row={outcome.id}>
      <td>
        <label className="visually-hidden" htmlFor={inputId}>
          {t('outcomes.label')}
        </label>
        <input
          id={inputId}
          className="input outcome-settings__label"
          value={label}
          maxLength={80}
          onChange={(event) => setLabel(event.target.value)}
          onBlur={() => {
            const next = label.trim();
            if (next && next !== outcome.label) void save({ label: next });
            else setLabel(outcome.label);
          }}
          onKeyDown={(event) => {
            if (event.key === 'Enter') event.currentTarget.blur();
          }}
        />
        <span className="muted outcome-settings__shown">{outcomeLabel(outcome, t)}</span>
      </td>
      <td>
        <label className="outcome-settings__toggle">
          <input
            type="checkbox"
            checked={active}
            onChange={(event) => {
              setActive(event.target.checked);
              void save({ active: event.target.checked });
            }}
          />
          {t('outcomes.enabled')}
        </label>
      </td>
    </tr>
  );
};

/**
 * The team's outcome set: rename an outcome, or switch it off so it can no longer be logged. Read-only,
 * with a line saying so, for a signed-in rep or AE (the manager edits it in the team console).
 */
export const OutcomeSettings = () => {
  const { t } = useTranslation();
  const readOnly = useTeamDefinitionsReadOnly();
  const outcomes = useOutcomeStore((s) => s.outcomes);
  const loaded = useOutcomeStore((s) => s.loaded);
  const load = useOutcomeStore((s) => s.load);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!loaded) void load();
  }, [loaded, load]);
  const sorted = [...outcomes].sort((a, b) => a.position - b.position);
  return (
    <section aria-labelledby="outcome-settings-title" data-testid="outcome-settings">
      <h3 className="section-title" id="outcome-settings-title">
        {t('outcomes.settingsTitle')}
      </h3>
      {readOnly ? (
        <TeamDefinitionsNote area="outcomes" />
      ) : (
        <p className="section-hint">{t('outcomes.settingsHint')}</p>
      )}
      {error ? <p className="form-error">{error}</p> : null}
      <fieldset className="team-definitions-fieldset" disabled={readOnly}>
        <table className="outcome-settings">
          <tbody>
            {sorted.map((outcome) => (
              <OutcomeRow key={outcome.id} outcome={outcome} onError={setError} />
            ))}
          </tbody>
        </table>
      </fieldset>
    </section>
  );
};
