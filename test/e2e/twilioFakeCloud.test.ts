// The Twilio provider on the REAL Voice SDK Device in Chromium, against a FAKE of Twilio's cloud
// injected through the SDK's own constructor options (signalling, Call, Insights, sounds): see
// twilio/fakeCloudPage.ts. Twilio's cloud cannot be reached from the test machines.
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BundledPage, serveBundledPage } from './bundledPage';
import { CHROMIUM } from './harness';
import type { TwilioTestPage } from './twilio/pageApi';

declare const window: { twilioTest: TwilioTestPage };

let testPage: BundledPage;
let browser: Browser;

const open = async (): Promise<Page> => {
  const context = await browser.newContext({ permissions: ['microphone'] });
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error('page error:', error.message));
  await page.goto(testPage.url);
  await page.waitForFunction(() => 'twilioTest' in window);
  return page;
};

beforeAll(async () => {
  testPage = await serveBundledPage('test/e2e/twilio/fakeCloudPage.ts', 'Twilio fake cloud');
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
    ],
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await testPage?.close();
});

describe('Twilio provider on the real SDK Device (fake of Twilio cloud)', () => {
  it('renews the token when the Device says tokenWillExpire, and follows the call from ringing to hang-up', async () => {
    const page = await open();
    // The fake signalling says the token lives 61 s; the provider asks for tokenWillExpire 60 s ahead.
    expect(await page.evaluate(() => window.twilioTest.start(61))).toBeNull();
    expect(await page.evaluate(() => window.twilioTest.dial('+14155550100'))).toBeNull();
    const log = () => page.evaluate(() => window.twilioTest.log());
    expect((await log()).callParams).toEqual([{ To: '+14155550100', LeadId: 'lead-1', CallId: 'call-1' }]);
    await expect.poll(async () => (await log()).signallingTokens.length, { timeout: 5_000 }).toBe(2);
    expect((await log()).tokensFetched).toBe(2);

    await page.evaluate(() => {
      window.twilioTest.callEvent('ringing', false);
      window.twilioTest.callEvent('accept');
      window.twilioTest.callEvent('warning', 'high-jitter', {});
      window.twilioTest.callEvent('warning-cleared', 'high-jitter');
      window.twilioTest.callEvent('reconnecting', { code: 53405 });
      window.twilioTest.callEvent('reconnected');
    });
    await page.evaluate(() => window.twilioTest.hangup());
    const after = await log();
    expect(after.states).toEqual([
      'connecting',
      'ringing',
      'connected',
      'reconnecting',
      'connected',
      'ended',
    ]);
    expect(after.warnings).toEqual(['high-jitter:on', 'high-jitter:off']);
    expect(after.audio).toBe(1);
    expect(after.inputReleases).toBeGreaterThanOrEqual(1);
    expect(after.errors).toEqual([]);
    await page.evaluate(() => window.twilioTest.dispose());
  });

  it('reports token_expired when the signalling says the token ended and no new one comes', async () => {
    const page = await open();
    expect(await page.evaluate(() => window.twilioTest.start(3600))).toBeNull();
    expect(await page.evaluate(() => window.twilioTest.dial('+14155550100'))).toBeNull();
    await page.evaluate(() => window.twilioTest.expireToken());
    const log = await page.evaluate(() => window.twilioTest.log());
    expect(log.errors).toEqual(['token_expired']);
    expect(log.states.at(-1)).toBe('failed');
  });
});
