import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../ui/Button';
import type { TelephonyErrorCode } from '../provider';
import { useCallController } from '../state/callStore';
import { DeviceSelects, useAudioDevices } from './DeviceSelects';

/** RMS level (0–1) above which the microphone counts as hearing something. */
const HEARD_LEVEL = 0.02;

type SinkContext = AudioContext & { setSinkId?: (id: string) => Promise<void> };

/** The microphone's level, 0–1 (RMS of an AnalyserNode's samples, read each frame), or an error. */
const useMicLevel = (deviceId: string | null) => {
  const [level, setLevel] = useState(0);
  const [peak, setPeak] = useState(0);
  const [error, setError] = useState<TelephonyErrorCode | null>(null);
  useEffect(() => {
    let stopped = false;
    let frame = 0;
    let stream: MediaStream | null = null;
    const audio = new AudioContext();
    const start = async () => {
      try {
        stream = await navigator.mediaDevices.getUserMedia({
          audio: deviceId ? { deviceId: { exact: deviceId } } : true,
        });
      } catch (e) {
        const name = (e as { name?: string }).name;
        if (!stopped) setError(name === 'NotAllowedError' ? 'mic_permission_denied' : 'mic_unavailable');
        return;
      }
      if (stopped) return;
      setError(null);
      const analyser = audio.createAnalyser();
      analyser.fftSize = 1024;
      audio.createMediaStreamSource(stream).connect(analyser);
      const samples = new Float32Array(analyser.fftSize);
      const read = () => {
        analyser.getFloatTimeDomainData(samples);
        let sum = 0;
        for (const s of samples) sum += s * s;
        const rms = Math.sqrt(sum / samples.length);
        setLevel(rms);
        setPeak((p) => Math.max(p, rms));
        frame = requestAnimationFrame(read);
      };
      read();
    };
    void audio.resume().finally(start);
    return () => {
      stopped = true;
      cancelAnimationFrame(frame);
      for (const track of stream?.getTracks() ?? []) track.stop();
      void audio.close().catch(() => undefined);
    };
  }, [deviceId]);
  return { level, heard: peak >= HEARD_LEVEL, error };
};

/** Plays a short two-tone chime on the chosen speaker; resolves when it has played. */
const playChime = async (outputId: string | null): Promise<void> => {
  const audio = new AudioContext() as SinkContext;
  try {
    if (outputId) await audio.setSinkId?.(outputId);
    await audio.resume();
    const gain = audio.createGain();
    gain.gain.value = 0.2;
    gain.connect(audio.destination);
    for (const [i, frequency] of [660, 880].entries()) {
      const tone = audio.createOscillator();
      tone.frequency.value = frequency;
      tone.connect(gain);
      tone.start(audio.currentTime + i * 0.35);
      tone.stop(audio.currentTime + i * 0.35 + 0.3);
    }
    await new Promise((resolve) => setTimeout(resolve, 800));
  } finally {
    await audio.close().catch(() => undefined);
  }
};

/**
 * The check before a session: pick the microphone and watch its level move as you speak; pick the
 * speaker, play a chime and say whether you heard it. Errors say what to do (permission, no device).
 */
export const DeviceCheck = () => {
  const { t } = useTranslation();
  const devices = useAudioDevices();
  const inputId = useCallController((s) => s.inputId);
  const outputId = useCallController((s) => s.outputId);
  const { level, heard, error } = useMicLevel(inputId || null);
  const [playback, setPlayback] = useState<'idle' | 'playing' | 'asking' | 'ok' | 'no'>('idle');
  const mounted = useRef(true);
  useEffect(
    () => () => {
      mounted.current = false;
    },
    [],
  );
  const levelPct = Math.min(100, Math.round(level * 400));
  return (
    <section className="device-check" aria-labelledby="device-check-title" data-testid="device-check">
      <h4 id="device-check-title" className="device-check__title">
        {t('calling.check.title')}
      </h4>
      <DeviceSelects devices={devices} />
      {/* biome-ignore lint/a11y/useSemanticElements: a styled bar with the target marked on it; <meter> cannot show the mark */}
      <div
        className="device-check__level"
        role="meter"
        aria-label={t('calling.check.level')}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={levelPct}
        data-testid="mic-level"
        data-heard={heard ? 'yes' : 'no'}
      >
        <span className="device-check__fill" style={{ width: `${levelPct}%` }} />
      </div>
      <p role="status" className={error ? 'form-error' : 'muted'} data-testid="mic-verdict">
        {error
          ? t(`calling.errors.${error}`)
          : heard
            ? `✓ ${t('calling.check.heard')}`
            : t('calling.check.speak')}
      </p>
      <div className="device-check__playback">
        <Button
          size="s"
          disabled={playback === 'playing'}
          onClick={() => {
            setPlayback('playing');
            void playChime(outputId || null).finally(() => mounted.current && setPlayback('asking'));
          }}
          data-testid="speaker-play"
        >
          {playback === 'playing' ? t('calling.check.playing') : t('calling.check.play')}
        </Button>
        {playback === 'asking' ? (
          <span className="device-check__ask" data-testid="speaker-ask">
            {t('calling.check.didHear')}
            <Button size="s" variant="ghost" onClick={() => setPlayback('ok')} data-testid="speaker-yes">
              {t('calling.check.yes')}
            </Button>
            <Button size="s" variant="ghost" onClick={() => setPlayback('no')}>
              {t('calling.check.no')}
            </Button>
          </span>
        ) : null}
        {playback === 'ok' || playback === 'no' ? (
          <span role="status" data-testid="speaker-verdict">
            {playback === 'ok' ? `✓ ${t('calling.check.speakerOk')}` : t('calling.check.speakerNo')}
          </span>
        ) : null}
      </div>
    </section>
  );
};
