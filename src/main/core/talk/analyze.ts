import { createTalkMeter } from '@shared/talk/meter';
import type { TalkMetrics } from '@shared/talk/metrics';
import { readStereoWav } from './wav';

/** Which channel of a stereo recording carries the rep (the other carries the prospect). */
export type RepChannel = 'left' | 'right';

/**
 * The talk/listen metrics of a dual-channel call recording at `path`, from the same meter the live
 * call uses (`@shared/talk/meter`), fed 20 ms at a time as the AudioWorklet would. Throws the codes of
 * {@link readStereoWav}.
 */
export const analyzeCallRecording = (path: string, repChannel: RepChannel = 'left'): TalkMetrics => {
  const wav = readStereoWav(path);
  const meter = createTalkMeter({ sampleRate: wav.sampleRate });
  wav.read(Math.max(1, Math.round(wav.sampleRate / 50)), (left, right) =>
    repChannel === 'left' ? meter.push(left, right) : meter.push(right, left),
  );
  return meter.finish();
};
