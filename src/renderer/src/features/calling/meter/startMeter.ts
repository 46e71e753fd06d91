import type { TalkMetrics } from '../../../../../shared/talk/metrics';
import type { CallAudio } from '../provider';
import {
  type FromProcessor,
  type MeterUpdate,
  type ProcessorOptions,
  TALK_METER_PROCESSOR,
} from './messages';
import processorUrl from './processor.ts?worker&url';

/**
 * The meter's own audio context: 8 kHz (the meter measures the 200–3600 Hz speech band, so a telephone
 * rate loses nothing and costs a sixth of 48 kHz), the `playback` latency (fewer, larger render
 * callbacks: the coach needs updates every 250 ms, not every 3 ms) and no output device (`sinkId`
 * `{ type: 'none' }`, Chromium 110+: it renders without opening one).
 */
const meterContext = (): AudioContext =>
  new AudioContext({
    sampleRate: METER_SAMPLE_RATE,
    latencyHint: 'playback',
    sinkId: { type: 'none' },
  } as AudioContextOptions);

/** Hz; see {@link meterContext}. */
export const METER_SAMPLE_RATE = 8000;

/** A running meter: `stop` ends it and resolves with the call's final metrics. */
export type MeterHandle = { stop: () => Promise<TalkMetrics> };

export type StartMeterOptions = {
  /**
   * An AudioContext to run in; when absent the meter makes its own at {@link METER_SAMPLE_RATE} (and
   * closes it on stop), which costs less than running in a 48 kHz one.
   */
  context?: AudioContext;
  /** How often `onMetrics` is called, in ms of audio (default 250). */
  reportEveryMs?: number;
};

/**
 * Starts the talk/listen meter on a connected call's two streams (`audio.rep`: the microphone as sent,
 * `audio.prospect`: the remote audio as received; a remote WebRTC stream yields samples to Web Audio
 * only once it also plays in an `<audio>` element, which the provider does). Each stream is mixed to
 * mono and the pair runs through the shared meter in an AudioWorklet; `onMetrics` gets
 * `{ metrics: TalkMetrics, live: TalkLiveState, final }` every `reportEveryMs` and once more with
 * `final: true` after `stop()`. Rejects when the worklet cannot be loaded (e.g. a policy that blocks it).
 */
export const startMeter = async (
  audio: CallAudio,
  onMetrics: (update: MeterUpdate) => void,
  options: StartMeterOptions = {},
): Promise<MeterHandle> => {
  const context = options.context ?? meterContext();
  const owned = options.context === undefined;
  await context.audioWorklet.addModule(processorUrl);
  const merger = new ChannelMergerNode(context, { numberOfInputs: 2 });
  const rep = new MediaStreamAudioSourceNode(context, { mediaStream: audio.rep });
  const prospect = new MediaStreamAudioSourceNode(context, { mediaStream: audio.prospect });
  rep.connect(merger, 0, 0);
  prospect.connect(merger, 0, 1);
  const processorOptions: ProcessorOptions = { reportEveryMs: options.reportEveryMs ?? 250 };
  // No outputs: a sink node, which Chromium pulls without a path to the speakers.
  const node = new AudioWorkletNode(context, TALK_METER_PROCESSOR, {
    numberOfInputs: 1,
    numberOfOutputs: 0,
    channelCount: 2,
    channelCountMode: 'explicit',
    channelInterpretation: 'discrete',
    processorOptions,
  });
  merger.connect(node);
  if (context.state === 'suspended') await context.resume();
  let resolveFinal: (metrics: TalkMetrics) => void = () => {};
  const final = new Promise<TalkMetrics>((resolve) => {
    resolveFinal = resolve;
  });
  node.port.onmessage = (event: MessageEvent<FromProcessor>) => {
    onMetrics(event.data.update);
    if (event.data.update.final) resolveFinal(event.data.update.metrics);
  };
  let stopped: Promise<TalkMetrics> | null = null;
  return {
    stop: () => {
      stopped ??= (async () => {
        node.port.postMessage({ type: 'finish' });
        const metrics = await final;
        rep.disconnect();
        prospect.disconnect();
        merger.disconnect();
        node.port.onmessage = null;
        if (owned) await context.close();
        return metrics;
      })();
      return stopped;
    },
  };
};
