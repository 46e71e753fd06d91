import { describe, expect, it } from 'vitest';
import { longestMonologue, monologues, talkMetricsFromSpans } from '../../../src/shared/talk/spans';

const s = (start: number, end: number) => ({ start, end });

describe('talk metrics from talk spans', () => {
  it('sums talk, excludes silence from the share, and finds a patience sample per turn change', () => {
    // Rep 0–2, prospect 3–9, rep 11–12 (after 2 s), prospect 12.5–14, rep 17–18 (after 3 s).
    const metrics = talkMetricsFromSpans([s(0, 2), s(11, 12), s(17, 18)], [s(3, 9), s(12.5, 14)], 20);
    expect(metrics).toEqual({
      durationSeconds: 20,
      repTalkSeconds: 4,
      prospectTalkSeconds: 7.5,
      repTalkShare: 0.348,
      longestRepMonologueSeconds: 2,
      meanPatienceSeconds: 2.5,
      interruptions: 0,
    });
  });

  it('counts the rep starting inside prospect speech as an interruption, not as patience', () => {
    const metrics = talkMetricsFromSpans([s(0, 1), s(4, 6)], [s(2, 5)], 6);
    expect(metrics.interruptions).toBe(1);
    expect(metrics.meanPatienceSeconds).toBeNull();
  });

  it('takes no patience sample when the rep spoke last (the rep goes on after a pause)', () => {
    const metrics = talkMetricsFromSpans([s(0, 1), s(3, 4)], [], 5);
    expect(metrics.meanPatienceSeconds).toBeNull();
    expect(metrics.repTalkShare).toBe(1);
  });

  it('has no share while nobody has spoken', () => {
    expect(talkMetricsFromSpans([], [], 3)).toMatchObject({ repTalkShare: null, meanPatienceSeconds: null });
  });

  it('joins rep speech across pauses up to 0.5 s into one monologue, and no further', () => {
    expect(longestMonologue([s(0, 2), s(2.5, 4), s(4.4, 5)], [])).toBe(5);
    expect(longestMonologue([s(0, 2), s(2.6, 4)], [])).toBe(2);
  });

  it('breaks a monologue where the prospect speaks, over the rep or in the pause', () => {
    // A backchannel "mm" over the rep's speech at 1.0–1.2 cuts the run.
    expect(monologues([s(0, 3)], [s(1, 1.2)])).toEqual([s(0, 1), s(1.2, 3)]);
    // Prospect speech inside a short pause stops the join.
    expect(longestMonologue([s(0, 2), s(2.4, 3)], [s(2.1, 2.3)])).toBe(2);
  });
});
