import { describe, expect, it } from 'vitest';
import { createTalkMeter, type TalkMeter } from '../../../src/shared/talk/meter';
import { seeded } from '../../fixtures/talk/plan';

const RATE = 16_000;

/**
 * Speech-like test signal: noise shaped by a 4 Hz syllable envelope (never quite silent inside a burst),
 * at `level` (linear peak), during `bursts` (seconds), plus steady background noise at `noise`.
 */
const channel = (seconds: number, bursts: [number, number][], level: number, noise: number, seed: number) => {
  const random = seeded(seed);
  const out = new Float32Array(seconds * RATE);
  for (let i = 0; i < out.length; i += 1) {
    const t = i / RATE;
    const inBurst = bursts.some(([start, end]) => t >= start && t < end);
    const envelope = inBurst ? 0.55 + 0.45 * Math.sin(2 * Math.PI * 4 * t) : 0;
    out[i] = (random() * 2 - 1) * (level * envelope + noise);
  }
  return out;
};

const mixIn = (into: Float32Array, from: Float32Array, gainDb: number, delayMs: number) => {
  const delay = Math.round((delayMs / 1000) * RATE);
  const gain = 10 ** (gainDb / 20);
  for (let i = delay; i < into.length; i += 1) into[i] = (into[i] ?? 0) + gain * (from[i - delay] ?? 0);
};

const feed = (meter: TalkMeter, rep: Float32Array, prospect: Float32Array, chunk: number) => {
  for (let i = 0; i < rep.length; i += chunk)
    meter.push(rep.subarray(i, i + chunk), prospect.subarray(i, i + chunk));
};

const REP: [number, number][] = [
  [1, 4],
  [9, 10],
];
const PROSPECT: [number, number][] = [
  [5, 8],
  [12, 15],
];

describe('the talk/listen meter', () => {
  it('finds each side’s talk within a frame or two of where it is, and the turn-change figures', () => {
    const meter = createTalkMeter({ sampleRate: RATE });
    feed(meter, channel(16, REP, 0.3, 0.003, 1), channel(16, PROSPECT, 0.2, 0.003, 2), 128);
    const metrics = meter.finish();
    expect(metrics.repTalkSeconds).toBeGreaterThan(3.9);
    expect(metrics.repTalkSeconds).toBeLessThan(4.1);
    expect(metrics.prospectTalkSeconds).toBeGreaterThan(5.9);
    expect(metrics.prospectTalkSeconds).toBeLessThan(6.1);
    expect(metrics.meanPatienceSeconds).toBeCloseTo(1, 1);
    expect(metrics.longestRepMonologueSeconds).toBeCloseTo(3, 1);
    expect(metrics.interruptions).toBe(0);
    expect(metrics.durationSeconds).toBe(16);
  });

  it('does not count the other side’s echo (−10 dB, 8 ms late) or crosstalk (−20 dB) as talk', () => {
    const repVoice = channel(16, REP, 0.3, 0, 1);
    const prospectVoice = channel(16, PROSPECT, 0.2, 0, 2);
    const rep = channel(16, [], 0, 0.002, 3);
    const prospect = channel(16, [], 0, 0.002, 4);
    mixIn(rep, repVoice, 0, 0);
    mixIn(rep, prospectVoice, -20, 1);
    mixIn(prospect, prospectVoice, 0, 0);
    mixIn(prospect, repVoice, -10, 8);
    const meter = createTalkMeter({ sampleRate: RATE });
    feed(meter, rep, prospect, 480);
    const metrics = meter.finish();
    expect(metrics.prospectTalkSeconds).toBeLessThan(6.2);
    expect(metrics.repTalkSeconds).toBeLessThan(4.2);
    expect(metrics.repTalkShare).toBeCloseTo(0.4, 1);
    // Without the gate the same echo is counted as the prospect talking: the test can fail.
    const ungated = createTalkMeter({ sampleRate: RATE, tuning: { gateMarginDb: -100 } });
    feed(ungated, rep, prospect, 480);
    expect(ungated.finish().prospectTalkSeconds).toBeGreaterThan(8);
  });

  it('counts the rep starting while the prospect talks as an interruption, and keeps both sides’ talk', () => {
    const rep = channel(10, [[4, 6]], 0.3, 0.003, 5);
    const prospect = channel(10, [[1, 5]], 0.3, 0.003, 6);
    const meter = createTalkMeter({ sampleRate: RATE });
    feed(meter, rep, prospect, 256);
    const metrics = meter.finish();
    expect(metrics.interruptions).toBe(1);
    expect(metrics.meanPatienceSeconds).toBeNull();
  });

  it('keeps a quiet prospect talking on under a loud rep’s interruption apart from the rep’s echo', () => {
    // The prospect 9 dB below the rep; the rep's echo comes back 10 dB down on the prospect's side,
    // about as loud as the prospect's own voice.
    const repVoice = channel(10, [[4, 7]], 0.3, 0, 9);
    const prospectVoice = channel(10, [[1, 5]], 0.106, 0, 10);
    const rep = channel(10, [], 0, 0.002, 11);
    const prospect = channel(10, [], 0, 0.0006, 12);
    mixIn(rep, repVoice, 0, 0);
    mixIn(prospect, prospectVoice, 0, 0);
    mixIn(prospect, repVoice, -10, 3);
    const measure = (gateMarginDb?: number) => {
      const meter = createTalkMeter({ sampleRate: RATE, tuning: gateMarginDb ? { gateMarginDb } : {} });
      feed(meter, rep, prospect, 441);
      return meter.finish();
    };
    const metrics = measure();
    expect(metrics.interruptions).toBe(1);
    expect(metrics.meanPatienceSeconds).toBeNull();
    expect(metrics.prospectTalkSeconds).toBeGreaterThan(2.95);
    expect(metrics.prospectTalkSeconds).toBeLessThan(4.2);
    // With the 4 dB margin the prospect's last second was taken for echo: no interruption, a 0 s pause.
    expect(measure(4).interruptions).toBe(0);
  });

  it('takes a steady tone (a test tone after the line opens) for neither talk nor the noise floor', () => {
    const rep = channel(16, [[12, 14]], 0.3, 0.003, 13);
    const prospect = channel(16, [[8, 11]], 0.2, 0.003, 14);
    for (let i = 2 * RATE; i < 6 * RATE; i += 1) {
      prospect[i] = (prospect[i] ?? 0) + 0.3 * Math.sin((2 * Math.PI * 1004 * i) / RATE);
    }
    const measure = (steadySeconds?: number) => {
      const meter = createTalkMeter({ sampleRate: RATE, tuning: steadySeconds ? { steadySeconds } : {} });
      feed(meter, rep, prospect, 128);
      return meter.finish();
    };
    const metrics = measure();
    expect(metrics.prospectTalkSeconds).toBeGreaterThan(2.9);
    expect(metrics.prospectTalkSeconds).toBeLessThan(3.1);
    expect(metrics.meanPatienceSeconds).toBeCloseTo(1, 1);
    // Without telling tones apart, the 4 s tone is the prospect talking.
    expect(measure(1_000).prospectTalkSeconds).toBeGreaterThan(6.9);
  });

  it('gives the same figures whatever the chunk size', () => {
    const rep = channel(12, REP, 0.3, 0.003, 7);
    const prospect = channel(12, PROSPECT, 0.2, 0.003, 8);
    const results = [1, 128, 1000, 4096].map((chunk) => {
      const meter = createTalkMeter({ sampleRate: RATE });
      feed(meter, rep, prospect, chunk);
      return meter.finish();
    });
    for (const result of results) expect(result).toEqual(results[0]);
  });

  it('tells the coach who talks now, the monologue running and the silence since the prospect stopped', () => {
    const meter = createTalkMeter({ sampleRate: RATE });
    const rep = channel(16, REP, 0.3, 0.003, 9);
    const prospect = channel(16, PROSPECT, 0.2, 0.003, 10);
    const at = (seconds: number) => {
      const from = Math.round(meter.live().elapsedSeconds * RATE);
      feed(meter, rep.subarray(from, seconds * RATE), prospect.subarray(from, seconds * RATE), 128);
      return meter.live();
    };
    expect(at(0.5)).toMatchObject({ speaking: 'none', silenceSinceProspectSeconds: null });
    const monologue = at(3);
    expect(monologue.speaking).toBe('rep');
    expect(monologue.currentMonologueSeconds).toBeGreaterThan(1.8);
    expect(monologue.currentMonologueSeconds).toBeLessThan(2.1);
    expect(at(6)).toMatchObject({ speaking: 'prospect', currentMonologueSeconds: 0 });
    const pause = at(8.8);
    expect(pause.speaking).toBe('none');
    expect(pause.silenceSinceProspectSeconds).toBeGreaterThan(0.6);
    expect(pause.silenceSinceProspectSeconds).toBeLessThan(0.85);
    expect(at(9.5).silenceSinceProspectSeconds).toBeNull();
    // Live metrics read mid-call are the call so far.
    expect(meter.metrics().prospectTalkSeconds).toBeCloseTo(3, 1);
  });

  it('refuses a sample rate it cannot measure and chunks of unequal length', () => {
    expect(() => createTalkMeter({ sampleRate: 4000 })).toThrow(/outside 8000–192000/);
    const meter = createTalkMeter({ sampleRate: RATE });
    expect(() => meter.push(new Float32Array(10), new Float32Array(11))).toThrow(/differ in length/);
  });
});
