import type { TalkMetrics } from '../../../../../shared/talk/metrics';

/** The patience target after the prospect stops speaking, seconds (PLAYBOOK.md: pause at least 3 s). */
export const PAUSE_TARGET_SECONDS = 3;
/** Figures move by at least this much (seconds) when a side is speaking; less is measurement noise. */
const SPEAKING_STEP = 0.05;

/**
 * What the coach remembers between meter readings, all on the call's own clock (`durationSeconds`):
 * when each side last spoke, the rep's talk time when the prospect last spoke (so the running
 * monologue is the rep talk since then), and the last pause before a rep turn.
 */
export type CoachState = {
  at: number;
  repTalk: number;
  prospectTalk: number;
  repLastSpokeAt: number | null;
  prospectLastSpokeAt: number | null;
  /** The rep's talk seconds when the prospect last spoke (or the call started). */
  repTalkAtProspect: number;
  /** The silence the rep left before their latest turn after the prospect, seconds. */
  lastPause: number | null;
};

export const initialCoach = (): CoachState => ({
  at: 0,
  repTalk: 0,
  prospectTalk: 0,
  repLastSpokeAt: null,
  prospectLastSpokeAt: null,
  repTalkAtProspect: 0,
  lastPause: null,
});

/** Folds one meter reading into the coach's memory. Readings come in call order. */
export const coachStep = (state: CoachState, m: TalkMetrics): CoachState => {
  const at = m.durationSeconds;
  const repSpoke = m.repTalkSeconds - state.repTalk >= SPEAKING_STEP;
  const prospectSpoke = m.prospectTalkSeconds - state.prospectTalk >= SPEAKING_STEP;
  let lastPause = state.lastPause;
  // The rep starts a turn after the prospect's: the pause is the silence in between.
  const repStarted =
    repSpoke &&
    state.prospectLastSpokeAt !== null &&
    (state.repLastSpokeAt === null || state.repLastSpokeAt < state.prospectLastSpokeAt);
  if (repStarted && !prospectSpoke && state.prospectLastSpokeAt !== null) {
    lastPause = Math.max(0, state.at - state.prospectLastSpokeAt);
  }
  return {
    at,
    repTalk: m.repTalkSeconds,
    prospectTalk: m.prospectTalkSeconds,
    repLastSpokeAt: repSpoke ? at : state.repLastSpokeAt,
    prospectLastSpokeAt: prospectSpoke ? at : state.prospectLastSpokeAt,
    repTalkAtProspect: prospectSpoke ? m.repTalkSeconds : state.repTalkAtProspect,
    lastPause,
  };
};

/** How the rep's share stands: within the target, over it, or not measured yet. */
export type ShareVerdict = 'none' | 'ok' | 'over';
/** The pause coach: waiting after the prospect (counting), or how the last pause went. */
export type PauseView =
  | { kind: 'idle' }
  | { kind: 'waiting'; seconds: number }
  | { kind: 'done'; seconds: number; ok: boolean };

/** The 70/30 timer's figures and verdicts, ready to show. Shares are 0–1, times seconds. */
export type CoachView = {
  share: number | null;
  target: number;
  verdict: ShareVerdict;
  /** The rep's running monologue (rep talk since the prospect last spoke). */
  monologue: number;
  monologueLimit: number;
  monologueLong: boolean;
  /** The longest monologue so far, the running one included (never below `monologue`). */
  longestMonologue: number;
  pause: PauseView;
  interruptions: number;
};

/**
 * The timer's view of `metrics` with the rep's settings: the share against `target` (over it once
 * it exceeds it), the running monologue against `monologueLimit`, and the pause coach: counting while
 * the prospect has stopped and the rep has not started, else the last pause against 3 s.
 */
export const coachView = (
  state: CoachState,
  metrics: TalkMetrics | null,
  target: number,
  monologueLimit: number,
): CoachView => {
  const share = metrics?.repTalkShare ?? null;
  const monologue = Math.max(0, state.repTalk - state.repTalkAtProspect);
  const prospectStopped =
    state.prospectLastSpokeAt !== null &&
    state.at > state.prospectLastSpokeAt &&
    (state.repLastSpokeAt === null || state.repLastSpokeAt < state.prospectLastSpokeAt);
  const pause: PauseView = prospectStopped
    ? { kind: 'waiting', seconds: state.at - (state.prospectLastSpokeAt ?? state.at) }
    : state.lastPause !== null
      ? { kind: 'done', seconds: state.lastPause, ok: state.lastPause >= PAUSE_TARGET_SECONDS }
      : { kind: 'idle' };
  return {
    share,
    target,
    verdict: share === null ? 'none' : share > target ? 'over' : 'ok',
    monologue,
    monologueLimit,
    monologueLong: monologue >= monologueLimit,
    // The meter closes a monologue only when it ends, so the running one may already be the longest.
    longestMonologue: Math.max(metrics?.longestRepMonologueSeconds ?? 0, monologue),
    pause,
    interruptions: metrics?.interruptions ?? 0,
  };
};
