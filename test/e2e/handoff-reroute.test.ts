/// <reference lib="dom" />
import type { PulledChange } from '@shared/sync/pull';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../src/main/cli/context';
import type { Core } from '../../src/main/core';
import { writeNow } from '../../src/main/core/store/write-lock';
import { placePulledLeads } from '../../src/main/core/sync/place-pulled';
import { applyPulledPage } from '../../src/main/core/sync/pulled';
import { en } from '../../src/renderer/src/i18n/resources/en';
import { outboundLead } from '../integration/cli-run';
import { openApp, openWorkspace, type Workspace, waitForText } from './harness';
import { RECORDING_NOTIFICATION } from './recordedNotices';

// A hand-off the team server re-routed, in the built workspace in Chromium against the web host and a
// real store: the pulled route first names the AE on the lead's hand-off state without a notice; when
// the AE leaves the team and the server re-routes it, the rep gets one notification (recorded by a
// stand-in for the browser's Notification API, as a headless browser shows none) naming the new AE,
// whose click opens the lead, where the hand-off state says who has it now and who left.

const REP = '01966a1c-0000-7000-8000-0000000000b2';
const HOUR = 3_600_000;

type Recorded = { title: string; body: string; onclick: (() => void) | null };
type NoticeWindow = { __notices: Recorded[] };

describe('a re-routed hand-off on the desktop in Chromium', () => {
  let ws: Workspace;
  let leadId = '';
  let handoffId = '';
  let version = 0;

  const seed = (core: Core) => {
    leadId = core.leads.create(outboundLead('Mina Cho', '+12025550143', { company: 'Kite Labs' })).id;
  };

  beforeAll(async () => {
    ws = await openWorkspace({ seedDemo: false, seed });
    await ws.context.addInitScript(RECORDING_NOTIFICATION);
    await openApp(ws.page, ws.host.url);
    const done = await call(ws.core, 'handoffs.create', {
      leadId,
      summary: 'Wants a pilot for 40 seats',
      nextStep: 'Demo on Tuesday',
      confirm: ['budget', 'need'],
    });
    handoffId = done.handoffId;
  });

  afterAll(async () => {
    await ws?.close();
  });

  /** The hand-off as the team server's pull brings it, applied and placed as the sync client does. */
  const pulled = (ae: string | null, dueAt: number) => {
    const changes: PulledChange[] = [
      {
        version: ++version,
        kind: 'handoff',
        data: {
          id: handoffId,
          leadId,
          repId: REP,
          ae,
          status: ae === null ? 'unassigned' : 'open',
          dueAt,
          decidedAt: null,
          reason: null,
          missed: false,
        },
      },
    ];
    const { leadIds } = writeNow(ws.core.db, () => applyPulledPage(ws.core.db, changes, Date.now()));
    placePulledLeads(ws.core, leadIds, REP);
    return leadIds;
  };
  const notices = () =>
    ws.page.evaluate(() =>
      (globalThis as unknown as NoticeWindow).__notices.map(({ title, body }) => ({ title, body })),
    );

  it('names the AE on the hand-off, then tells the rep once who has it after a re-route', async () => {
    const page = ws.page;
    const firstDue = Date.now() + 47 * HOUR;
    expect(pulled('ae1@kite-sales.example', firstDue)).toEqual([leadId]);
    // Pulled again unchanged: nothing new here.
    expect(pulled('ae1@kite-sales.example', firstDue)).toEqual([]);
    await page.waitForTimeout(300);
    expect(await notices()).toEqual([]);

    const dueAt = Date.now() + 48 * HOUR;
    expect(pulled('ae2@kite-sales.example', dueAt)).toEqual([leadId]);
    await page.waitForFunction(() => (globalThis as unknown as NoticeWindow).__notices.length === 1);
    const [notice] = await notices();
    expect(notice?.title).toBe(en.notifications.reroutedTitle.replace('{{name}}', 'Mina Cho'));
    expect(notice?.body).toMatch(
      /^ae2@kite-sales\.example has it now \(ae1@kite-sales\.example left the team\); answer due /,
    );
    expect(pulled('ae2@kite-sales.example', dueAt)).toEqual([]);

    // The notice opens the lead, whose hand-off state says who has it now.
    await page.evaluate(() => (globalThis as unknown as NoticeWindow).__notices[0]?.onclick?.());
    await expect
      .poll(() => page.getByTestId('lead-detail').locator('.detail__name').textContent())
      .toBe('Mina Cho');
    const route = page.getByTestId('handoff-route');
    await waitForText(
      route,
      'ae1@kite-sales.example left the team, so the server re-routed it to ae2@kite-sales.example',
    );
    expect(await route.getAttribute('data-rerouted')).toBe('true');

    // With the lead open, the last AE leaving too: the state follows without a reload.
    pulled(null, dueAt + HOUR);
    await waitForText(route, en.qualification.handoffWaiting);
    await page.waitForFunction(() => (globalThis as unknown as NoticeWindow).__notices.length === 2);
    expect((await notices())[1]?.body).toBe(en.notifications.reroutedWaitingBody);
  });
});
