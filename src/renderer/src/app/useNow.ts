import { useSyncExternalStore } from 'react';

// One shared clock for every "local time" on screen, ticking just after each minute boundary.
const listeners = new Set<() => void>();
let now = Date.now();
let started = false;

const tick = () => {
  now = Date.now();
  for (const listener of listeners) listener();
  setTimeout(tick, 60_000 - (now % 60_000) + 50);
};

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  if (!started) {
    started = true;
    setTimeout(tick, 60_000 - (Date.now() % 60_000) + 50);
  }
  return () => listeners.delete(listener);
};

/** The current time, updated every minute. */
export const useNow = (): number => useSyncExternalStore(subscribe, () => now);
