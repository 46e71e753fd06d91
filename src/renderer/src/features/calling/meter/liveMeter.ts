import type { TalkMetrics } from '../../../../../shared/talk/metrics';
import type { CallAudio } from '../provider';
import { startMeter } from './startMeter';

type Listener = (metrics: TalkMetrics) => void;

/** Meters fed by the end-to-end tests' hook instead of the call's audio (see `feedTalkMetrics`). */
const fed = new Set<Listener>();
const running = new Set<Listener>();

/**
 * The call controller's meter: starts the talk/listen meter's AudioWorklet on the call's two streams
 * (`startMeter`) and calls `onMetrics` with the running `TalkMetrics` every 250 ms of audio; returns
 * the function that stops it. A meter that cannot start (a policy blocking the worklet, a closed
 * audio device) leaves the call without live figures and says so on the console; the call goes on.
 */
export const startLiveMeter = (audio: CallAudio, onMetrics: Listener): (() => void) => {
  let stopped = false;
  let stop: (() => Promise<TalkMetrics>) | null = null;
  running.add(onMetrics);
  startMeter(audio, (update) => {
    if (!stopped && !fed.has(onMetrics)) onMetrics(update.metrics);
  }).then(
    (handle) => {
      if (stopped) void handle.stop();
      else stop = handle.stop;
    },
    (error: unknown) =>
      console.warn('The talk/listen meter could not start; the call has no live figures.', error),
  );
  return () => {
    stopped = true;
    running.delete(onMetrics);
    fed.delete(onMetrics);
    void stop?.();
  };
};

/**
 * End-to-end tests only: hands `metrics` to every running meter in place of the measured figures
 * (from then on that call's meter reports only what is fed), so a test can assert the 70/30 timer and
 * the logged figures exactly. Answers how many meters received them.
 */
export const feedTalkMetrics = (metrics: TalkMetrics): number => {
  for (const listener of running) {
    fed.add(listener);
    listener(metrics);
  }
  return running.size;
};

declare global {
  interface Window {
    /** End-to-end tests only: see `feedTalkMetrics`. */
    dialdeckFeedTalkMetrics?: (metrics: TalkMetrics) => number;
  }
}

if (typeof window !== 'undefined') window.dialdeckFeedTalkMetrics = feedTalkMetrics;
