import type { Result } from './api/contract';

/** What the preload exposes as `window.dialdeck`, and what the web host's client implements. */
export type DialdeckBridge = {
  invoke(method: string, input: unknown): Promise<Result<unknown>>;
  onEvent(listener: (event: string, payload: unknown) => void): () => void;
};

export const IPC_INVOKE = 'dialdeck:invoke';
export const IPC_EVENT = 'dialdeck:event';
