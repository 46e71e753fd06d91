import { EventEmitter } from 'node:events';
import type { EventName, EventPayload } from '@shared/api';

/** The core's change events, typed by the contract. */
export type CoreEvents = {
  emit<E extends EventName>(name: E, payload: EventPayload<E>): void;
  on<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void;
  onAny(listener: (name: EventName, payload: unknown) => void): () => void;
};

export const createCoreEvents = (): CoreEvents => {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(100);
  return {
    emit(name, payload) {
      emitter.emit(name, payload);
      emitter.emit('*', name, payload);
    },
    on(name, listener) {
      emitter.on(name, listener);
      return () => emitter.off(name, listener);
    },
    onAny(listener) {
      emitter.on('*', listener);
      return () => emitter.off('*', listener);
    },
  };
};
