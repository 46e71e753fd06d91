import type { Span } from './spans';
import type { MeterTuning } from './tuning';

/**
 * One side of the call, frame by frame: a noise floor tracked by minimum statistics (R. Martin, "Noise
 * power spectral density estimation based on optimal smoothing and minimum statistics", IEEE TSAP 2001,
 * simplified to the frame energy), an onset/offset hysteresis above it, the level at which the other
 * side's voice leaks in (learnt as a running 85th percentile while the other side talks), talk spans
 * joined across short gaps (hangover), and steady tones (a test tone, ringback, a held chord of hold
 * music) set apart as neither talk nor noise floor. Energies are dB; frame indices count from the
 * start of the call.
 */
export type Channel = {
  /** Decides frame `index` with energy `energyDb`; `otherDb` is the loudest frame of the other side around it. */
  decide: (index: number, energyDb: number, otherDb: number, otherFloorDb: number) => boolean;
  /** The tracked noise floor in dB. */
  floorDb: () => number;
  /** Talk spans closed so far plus the open one cut at its last voiced frame, in seconds. */
  spans: (upToFrame: number) => Span[];
  /** True while a span is open (speech, or a gap shorter than the hangover). */
  speaking: () => boolean;
};

const LEAK_STEP_DB = 0.2;
const MIN_LEAK_DB = -50;
const MAX_LEAK_DB = -3;

export const createChannel = (tuning: MeterTuning): Channel => {
  const frame = tuning.frameSeconds;
  const blockFrames = Math.max(1, Math.round(0.25 / frame));
  const blocks = Math.max(1, Math.round(tuning.floorWindowSeconds / (blockFrames * frame)));
  const hangoverFrames = Math.round(tuning.hangoverSeconds / frame);
  const minVoiced = Math.max(1, Math.round(tuning.minVoicedSeconds / frame));
  const blockMinima: number[] = [];
  let blockMin = Number.POSITIVE_INFINITY;
  let blockCount = 0;
  let floor = Number.POSITIVE_INFINITY;
  let inSpeech = false;
  let leakDb = tuning.initialLeakDb;
  const closed: Span[] = [];
  let open: { start: number; last: number; voiced: number } | null = null;
  // A steady sound (a test tone, ringback, a held chord): its level, smoothed over `smoothFrames`
  // frames, stays within `steadyDb` of the run's mean for `steadySeconds`.
  const smoothFrames = Math.max(1, Math.round(tuning.steadySmoothSeconds / frame));
  const recent = new Float64Array(smoothFrames);
  const steadyFrames = Math.max(1, Math.round(tuning.steadySeconds / frame));
  let recentSum = 0;
  let runStart = 0;
  let runLength = 0;
  let runMeanDb = Number.NEGATIVE_INFINITY;

  /** Follows the smoothed level; true while it has held steady for `steadySeconds` (a tone, not a voice). */
  const steadyRun = (index: number, energyDb: number): boolean => {
    const power = 10 ** (energyDb / 10);
    recentSum += power - (recent[index % smoothFrames] ?? 0);
    recent[index % smoothFrames] = power;
    const smoothedDb = 10 * Math.log10(Math.max(recentSum, 1e-12) / smoothFrames);
    if (runLength > 0 && Math.abs(smoothedDb - runMeanDb) <= tuning.steadyDb) {
      runLength += 1;
      runMeanDb += (smoothedDb - runMeanDb) / runLength;
    } else {
      runStart = index;
      runLength = 1;
      runMeanDb = smoothedDb;
    }
    return runLength >= steadyFrames;
  };

  const trackFloor = (energyDb: number) => {
    blockMin = Math.min(blockMin, energyDb);
    blockCount += 1;
    if (blockCount === blockFrames) {
      blockMinima.push(blockMin);
      if (blockMinima.length > blocks) blockMinima.shift();
      blockMin = Number.POSITIVE_INFINITY;
      blockCount = 0;
    }
    floor = Math.min(blockMin, ...blockMinima);
  };

  const closeIfOver = (index: number) => {
    if (open !== null && index - open.last > hangoverFrames) {
      if (open.voiced >= minVoiced) closed.push({ start: open.start * frame, end: (open.last + 1) * frame });
      open = null;
    }
  };

  return {
    decide: (index, energyDb, otherDb, otherFloorDb) => {
      const threshold = Math.max(floor + tuning.floorBiasDb, tuning.minLevelDb);
      // A steady sound well above the floor is a tone (hold music, a test tone, ringback), not a voice:
      // it is neither talk nor the line's noise floor, and the span its first frames opened is dropped.
      if (steadyRun(index, energyDb) && runMeanDb > threshold + tuning.onsetDb) {
        if (open !== null) {
          if (open.start >= runStart - smoothFrames) open = null;
          else open.last = Math.min(open.last, runStart - smoothFrames);
        }
        inSpeech = false;
        return false;
      }
      trackFloor(energyDb);
      let voiced = energyDb > threshold + (inSpeech ? tuning.offsetDb : tuning.onsetDb);
      if (otherDb > otherFloorDb + tuning.onsetDb) {
        const relative = energyDb - otherDb;
        // The leak level: a running 85th percentile (stochastic quantile tracking) of this side's level
        // relative to the other's loudest nearby frame, while the other side clearly talks. Leak frames
        // are most of those frames (both talking at once is the exception), so the 85th percentile sits
        // at the top of the leak's spread.
        if (otherDb > otherFloorDb + 15) {
          leakDb += relative > leakDb ? 0.85 * LEAK_STEP_DB : -0.15 * LEAK_STEP_DB;
          leakDb = Math.min(MAX_LEAK_DB, Math.max(MIN_LEAK_DB, leakDb));
        }
        if (relative < leakDb + tuning.gateMarginDb) voiced = false;
      }
      inSpeech = voiced;
      closeIfOver(index);
      if (voiced) {
        if (open === null) open = { start: index, last: index, voiced: 1 };
        else {
          open.last = index;
          open.voiced += 1;
        }
      }
      return voiced;
    },
    floorDb: () => floor,
    spans: (upToFrame) => {
      closeIfOver(upToFrame);
      return open !== null && open.voiced >= minVoiced
        ? [...closed, { start: open.start * frame, end: (open.last + 1) * frame }]
        : [...closed];
    },
    speaking: () => open !== null && open.voiced >= minVoiced,
  };
};
