// A real SIP call end to end: Debian's Kamailio as registrar and proxy on loopback, two headless
// Chromium instances with fake microphones playing WAV files of known timing — the rep on Dialdeck's
// SIP provider, the prospect on a plain SIP.js user agent that rings and answers. The rep's talk share
// comes from the call screen's live meter running on the call's audio.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SipAccount } from '../../src/shared/api/telephony-sip';
import type { TalkMetrics } from '../../src/shared/talk/metrics';
import { type BundledPage, serveBundledPage } from './bundledPage';
import {
  LOOP_SECONDS,
  openSipTestPage,
  requireSipTools,
  SHARE_TOLERANCE,
  TRUE_REP_SHARE,
  writeCallWavs,
} from './sip/fixtures';
import { freePort, type Kamailio, startKamailio } from './sip/kamailio';
import type { SipTestPage, StreamLevel } from './sip/pageApi';

// The page's global, as the callbacks given to page.evaluate see it.
declare const window: { sipTest: SipTestPage };

const PASSWORD = 'kamailio-test-secret';
const PROSPECT_NUMBER = '+14155550100';
const BUSY_NUMBER = '+14155550186';
const INFO_NUMBER = '+14155550142';

type Measured = Record<string, StreamLevel>;

let work: string;
let kamailio: Kamailio;
let testPage: BundledPage;
const browsers: Browser[] = [];

const account = (user: string, password = PASSWORD): SipAccount => ({
  websocketUrl: kamailio.websocketUrl,
  sipUri: `sip:${user}@127.0.0.1`,
  authorizationUser: user,
  displayName: '',
  password,
});

/** A headless Chromium whose fake microphone plays `wav` in a loop, on the test page. */
const openSide = (wav: string): Promise<Page> => openSipTestPage(testPage.url, wav, browsers);

beforeAll(async () => {
  requireSipTools();
  work = mkdtempSync(join(tmpdir(), 'dialdeck-sip-'));
  writeCallWavs(work);

  testPage = await serveBundledPage('test/e2e/sip/page.ts', 'SIP test');
  kamailio = await startKamailio(PASSWORD);
}, 120_000);

afterAll(async () => {
  for (const browser of browsers) await browser.close().catch(() => undefined);
  await kamailio?.stop();
  await testPage?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('SIP provider against Kamailio', () => {
  it('refuses registration with a wrong password as registration_refused', async () => {
    const rep = await openSide(join(work, 'rep.wav'));
    const code = await rep.evaluate(
      (sip) => window.sipTest.rep.register(sip),
      account('rep-wrong', 'not-the-password'),
    );
    expect(code).toBe('registration_refused');
  });

  it('names an address where no SIP server listens provider_unreachable', async () => {
    const rep = await openSide(join(work, 'rep.wav'));
    const nobody = { ...account('rep-lost'), websocketUrl: `ws://127.0.0.1:${await freePort()}` };
    const code = await rep.evaluate((sip) => window.sipTest.rep.register(sip), nobody);
    expect(code).toBe('provider_unreachable');
  });

  it('rings, connects with audio both ways, holds, keys digits as RFC 4733 telephone-events and hangs up with BYE', async () => {
    const prospect = await openSide(join(work, 'prospect.wav'));
    expect(
      await prospect.evaluate(
        (sip) => window.sipTest.prospect.register(sip, 'accept', 1_000),
        account(PROSPECT_NUMBER),
      ),
    ).toBeNull();
    const rep = await openSide(join(work, 'rep.wav'));
    expect(await rep.evaluate((sip) => window.sipTest.rep.register(sip), account('rep'))).toBeNull();

    expect(await rep.evaluate((to) => window.sipTest.rep.dial(to), PROSPECT_NUMBER)).toBeNull();
    await rep.waitForFunction(() => window.sipTest.rep.states().includes('connected'), undefined, {
      timeout: 15_000,
    });
    const states = await rep.evaluate(() => window.sipTest.rep.states());
    expect(states.slice(0, 3)).toEqual(['connecting', 'ringing', 'connected']);
    expect(await prospect.evaluate(() => window.sipTest.prospect.events())).toEqual(['invite', 'answered']);

    // Two whole loops of both files on each side, so the phase between them does not matter.
    const window_ms = 2 * LOOP_SECONDS * 1000;
    const [repHeard, prospectHeard] = (await Promise.all([
      rep.evaluate((ms) => window.sipTest.measure(ms), window_ms),
      prospect.evaluate((ms) => window.sipTest.measure(ms), window_ms),
    ])) as [Measured, Measured];
    // The rep receives the prospect's audio, and the prospect the rep's.
    // As fractions of the frames measured, so a busy machine's late timer ticks do not matter: the
    // prospect sounds 60% of the time, the rep 20%.
    const heard = (level: StreamLevel | undefined) =>
      level && level.seconds > 0 ? level.activeSeconds / level.seconds : 0;
    expect(repHeard.prospect?.seconds).toBeGreaterThan(2);
    expect(heard(repHeard.prospect)).toBeGreaterThan(0.5);
    expect(heard(prospectHeard.rep)).toBeGreaterThan(0.15);
    expect(heard(prospectHeard.rep)).toBeLessThan(0.4);
    // The rep's live meter (startMeter's AudioWorklet on the call's two streams) has run since the call
    // connected: at least the two loops just measured, so its share is the schedule's.
    await rep.waitForFunction(
      (seconds) => (window.sipTest.rep.meter()?.durationSeconds ?? 0) >= seconds,
      2 * LOOP_SECONDS,
      { timeout: 10_000 },
    );
    const live = (await rep.evaluate(() => window.sipTest.rep.meter())) as TalkMetrics;
    console.info(
      `SIP call, live meter: ${live.durationSeconds.toFixed(2)} s, rep talk ${live.repTalkSeconds.toFixed(2)} s, prospect talk ${live.prospectTalkSeconds.toFixed(2)} s, share ${((live.repTalkShare ?? 0) * 100).toFixed(1)}% (truth ${TRUE_REP_SHARE * 100}%); sounding frames over the last ${window_ms / 1000} s: rep ${(repHeard.rep?.activeSeconds ?? 0).toFixed(2)} s, prospect ${(repHeard.prospect?.activeSeconds ?? 0).toFixed(2)} s`,
    );
    expect(live.prospectTalkSeconds).toBeGreaterThan(0.5 * live.durationSeconds);
    expect(live.repTalkShare).not.toBeNull();
    expect(Math.abs((live.repTalkShare ?? 0) - TRUE_REP_SHARE)).toBeLessThanOrEqual(SHARE_TOLERANCE);
    // The prospect's one-second pauses are no one-way audio.
    expect(await rep.evaluate(() => window.sipTest.rep.warnings())).toEqual([]);

    expect(await rep.evaluate(() => window.sipTest.rep.hold(true))).toBeNull();
    expect((await rep.evaluate(() => window.sipTest.rep.states())).at(-1)).toBe('on-hold');
    const held = (await rep.evaluate((ms) => window.sipTest.measure(ms), 1_500)) as Measured;
    expect(heard(held.prospect)).toBeLessThan(0.2);
    expect(await rep.evaluate(() => window.sipTest.rep.hold(false))).toBeNull();
    expect((await rep.evaluate(() => window.sipTest.rep.states())).at(-1)).toBe('connected');

    // One-way audio: the prospect's microphone goes dead, so the rep receives only silence; the page's
    // provider warns after 3 s of it and clears the warning when sound comes back.
    await prospect.evaluate(() => window.sipTest.prospect.mute(true));
    await rep.waitForFunction(
      () => window.sipTest.rep.warnings().includes('no-audio-received:on'),
      undefined,
      {
        timeout: 10_000,
      },
    );
    await prospect.evaluate(() => window.sipTest.prospect.mute(false));
    await rep.waitForFunction(
      () => window.sipTest.rep.warnings().includes('no-audio-received:off'),
      undefined,
      {
        timeout: 10_000,
      },
    );
    expect(await rep.evaluate(() => window.sipTest.rep.warnings())).toEqual([
      'no-audio-received:on',
      'no-audio-received:off',
    ]);

    // DTMF as RFC 4733 telephone-events: both sides' SDP carry the same telephone-event payload (Kamailio
    // passes the SDP through), and the rep's RTCDTMFSender plays each digit. Chromium decodes received
    // telephone-events without telling the page, so the prospect's side can confirm no more than the
    // negotiation and that no digit came as SIP INFO instead.
    const repEvents = await rep.evaluate(() => window.sipTest.telephoneEvents());
    const prospectEvents = await prospect.evaluate(() => window.sipTest.telephoneEvents());
    console.info(
      `SIP call, telephone-event negotiated: offer ${repEvents.local.join(', ')}; answer ${repEvents.remote.join(', ')}`,
    );
    expect(repEvents.local.length).toBeGreaterThan(0);
    expect(repEvents.remote.length).toBeGreaterThan(0);
    expect(prospectEvents.remote).toEqual(repEvents.local);
    expect(prospectEvents.local).toEqual(repEvents.remote);
    await rep.evaluate(() => window.sipTest.rep.digits('12#'));
    await rep.waitForFunction(() => window.sipTest.rep.tones().length === 3, undefined, { timeout: 5_000 });
    expect(await rep.evaluate(() => window.sipTest.rep.tones())).toEqual(['1', '2', '#']);
    expect(
      (await prospect.evaluate(() => window.sipTest.prospect.events())).filter((e) => e.startsWith('info:')),
    ).toEqual([]);
    await rep.evaluate(() => window.sipTest.rep.hangup());
    await rep.waitForFunction(() => window.sipTest.rep.states().at(-1) === 'ended');
    await prospect.waitForFunction(() => window.sipTest.prospect.events().includes('ended'));
    expect(await rep.evaluate(() => window.sipTest.rep.errors())).toEqual([]);
    await rep.evaluate(() => window.sipTest.rep.dispose());
  });

  it('keys digits as SIP INFO through Kamailio when the prospect answers without telephone-event', async () => {
    const prospect = await openSide(join(work, 'prospect.wav'));
    expect(
      await prospect.evaluate(
        (sip) => window.sipTest.prospect.register(sip, 'accept-without-telephone-event', 300),
        account(INFO_NUMBER),
      ),
    ).toBeNull();
    const rep = await openSide(join(work, 'rep.wav'));
    expect(await rep.evaluate((sip) => window.sipTest.rep.register(sip), account('rep-3'))).toBeNull();
    await rep.evaluate((to) => window.sipTest.rep.dial(to), INFO_NUMBER);
    await rep.waitForFunction(() => window.sipTest.rep.states().includes('connected'), undefined, {
      timeout: 15_000,
    });
    // The rep offered telephone-event; the answer took it out.
    const negotiated = await rep.evaluate(() => window.sipTest.telephoneEvents());
    expect(negotiated.local.length).toBeGreaterThan(0);
    expect(negotiated.remote).toEqual([]);

    await rep.evaluate(() => window.sipTest.rep.digits('5*9#'));
    await prospect.waitForFunction(
      () => window.sipTest.prospect.events().filter((e) => e.startsWith('info:')).length === 4,
      undefined,
      { timeout: 5_000 },
    );
    // Each digit reached the prospect's user agent (its onInfo) as an INFO request relayed in the dialog.
    expect(
      (await prospect.evaluate(() => window.sipTest.prospect.events())).filter((e) => e.startsWith('info:')),
    ).toEqual(['info:Signal=5', 'info:Signal=*', 'info:Signal=9', 'info:Signal=#']);
    expect(await rep.evaluate(() => window.sipTest.rep.tones())).toEqual([]);
    await rep.evaluate(() => window.sipTest.rep.hangup());
    await prospect.waitForFunction(() => window.sipTest.prospect.events().includes('ended'));
    expect(await rep.evaluate(() => window.sipTest.rep.errors())).toEqual([]);
    await rep.evaluate(() => window.sipTest.rep.dispose());
  });

  it('reports a busy prospect as call_rejected and an unknown number as invalid_number', async () => {
    const busy = await openSide(join(work, 'prospect.wav'));
    expect(
      await busy.evaluate((sip) => window.sipTest.prospect.register(sip, 'busy', 300), account(BUSY_NUMBER)),
    ).toBeNull();
    const rep = await openSide(join(work, 'rep.wav'));
    expect(await rep.evaluate((sip) => window.sipTest.rep.register(sip), account('rep-2'))).toBeNull();

    await rep.evaluate((to) => window.sipTest.rep.dial(to), BUSY_NUMBER);
    await rep.waitForFunction(() => window.sipTest.rep.states().at(-1) === 'failed');
    expect((await rep.evaluate(() => window.sipTest.rep.errors())).map((error) => error.code)).toEqual([
      'call_rejected',
    ]);

    await rep.evaluate(() => window.sipTest.rep.dial('+14155550999'));
    await rep.waitForFunction(() => window.sipTest.rep.errors().length === 2);
    expect((await rep.evaluate(() => window.sipTest.rep.errors())).map((error) => error.code)).toEqual([
      'call_rejected',
      'invalid_number',
    ]);
    await rep.evaluate(() => window.sipTest.rep.dispose());
  });
});
