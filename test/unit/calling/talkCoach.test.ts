import { describe, expect, it } from 'vitest';
import {
  coachStep,
  coachView,
  initialCoach,
} from '../../../src/renderer/src/features/calling/utils/talkCoach';
import { readings, type Turn } from '../../fixtures/talkScript';

// The 70/30 timer's coach over a known script of turns, read once a second as the meter reports.

const viewAfter = (turns: Turn[], target = 0.3, limit = 60) => {
  const all = readings(turns);
  const state = all.reduce(coachStep, initialCoach());
  return coachView(state, all.at(-1) ?? null, target, limit);
};

describe('70/30 coach', () => {
  it('is within the target while the rep listens most of the time', () => {
    const view = viewAfter([
      { who: 'prospect', seconds: 14 },
      { who: 'none', seconds: 4 },
      { who: 'rep', seconds: 6 },
    ]);
    expect(view.share).toBeCloseTo(0.3, 5);
    expect(view.verdict).toBe('ok');
    expect(view.monologue).toBe(6);
    expect(view.monologueLong).toBe(false);
  });

  it('is over the target, and flags a monologue past the limit', () => {
    const view = viewAfter(
      [
        { who: 'prospect', seconds: 5 },
        { who: 'rep', seconds: 45 },
      ],
      0.3,
      40,
    );
    expect(view.verdict).toBe('over');
    expect(view.monologue).toBe(45);
    expect(view.monologueLong).toBe(true);
    expect(view.longestMonologue).toBe(45);
  });

  it("shows the running monologue as the longest once it outruns the meter's closed ones", () => {
    const all = readings([
      { who: 'prospect', seconds: 5 },
      { who: 'rep', seconds: 4 },
      { who: 'prospect', seconds: 2 },
      { who: 'rep', seconds: 10 },
    ]);
    const state = all.reduce(coachStep, initialCoach());
    // A meter that has closed only the first monologue (4 s) while the second still runs.
    const last = all.at(-1);
    const reading = last ? { ...last, longestRepMonologueSeconds: 4 } : null;
    const view = coachView(state, reading, 0.3, 60);
    expect(view.monologue).toBe(10);
    expect(view.longestMonologue).toBe(10);
    expect(
      coachView(state, reading ? { ...reading, longestRepMonologueSeconds: 12 } : null, 0.3, 60)
        .longestMonologue,
    ).toBe(12);
  });

  it('counts the pause after the prospect stops, then grades it against 3 s', () => {
    const waiting = viewAfter([
      { who: 'prospect', seconds: 5 },
      { who: 'none', seconds: 2 },
    ]);
    expect(waiting.pause).toEqual({ kind: 'waiting', seconds: 2 });

    const quick = viewAfter([
      { who: 'prospect', seconds: 5 },
      { who: 'none', seconds: 1 },
      { who: 'rep', seconds: 3 },
    ]);
    expect(quick.pause).toEqual({ kind: 'done', seconds: 1, ok: false });

    const patient = viewAfter([
      { who: 'prospect', seconds: 5 },
      { who: 'none', seconds: 3 },
      { who: 'rep', seconds: 3 },
    ]);
    expect(patient.pause).toEqual({ kind: 'done', seconds: 3, ok: true });
    // The prospect speaking again resets the running monologue.
    expect(patient.monologue).toBe(3);
  });

  it('shows nothing measured before anyone speaks', () => {
    const view = coachView(initialCoach(), null, 0.3, 60);
    expect(view).toMatchObject({ share: null, verdict: 'none', pause: { kind: 'idle' }, interruptions: 0 });
  });
});
