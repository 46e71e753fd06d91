import type { ProviderEvents } from '../provider';

type Listeners = { [E in keyof ProviderEvents]: Set<ProviderEvents[E]> };

/** A provider's listeners: `on` adds one and answers its remover; `emit` calls each in order. */
export type ProviderEventHub = {
  on<E extends keyof ProviderEvents>(event: E, listener: ProviderEvents[E]): () => void;
  emit<E extends keyof ProviderEvents>(event: E, ...args: Parameters<ProviderEvents[E]>): void;
  /** Removes every listener (a disposed provider tells no one anything). */
  clear(): void;
};

/**
 * The event plumbing every provider shares. A listener that throws does not stop the
 * others (the call screen's bug must not drop the provider's next state), and is reported on the console.
 */
export const createProviderEvents = (): ProviderEventHub => {
  const listeners: Listeners = {
    state: new Set(),
    audio: new Set(),
    warning: new Set(),
    error: new Set(),
  };
  return {
    on(event, listener) {
      const set = listeners[event] as Set<typeof listener>;
      set.add(listener);
      return () => {
        set.delete(listener);
      };
    },
    emit(event, ...args) {
      for (const listener of [...listeners[event]]) {
        try {
          (listener as (...values: typeof args) => void)(...args);
        } catch (error) {
          console.error(`A ${event} listener failed`, error);
        }
      }
    },
    clear() {
      for (const set of Object.values(listeners)) set.clear();
    },
  };
};
