// A page that runs the call screen's meter (startMeter + its AudioWorklet) on two synthetic call streams
// (48 kHz unless asked otherwise): each side "talks" (a voice-band tone plus noise, syllable-modulated) on a known schedule and
// is silent otherwise, with the other side's echo leaking in 10 dB down. The test and the bench drive
// it through `window.talkMeter`.
import type { MeterUpdate } from '../../../src/renderer/src/features/calling/meter/messages';
import { startMeter } from '../../../src/renderer/src/features/calling/meter/startMeter';

type Turn = { speaker: 'rep' | 'prospect'; start: number; end: number };

const voice = (context: AudioContext, frequency: number) => {
  const tone = new OscillatorNode(context, { type: 'sawtooth', frequency });
  const noise = new AudioBufferSourceNode(context, { loop: true });
  const buffer = new AudioBuffer({ length: context.sampleRate, sampleRate: context.sampleRate });
  const data = buffer.getChannelData(0);
  let seed = frequency;
  for (let i = 0; i < data.length; i += 1) {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    data[i] = (seed / 2_147_483_648) * 2 - 1;
  }
  noise.buffer = buffer;
  const syllables = new OscillatorNode(context, { frequency: 4 });
  const depth = new GainNode(context, { gain: 0.4 });
  const level = new GainNode(context, { gain: 0.6 });
  syllables.connect(depth).connect(level.gain);
  const mix = new GainNode(context, { gain: 0.2 });
  tone.connect(mix);
  noise.connect(mix);
  mix.connect(level);
  const talking = new GainNode(context, { gain: 0 });
  level.connect(talking);
  for (const node of [tone, noise, syllables]) node.start();
  return talking;
};

const run = async (turns: Turn[], withMeter: boolean, ownContext: boolean, sampleRate: number) => {
  const context = new AudioContext({ sampleRate });
  await context.resume();
  const sides = { rep: voice(context, 140), prospect: voice(context, 220) };
  const t0 = context.currentTime + 0.1;
  for (const turn of turns) {
    sides[turn.speaker].gain.setValueAtTime(1, t0 + turn.start);
    sides[turn.speaker].gain.setValueAtTime(0, t0 + turn.end);
  }
  const streams = {
    rep: new MediaStreamAudioDestinationNode(context),
    prospect: new MediaStreamAudioDestinationNode(context),
  };
  sides.rep.connect(streams.rep);
  sides.prospect.connect(streams.prospect);
  // The rep's voice comes back on the prospect's side, 10 dB down and 8 ms late (line echo).
  sides.rep
    .connect(new DelayNode(context, { delayTime: 0.008 }))
    .connect(new GainNode(context, { gain: 10 ** (-10 / 20) }))
    .connect(streams.prospect);
  const updates: MeterUpdate[] = [];
  const handle = withMeter
    ? await startMeter(
        { rep: streams.rep.stream, prospect: streams.prospect.stream },
        (update) => updates.push(update),
        ownContext ? {} : { context },
      )
    : null;
  return {
    updates,
    stop: async () => {
      const metrics = handle ? await handle.stop() : null;
      await context.close();
      return metrics;
    },
  };
};

let current: Awaited<ReturnType<typeof run>> | null = null;

const api = {
  /** `sampleRate`: the call streams' rate, Hz (the bench plays an 8 kHz telephone call). */
  start: async (turns: Turn[], withMeter = true, ownContext = true, sampleRate = 48_000) => {
    current = await run(turns, withMeter, ownContext, sampleRate);
  },
  updates: () => current?.updates ?? [],
  stop: async () => (current ? current.stop() : null),
};

(window as unknown as { talkMeter: typeof api }).talkMeter = api;
document.title = 'talk meter ready';
