import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TalkMetrics } from '../../src/shared/talk/metrics';
import { launchChromium } from './harness';
import { buildTalkMeterPage, serveTalkMeterPage } from './talkMeterPage';

// The call screen's meter in Chromium: startMeter's AudioWorklet, built by Vite and served under the
// desktop window's Content-Security-Policy, on two live 48 kHz streams with a known schedule and the
// rep's echo on the prospect's side.
// The page's updates (MeterUpdate in the renderer's meter/messages.ts), as far as this test reads them.
type MeterUpdate = { metrics: TalkMetrics; live: { speaking: string }; final: boolean };
type Turn = { speaker: 'rep' | 'prospect'; start: number; end: number };
type Api = {
  talkMeter: {
    start: (turns: Turn[]) => Promise<void>;
    stop: () => Promise<TalkMetrics | null>;
    updates: () => MeterUpdate[];
  };
};

const TURNS: Turn[] = [
  { speaker: 'rep', start: 0.5, end: 2 },
  { speaker: 'prospect', start: 3, end: 7 },
  { speaker: 'rep', start: 8, end: 9.5 },
];

const dir = mkdtempSync(join(tmpdir(), 'dialdeck-meter-page-'));
let server: Awaited<ReturnType<typeof serveTalkMeterPage>>;
let browser: Browser;
let page: Page;
const errors: string[] = [];

beforeAll(async () => {
  await buildTalkMeterPage(dir);
  server = await serveTalkMeterPage(dir);
  browser = await launchChromium();
  page = await browser.newPage();
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().includes('404')) errors.push(message.text());
  });
  await page.goto(server.url);
  await page.waitForFunction(() => document.title === 'talk meter ready');
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the live meter in Chromium', () => {
  it('reports live while the call runs and ends with the call’s talk share within 5 points', async () => {
    await page.evaluate((turns) => (window as unknown as Api).talkMeter.start(turns), TURNS);
    await page.waitForTimeout(5000);
    const midCall = await page.evaluate(() => (window as unknown as Api).talkMeter.updates());
    // Every 250 ms of audio, from the audio thread: a hidden window's timers would not slow it.
    expect(midCall.length).toBeGreaterThanOrEqual(12);
    const latest = midCall.at(-1);
    expect(latest?.final).toBe(false);
    expect(latest?.live.speaking).toBe('prospect');
    expect(latest?.metrics.repTalkSeconds).toBeGreaterThan(1.2);
    await page.waitForTimeout(5500);
    const metrics = await page.evaluate(() => (window as unknown as Api).talkMeter.stop());
    expect(metrics).not.toBeNull();
    const final = metrics as TalkMetrics;
    // The schedule: rep 3 s, prospect 4 s → share 0.43; the echo must not count for the prospect.
    expect(Math.abs((final.repTalkShare ?? 0) - 3 / 7)).toBeLessThanOrEqual(0.05);
    expect(final.meanPatienceSeconds).toBeGreaterThan(0.8);
    expect(final.meanPatienceSeconds).toBeLessThan(1.2);
    const updates = await page.evaluate(() => (window as unknown as Api).talkMeter.updates());
    expect(updates.at(-1)?.final).toBe(true);
    expect(errors).toEqual([]);
  }, 60_000);
});
