import type { Span } from './spans';
import type { MeterTuning } from './tuning';

/**
 * One side of the call, frame by frame: a noise floor tracked by minimum statistics (R. Martin, "Noise
 * power spectral density estimation based on optimal smoothing and minimum statistics", IEEE TSAP 2001,
 * simplified to the frame energy), an onset/offset hysteresis above it, the level at which the other
 * side's voice leaks in (learnt as a running median while the other side talks), and talk spans joined
 * across short gaps (hangover). Energies are dB; frame indices count from the start of the call.
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
      trackFloor(energyDb);
      const threshold = Math.max(floor + tuning.floorBiasDb, tuning.minLevelDb);
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
