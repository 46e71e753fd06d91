/// <reference lib="dom" />
import { createServer } from 'node:net';
import { join } from 'node:path';
import { TeamActivitiesOutput } from '@shared/server/activities';
import { AddUserOutput, CreateTeamOutput } from '@shared/server/admin';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outboundLead } from '../integration/cli-run';
import {
  dropDatabases,
  externalDatabase,
  freshDatabase,
  killServers,
  removeDirs,
  request,
  type ServerProcess,
  startServerProcess,
  stopServer,
  tempDir,
} from '../integration/server/server-process';
import { openApp, openWorkspace, type Workspace, waitForText } from './harness';
import { applyLook, LANGS, settle, THEMES } from './screens';

// Team sync in Chromium against a real team server process: sign in through the dialog (with the
// errors a rep meets), an outcome reaching the server by itself, the server going away and coming
// back with nothing lost and no new local write, and a refused change shown with its reason.

// A Tuesday, 10:00 in New York: the East Coast demo leads are callable.
const T0 = Date.parse('2026-11-24T15:00:00Z');

/** A TCP port free on 127.0.0.1 now, so the server can come back on the same address. */
const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });

describe('team sync in Chromium', { timeout: 180_000 }, () => {
  let ws: Workspace;
  let server: ServerProcess;
  let serverArgs: string[];
  let teamId = '';
  let repToken = '';
  let managerToken = '';
  const shots: string[] = [];

  beforeAll(async () => {
    const adminUrl = externalDatabase();
    const port = await freePort();
    serverArgs = [
      ...(adminUrl
        ? ['--database-url', await freshDatabase(adminUrl)]
        : ['--data-dir', join(tempDir('dialdeck-e2e-srv-'), 'server')]),
      '--port',
      String(port),
    ];
    server = await startServerProcess(serverArgs);
    const admin = server.adminToken ?? '';
    const team = CreateTeamOutput.parse(
      (await request(server.url, 'POST', '/v1/teams', admin, { name: 'East' })).body,
    );
    teamId = team.teamId;
    const add = async (email: string, role: string) =>
      AddUserOutput.parse(
        (await request(server.url, 'POST', `/v1/teams/${teamId}/users`, admin, { email, role })).body,
      );
    repToken = (await add('rep@east.example', 'rep')).token;
    managerToken = (await add('manager@east.example', 'manager')).token;

    const started = Date.now();
    ws = await openWorkspace({
      // Demo leads never reach the server: two real ones, on their cadence.
      seedDemo: false,
      seed: (core) => {
        const ids = [
          core.leads.create(outboundLead('Jo Park', '+12025550143'), { at: T0 - 3_600_000 }).id,
          core.leads.create(outboundLead('Ana Ruiz', '+12025550144'), { at: T0 - 3_600_000 }).id,
        ];
        core.dialing.enrollNewLeads(ids, T0 - 3_600_000);
      },
      now: () => T0 + (Date.now() - started),
      sync: {
        syncTiming: {
          intervalMs: 60_000,
          debounceMs: 300,
          backoff: { baseMs: 300, maxMs: 2_000 },
          liveBackoff: { baseMs: 300, maxMs: 2_000 },
        },
      },
    });
    await ws.context.clock.install({ time: T0 });
    await openApp(ws.page, ws.host.url);
  });

  afterAll(async () => {
    if (shots.length) process.stdout.write(`screenshots:\n  ${shots.join('\n  ')}\n`);
    await ws?.close();
    await killServers();
    await dropDatabases();
    removeDirs();
  });

  const shot = async (name: string) => {
    await settle(ws.page);
    return ws.screenshot(name);
  };
  const indicator = () => ws.page.getByTestId('sync-indicator');
  const serverActivities = async () =>
    TeamActivitiesOutput.parse(
      (await request(server.url, 'GET', `/v1/teams/${teamId}/activities`, managerToken)).body,
    ).activities;
  const outboxPending = () =>
    ws.core.db.prepare("SELECT count(*) FROM outbox WHERE state = 'pending'").pluck().get() as number;
  const logNoAnswer = async (name: string) => {
    const { page } = ws;
    if (!(await page.getByTestId('queue-view').count())) await page.keyboard.press('q');
    await page.getByTestId('queue-entry').filter({ hasText: name }).click();
    await waitForText(page.getByTestId('lead-detail').locator('.detail__name'), name);
    await page.getByTestId('outcome-card').locator('[data-outcome="no_answer"]').click();
    await page.getByTestId('outcome-result').waitFor();
    return ws.core.db
      .prepare(
        "SELECT a.id FROM activities a JOIN leads l ON l.id = a.lead_id WHERE l.name LIKE ? AND a.kind = 'call' ORDER BY a.occurred_at DESC",
      )
      .pluck()
      .get(`${name}%`) as string;
  };

  it('signs in through the dialog, with a clear error for a bad address, an unreachable server and a refused token', async () => {
    const { page } = ws;
    await waitForText(indicator(), 'Not signed in');
    await page.locator('body').focus();
    await page.keyboard.press('y');
    const dialog = page.getByTestId('sync-dialog');
    await dialog.getByTestId('sync-server').waitFor();
    const error = dialog.getByTestId('sync-sign-in-error');
    const attempt = async (address: string, token: string, expected: string) => {
      await dialog.getByTestId('sync-server').fill(address);
      await dialog.getByTestId('sync-token').fill(token);
      await dialog.getByTestId('sync-token').press('Enter');
      await waitForText(error, expected);
    };
    await attempt('', repToken, 'Type the server address.');
    await attempt('dialdeck.example', repToken, 'is not a server address');
    await attempt('http://127.0.0.1:9', repToken, 'could not reach the team server at http://127.0.0.1:9');
    await attempt(server.url, 'ddk_not-a-token', 'does not know this token');
    shots.push(await shot('sync-sign-in-refused-en-light'));
    // Nothing was kept by the failed attempts.
    expect(await ws.core.handlers['sync.status']({})).toMatchObject({ state: 'signedOut', server: null });

    await dialog.getByTestId('sync-server').fill(server.url);
    await dialog.getByTestId('sync-token').fill(repToken);
    await dialog.getByTestId('sync-sign-in-submit').click();
    await dialog.getByTestId('sync-overview').waitFor();
    await page.locator('[data-testid="sync-indicator"][data-state="online"]').waitFor();
    await waitForText(dialog.getByTestId('sync-state'), 'Online');
    expect(await dialog.textContent()).toContain('rep@east.example');
    await page.keyboard.press('Escape');
  });

  it('logs an outcome: the indicator goes syncing, then online with nothing waiting, and the server holds it', async () => {
    const { page } = ws;
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { syncSeen: string[] }).syncSeen = seen;
      const target = document.querySelector('[data-testid="sync-indicator"]');
      if (!target) throw new Error('no sync indicator');
      new MutationObserver(() =>
        seen.push(`${target.getAttribute('data-state')}:${target.getAttribute('data-pending')}`),
      ).observe(target, { attributes: true });
    });
    const activityId = await logNoAnswer('Jo Park');
    await expect
      .poll(async () => (await serverActivities()).map((a) => a.id), { timeout: 10_000 })
      .toContain(activityId);
    await page.locator('[data-testid="sync-indicator"][data-state="online"][data-pending="0"]').waitFor();
    const seen = await page.evaluate(() => (window as unknown as { syncSeen: string[] }).syncSeen);
    const syncing = seen.findIndex((s) => s.startsWith('syncing'));
    expect(syncing, seen.join(' ')).toBeGreaterThanOrEqual(0);
    expect(
      seen.slice(syncing).some((s) => s === 'online:0'),
      seen.join(' '),
    ).toBe(true);
    expect(outboxPending()).toBe(0);
  });

  it('the server goes away: offline with the count waiting, nothing lost; back again, it drains by itself', async () => {
    const { page } = ws;
    await stopServer(server);
    await page.locator('[data-testid="sync-indicator"][data-state="offline"]').waitFor({ timeout: 20_000 });
    const activityId = await logNoAnswer('Ana Ruiz');
    await page
      .locator('[data-testid="sync-indicator"][data-state="offline"][data-pending="1"]')
      .waitFor({ timeout: 20_000 });
    await waitForText(indicator(), '1 waiting');
    expect(outboxPending()).toBe(1);
    shots.push(await shot('sync-offline-en-light'));

    // Back on the same address; no new local write: the host's own retries and the live stream drain it.
    server = await startServerProcess(serverArgs);
    await page
      .locator('[data-testid="sync-indicator"][data-state="online"][data-pending="0"]')
      .waitFor({ timeout: 30_000 });
    const held = (await serverActivities()).map((a) => a.id);
    expect(held).toContain(activityId);
    expect(held.filter((id) => id === activityId)).toHaveLength(1);
  });

  it('a change the server refuses is listed with its reason, and the changes behind it still sync', async () => {
    const { page } = ws;
    // A change of a kind this server does not know, as a newer or broken build could have queued it.
    ws.core.db
      .prepare('INSERT INTO outbox (id, name, args, hlc, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(
        '01900000-0000-7000-8000-000000000001',
        'lead.teleport',
        '{}',
        '0000000000a:00000:00000000000000aa',
        T0,
      );
    await page.locator('body').focus();
    await page.keyboard.press('y');
    const dialog = page.getByTestId('sync-dialog');
    await dialog.getByTestId('sync-now').click();
    const item = dialog.getByTestId('sync-rejected-item');
    await waitForText(item, 'lead.teleport');
    await waitForText(item, 'cannot apply');
    await waitForText(page.getByTestId('sync-rejected-count'), '1');
    await page.locator('[data-testid="sync-indicator"][data-pending="0"]').waitFor();
    shots.push(await shot('sync-rejected-en-light'));
    // Dismissed once dealt with: it leaves the list and the count, and stays recorded here.
    await item.getByTestId('sync-rejected-dismiss').click();
    await dialog.getByText('The server has refused no changes.').waitFor();
    await page.getByTestId('sync-rejected-count').waitFor({ state: 'detached' });
    const kept = ws.core.db
      .prepare<[], string>("SELECT error FROM outbox WHERE name = 'lead.teleport' AND state = 'rejected'")
      .pluck()
      .get();
    expect(JSON.parse(kept ?? '{}')).toMatchObject({
      code: 'sync_mutation_invalid',
      dismissedAt: expect.any(Number),
    });
    await page.keyboard.press('Escape');
  });

  it('looks right in every language and theme', async () => {
    const { page } = ws;
    // The shortcut sheet lists Y with the other workspace keys.
    await page.locator('body').focus();
    await page.keyboard.press('?');
    await waitForText(page.getByRole('dialog'), 'Team sync: status, sign-in and refused changes');
    await page.keyboard.press('Escape');
    for (const lang of LANGS) {
      for (const theme of THEMES) {
        await applyLook(ws.core, page, ws.host.url, lang, theme);
        await page.getByTestId('sync-indicator').waitFor();
        await page.locator('body').focus();
        await page.keyboard.press('y');
        await page.getByTestId('sync-overview').waitFor();
        shots.push(await shot(`sync-dialog-${lang}-${theme}`));
        await page.keyboard.press('Escape');
      }
    }
    await ws.core.handlers['sync.signOut']({});
    await applyLook(ws.core, page, ws.host.url, 'en', 'light');
    for (const lang of LANGS) {
      await applyLook(ws.core, page, ws.host.url, lang, 'dark');
      await page.locator('body').focus();
      await page.keyboard.press('y');
      await page.getByTestId('sync-sign-in').waitFor();
      shots.push(await shot(`sync-sign-in-${lang}-dark`));
      await page.keyboard.press('Escape');
    }
    // Signing out kept every change on this computer.
    expect(ws.core.db.prepare("SELECT count(*) FROM outbox WHERE state = 'rejected'").pluck().get()).toBe(1);
  });
});
