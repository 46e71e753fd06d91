/// <reference lib="dom" />
import type { PulledChange, PulledLead } from '@shared/sync/pull';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeNow } from '../../src/main/core/store/write-lock';
import { acknowledge } from '../../src/main/core/sync/outbox-rows';
import { placePulledLeads } from '../../src/main/core/sync/place-pulled';
import { applyPulledPage } from '../../src/main/core/sync/pulled';
import { outboundLead } from '../integration/cli-run';
import { openApp, openWorkspace, type Workspace } from './harness';
import { RECORDING_NOTIFICATION } from './recordedNotices';

// OS notifications in the web host, in Chromium against a real core: an inbound lead arriving through
// sync and a change the server refused each notify once through the browser's Notification API (here a
// stand-in that records them, as a headless browser shows none), and a click opens the lead or the
// sync dialog; while a calling session runs in the focused window they wait, and come when it stops.

// A Tuesday, 10:00 in New York: the East Coast demo leads are callable, so a session has leads to work.
const T0 = Date.parse('2026-11-24T15:00:00Z');
const REP = '01966a1c-0000-7000-8000-0000000000a1';

type Recorded = { title: string; body: string; onclick: (() => void) | null };
type NoticeWindow = { __notices: Recorded[] };

describe('notifications in the web host', () => {
  let ws: Workspace;
  let version = 0;

  beforeAll(async () => {
    const started = Date.now();
    ws = await openWorkspace({ now: () => T0 + (Date.now() - started) });
    await ws.context.addInitScript(RECORDING_NOTIFICATION);
    await ws.context.clock.install({ time: T0 });
    await openApp(ws.page, ws.host.url);
  });

  afterAll(async () => {
    await ws?.close();
  });

  const notices = () =>
    ws.page.evaluate(() =>
      (globalThis as unknown as NoticeWindow).__notices.map(({ title, body }) => ({ title, body })),
    );
  const waitForNotices = (count: number) =>
    ws.page.waitForFunction((n) => (globalThis as unknown as NoticeWindow).__notices.length === n, count);
  const click = (index: number) =>
    ws.page.evaluate((i) => (globalThis as unknown as NoticeWindow).__notices[i]?.onclick?.(), index);

  /** An inbound lead assigned to the rep, pulled from the team server and placed as the sync client does. */
  const arrive = (id: string, name: string, company: string) => {
    const account = { id: `${id.slice(0, -4)}c0c0`, name: company, createdAt: 1 };
    const lead: PulledLead = {
      ...outboundLead(name, `+1202555${id.slice(-4)}`, { company, timeZone: 'America/New_York' }),
      id,
      accountId: account.id,
      direction: 'inbound',
      sourceChannel: 'web_form',
      ownerId: REP,
      isDemo: false,
      createdAt: T0 - 60_000,
      updatedAt: T0 - 60_000,
      research: null,
      fieldHlcs: {},
    };
    const changes: PulledChange[] = [
      { version: ++version, kind: 'account', data: account },
      { version: ++version, kind: 'lead', data: lead },
    ];
    const { leadIds } = writeNow(ws.core.db, () => applyPulledPage(ws.core.db, changes, Date.now()));
    placePulledLeads(ws.core, leadIds, REP);
  };

  it('notifies an inbound lead that arrived through sync, once, and opens it on a click', async () => {
    arrive('01966a1c-0000-7000-8000-000000001001', 'Mina Cho', 'Hanbit Logistics');
    await waitForNotices(1);
    expect(await notices()).toEqual([
      { title: 'New inbound lead: Mina Cho', body: 'Hanbit Logistics · Web form' },
    ]);
    // Pulled again (edited on the server): not news.
    arrive('01966a1c-0000-7000-8000-000000001001', 'Mina Cho', 'Hanbit Logistics');
    await ws.page.waitForTimeout(500);
    expect(await notices()).toHaveLength(1);
    await click(0);
    await expect
      .poll(() => ws.page.getByTestId('lead-detail').locator('.detail__name').textContent())
      .toBe('Mina Cho');
  });

  it('notifies a change the server refused and opens the sync dialog on a click', async () => {
    const lead = ws.core.leads.create(outboundLead('Rae Quinn', '+12025550188'), { at: Date.now() });
    const change = ws.core.db
      .prepare<[string], string>(
        "SELECT id FROM outbox WHERE state = 'pending' AND args LIKE '%' || ? || '%' ORDER BY seq LIMIT 1",
      )
      .pluck()
      .get(lead.id) as string;
    acknowledge(
      ws.core.db,
      [],
      [{ id: change, code: 'invalid_input', message: 'The lead has no owner on the team.' }],
      Date.now(),
    );
    ws.core.events.emit('sync:changed', {});
    await waitForNotices(2);
    expect((await notices())[1]?.title).toBe('The server refused a change');
    await click(1);
    await ws.page.getByTestId('sync-dialog').waitFor();
    await ws.page.keyboard.press('Escape');
    await ws.page.getByTestId('sync-dialog').waitFor({ state: 'hidden' });
  });

  it('keeps quiet while a calling session runs in the focused window, and notifies when it stops', async () => {
    const { page } = ws;
    await page.bringToFront();
    expect(await page.evaluate(() => document.hasFocus())).toBe(true);
    await page.locator('body').focus();
    await page.keyboard.press('g');
    await page.getByTestId('session-stop').waitFor();
    arrive('01966a1c-0000-7000-8000-000000001002', 'Ava Reyes', 'Northwind Freight');
    // The lead reaches the queue while the session runs; its notification waits.
    await expect
      .poll(() => ws.core.dialing.svc.leads.liveEnrollment('01966a1c-0000-7000-8000-000000001002'))
      .toBeTruthy();
    await page.waitForTimeout(800);
    expect(await notices()).toHaveLength(2);
    await page.getByTestId('session-stop').click();
    await waitForNotices(3);
    expect((await notices())[2]?.title).toBe('New inbound lead: Ava Reyes');
  });
});
