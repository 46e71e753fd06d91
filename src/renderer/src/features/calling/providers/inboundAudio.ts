/**
 * One reading of the call's received audio, from the peer connection's `inbound-rtp` audio statistics
 * (W3C webrtc-stats, RTCInboundRtpStreamStats): `atMs` when it was taken (ms, any monotonic clock),
 * `packetsReceived` (a running count), `totalAudioEnergy` (running sum of level² × seconds) and
 * `totalSamplesDuration` (running seconds of audio played out), and `audioLevel` (0..1 linear, 1 =
 * 0 dBov, the level right now). The three audio figures are null where the browser gives none.
 */
export type InboundAudioSample = {
  atMs: number;
  packetsReceived: number;
  totalAudioEnergy: number | null;
  totalSamplesDuration: number | null;
  audioLevel: number | null;
};

/**
 * When the prospect's side counts as missing. Defaults follow the Twilio Voice JS SDK's StatsMonitor
 * (`low-bytes-received`: nothing received for 3 one-second samples; `constant-audio-output-level`: a
 * flat output level over 10 one-second samples), so SIP and Twilio calls warn alike.
 * - `noPacketsMs`: no RTP packet arrived for this long (ms).
 * - `silentMs`: packets arrive but carry no sound for this long (ms): the far end sends silence.
 * - `silentLevel`: the received level (0..1 linear, as `audioLevel`) under which audio is silence.
 *   1e-4 is −80 dBov, about 3 steps of 16-bit audio: below any line's or microphone's noise, so a
 *   prospect who only listens still sounds above it; a muted or dead far end does not.
 */
export type OneWayAudioThresholds = { noPacketsMs: number; silentMs: number; silentLevel: number };

export const DEFAULT_ONE_WAY_AUDIO: OneWayAudioThresholds = {
  noPacketsMs: 3000,
  silentMs: 10_000,
  silentLevel: 1e-4,
};

/** The detector's memory between readings; start from {@link initialOneWayAudio}. Times in ms. */
export type OneWayAudioState = {
  previous: InboundAudioSample | null;
  noPacketsSinceMs: number | null;
  silentSinceMs: number | null;
  /** True while the `no-audio-received` warning stands. */
  active: boolean;
};

export const initialOneWayAudio = (): OneWayAudioState => ({
  previous: null,
  noPacketsSinceMs: null,
  silentSinceMs: null,
  active: false,
});

/**
 * The received level between two readings (0..1 linear): the root of the mean energy over the audio
 * played out between them, or the current `audioLevel` when the running totals are missing; null when
 * neither is known.
 */
const levelBetween = (previous: InboundAudioSample, next: InboundAudioSample): number | null => {
  if (
    previous.totalAudioEnergy !== null &&
    next.totalAudioEnergy !== null &&
    previous.totalSamplesDuration !== null &&
    next.totalSamplesDuration !== null
  ) {
    const seconds = next.totalSamplesDuration - previous.totalSamplesDuration;
    if (seconds > 0)
      return Math.sqrt(Math.max(0, next.totalAudioEnergy - previous.totalAudioEnergy) / seconds);
  }
  return next.audioLevel;
};

/**
 * One step of the one-way-audio detector: given the state and a new reading, answers the next state.
 * `active` turns true once no packet has arrived for `noPacketsMs`, or the received audio has stayed
 * under `silentLevel` for `silentMs`; it turns false at the first interval that carries packets with
 * sound. A reading older than the previous one, or a packet count that went back (a new stream), starts
 * over. Pure: the provider polls `getStats()` and emits `warning('no-audio-received', active)` on change.
 */
export const nextOneWayAudio = (
  state: OneWayAudioState,
  sample: InboundAudioSample,
  thresholds: OneWayAudioThresholds = DEFAULT_ONE_WAY_AUDIO,
): OneWayAudioState => {
  const { previous } = state;
  if (
    previous === null ||
    sample.atMs <= previous.atMs ||
    sample.packetsReceived < previous.packetsReceived
  ) {
    return { ...initialOneWayAudio(), previous: sample, active: state.active };
  }
  const noPackets = sample.packetsReceived === previous.packetsReceived;
  const level = levelBetween(previous, sample);
  const silent = noPackets || (level !== null && level < thresholds.silentLevel);
  const noPacketsSinceMs = noPackets ? (state.noPacketsSinceMs ?? previous.atMs) : null;
  const silentSinceMs = silent ? (state.silentSinceMs ?? previous.atMs) : null;
  const active =
    (noPacketsSinceMs !== null && sample.atMs - noPacketsSinceMs >= thresholds.noPacketsMs) ||
    (silentSinceMs !== null && sample.atMs - silentSinceMs >= thresholds.silentMs) ||
    (state.active && silent);
  return { previous: sample, noPacketsSinceMs, silentSinceMs, active };
};

/** Reads the audio `inbound-rtp` entry of a `getStats()` report taken at `atMs`; null when there is none yet. */
export const inboundAudioSample = (
  report: ReadonlyMap<string, unknown>,
  atMs: number,
): InboundAudioSample | null => {
  for (const entry of report.values()) {
    const stats = entry as Record<string, unknown>;
    if (stats.type !== 'inbound-rtp' || (stats.kind ?? stats.mediaType) !== 'audio') continue;
    const number = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : null);
    return {
      atMs,
      packetsReceived: number(stats.packetsReceived) ?? 0,
      totalAudioEnergy: number(stats.totalAudioEnergy),
      totalSamplesDuration: number(stats.totalSamplesDuration),
      audioLevel: number(stats.audioLevel),
    };
  }
  return null;
};
