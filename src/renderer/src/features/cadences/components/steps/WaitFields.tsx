import { type Wait, WaitUnit } from '@shared/domain/cadence';
import { useTranslation } from 'react-i18next';

type WaitFieldsProps = {
  wait: Wait;
  /** What the wait is for ("Wait before this step", "Retry after"): the group's name and its inputs'. */
  label: string;
  onChange: (wait: Wait) => void;
  /** Test id of the amount input. */
  testId?: string;
};

/** A wait as an amount (0–10,000) and a unit (`WaitUnit`), read as one value in a row. */
export const WaitFields = ({ wait, label, onChange, testId }: WaitFieldsProps) => {
  const { t } = useTranslation();
  return (
    <fieldset className="cadence-wait">
      <legend className="visually-hidden">{label}</legend>
      <input
        className="input cadence-number"
        type="number"
        min={0}
        max={10_000}
        aria-label={`${label}: ${t('cadences.waitAmount')}`}
        value={wait.amount}
        onChange={(event) => onChange({ ...wait, amount: Number(event.target.value) })}
        data-testid={testId}
      />
      <select
        className="input"
        aria-label={`${label}: ${t('cadences.waitUnit')}`}
        value={wait.unit}
        onChange={(event) => onChange({ ...wait, unit: WaitUnit.parse(event.target.value) })}
      >
        {WaitUnit.options.map((unit) => (
          <option key={unit} value={unit}>
            {t(`cadences.units.${unit}`)}
          </option>
        ))}
      </select>
    </fieldset>
  );
};
