import type { TalkMetrics } from '../../../../shared/talk/metrics';
import type { CallAudio } from './provider';

// TEMPORARY ADAPTER, to be replaced by the talk/listen meter's `startMeter` from `./meter` (its
// AudioWorklet over the call's two streams). Until that module is part of this build, a call runs
// without live figures, and only the end-to-end tests feed figures in, through the hook below, to
// prove the 70/30 timer and the logged metrics. Nothing else may call `feedTalkMetrics`.

type Listener = (metrics: TalkMetrics) => void;
const listeners = new Set<Listener>();

/**
 * The meter seam the call controller uses: starts measuring `audio` (rep and prospect streams),
 * calls `onMetrics` with the running figures, and returns the function that stops it.
 */
export const startMeter = (_audio: CallAudio, onMetrics: Listener): (() => void) => {
  listeners.add(onMetrics);
  return () => listeners.delete(onMetrics);
};

/** Test-only: hands `metrics` to every running meter, as the real meter would after each frame. */
export const feedTalkMetrics = (metrics: TalkMetrics): number => {
  for (const listener of listeners) listener(metrics);
  return listeners.size;
};

declare global {
  interface Window {
    /** Test-only hook of the temporary meter seam (see meterSeam.ts). */
    dialdeckFeedTalkMetrics?: (metrics: TalkMetrics) => number;
  }
}

if (typeof window !== 'undefined') window.dialdeckFeedTalkMetrics = feedTalkMetrics;
