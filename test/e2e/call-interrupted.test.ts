import type { TalkMetrics } from '@shared/talk/metrics';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callsOf as callsOfLead, openLead as openLeadNamed } from './callingSteps';
import { OPTION, openApp, openWorkspace, type Workspace, waitForText } from './harness';
import { FOCUS_LEAD } from './screens';

// A call cut off by a reload: the built renderer on the web host with a real store, the practice
// prospect (its clips through Web Audio, Chromium's fake microphone as the rep). The page reloads while
// the call runs; the lead's call card then offers to log the interrupted call with its length and
// figures so far, and the outcome picked next is stored with them.

// A Tuesday, 10:00 in New York: the demo leads are in their calling window.
const T0 = Date.parse('2026-11-24T15:00:00Z');
const MEDIA = [
  '--use-fake-ui-for-media-stream',
  '--use-fake-device-for-media-stream',
  '--autoplay-policy=no-user-gesture-required',
];

/** The figures the meter's test hook reports for the call (they replace the measured ones). */
const FIGURES: TalkMetrics = {
  durationSeconds: 6,
  repTalkSeconds: 1.5,
  prospectTalkSeconds: 3.5,
  repTalkShare: 0.3,
  longestRepMonologueSeconds: 1.5,
  meanPatienceSeconds: 1.2,
  interruptions: 0,
};

describe('a call interrupted by a reload, in Chromium', () => {
  let ws: Workspace;
  const shots: string[] = [];

  const callsOf = (name: string) => callsOfLead(ws, name);
  const openLead = (name: string) => openLeadNamed(ws, name);

  const callState = (state: string) => ws.page.locator(`[data-testid="call-state"][data-state="${state}"]`);

  beforeAll(async () => {
    const started = Date.now();
    ws = await openWorkspace({ now: () => T0 + (Date.now() - started), chromiumArgs: MEDIA });
    await ws.core.handlers['settings.update']({ callingProvider: 'practice' });
    await openApp(ws.page, ws.host.url);
  });

  afterAll(async () => {
    if (shots.length) process.stdout.write(`screenshots:\n  ${shots.join('\n  ')}\n`);
    await ws?.close();
  });

  it('offers to log the interrupted call after a reload, and logs it with its length, provider and figures', async () => {
    const { page } = ws;
    await openLead(FOCUS_LEAD);
    await page.keyboard.press('c');
    await callState('connected').waitFor();
    const fed = await page.evaluate((figures) => {
      const seam = window as unknown as { dialdeckFeedTalkMetrics?: (m: TalkMetrics) => number };
      return seam.dialdeckFeedTalkMetrics?.(figures) ?? 0;
    }, FIGURES);
    expect(fed).toBe(1);
    await waitForText(page.getByTestId('talk-share'), '30%');
    // Long enough for the call's record to be saved with the figures (every 2 s).
    await page.waitForTimeout(4_500);
    const answered = await page.getByTestId('call-duration').textContent();

    await page.reload();
    await page.locator(OPTION).first().waitFor();
    await openLead(FOCUS_LEAD);
    const offer = page.getByTestId('call-interrupted');
    await offer.waitFor();
    const facts = page.getByTestId('call-interrupted-facts');
    await waitForText(facts, 'A call with Practice prospect');
    await waitForText(facts, 'Your talk share so far: 30%');
    const shown = (await facts.textContent())?.match(/after (\d+):(\d\d)/);
    const shownSeconds = Number(shown?.[1]) * 60 + Number(shown?.[2]);
    // The length so far: up to the last save, at most 2 s before the reload.
    const beforeReload = Number(answered?.match(/(\d+):(\d\d)/)?.[2]);
    expect(shownSeconds).toBeGreaterThanOrEqual(beforeReload - 2);
    expect(shownSeconds).toBeLessThanOrEqual(beforeReload + 1);
    expect(callsOf('Avery Chen')).toHaveLength(0);
    shots.push(await ws.screenshot('call-interrupted-en'));

    // Keyboard: the offer's button takes the focus and Enter; focus moves on to the outcomes.
    await page.getByTestId('call-interrupted-log').focus();
    await page.keyboard.press('Enter');
    await offer.waitFor({ state: 'detached' });
    await page.waitForFunction(() => document.activeElement?.classList.contains('outcome-btn') ?? false);
    await page.getByTestId('outcome-card').locator('[data-outcome="not_interested"]').click();
    await page.getByTestId('outcome-result').waitFor();

    const [logged] = callsOf('Avery Chen');
    expect(logged?.outcome).toBe('not_interested');
    expect(logged?.data).toMatchObject({
      provider: 'practice',
      talk: FIGURES,
      durationSeconds: shownSeconds,
    });
    await waitForText(
      page.getByTestId('call-history').getByTestId('history-entry').first().getByTestId('history-duration'),
      'via Practice prospect',
    );

    // Logged once: another reload offers nothing.
    await page.reload();
    await page.locator(OPTION).first().waitFor();
    await openLead(FOCUS_LEAD);
    await page.getByTestId('call-via').waitFor();
    expect(await page.getByTestId('call-interrupted').count()).toBe(0);
  });

  it('says it in Chinese and Korean, and Discard drops it', async () => {
    const { page } = ws;
    const leadId = ws.core.db
      .prepare<[], string>("SELECT id FROM leads WHERE name LIKE 'Avery Chen%'")
      .pluck()
      .get();
    // A record as a crashed window leaves it: 65 s from the answer to the last save, no figures.
    await page.evaluate((id) => {
      localStorage.setItem(
        'dialdeck.calling.call.crashed-call',
        JSON.stringify({
          callId: 'crashed-call',
          leadId: id,
          to: '+14155550123',
          provider: 'practice',
          connectedAt: 1_000,
          lastSeenAt: 66_000,
          endedAt: null,
          metrics: null,
        }),
      );
    }, leadId);
    for (const [locale, title, facts] of [
      ['zh-CN', '中断的通话', '1:05'],
      ['ko', '중단된 통화', '1:05'],
    ] as const) {
      await ws.core.handlers['settings.update']({ locale });
      await page.reload();
      await page.locator(OPTION).first().waitFor();
      await openLead(FOCUS_LEAD);
      await waitForText(page.getByTestId('call-interrupted'), title);
      await waitForText(page.getByTestId('call-interrupted-facts'), facts);
      shots.push(await ws.screenshot(`call-interrupted-${locale}`));
    }
    await page.getByTestId('call-interrupted-discard').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('call-interrupted').waitFor({ state: 'detached' });
    await ws.core.handlers['settings.update']({ locale: 'en' });
    await page.reload();
    await page.locator(OPTION).first().waitFor();
    await openLead(FOCUS_LEAD);
    await page.getByTestId('call-via').waitFor();
    expect(await page.getByTestId('call-interrupted').count()).toBe(0);
    expect(callsOf('Avery Chen')).toHaveLength(1);
  });
});
