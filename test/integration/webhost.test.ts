import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { type Core, openCore } from '../../src/main/core';
import { TELEPHONY_CONNECT_SOURCES } from '../../src/main/security';
import { findRendererDir } from '../../src/main/web/renderer-dir';
import { startWebHost, type WebHost } from '../../src/main/web/server';

type Reply = { id: number | null; result: { ok: boolean; value?: unknown; error?: { code: string } } };
type Pushed = { event: string; payload: unknown };

const SECRET = 'not-for-the-browser';
const MAX_MESSAGE_BYTES = 64 * 1024;

let base: string;
let core: Core;
let host: WebHost;

beforeAll(async () => {
  base = mkdtempSync(join(tmpdir(), 'dialdeck-webhost-'));
  const rendererDir = join(base, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Dialdeck</title>');
  writeFileSync(join(base, 'secret.txt'), SECRET);
  mkdirSync(join(base, 'renderer-secret'));
  writeFileSync(join(base, 'renderer-secret', 'x.txt'), SECRET);
  core = openCore({ dataDir: join(base, 'data'), seedDemo: true });
  host = await startWebHost({ core, rendererDir, maxMessageBytes: MAX_MESSAGE_BYTES });
});

afterAll(async () => {
  await host?.close();
  core?.close();
  rmSync(base, { recursive: true, force: true });
});

/** A raw HTTP request: the path and Host header are sent exactly as given. */
const get = (
  path: string,
  options: { host?: string; method?: string } = {},
): Promise<{ status: number; headers: Record<string, unknown>; body: string }> =>
  new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: host.port,
        path,
        method: options.method ?? 'GET',
        headers: { host: options.host ?? `127.0.0.1:${host.port}` },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          body += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end();
  });

type ConnectOptions = { token?: string | null; origin?: string | null; host?: string; path?: string };

/** Opens an API socket; resolves with the socket, or with the HTTP status the host refused it with. */
const connect = (options: ConnectOptions = {}): Promise<WebSocket | number> => {
  const token = options.token === undefined ? host.token : options.token;
  const query = token === null ? '' : `?token=${encodeURIComponent(token)}`;
  const origin = options.origin === undefined ? host.origin : options.origin;
  const ws = new WebSocket(`ws://127.0.0.1:${host.port}${options.path ?? '/api'}${query}`, {
    ...(origin === null ? {} : { origin }),
    ...(options.host ? { headers: { host: options.host } } : {}),
  });
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      res.resume();
      ws.terminate();
    });
    ws.once('error', reject);
  });
};

const open = async (options: ConnectOptions = {}): Promise<WebSocket> => {
  const ws = await connect(options);
  if (typeof ws === 'number') throw new Error(`the host refused the socket with ${ws}`);
  return ws;
};

const nextMessage = <T>(ws: WebSocket, match: (message: Record<string, unknown>) => boolean): Promise<T> =>
  new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData) => {
      const message = JSON.parse(data.toString()) as Record<string, unknown>;
      if (!match(message)) return;
      ws.off('message', onMessage);
      resolve(message as T);
    };
    ws.on('message', onMessage);
  });

let nextId = 1;
const call = async (ws: WebSocket, method: string, input: unknown): Promise<Reply> => {
  const id = nextId++;
  const reply = nextMessage<Reply>(ws, (message) => message.id === id);
  ws.send(JSON.stringify({ id, method, input }));
  return reply;
};

describe('web host: static renderer over HTTP', () => {
  it('serves the renderer with its security headers', async () => {
    const res = await get('/');
    expect(res.status).toBe(200);
    expect(res.body).toContain('<title>Dialdeck</title>');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    // The network: the host itself, its own WebSocket, and the SIP server (wss:// anywhere, ws:// on loopback).
    const connect = csp
      .split(';')
      .map((directive) => directive.trim().split(/\s+/))
      .find(([name]) => name === 'connect-src');
    expect(connect?.slice(1)).toEqual([
      "'self'",
      ...TELEPHONY_CONNECT_SOURCES,
      `ws://127.0.0.1:${host.port}`,
      `ws://localhost:${host.port}`,
    ]);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
  });

  it('answers on localhost too', async () => {
    expect((await get('/', { host: `localhost:${host.port}` })).status).toBe(200);
  });

  it('refuses a foreign Host header (DNS rebinding), still with its security headers', async () => {
    const res = await get('/', { host: `evil.example:${host.port}` });
    expect(res.status).toBe(421);
    expect(res.headers['content-security-policy']).toBeDefined();
    expect((await get('/', { host: '127.0.0.1:1' })).status).toBe(421);
  });

  it('serves reads only', async () => {
    const res = await get('/', { method: 'POST' });
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('GET, HEAD');
  });

  it.each([
    '/../secret.txt',
    '/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/..%2fsecret.txt',
    '/%2e%2e%2fsecret.txt',
    '/..%5csecret.txt',
    '/%2e%2e%5c%2e%2e%5csecret.txt',
    '/..\\secret.txt',
    '//../secret.txt',
    '/../renderer-secret/x.txt',
    '/..%2frenderer-secret%2fx.txt',
    `/${'..%2f'.repeat(12)}etc%2fpasswd`,
    '/index.html%00.txt',
    '/%E0%A4%A',
  ])('keeps %s inside the renderer folder', async (path) => {
    const res = await get(path);
    expect(res.status).toBe(404);
    expect(res.body).not.toContain(SECRET);
  });

  it('still serves after refusing malformed paths', async () => {
    expect((await get('/%')).status).toBe(404);
    expect((await get('/index.html')).status).toBe(200);
  });
});

describe('web host: API over WebSocket', () => {
  it('refuses a socket without a token, or with a wrong one', async () => {
    expect(await connect({ token: null })).toBe(401);
    expect(await connect({ token: '' })).toBe(401);
    expect(await connect({ token: `${host.token}x` })).toBe(401);
    expect(await connect({ token: 'A'.repeat(host.token.length) })).toBe(401);
  });

  it('refuses a socket from another Origin, or with none', async () => {
    expect(await connect({ origin: 'http://evil.example' })).toBe(403);
    expect(await connect({ origin: `http://127.0.0.1:${host.port + 1}` })).toBe(403);
    expect(await connect({ origin: 'null' })).toBe(403);
    expect(await connect({ origin: null })).toBe(403);
  });

  it('refuses a socket with a foreign Host, even with the right token and Origin', async () => {
    expect(await connect({ host: `evil.example:${host.port}` })).toBe(421);
  });

  it('has no socket anywhere but /api', async () => {
    expect(await connect({ path: '/socket' })).toBe(404);
  });

  it('answers calls on a socket with the right token and Origin', async () => {
    const ws = await open();
    const reply = await call(ws, 'leads.list', {});
    expect(reply.result.ok).toBe(true);
    const leads = reply.result.value as Array<{ name: string }>;
    expect(leads.length).toBeGreaterThan(0);
    expect(leads.every((lead) => lead.name.endsWith('(demo)'))).toBe(true);
    ws.close();
  });

  it('accepts the localhost origin for a page opened as localhost', async () => {
    const ws = await open({ origin: `http://localhost:${host.port}`, host: `localhost:${host.port}` });
    expect((await call(ws, 'settings.get', {})).result.ok).toBe(true);
    ws.close();
  });

  it('pushes change events to every connected client', async () => {
    const [writer, watcher] = [await open(), await open()];
    const seen = nextMessage<Pushed>(watcher, (message) => message.event === 'settings:changed');
    const reply = await call(writer, 'settings.update', { theme: 'dark' });
    expect(reply.result).toMatchObject({ ok: true, value: { theme: 'dark' } });
    expect(await seen).toEqual({ event: 'settings:changed', payload: {} });
    writer.close();
    watcher.close();
  });

  it('answers malformed JSON with an error and keeps the connection', async () => {
    const ws = await open();
    const reply = nextMessage<Reply>(ws, (message) => message.id === null);
    ws.send('{not json');
    expect((await reply).result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect((await call(ws, 'settings.get', {})).result.ok).toBe(true);
    ws.close();
  });

  it('answers a request without a method under its own id', async () => {
    const ws = await open();
    const reply = nextMessage<Reply>(ws, (message) => message.id === 999);
    ws.send(JSON.stringify({ id: 999 }));
    expect((await reply).result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    ws.close();
  });

  it('validates input and names unknown methods', async () => {
    const ws = await open();
    expect((await call(ws, 'leads.get', { id: 'not-a-uuid' })).result).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect((await call(ws, 'leads.drop', {})).result).toMatchObject({
      ok: false,
      error: { code: 'unknown_method' },
    });
    ws.close();
  });

  it('closes only the connection that sends an oversized message', async () => {
    const ws = await open();
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    ws.send(JSON.stringify({ id: 1, method: 'settings.get', input: { pad: 'x'.repeat(MAX_MESSAGE_BYTES) } }));
    expect(await closed).toBe(1009);
    const fresh = await open();
    expect((await call(fresh, 'settings.get', {})).result.ok).toBe(true);
    fresh.close();
  });
});

describe('web host: lifetime', () => {
  it('makes a new token on every start and listens on 127.0.0.1 only', async () => {
    const second = await startWebHost({ core, rendererDir: join(base, 'renderer') });
    try {
      expect(second.token).not.toBe(host.token);
      expect(second.token.length).toBeGreaterThanOrEqual(32);
      expect(second.url).toBe(`http://127.0.0.1:${second.port}/?token=${second.token}`);
    } finally {
      await second.close();
    }
  });

  it('drops its clients when closed', async () => {
    const other = await startWebHost({ core, rendererDir: join(base, 'renderer'), token: 'fixed-token' });
    const ws = new WebSocket(`ws://127.0.0.1:${other.port}/api?token=fixed-token`, { origin: other.origin });
    await new Promise((resolve) => ws.once('open', resolve));
    const closed = new Promise((resolve) => ws.once('close', resolve));
    await other.close();
    await closed;
    expect(ws.readyState).toBe(WebSocket.CLOSED);
  });
});

describe('findRendererDir', () => {
  it('finds out/renderer from the built CLI and from the sources, never src/renderer', () => {
    const project = mkdtempSync(join(tmpdir(), 'dialdeck-project-'));
    try {
      mkdirSync(join(project, 'src', 'renderer'), { recursive: true });
      writeFileSync(join(project, 'src', 'renderer', 'index.html'), 'source');
      mkdirSync(join(project, 'src', 'main', 'web'), { recursive: true });
      mkdirSync(join(project, 'out', 'main', 'chunks'), { recursive: true });
      expect(findRendererDir(join(project, 'src', 'main', 'web'))).toBeNull();
      mkdirSync(join(project, 'out', 'renderer'));
      writeFileSync(join(project, 'out', 'renderer', 'index.html'), 'built');
      expect(findRendererDir(join(project, 'out', 'main', 'chunks'))).toBe(join(project, 'out', 'renderer'));
      expect(findRendererDir(join(project, 'src', 'main', 'web'))).toBe(join(project, 'out', 'renderer'));
    } finally {
      rmSync(project, { recursive: true, force: true });
    }
  });
});
