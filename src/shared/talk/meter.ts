import { createChannel } from './channel';
import { type Biquad, highPass, lowPass } from './filter';
import type { TalkMetrics } from './metrics';
import { MONOLOGUE_MAX_PAUSE_SECONDS, monologues, type Span, talkMetricsFromSpans } from './spans';
import { DEFAULT_TUNING, type MeterTuning } from './tuning';

/** Who holds the floor right now, as the coach shows it. */
export type Speaking = 'rep' | 'prospect' | 'both' | 'none';

/**
 * The call as it stands, for the live coach. Seconds.
 * - `speaking`: whose talk span is open (a gap shorter than the hangover still counts as talking).
 * - `currentMonologueSeconds`: the rep's monologue in progress (see `spans.ts`), 0 when none.
 * - `silenceSinceProspectSeconds`: time since the prospect stopped, while nobody talks and the prospect
 *   spoke last (the pause coach's clock, target 3 s); null otherwise.
 */
export type TalkLiveState = {
  elapsedSeconds: number;
  speaking: Speaking;
  currentMonologueSeconds: number;
  silenceSinceProspectSeconds: number | null;
};

/** The talk spans found so far, in seconds from the start. */
export type TalkSpans = { rep: Span[]; prospect: Span[] };

/**
 * The talk/listen meter: two channels of Float32 PCM in (rep and prospect, same sample rate, equal-length
 * chunks of any size), talk metrics out, live or final. Pure code (no DOM, no Node API), so the
 * AudioWorklet on a live call and `dialdeck analyze-call` on a recording run the same detector.
 */
export type TalkMeter = {
  /** Feeds one chunk of each channel; `rep` and `prospect` must have the same length. */
  push: (rep: Float32Array, prospect: Float32Array) => void;
  /** The metrics so far (the call as if it ended now); cheap enough to read several times a second. */
  metrics: () => TalkMetrics;
  /** The live segment state for the coach. */
  live: () => TalkLiveState;
  /** Talk spans found so far (for tests and charts). */
  spans: () => TalkSpans;
  /** Decides the frames still held back for the leak gate and returns the final metrics. */
  finish: () => TalkMetrics;
};

type Band = { low: Biquad; high: Biquad };

/** `sampleRate` in Hz (8 000–192 000); `tuning` overrides {@link DEFAULT_TUNING}. Throws on a bad rate. */
export const createTalkMeter = (options: {
  sampleRate: number;
  tuning?: Partial<MeterTuning>;
}): TalkMeter => {
  const { sampleRate } = options;
  if (!Number.isFinite(sampleRate) || sampleRate < 8000 || sampleRate > 192_000) {
    throw new RangeError(`sample rate ${sampleRate} Hz is outside 8000–192000 Hz`);
  }
  const tuning = { ...DEFAULT_TUNING, ...options.tuning };
  const frameLength = Math.max(1, Math.round(sampleRate * tuning.frameSeconds));
  const frameSeconds = frameLength / sampleRate;
  const t = { ...tuning, frameSeconds };
  const lag = Math.round(t.leakLagSeconds / frameSeconds);
  const lead = Math.round(t.leakLeadSeconds / frameSeconds);
  const ring = lag + lead + 1;
  const band = (): Band => ({
    low: highPass(t.bandLowHz, sampleRate),
    high: lowPass(t.bandHighHz, sampleRate),
  });
  const bands = [band(), band()] as const;
  const channels = [createChannel(t), createChannel(t)] as const;
  // Frame energies (dB) of the last `ring` frames per channel, indexed by frame number modulo `ring`.
  const energies = [new Float64Array(ring), new Float64Array(ring)] as const;
  const sums = [0, 0];
  let filled = 0;
  let frames = 0; // frames measured
  let decided = 0; // frames decided (lags `frames` by `lead`)
  let samples = 0;

  const loudest = (side: 0 | 1, index: number): number => {
    let max = Number.NEGATIVE_INFINITY;
    for (let i = Math.max(0, index - lag); i <= Math.min(frames - 1, index + lead); i += 1) {
      max = Math.max(max, energies[side][i % ring] ?? max);
    }
    return max;
  };

  const decideNext = () => {
    const index = decided;
    const rep = energies[0][index % ring] ?? Number.NEGATIVE_INFINITY;
    const prospect = energies[1][index % ring] ?? Number.NEGATIVE_INFINITY;
    const repFloor = channels[0].floorDb();
    const prospectFloor = channels[1].floorDb();
    channels[0].decide(index, rep, loudest(1, index), prospectFloor);
    channels[1].decide(index, prospect, loudest(0, index), repFloor);
    decided += 1;
  };

  const endFrame = () => {
    for (const side of [0, 1] as const) {
      energies[side][frames % ring] = 10 * Math.log10((sums[side] ?? 0) / frameLength + 1e-12);
      sums[side] = 0;
    }
    frames += 1;
    filled = 0;
    if (frames - decided > lead) decideNext();
  };

  const spans = (): TalkSpans => ({ rep: channels[0].spans(decided), prospect: channels[1].spans(decided) });
  const elapsed = () => samples / sampleRate;

  return {
    push: (rep, prospect) => {
      if (rep.length !== prospect.length) {
        throw new RangeError(`rep and prospect chunks differ in length (${rep.length} ≠ ${prospect.length})`);
      }
      const [repBand, prospectBand] = bands;
      for (let i = 0; i < rep.length; i += 1) {
        const r = repBand.high.step(repBand.low.step(rep[i] ?? 0));
        const p = prospectBand.high.step(prospectBand.low.step(prospect[i] ?? 0));
        sums[0] = (sums[0] ?? 0) + r * r;
        sums[1] = (sums[1] ?? 0) + p * p;
        filled += 1;
        if (filled === frameLength) endFrame();
      }
      samples += rep.length;
    },
    metrics: () => {
      const { rep, prospect } = spans();
      return talkMetricsFromSpans(rep, prospect, elapsed());
    },
    live: () => {
      const { rep, prospect } = spans();
      const now = decided * frameSeconds;
      const repOn = channels[0].speaking();
      const prospectOn = channels[1].speaking();
      const speaking: Speaking = repOn ? (prospectOn ? 'both' : 'rep') : prospectOn ? 'prospect' : 'none';
      const run = monologues(rep, prospect).at(-1);
      const inMonologue = run !== undefined && !prospectOn && now - run.end <= MONOLOGUE_MAX_PAUSE_SECONDS;
      const prospectEnd = prospect.at(-1)?.end ?? null;
      const repEnd = rep.at(-1)?.end ?? Number.NEGATIVE_INFINITY;
      return {
        elapsedSeconds: Math.round(elapsed() * 1000) / 1000,
        speaking,
        currentMonologueSeconds: inMonologue ? Math.round((run.end - run.start) * 1000) / 1000 : 0,
        silenceSinceProspectSeconds:
          speaking === 'none' && prospectEnd !== null && prospectEnd > repEnd
            ? Math.round((now - prospectEnd) * 1000) / 1000
            : null,
      };
    },
    spans,
    finish: () => {
      while (decided < frames) decideNext();
      const { rep, prospect } = {
        rep: channels[0].spans(decided + 1e9),
        prospect: channels[1].spans(decided + 1e9),
      };
      return talkMetricsFromSpans(rep, prospect, elapsed());
    },
  };
};
