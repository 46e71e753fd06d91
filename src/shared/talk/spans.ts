import type { TalkMetrics } from './metrics';

/** A stretch of one speaker's talk, in seconds from the start of the call: `[start, end)`. */
export type Span = { start: number; end: number };

/**
 * Pauses up to this long inside a run of rep speech keep it one monologue (issue 9: "rep speech with no
 * prospect speech and no pause over 0.5 s"). Seconds.
 */
export const MONOLOGUE_MAX_PAUSE_SECONDS = 0.5;

const total = (spans: readonly Span[]): number =>
  spans.reduce((sum, span) => sum + (span.end - span.start), 0);

/** `spans` minus every part covered by `cut`; both sorted by start, neither overlapping itself. O(n + m). */
const subtract = (spans: readonly Span[], cut: readonly Span[]): Span[] => {
  const out: Span[] = [];
  let first = 0;
  for (const span of spans) {
    while (first < cut.length && (cut[first]?.end ?? 0) <= span.start) first += 1;
    let start = span.start;
    for (let k = first; k < cut.length; k += 1) {
      const hole = cut[k] as Span;
      if (hole.start >= span.end) break;
      if (hole.start > start) out.push({ start, end: hole.start });
      start = Math.max(start, hole.end);
    }
    if (start < span.end) out.push({ start, end: span.end });
  }
  return out;
};

/**
 * The rep's monologues, in order: rep speech not overlapped by prospect speech, joined across pauses of
 * at most {@link MONOLOGUE_MAX_PAUSE_SECONDS} in which the prospect says nothing. Seconds.
 */
export const monologues = (rep: readonly Span[], prospect: readonly Span[]): Span[] => {
  const runs: Span[] = [];
  let next = 0; // the first prospect span that ends after the current run
  for (const piece of subtract(rep, prospect)) {
    const run = runs.at(-1);
    if (run !== undefined) {
      while (next < prospect.length && (prospect[next]?.end ?? 0) <= run.end) next += 1;
    }
    // Prospect speech in the pause between the run and this piece breaks the monologue.
    const prospectInPause =
      run !== undefined && (prospect[next]?.start ?? Number.POSITIVE_INFINITY) < piece.start;
    if (run !== undefined && piece.start - run.end <= MONOLOGUE_MAX_PAUSE_SECONDS && !prospectInPause) {
      run.end = piece.end;
    } else {
      runs.push({ ...piece });
    }
  }
  return runs;
};

/** The longest of {@link monologues}, in seconds (0 when the rep said nothing on their own). */
export const longestMonologue = (rep: readonly Span[], prospect: readonly Span[]): number =>
  monologues(rep, prospect).reduce((longest, run) => Math.max(longest, run.end - run.start), 0);

/**
 * The talk/listen figures of a call from each speaker's talk spans (each list sorted by start, its spans
 * not overlapping each other), as defined in `metrics.ts`:
 * - an interruption is a rep span that starts strictly inside a prospect span;
 * - a patience sample is the silence from the end of the prospect's last span to the start of the rep's
 *   next span, taken when the prospect spoke last (no rep span ended after it) and the rep does not
 *   start inside prospect speech.
 * `durationSeconds` is the call's length; figures are rounded to milliseconds.
 */
export const talkMetricsFromSpans = (
  rep: readonly Span[],
  prospect: readonly Span[],
  durationSeconds: number,
): TalkMetrics => {
  const repTalk = total(rep);
  const prospectTalk = total(prospect);
  let interruptions = 0;
  const patience: number[] = [];
  let repEnd = Number.NEGATIVE_INFINITY;
  let p = 0;
  let prospectEnd = Number.NEGATIVE_INFINITY;
  for (const span of rep) {
    while (p < prospect.length && (prospect[p]?.end ?? 0) <= span.start) {
      prospectEnd = Math.max(prospectEnd, prospect[p]?.end ?? 0);
      p += 1;
    }
    const current = prospect[p];
    if (current !== undefined && current.start < span.start) interruptions += 1;
    else if (prospectEnd > repEnd) patience.push(span.start - prospectEnd);
    repEnd = Math.max(repEnd, span.end);
  }
  const round = (seconds: number) => Math.round(seconds * 1000) / 1000;
  return {
    durationSeconds: round(Math.max(0, durationSeconds)),
    repTalkSeconds: round(repTalk),
    prospectTalkSeconds: round(prospectTalk),
    repTalkShare: repTalk + prospectTalk > 0 ? round(repTalk / (repTalk + prospectTalk)) : null,
    longestRepMonologueSeconds: round(longestMonologue(rep, prospect)),
    meanPatienceSeconds:
      patience.length > 0 ? round(patience.reduce((sum, value) => sum + value, 0) / patience.length) : null,
    interruptions,
  };
};
