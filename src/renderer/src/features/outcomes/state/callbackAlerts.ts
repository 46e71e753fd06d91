import type { UpcomingCallback } from '@shared/api/callbacks';
import { invoke, onEvent } from '../../../api/client';
import { callbackNotice, offerNotice } from '../../notifications/state/notices';
import { afterNextLead } from '../../session/state/nextLeadGate';

const HORIZON = 24 * 3_600_000;
/** A callback that fell due this long before the app looked still gets its notification. */
const GRACE = 60_000;
const RELOAD_EVERY = 30 * 60_000;

/**
 * Keeps a timer for every open callback due within the next day and offers its notice when it falls due
 * (features/notifications: shown at once, or when a call or a focused calling session ends).
 * Reloads when the queue changes (a callback logged, voided or moved, here or in another window) and
 * every half hour. Returns the function that stops it.
 */
export const startCallbackAlerts = (): (() => void) => {
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const fired = new Set<string>();
  let stopped = false;
  const schedule = (callbacks: UpcomingCallback[]) => {
    const keep = new Set(callbacks.map((c) => `${c.taskId}@${c.dueAt}`));
    for (const [key, timer] of timers) {
      if (keep.has(key)) continue;
      clearTimeout(timer);
      timers.delete(key);
    }
    for (const callback of callbacks) {
      const key = `${callback.taskId}@${callback.dueAt}`;
      if (timers.has(key) || fired.has(key)) continue;
      const timer = setTimeout(
        () => {
          timers.delete(key);
          fired.add(key);
          offerNotice(callbackNotice(callback));
        },
        Math.max(0, callback.dueAt - Date.now()),
      );
      timers.set(key, timer);
    }
  };
  const load = async () => {
    const now = Date.now();
    try {
      const callbacks = await invoke('callbacks.upcoming', { from: now - GRACE, to: now + HORIZON });
      if (!stopped) schedule(callbacks);
    } catch {
      // The next queue change or the half-hourly reload tries again.
    }
  };
  void load();
  const off = onEvent('queue:changed', () => afterNextLead(() => void load()));
  const reload = setInterval(() => void load(), RELOAD_EVERY);
  return () => {
    stopped = true;
    off();
    clearInterval(reload);
    for (const timer of timers.values()) clearTimeout(timer);
    timers.clear();
  };
};
