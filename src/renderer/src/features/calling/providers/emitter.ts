import type { ProviderEvents } from '../provider';

type Listeners = { [E in keyof ProviderEvents]: Set<ProviderEvents[E]> };

/** The listener sets a provider keeps, with `on` (returns its remover) and `emit`. */
export const createEmitter = () => {
  const listeners: Listeners = { state: new Set(), audio: new Set(), warning: new Set(), error: new Set() };
  return {
    on: <E extends keyof ProviderEvents>(event: E, listener: ProviderEvents[E]): (() => void) => {
      const set = listeners[event] as Set<ProviderEvents[E]>;
      set.add(listener);
      return () => set.delete(listener);
    },
    emit: <E extends keyof ProviderEvents>(event: E, ...args: Parameters<ProviderEvents[E]>): void => {
      for (const listener of listeners[event] as Set<(...a: Parameters<ProviderEvents[E]>) => void>) {
        listener(...args);
      }
    },
    clear: () => {
      for (const set of Object.values(listeners)) set.clear();
    },
  };
};

/** An `Error` carrying a `TelephonyErrorCode`, as provider methods reject with. */
export const telephonyError = (code: string, message: string): Error =>
  Object.assign(new Error(message), { code });
