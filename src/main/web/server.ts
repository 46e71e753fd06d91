import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { MAX_REQUEST_BYTES } from '@shared/api/limits';
import { type RawData, WebSocket, WebSocketServer } from 'ws';
import type { Core } from '../core';
import { dispatch } from '../core/dispatch';
import { contentSecurityPolicy } from '../security';
import { WsRequest } from './protocol';
import { serveStatic } from './static';

export type WebHostOptions = {
  core: Core;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  port?: number;
  /** Fixed token for tests; a random one is made per start otherwise. */
  token?: string;
  /**
   * Largest accepted WebSocket message; a larger one closes that connection (1009). Defaults to
   * MAX_REQUEST_BYTES, the shared upload limit plus its request envelope (shared/api/limits.ts).
   */
  maxMessageBytes?: number;
};

export type WebHost = { url: string; origin: string; port: number; token: string; close(): Promise<void> };

const sameSecret = (given: string | null, token: string): boolean => {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
};

const refuse = (socket: Duplex, status: string) => {
  socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
};

/** The request id of a message that failed validation, so the caller's pending call still settles. */
const idOf = (value: unknown): number | null => {
  if (typeof value !== 'object' || value === null || !('id' in value)) return null;
  return Number.isInteger(value.id) ? (value.id as number) : null;
};

/**
 * Serves the workspace to a browser on this machine only: the renderer over HTTP on 127.0.0.1 and the
 * core's API over a WebSocket that needs this start's token and the host's own Origin. Host headers
 * are checked on every request so a DNS-rebound name cannot reach it.
 */
export const startWebHost = async (options: WebHostOptions): Promise<WebHost> => {
  const token = options.token ?? randomBytes(24).toString('base64url');
  let headers: Record<string, string> = {};
  let allowedHosts: string[] = [];
  let allowedOrigins: string[] = [];

  const server = createServer((req, res) => {
    if (!allowedHosts.includes(req.headers.host ?? '')) {
      res.writeHead(421, { 'content-type': 'text/plain; charset=utf-8', ...headers }).end('Unknown host');
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD', ...headers }).end();
      return;
    }
    serveStatic(options.rendererDir, new URL(req.url ?? '/', 'http://x').pathname, res, headers);
  });

  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: options.maxMessageBytes ?? MAX_REQUEST_BYTES,
  });
  server.on('upgrade', (req: IncomingMessage, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname !== '/api') return refuse(socket, '404 Not Found');
    if (!allowedHosts.includes(req.headers.host ?? '')) return refuse(socket, '421 Misdirected Request');
    if (!allowedOrigins.includes(req.headers.origin ?? '')) return refuse(socket, '403 Forbidden');
    if (!sameSecret(url.searchParams.get('token'), token)) return refuse(socket, '401 Unauthorized');
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });

  const sockets = new Set<WebSocket>();
  const send = (ws: WebSocket, message: unknown) => {
    if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(message));
  };
  const stopEvents = options.core.events.onAny((event, payload) => {
    for (const ws of sockets) send(ws, { event, payload });
  });

  const handleMessage = async (ws: WebSocket, data: RawData) => {
    let raw: unknown;
    try {
      raw = JSON.parse(data.toString());
    } catch {
      send(ws, {
        id: null,
        result: { ok: false, error: { code: 'invalid_input', message: 'Malformed request.' } },
      });
      return;
    }
    const request = WsRequest.safeParse(raw);
    if (!request.success) {
      send(ws, {
        id: idOf(raw),
        result: {
          ok: false,
          error: { code: 'invalid_input', message: 'A request needs an id and a method.' },
        },
      });
      return;
    }
    const result = await dispatch(options.core.handlers, request.data.method, request.data.input);
    send(ws, { id: request.data.id, result });
  };

  wss.on('connection', (ws: WebSocket) => {
    sockets.add(ws);
    ws.on('close', () => sockets.delete(ws));
    // A protocol error (e.g. an oversized message) closes this connection only; without a listener
    // it would be thrown and take the host down.
    ws.on('error', () => ws.terminate());
    ws.on('message', (data) => void handleMessage(ws, data));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  allowedOrigins = allowedHosts.map((host) => `http://${host}`);
  headers = {
    'content-security-policy': contentSecurityPolicy({ connect: allowedHosts.map((host) => `ws://${host}`) }),
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'permissions-policy': 'camera=(), geolocation=(), payment=(), usb=()',
  };
  const origin = `http://127.0.0.1:${port}`;

  return {
    url: `${origin}/?token=${token}`,
    origin,
    port,
    token,
    close: async () => {
      stopEvents();
      for (const ws of sockets) ws.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
};
