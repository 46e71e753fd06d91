import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, invoke } from '../../../api/client';
import { Select } from '../../../ui/Select';
import { showToast } from '../../../ui/toastStore';
import { useQualificationStore } from '../state/qualificationStore';

type Gate = '1' | '2' | '3' | '4';
const GATES: readonly Gate[] = ['1', '2', '3', '4'];

/** The team's hand-off gate: how many BANT criteria must be confirmed (PLAYBOOK default 2 of 4). */
export const HandoffGateSetting = () => {
  const { t } = useTranslation();
  const [gate, setGate] = useState<Gate | null>(null);

  useEffect(() => {
    invoke('qualification.config', {})
      .then((config) => setGate(String(config.bantGate) as Gate))
      .catch((error: unknown) => showToast('error', errorMessage(error)));
  }, []);

  const handleChange = async (next: Gate) => {
    try {
      const config = await invoke('qualification.setConfig', { bantGate: Number(next) });
      setGate(String(config.bantGate) as Gate);
      // Open leads' "Hand off" buttons follow the new gate.
      const { entries, load } = useQualificationStore.getState();
      await Promise.all(Object.keys(entries).map(load));
    } catch (error) {
      showToast('error', errorMessage(error));
    }
  };

  if (gate === null) return null;
  return (
    <div className="field">
      <span className="field__label">{t('qualification.gateSetting')}</span>
      <Select<Gate>
        label={t('qualification.gateSetting')}
        value={gate}
        onValueChange={(next) => void handleChange(next)}
        items={GATES.map((value) => ({ value, label: t('qualification.gateOption', { required: value }) }))}
        testId="settings-handoff-gate"
      />
      <span className="field__hint">{t('qualification.gateHint')}</span>
    </div>
  );
};
