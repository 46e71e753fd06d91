import type {
  ErrorParams,
  EventName,
  EventPayload,
  MethodInput,
  MethodName,
  MethodOutput,
  Result,
} from '@shared/api';
import type { DesktopIntegration, DesktopRequest, PendingLaunch } from '@shared/api/desktop';
import type { DialdeckBridge } from '@shared/bridge';
import { translatedError } from '../i18n/errors';

/** A failed call: the core's stable code, its English message, and the params its translation fills. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly params?: ErrorParams,
  ) {
    super(message);
  }
}

/** How the page is doing with its link to the core; only the web host's transport can fail. */
export type ConnectionState = 'connecting' | 'ready' | 'no_token' | 'refused' | 'lost';

const connectionListeners = new Set<(state: ConnectionState) => void>();
let connectionState: ConnectionState = 'connecting';
const setConnection = (state: ConnectionState) => {
  connectionState = state;
  for (const listener of connectionListeners) listener(state);
};

export const getConnectionState = (): ConnectionState => connectionState;

/** Resolves once the connection is settled (open or refused), or after `timeoutMs`. */
export const whenConnected = (timeoutMs: number): Promise<void> =>
  new Promise((resolve) => {
    if (connectionState !== 'connecting') return resolve();
    const timer = setTimeout(done, timeoutMs);
    const stop = onConnectionChange(done);
    function done() {
      clearTimeout(timer);
      stop();
      resolve();
    }
  });

export const onConnectionChange = (listener: (state: ConnectionState) => void): (() => void) => {
  connectionListeners.add(listener);
  return () => connectionListeners.delete(listener);
};

type Pending = { resolve: (result: Result<unknown>) => void };

const failure = (code: string, message: string): Result<unknown> => ({ ok: false, error: { code, message } });

/** The web host's transport: the same bridge over a WebSocket, authenticated by the page's token. */
const webSocketBridge = (): DialdeckBridge => {
  const token = new URLSearchParams(window.location.search).get('token') ?? '';
  const listeners = new Set<(event: string, payload: unknown) => void>();
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let socket: Promise<WebSocket> | null = null;
  let everOpened = false;

  const connect = (): Promise<WebSocket> => {
    if (!token) {
      setConnection('no_token');
      return Promise.reject(new ApiError('no_token', 'This page was opened without its access token.'));
    }
    socket ??= new Promise((resolve, reject) => {
      const ws = new WebSocket(`ws://${window.location.host}/api?token=${encodeURIComponent(token)}`);
      let opened = false;
      ws.onopen = () => {
        performance.mark('dialdeck:connected');
        opened = true;
        everOpened = true;
        setConnection('ready');
        resolve(ws);
      };
      ws.onclose = () => {
        socket = null;
        // A browser cannot see why an upgrade failed; a socket that never opened was refused
        // (wrong token) or found no host, and both are fixed by opening a fresh link.
        if (!opened) {
          setConnection(everOpened ? 'lost' : 'refused');
          reject(new ApiError('refused', 'Dialdeck did not accept this page’s access token.'));
        } else {
          setConnection('lost');
        }
        for (const [, p] of pending) p.resolve(failure('disconnected', 'Lost the connection to Dialdeck.'));
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
      let ws: WebSocket;
      try {
        ws = await connect();
      } catch (error) {
        return failure(error instanceof ApiError ? error.code : 'disconnected', String(error));
      }
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
if (window.dialdeck) setConnection('ready');

/** The Electron host's OS integration (phone handler, start at login, updates), or null in a browser. */
export const desktopIntegration = bridge.desktop
  ? (request: DesktopRequest): Promise<DesktopIntegration> =>
      (bridge.desktop as NonNullable<DialdeckBridge['desktop']>)(request)
  : null;

/** Electron: takes the phone links and files the OS handed over (see the bridge); null in a browser. */
export const takePendingLaunch = bridge.takePendingLaunch
  ? (): Promise<PendingLaunch> =>
      (bridge.takePendingLaunch as NonNullable<DialdeckBridge['takePendingLaunch']>)()
  : null;

/** The web host's access token (its page address carries it), for links back to this page. */
export const pageToken = (): string | null => new URLSearchParams(window.location.search).get('token');

/** Calls a core method; resolves with its output or throws an ApiError carrying the stable code. */
export const invoke = async <M extends MethodName>(
  method: M,
  input: MethodInput<M>,
): Promise<MethodOutput<M>> => {
  const result = await bridge.invoke(method, input);
  if (!result.ok) throw new ApiError(result.error.code, result.error.message, result.error.params);
  return result.value as MethodOutput<M>;
};

export const onEvent = <E extends EventName>(
  name: E,
  listener: (payload: EventPayload<E>) => void,
): (() => void) =>
  bridge.onEvent((event, payload) => {
    if (event === name) listener(payload as EventPayload<E>);
  });

/**
 * A message for the user from anything a call can throw: a core error in the interface language
 * (see i18n/errors.ts), anything else as its own message.
 */
export const errorMessage = (error: unknown): string =>
  error instanceof ApiError
    ? translatedError(error.code, error.message, error.params)
    : error instanceof Error
      ? error.message
      : String(error);
