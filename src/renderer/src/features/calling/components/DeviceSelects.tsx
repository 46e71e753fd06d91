import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Select } from '../../../ui/Select';
import type { AudioDevice, AudioDeviceKind } from '../provider';
import { useCallController } from '../state/callStore';

const DEFAULT = 'default';

/** The computer's microphones and speakers, listed again whenever one is plugged in or out. */
export const useAudioDevices = (): AudioDevice[] => {
  const [devices, setDevices] = useState<AudioDevice[]>([]);
  useEffect(() => {
    const media = navigator.mediaDevices;
    if (!media) return;
    const read = () =>
      void media
        .enumerateDevices()
        .then((all) =>
          setDevices(
            all
              .filter((d) => (d.kind === 'audioinput' || d.kind === 'audiooutput') && d.deviceId !== DEFAULT)
              .map((d) => ({ id: d.deviceId, label: d.label, kind: d.kind as AudioDeviceKind })),
          ),
        )
        .catch(() => setDevices([]));
    read();
    media.addEventListener('devicechange', read);
    return () => media.removeEventListener('devicechange', read);
  }, []);
  return devices;
};

/**
 * The microphone and speaker pickers, before or during a call: a choice applies to the call at once
 * (the provider switches device) and to the next calls.
 */
export const DeviceSelects = ({ devices }: { devices: AudioDevice[] }) => {
  const { t } = useTranslation();
  const inputId = useCallController((s) => s.inputId);
  const outputId = useCallController((s) => s.outputId);
  const setInput = useCallController((s) => s.setInput);
  const setOutput = useCallController((s) => s.setOutput);
  const items = (kind: AudioDeviceKind) => [
    { value: DEFAULT, label: t('calling.devices.default') },
    ...devices
      .filter((d) => d.kind === kind && d.id)
      .map((d, i) => ({ value: d.id, label: d.label || t('calling.devices.unnamed', { n: i + 1 }) })),
  ];
  return (
    <div className="call-devices">
      <div className="field">
        <span className="field__label">{t('calling.devices.microphone')}</span>
        <Select
          label={t('calling.devices.microphone')}
          value={inputId ?? DEFAULT}
          onValueChange={(id) => void setInput(id === DEFAULT ? '' : id).catch(() => undefined)}
          items={items('audioinput')}
          size="s"
          testId="call-mic"
        />
      </div>
      <div className="field">
        <span className="field__label">{t('calling.devices.speaker')}</span>
        <Select
          label={t('calling.devices.speaker')}
          value={outputId ?? DEFAULT}
          onValueChange={(id) => void setOutput(id === DEFAULT ? '' : id).catch(() => undefined)}
          items={items('audiooutput')}
          size="s"
          testId="call-speaker"
        />
      </div>
    </div>
  );
};
