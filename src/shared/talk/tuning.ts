/**
 * The energy detector's settings. Levels are dB of mean-square energy per analysis frame (0 dB = a
 * full-scale square wave), times are seconds. The defaults were chosen on generated conversations
 * (test/fixtures/talk) across voices, languages, 20 and 10 dB SNR, telephone band, crosstalk and echo.
 */
export type MeterTuning = {
  /** Analysis frame (hop) length. 10 ms is the usual VAD frame (ITU-T G.729 Annex B, WebRTC VAD). */
  frameSeconds: number;
  /** Band the energy is measured in; the telephone band (ITU-T G.712: 300–3400 Hz) with some margin. */
  bandLowHz: number;
  bandHighHz: number;
  /** A frame starts speech when it is this far above the tracked noise floor… */
  onsetDb: number;
  /** …and speech goes on while frames stay this far above it (hysteresis). */
  offsetDb: number;
  /** Frames quieter than this are never speech, however quiet the line (digital silence). */
  minLevelDb: number;
  /** The noise floor is the quietest frame over this window (minimum statistics, Martin 2001). */
  floorWindowSeconds: number;
  /** The minimum of noise frames lies below their mean; this much is added back. */
  floorBiasDb: number;
  /** Unvoiced gaps up to this long stay inside one talk span (hangover); the span ends at its last voiced frame. */
  hangoverSeconds: number;
  /** A span with fewer voiced seconds than this is a click or a leak, not talk. */
  minVoicedSeconds: number;
  /** How late the other party's voice may arrive in this channel (echo path delay). */
  leakLagSeconds: number;
  /** How early it may arrive (the other channel's own capture delay); decisions wait this long. */
  leakLeadSeconds: number;
  /**
   * A frame is the other party's leak when it is within this margin of the leak level learnt so far.
   * A quiet speaker talking on under a loud one whose echo returns 10 dB down stands only ~3 dB above
   * that echo, so a wider margin (4 dB) took their words for echo (docs/talk.md, "Leak gate").
   */
  gateMarginDb: number;
  /** Leak level assumed before any has been measured (echo can be 10 dB down or less). */
  initialLeakDb: number;
  /**
   * A sound whose level (averaged over `steadySmoothSeconds`, which evens out the beat of two-tone
   * ringback) stays within ±`steadyDb` for `steadySeconds` is a tone: hold music, a test tone, ringback.
   * Speech never holds its level that long (syllables come 4–5 a second).
   */
  steadySeconds: number;
  steadyDb: number;
  steadySmoothSeconds: number;
};

export const DEFAULT_TUNING: MeterTuning = {
  frameSeconds: 0.01,
  bandLowHz: 200,
  bandHighHz: 3600,
  onsetDb: 7,
  offsetDb: 3,
  minLevelDb: -65,
  floorWindowSeconds: 5,
  floorBiasDb: 2,
  hangoverSeconds: 0.5,
  minVoicedSeconds: 0.08,
  leakLagSeconds: 0.06,
  leakLeadSeconds: 0.03,
  gateMarginDb: 3,
  initialLeakDb: -10,
  steadySeconds: 0.5,
  steadyDb: 1.5,
  steadySmoothSeconds: 0.05,
};
