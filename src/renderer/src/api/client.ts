import type { EventName, EventPayload, MethodInput, MethodName, MethodOutput, Result } from '@shared/api';
import type { DialdeckBridge } from '@shared/bridge';

export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

type Pending = { resolve: (result: Result<unknown>) => void };

/** The web host's transport: the same bridge over a WebSocket, authenticated by the page's token. */
const webSocketBridge = (): DialdeckBridge => {
  const token = new URLSearchParams(window.location.search).get('token') ?? '';
  const listeners = new Set<(event: string, payload: unknown) => void>();
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let socket: Promise<WebSocket> | null = null;

  const connect = (): Promise<WebSocket> => {
    socket ??= new Promise((resolve, reject) => {
      const ws = new WebSocket(`ws://${window.location.host}/api?token=${encodeURIComponent(token)}`);
      ws.onopen = () => resolve(ws);
      ws.onerror = () =>
        reject(new ApiError('disconnected', 'Cannot reach Dialdeck. Is `dialdeck serve` still running?'));
      ws.onclose = () => {
        socket = null;
        for (const [, p] of pending)
          p.resolve({
            ok: false,
            error: { code: 'disconnected', message: 'Lost the connection to Dialdeck. Reload the page.' },
          });
        pending.clear();
      };
      ws.onmessage = (message) => {
        const data = JSON.parse(String(message.data)) as {
          id?: number;
          result?: Result<unknown>;
          event?: string;
          payload?: unknown;
        };
        if (data.event) {
          for (const listener of listeners) listener(data.event, data.payload);
        } else if (typeof data.id === 'number' && data.result) {
          pending.get(data.id)?.resolve(data.result);
          pending.delete(data.id);
        }
      };
    });
    return socket;
  };

  return {
    invoke: async (method, input) => {
      const ws = await connect();
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, { resolve });
        ws.send(JSON.stringify({ id, method, input }));
      });
    },
    onEvent: (listener) => {
      listeners.add(listener);
      void connect().catch(() => undefined);
      return () => listeners.delete(listener);
    },
  };
};

const bridge: DialdeckBridge = window.dialdeck ?? webSocketBridge();

/** Calls a core method; resolves with its output or throws an ApiError carrying the stable code. */
export const invoke = async <M extends MethodName>(
  method: M,
  input: MethodInput<M>,
): Promise<MethodOutput<M>> => {
  const result = await bridge.invoke(method, input);
  if (!result.ok) throw new ApiError(result.error.code, result.error.message);
  return result.value as MethodOutput<M>;
};

export const onEvent = <E extends EventName>(
  name: E,
  listener: (payload: EventPayload<E>) => void,
): (() => void) =>
  bridge.onEvent((event, payload) => {
    if (event === name) listener(payload as EventPayload<E>);
  });
