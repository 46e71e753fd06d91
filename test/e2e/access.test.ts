import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { RENDERER_META_CSP } from '../../src/main/security';
import { OPTION, openWorkspace, type Workspace } from './harness';

// The web host serves the workspace to this machine only, and only to the page opened with the
// token it printed. A page without it, or with a wrong one, says so plainly; the API refuses it.

const upgradeStatus = (url: string, origin: string): Promise<number> =>
  new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { headers: { origin } });
    socket.once('unexpected-response', (_request, response) => {
      resolve(response.statusCode ?? 0);
      socket.terminate();
    });
    socket.once('open', () => {
      resolve(101);
      socket.close();
    });
    socket.once('error', reject);
  });

describe('access to the workspace page', () => {
  let ws: Workspace;

  beforeAll(async () => {
    ws = await openWorkspace();
  });

  afterAll(async () => {
    await ws?.close();
  });

  it('explains how to open the workspace when the link has no token', async () => {
    const { page } = ws;
    await page.goto(`${ws.host.origin}/`);
    const error = page.getByTestId('connection-error');
    await error.waitFor();
    expect(await error.getAttribute('data-reason')).toBe('no_token');
    expect(await error.textContent()).toContain('dialdeck serve');
    expect(await page.locator('#lead-list').count()).toBe(0);
  });

  it('refuses a page with a wrong token, and says what to do', async () => {
    const { page } = ws;
    await page.goto(`${ws.host.origin}/?token=not-the-token`);
    const error = page.getByTestId('connection-error');
    await error.waitFor();
    expect(await error.getAttribute('data-reason')).toBe('refused');
    expect(await error.textContent()).toContain('did not accept this page');
    await ws.screenshot('access-refused');
  });

  it('lets the API in only with the right token', async () => {
    const api = `ws://127.0.0.1:${ws.host.port}/api`;
    expect(await upgradeStatus(`${api}?token=not-the-token`, ws.host.origin)).toBe(401);
    expect(await upgradeStatus(api, ws.host.origin)).toBe(401);
    expect(await upgradeStatus(`${api}?token=${ws.host.token}`, ws.host.origin)).toBe(101);
  });

  it('carries the policy from the hosts’ own function in the built page, and runs under it', async () => {
    const { page } = ws;
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    await page.goto(ws.host.url);
    await page.locator(OPTION).first().waitFor();
    const meta = page.locator('meta[http-equiv="Content-Security-Policy"]');
    expect(await meta.count()).toBe(1);
    expect(await meta.getAttribute('content')).toBe(RENDERER_META_CSP);
    expect(violations).toEqual([]);
  });
});
