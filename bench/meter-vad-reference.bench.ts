// The talk/listen meter's voice-activity decisions against a reference VAD: WebRTC's (libfvad, through
// the `@echogarden/fvad-wasm` WebAssembly build, run in Node) on the generated accuracy calls
// (test/fixtures/talk: espeak-ng voices in en, zh and ko, sox noise at 20 and 10 dB SNR, telephone
// band, crosstalk at −20 dB and echo at −10 dB). Both are scored per 20 ms frame against the truth
// spans of each channel; WebRTC's VAD has no notion of the other channel, so the other party's echo
// counts as speech for it, which is what the meter's cross-channel gate is for.
import fvad from '@echogarden/fvad-wasm';
import { readStereoWav } from '../src/main/core/talk/wav';
import { createTalkMeter } from '../src/shared/talk/meter';
import type { Span } from '../src/shared/talk/spans';
import { makeFixture } from '../test/fixtures/talk/generate';
import { type Conditions, conversation, type Lang, phoneLine } from '../test/fixtures/talk/plan';

const FRAME_SECONDS = 0.02;
/** libfvad's aggressiveness modes, 0 (quality) to 3 (very aggressive). */
const MODES = [0, 1, 2, 3] as const;
/** The truth closes pauses inside a speaker's turn up to this long (test/fixtures/talk/generate.ts). */
const SPAN_PAUSE_SECONDS = 0.5;

type Case = { name: string; seed: number; lang: Lang; conditions: Conditions };

// The accuracy test's named calls at the rates libfvad takes (8, 16, 32, 48 kHz).
const CASES: Case[] = [
  { name: 'en-20db', seed: 1, lang: 'en', conditions: phoneLine(20) },
  { name: 'en-10db', seed: 2, lang: 'en', conditions: phoneLine(10) },
  { name: 'zh-20db', seed: 3, lang: 'zh', conditions: phoneLine(20) },
  { name: 'ko-10db-8khz', seed: 4, lang: 'ko', conditions: phoneLine(10, { sampleRate: 8000 }) },
  {
    name: 'en-10db-48khz-24bit-echo-on-rep',
    seed: 5,
    lang: 'en',
    conditions: phoneLine(10, { sampleRate: 48_000, encoding: '24', echoInto: 'rep' }),
  },
];

type FvadModule = {
  _fvad_new: () => number;
  _fvad_free: (handle: number) => void;
  _fvad_set_mode: (handle: number, mode: number) => number;
  _fvad_set_sample_rate: (handle: number, rate: number) => number;
  _fvad_process: (handle: number, frame: number, length: number) => number;
  _malloc: (bytes: number) => number;
  _free: (pointer: number) => void;
  HEAP16: Int16Array;
};

/** Per-frame speech decisions (1/0) of libfvad in `mode` on `samples` (−1..1) at `rate`, 20 ms frames. */
const webrtcVad = (module: FvadModule, samples: Float32Array, rate: number, mode: number): Uint8Array => {
  const handle = module._fvad_new();
  if (module._fvad_set_sample_rate(handle, rate) < 0 || module._fvad_set_mode(handle, mode) < 0) {
    module._fvad_free(handle);
    throw new RangeError(`libfvad refuses ${rate} Hz or mode ${mode}`);
  }
  const length = Math.round(rate * FRAME_SECONDS);
  const pointer = module._malloc(length * 2);
  const frames = Math.floor(samples.length / length);
  const out = new Uint8Array(frames);
  try {
    for (let f = 0; f < frames; f += 1) {
      const heap = module.HEAP16;
      for (let i = 0; i < length; i += 1) {
        const x = Math.max(-1, Math.min(1, samples[f * length + i] ?? 0));
        heap[pointer / 2 + i] = Math.round(x * 32_767);
      }
      const decision = module._fvad_process(handle, pointer, length);
      if (decision < 0) throw new Error('libfvad could not process a frame');
      out[f] = decision;
    }
  } finally {
    module._free(pointer);
    module._fvad_free(handle);
  }
  return out;
};

/** Frames (20 ms) whose centre lies in one of `spans`. */
const framesOf = (spans: readonly Span[], frames: number): Uint8Array => {
  const out = new Uint8Array(frames);
  for (const span of spans) {
    const from = Math.max(0, Math.ceil(span.start / FRAME_SECONDS - 0.5));
    const to = Math.min(frames - 1, Math.floor(span.end / FRAME_SECONDS - 0.5));
    for (let f = from; f <= to; f += 1) out[f] = 1;
  }
  return out;
};

/** Speech runs of per-frame decisions, gaps up to SPAN_PAUSE_SECONDS closed, as the truth's spans are. */
const closeGaps = (decisions: Uint8Array): Uint8Array => {
  const out = Uint8Array.from(decisions);
  const longest = Math.round(SPAN_PAUSE_SECONDS / FRAME_SECONDS);
  let lastSpeech = -1;
  for (let f = 0; f < out.length; f += 1) {
    if (!out[f]) continue;
    if (lastSpeech >= 0 && f - lastSpeech - 1 <= longest) out.fill(1, lastSpeech + 1, f);
    lastSpeech = f;
  }
  return out;
};

type Score = { recall: number; falseAlarm: number; accuracy: number };

/** Share of the truth's speech frames found, of its silent frames flagged, and of frames agreed. */
const score = (decided: Uint8Array, truth: Uint8Array): Score => {
  let speech = 0;
  let silence = 0;
  let found = 0;
  let flagged = 0;
  for (let f = 0; f < truth.length; f += 1) {
    if (truth[f]) {
      speech += 1;
      if (decided[f]) found += 1;
    } else {
      silence += 1;
      if (decided[f]) flagged += 1;
    }
  }
  const round = (x: number) => Number(x.toFixed(3));
  return {
    recall: round(found / Math.max(1, speech)),
    falseAlarm: round(flagged / Math.max(1, silence)),
    accuracy: round((found + silence - flagged) / Math.max(1, truth.length)),
  };
};

const count = (frames: Uint8Array) => frames.reduce((sum, x) => sum + x, 0);
const share = (rep: Uint8Array, prospect: Uint8Array) => {
  const total = count(rep) + count(prospect);
  return total === 0 ? null : Number((count(rep) / total).toFixed(4));
};

/**
 * `npm run bench -- meter-vad-reference`: for each call, the rep's true talk share and, for the meter and
 * for WebRTC's VAD in modes 0–3 (raw 20 ms decisions, and with pauses up to 0.5 s closed as the truth
 * closes them), per channel `{recall, falseAlarm, accuracy}` against the truth's frames and the rep
 * talk share they imply; plus the frames where the meter and WebRTC's VAD (mode 3, gaps closed) agree.
 */
export const run = async (): Promise<Record<string, unknown>> => {
  const module = (await fvad()) as FvadModule;
  const calls: Record<string, unknown>[] = [];
  for (const call of CASES) {
    const fixture = makeFixture(conversation(call.name, call.seed, call.lang, call.conditions));
    const wav = readStereoWav(fixture.wav);
    const rep: Float32Array[] = [];
    const prospect: Float32Array[] = [];
    const meter = createTalkMeter({ sampleRate: wav.sampleRate });
    wav.read(Math.round(wav.sampleRate * FRAME_SECONDS), (left, right) => {
      meter.push(left, right);
      rep.push(Float32Array.from(left));
      prospect.push(Float32Array.from(right));
    });
    const metrics = meter.finish();
    const join = (chunks: Float32Array[]) => {
      const out = new Float32Array(chunks.reduce((n, c) => n + c.length, 0));
      let at = 0;
      for (const chunk of chunks) {
        out.set(chunk, at);
        at += chunk.length;
      }
      return out;
    };
    const channels = { rep: join(rep), prospect: join(prospect) };
    const frames = Math.floor(channels.rep.length / Math.round(wav.sampleRate * FRAME_SECONDS));
    const truth = {
      rep: framesOf(fixture.truth.rep, frames),
      prospect: framesOf(fixture.truth.prospect, frames),
    };
    const spans = meter.spans();
    const measured = { rep: framesOf(spans.rep, frames), prospect: framesOf(spans.prospect, frames) };
    const detectors: Record<string, unknown> = {
      meter: {
        rep: score(measured.rep, truth.rep),
        prospect: score(measured.prospect, truth.prospect),
        repTalkShare: metrics.repTalkShare,
      },
    };
    let reference: { rep: Uint8Array; prospect: Uint8Array } | null = null;
    for (const mode of MODES) {
      const raw = {
        rep: webrtcVad(module, channels.rep, wav.sampleRate, mode),
        prospect: webrtcVad(module, channels.prospect, wav.sampleRate, mode),
      };
      const closed = { rep: closeGaps(raw.rep), prospect: closeGaps(raw.prospect) };
      if (mode === 3) reference = closed;
      detectors[`webrtcVadMode${mode}`] = {
        raw: {
          rep: score(raw.rep, truth.rep),
          prospect: score(raw.prospect, truth.prospect),
          repTalkShare: share(raw.rep, raw.prospect),
        },
        gapsClosed: {
          rep: score(closed.rep, truth.rep),
          prospect: score(closed.prospect, truth.prospect),
          repTalkShare: share(closed.rep, closed.prospect),
        },
      };
    }
    calls.push({
      name: call.name,
      sampleRate: wav.sampleRate,
      seconds: Number((frames * FRAME_SECONDS).toFixed(2)),
      truthRepTalkShare: fixture.truth.metrics.repTalkShare,
      ...detectors,
      meterAgreesWithWebrtcVadMode3: reference
        ? {
            rep: score(measured.rep, reference.rep).accuracy,
            prospect: score(measured.prospect, reference.prospect).accuracy,
          }
        : null,
    });
  }
  return { frameSeconds: FRAME_SECONDS, reference: '@echogarden/fvad-wasm (libfvad, WebRTC VAD)', calls };
};
