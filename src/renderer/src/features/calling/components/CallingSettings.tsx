import type { CallProvider as ProviderKind } from '@shared/domain/callProvider';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Select } from '../../../ui/Select';
import { useSettingsStore } from '../../settings/state/settingsStore';
import { PROVIDER_KINDS } from '../providers/registry';
import { percent } from '../utils/format';
import './calling.css';

/** A whole number within [min, max] from what the rep typed, or null. */
const wholeIn = (text: string, min: number, max: number): number | null => {
  if (!/^\s*\d+\s*$/.test(text)) return null;
  const value = Number(text);
  return value >= min && value <= max ? value : null;
};

/** A number field saved on blur or Enter once valid; an invalid entry says what to type. */
const NumberSetting = ({
  label,
  hint,
  value,
  min,
  max,
  invalid,
  onSave,
  testId,
}: {
  label: string;
  hint?: string;
  value: number;
  min: number;
  max: number;
  invalid: string;
  onSave: (value: number) => void;
  testId: string;
}) => {
  const [draft, setDraft] = useState(String(value));
  const [error, setError] = useState(false);
  useEffect(() => setDraft(String(value)), [value]);
  const save = () => {
    const parsed = wholeIn(draft, min, max);
    setError(parsed === null);
    if (parsed !== null && parsed !== value) onSave(parsed);
  };
  return (
    <label className="field">
      <span className="field__label">{label}</span>
      <input
        className="input"
        type="number"
        inputMode="numeric"
        min={min}
        max={max}
        value={draft}
        aria-invalid={error}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={save}
        onKeyDown={(event) => {
          if (event.key === 'Enter') save();
        }}
        data-testid={testId}
      />
      {error ? (
        <span className="form-error">{invalid}</span>
      ) : hint ? (
        <span className="field__hint">{hint}</span>
      ) : null}
    </label>
  );
};

/** Settings › Calling: how this rep places calls, the talk-share target and the monologue limit. */
export const CallingSettings = () => {
  const { t } = useTranslation();
  const settings = useSettingsStore((s) => s.settings);
  const update = useSettingsStore((s) => s.update);
  return (
    <fieldset className="field calling-settings" data-testid="calling-settings">
      <legend className="field__label">{t('calling.settings.title')}</legend>
      <div className="field">
        <span className="field__label">{t('calling.settings.provider')}</span>
        <Select<ProviderKind>
          label={t('calling.settings.provider')}
          value={settings.callingProvider}
          onValueChange={(callingProvider) => void update({ callingProvider })}
          items={PROVIDER_KINDS.map((kind) => ({ value: kind, label: t(`calling.providers.${kind}`) }))}
          testId="settings-calling-provider"
        />
        <span className="field__hint">{t(`calling.providerHints.${settings.callingProvider}`)}</span>
      </div>
      <NumberSetting
        label={t('calling.settings.talkTarget')}
        hint={t('calling.settings.talkTargetHint')}
        value={percent(settings.callingTalkShareTarget)}
        min={5}
        max={95}
        invalid={t('calling.settings.invalidTarget')}
        onSave={(value) => void update({ callingTalkShareTarget: value / 100 })}
        testId="settings-talk-target"
      />
      <NumberSetting
        label={t('calling.settings.monologue')}
        value={settings.callingMonologueSeconds}
        min={10}
        max={600}
        invalid={t('calling.settings.invalidMonologue')}
        onSave={(value) => void update({ callingMonologueSeconds: value })}
        testId="settings-monologue"
      />
    </fieldset>
  );
};
