import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';
import type { Core } from '../core';
import { dispatch } from '../core/dispatch';
import { CONTENT_SECURITY_POLICY } from '../security';
import { WsRequest } from './protocol';
import { serveStatic } from './static';

export type WebHostOptions = {
  core: Core;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  port?: number;
  /** Fixed token for tests; a random one is made per start otherwise. */
  token?: string;
};

export type WebHost = { url: string; origin: string; port: number; token: string; close(): Promise<void> };

const MAX_MESSAGE_BYTES = 150 * 1024 * 1024;

const sameSecret = (given: string | null, token: string): boolean => {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
};

/**
 * Serves the workspace to a browser on this machine only: the renderer over HTTP on 127.0.0.1 and the
 * core's API over a WebSocket that needs this start's token and the host's own Origin.
 */
export const startWebHost = async (options: WebHostOptions): Promise<WebHost> => {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const headers = {
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
  };
  let allowedHosts: string[] = [];
  let allowedOrigins: string[] = [];

  const server = createServer((req, res) => {
    if (!allowedHosts.includes(req.headers.host ?? '')) {
      res.writeHead(421, { 'content-type': 'text/plain; charset=utf-8' }).end('Unknown host');
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    serveStatic(options.rendererDir, new URL(req.url ?? '/', 'http://x').pathname, res, headers);
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  const refuse = (socket: import('node:stream').Duplex, status: string) => {
    socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  };
  server.on('upgrade', (req: IncomingMessage, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname !== '/api') return refuse(socket, '404 Not Found');
    if (!allowedHosts.includes(req.headers.host ?? '')) return refuse(socket, '421 Misdirected Request');
    if (!allowedOrigins.includes(req.headers.origin ?? '')) return refuse(socket, '403 Forbidden');
    if (!sameSecret(url.searchParams.get('token'), token)) return refuse(socket, '401 Unauthorized');
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });

  const sockets = new Set<WebSocket>();
  const stopEvents = options.core.events.onAny((event, payload) => {
    const text = JSON.stringify({ event, payload });
    for (const ws of sockets) ws.send(text);
  });

  wss.on('connection', (ws: WebSocket) => {
    sockets.add(ws);
    ws.on('close', () => sockets.delete(ws));
    ws.on('message', async (data) => {
      let request: WsRequest;
      try {
        request = WsRequest.parse(JSON.parse(data.toString()));
      } catch {
        ws.send(
          JSON.stringify({
            id: null,
            result: { ok: false, error: { code: 'invalid_input', message: 'Malformed request.' } },
          }),
        );
        return;
      }
      const result = await dispatch(options.core.handlers, request.method, request.input);
      ws.send(JSON.stringify({ id: request.id, result }));
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  allowedOrigins = allowedHosts.map((host) => `http://${host}`);
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
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
};
