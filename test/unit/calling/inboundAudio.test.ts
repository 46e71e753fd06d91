import { describe, expect, it } from 'vitest';
import {
  DEFAULT_ONE_WAY_AUDIO,
  type InboundAudioSample,
  inboundAudioSample,
  initialOneWayAudio,
  nextOneWayAudio,
  type OneWayAudioState,
} from '../../../src/renderer/src/features/calling/providers/inboundAudio';

/**
 * Readings once a second: each entry is the level the prospect's audio had during the second before it
 * (0..1 linear), or null for a second in which no packet arrived. Answers `active` after each reading.
 */
const run = (seconds: (number | null)[]): boolean[] => {
  let state: OneWayAudioState = initialOneWayAudio();
  let sample: InboundAudioSample = {
    atMs: 0,
    packetsReceived: 0,
    totalAudioEnergy: 0,
    totalSamplesDuration: 0,
    audioLevel: 0,
  };
  state = nextOneWayAudio(state, sample);
  return seconds.map((level) => {
    sample = {
      atMs: sample.atMs + 1000,
      packetsReceived: sample.packetsReceived + (level === null ? 0 : 50),
      totalAudioEnergy: (sample.totalAudioEnergy ?? 0) + (level ?? 0) ** 2,
      totalSamplesDuration: (sample.totalSamplesDuration ?? 0) + 1,
      audioLevel: level ?? 0,
    };
    state = nextOneWayAudio(state, sample);
    return state.active;
  });
};

const SPEECH = 0.2;
const LINE_NOISE = 10 ** (-60 / 20);
const MUTED = 0;

describe('one-way audio on the received side', () => {
  it('stays quiet through talk, pauses and a prospect who only listens over line noise', () => {
    const listening = Array.from({ length: 30 }, () => LINE_NOISE);
    expect(run([SPEECH, SPEECH, MUTED, SPEECH, ...listening, SPEECH])).not.toContain(true);
  });

  it('warns after 10 s of silent packets and clears at the first second with sound', () => {
    const active = run([SPEECH, ...Array.from({ length: 12 }, () => MUTED), SPEECH, SPEECH]);
    expect(active.indexOf(true)).toBe(10);
    expect(active.slice(10, 13)).toEqual([true, true, true]);
    expect(active.slice(13)).toEqual([false, false]);
  });

  it('warns after 3 s without packets and clears when they come back with sound', () => {
    const active = run([SPEECH, null, null, null, null, SPEECH]);
    expect(active).toEqual([false, false, false, true, true, false]);
  });

  it('keeps the warning while packets return carrying only silence', () => {
    const active = run([SPEECH, null, null, null, MUTED, MUTED, SPEECH]);
    expect(active).toEqual([false, false, false, true, true, true, false]);
  });

  it('falls back to the current audio level when the running totals are missing', () => {
    let state = initialOneWayAudio();
    for (let second = 0; second <= 11; second += 1) {
      state = nextOneWayAudio(state, {
        atMs: second * 1000,
        packetsReceived: second * 50,
        totalAudioEnergy: null,
        totalSamplesDuration: null,
        audioLevel: second < 1 ? SPEECH : 0,
      });
    }
    expect(state.active).toBe(true);
  });

  it('starts over when the packet count goes back (a new stream), keeping a standing warning', () => {
    const standing: OneWayAudioState = { ...initialOneWayAudio(), active: true };
    const base = { totalAudioEnergy: 0, totalSamplesDuration: 0, audioLevel: 0 };
    const warm = nextOneWayAudio(standing, { ...base, atMs: 1000, packetsReceived: 500 });
    const restarted = nextOneWayAudio(warm, { ...base, atMs: 2000, packetsReceived: 3 });
    expect(restarted).toMatchObject({ active: true, noPacketsSinceMs: null, silentSinceMs: null });
  });

  it('honours shorter thresholds', () => {
    let state = nextOneWayAudio(initialOneWayAudio(), {
      atMs: 0,
      packetsReceived: 0,
      totalAudioEnergy: 0,
      totalSamplesDuration: 0,
      audioLevel: 0,
    });
    state = nextOneWayAudio(
      state,
      { atMs: 2000, packetsReceived: 100, totalAudioEnergy: 0, totalSamplesDuration: 2, audioLevel: 0 },
      { ...DEFAULT_ONE_WAY_AUDIO, silentMs: 2000 },
    );
    expect(state.active).toBe(true);
  });
});

describe('reading inbound-rtp statistics', () => {
  it('takes the audio inbound-rtp entry and leaves the others', () => {
    const report = new Map<string, unknown>([
      ['T1', { type: 'transport', bytesReceived: 9 }],
      ['V', { type: 'inbound-rtp', kind: 'video', packetsReceived: 7 }],
      [
        'A',
        {
          type: 'inbound-rtp',
          kind: 'audio',
          packetsReceived: 120,
          totalAudioEnergy: 0.5,
          totalSamplesDuration: 2.4,
          audioLevel: 0.1,
        },
      ],
    ]);
    expect(inboundAudioSample(report, 42)).toEqual({
      atMs: 42,
      packetsReceived: 120,
      totalAudioEnergy: 0.5,
      totalSamplesDuration: 2.4,
      audioLevel: 0.1,
    });
  });

  it('answers null before the audio stream exists and null figures where the browser gives none', () => {
    expect(inboundAudioSample(new Map(), 0)).toBeNull();
    expect(
      inboundAudioSample(new Map([['A', { type: 'inbound-rtp', kind: 'audio', packetsReceived: 3 }]]), 5),
    ).toEqual({
      atMs: 5,
      packetsReceived: 3,
      totalAudioEnergy: null,
      totalSamplesDuration: null,
      audioLevel: null,
    });
  });
});
