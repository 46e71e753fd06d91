import type { TalkMetrics } from '@shared/talk/metrics';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readings as scriptReadings, type Turn } from '../fixtures/talkScript';
import { callsOf as callsOfLead, openLead as openLeadNamed } from './callingSteps';
import { openApp, openWorkspace, type Workspace, waitForText } from './harness';
import { applyLook, FOCUS_LEAD, LANGS, settle } from './screens';
import { freePort } from './sip/kamailio';

// Calling from the workspace in Chromium against the web host on a real store: the practice prospect
// (its clips through Web Audio, the fake microphone as the rep), the system phone's tel: hand-off and
// timer, a provider that fails and the one offered instead, the 70/30 timer and the call's figures on
// its activity and in the call history.
//
// Calls run the real talk/listen meter (its AudioWorklet on the call's two streams); the first test
// feeds a known script of turns through the meter's test hook instead, to assert exact figures.

// A Tuesday, 10:00 in New York: the demo leads are in their calling window.
const T0 = Date.parse('2026-11-24T15:00:00Z');
const MEDIA = [
  '--use-fake-ui-for-media-stream',
  '--use-fake-device-for-media-stream',
  '--autoplay-policy=no-user-gesture-required',
];

/** Cumulative meter readings, one per half second, for a script of turns (one speaker at a time). */
const readings = (turns: Turn[]): TalkMetrics[] =>
  scriptReadings(turns, { step: 0.5, patience: 3.5, interruptions: 1 });

const feed = (page: Page, metrics: TalkMetrics[]): Promise<number> =>
  page.evaluate((all) => {
    let meters = 0;
    // The live meter's test hook (features/calling/meter/liveMeter.ts): fed figures replace measured ones.
    const seam = window as unknown as { dialdeckFeedTalkMetrics?: (m: TalkMetrics) => number };
    for (const m of all) meters = seam.dialdeckFeedTalkMetrics?.(m) ?? 0;
    return meters;
  }, metrics);

describe('calling from the workspace in Chromium', () => {
  let ws: Workspace;
  const shots: string[] = [];

  const callsOf = (name: string) => callsOfLead(ws, name);
  const openLead = (name: string) => openLeadNamed(ws, name);

  const chooseInSelect = async (testId: string, label: string) => {
    const { page } = ws;
    await page.getByTestId(testId).click();
    await page.getByRole('option', { name: label, exact: true }).click();
  };

  const callState = (state: string) => ws.page.locator(`[data-testid="call-state"][data-state="${state}"]`);

  beforeAll(async () => {
    const started = Date.now();
    ws = await openWorkspace({ now: () => T0 + (Date.now() - started), chromiumArgs: MEDIA });
    await ws.core.handlers['settings.update']({ callingProvider: 'practice', callingMonologueSeconds: 10 });
    // The hand-off to the OS's phone app, as the page asks for it.
    await ws.page.addInitScript(() => {
      // The streams Web Audio makes for the call (the practice prospect's voice), to listen in on.
      const made: MediaStream[] = [];
      Object.assign(window, { madeStreams: made });
      const create = AudioContext.prototype.createMediaStreamDestination;
      AudioContext.prototype.createMediaStreamDestination = function (this: AudioContext) {
        const node = create.call(this);
        made.push(node.stream);
        return node;
      };
      // The microphone tracks the page is given, to unplug one.
      const tracks: MediaStreamTrack[] = [];
      Object.assign(window, { micTracks: tracks });
      const getUserMedia = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
      navigator.mediaDevices.getUserMedia = async (constraints) => {
        // A test refuses the microphone as a rep who said no to the permission prompt.
        if ((window as unknown as { refuseMic?: boolean }).refuseMic) {
          throw new DOMException('Permission denied', 'NotAllowedError');
        }
        const stream = await getUserMedia(constraints);
        tracks.push(...stream.getAudioTracks());
        return stream;
      };
      const opened: string[] = [];
      Object.assign(window, { openedUrls: opened });
      window.open = (url?: string | URL) => {
        opened.push(String(url));
        return null;
      };
    });
    await openApp(ws.page, ws.host.url);
  });

  afterAll(async () => {
    if (shots.length) process.stdout.write(`screenshots:\n  ${shots.join('\n  ')}\n`);
    await ws?.close();
  });

  it('calls the practice prospect with C: ringing, connected, mute, hold, keypad, the 70/30 timer, hang up, outcome with its figures', async () => {
    const { page } = ws;
    await openLead(FOCUS_LEAD);
    await waitForText(page.getByTestId('call-via'), 'Practice prospect');
    await chooseInSelect('practice-scenario', 'Answers and raises an objection');
    await page.locator('body').focus();
    await page.keyboard.press('c');
    await callState('ringing').waitFor();
    await callState('connected').waitFor();
    await page.getByTestId('talk-timer').waitFor();
    expect(await page.getByTestId('call-state').textContent()).toContain('Connected');

    // The prospect's greeting plays through Web Audio into the prospect stream the meter is given.
    const loudest = await page.evaluate(async () => {
      const [prospect] = (window as unknown as { madeStreams: MediaStream[] }).madeStreams;
      if (!prospect) return -1;
      const audio = new AudioContext();
      const analyser = audio.createAnalyser();
      audio.createMediaStreamSource(prospect).connect(analyser);
      const samples = new Float32Array(analyser.fftSize);
      let max = 0;
      for (const end = performance.now() + 1_500; performance.now() < end; ) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        analyser.getFloatTimeDomainData(samples);
        let sum = 0;
        for (const x of samples) sum += x * x;
        max = Math.max(max, Math.sqrt(sum / samples.length));
      }
      await audio.close();
      return max;
    });
    expect(loudest).toBeGreaterThan(0.01);
    // The rep listens (share within target), then talks on past the monologue limit.
    const script: Turn[] = [
      { who: 'prospect', seconds: 6 },
      { who: 'none', seconds: 2 },
    ];
    expect(await feed(page, readings(script))).toBe(1);
    await waitForText(page.getByTestId('talk-pause'), 'Pause… 2.0 s of 3 s');
    expect(await page.getByTestId('talk-share').textContent()).toBe('0%');
    await waitForText(page.getByTestId('talk-verdict'), 'Within target');

    const monologue = readings([...script, { who: 'rep', seconds: 12 }]);
    await feed(page, monologue);
    await waitForText(page.getByTestId('talk-share'), '67%');
    await waitForText(page.getByTestId('talk-verdict'), 'Talking too much');
    await waitForText(page.getByTestId('talk-monologue-warning'), 'Long monologue (0:12, limit 0:10)');
    // The polite live region says the warning once; the running clock is outside it.
    const liveRegion = page.getByTestId('talk-timer').locator('[aria-live="polite"]');
    expect(await liveRegion.textContent()).toContain('Long monologue: pause and ask a question');
    expect(await liveRegion.textContent()).not.toMatch(/\d:\d\d/);
    await waitForText(page.getByTestId('talk-pause'), 'Last pause 2.0 s: wait 3 s before answering');
    await waitForText(page.getByTestId('talk-interruptions'), 'Interruptions: 1');
    // Not by colour alone: the verdict carries a mark and words.
    expect(await page.getByTestId('talk-verdict').textContent()).toContain('▲');
    shots.push(await ws.screenshot('calling-practice-en'));

    await page.getByTestId('call-mute').click();
    expect(await page.getByTestId('call-mute').getAttribute('aria-pressed')).toBe('true');
    await page.getByTestId('call-hold').click();
    await callState('on-hold').waitFor();
    await page.getByTestId('call-hold').click();
    await callState('connected').waitFor();
    await page.getByTestId('call-keypad-toggle').click();
    for (const key of ['1', '2', '#']) await page.locator(`.keypad__key[data-key="${key}"]`).click();
    await waitForText(page.getByTestId('keypad-sent'), 'Sent: 12#');
    // The keyboard's digit keys are the call's keypad too (an IVR menu): tones, never an outcome.
    await page.locator('body').focus();
    for (const key of ['1', '9', '#']) await page.keyboard.press(key);
    await waitForText(page.getByTestId('keypad-sent'), 'Sent: 12#19#');
    expect(await page.getByTestId('call-state').getAttribute('data-state')).toBe('connected');
    expect(await page.getByTestId('outcome-result').count()).toBe(0);
    expect(callsOf('Avery Chen')).toHaveLength(0);

    const last = monologue.at(-1) as TalkMetrics;
    await page.waitForTimeout(1_200);
    await page.getByTestId('call-hangup').click();
    await callState('ended').waitFor();
    await waitForText(page.getByTestId('call-ended'), 'Log its outcome below');

    await page.getByTestId('outcome-card').locator('[data-outcome="not_interested"]').click();
    await page.getByTestId('outcome-result').waitFor();
    const [logged] = callsOf('Avery Chen');
    expect(logged?.outcome).toBe('not_interested');
    expect(logged?.data).toMatchObject({ provider: 'practice', talk: last });
    expect(logged?.data.durationSeconds).toBeGreaterThanOrEqual(1);

    const entry = page.getByTestId('call-history').getByTestId('history-entry').first();
    await waitForText(
      entry.getByTestId('history-talk'),
      'Talked 67% · longest monologue 0:12 · patience 3.5 s',
    );
    await waitForText(entry.getByTestId('history-duration'), 'via Practice prospect');
  });

  it('checks the microphone level and the speaker before a session', async () => {
    const { page } = ws;
    await page.getByTestId('device-check-toggle').click();
    // Chromium's fake microphone beeps: the level meter hears it.
    await page.locator('[data-testid="mic-level"][data-heard="yes"]').waitFor();
    await waitForText(page.getByTestId('mic-verdict'), 'The microphone hears you');
    await page.getByTestId('speaker-play').click();
    await page.getByTestId('speaker-yes').click();
    await waitForText(page.getByTestId('speaker-verdict'), 'The speaker works');
    await page.getByTestId('device-check-toggle').click();
  });

  /** Chooses how calls go in Settings, as a rep does. */
  const chooseProvider = async (label: string, hint: string) => {
    const { page } = ws;
    await page.locator('body').focus();
    await page.keyboard.press(',');
    const settings = page.getByTestId('settings-dialog');
    await settings.waitFor();
    await chooseInSelect('settings-calling-provider', label);
    await waitForText(settings, hint);
    await page.keyboard.press('Escape');
    await settings.waitFor({ state: 'detached' });
    await waitForText(page.getByTestId('call-via'), label);
  };

  it('hands the number to the system phone and times the call the rep starts and stops', async () => {
    const { page } = ws;
    await chooseProvider('System phone', 'Hands the number to the phone app');

    const opened = await page.evaluate(
      () => (window as unknown as { openedUrls: string[] }).openedUrls.length,
    );
    await page.locator('body').focus();
    await page.keyboard.press('c');
    await callState('connecting').waitFor();
    await waitForText(page.getByTestId('call-panel'), 'Start the timer when the prospect answers');
    const urls = await page.evaluate(() => (window as unknown as { openedUrls: string[] }).openedUrls);
    const href = await page.locator('#lead-call-link').getAttribute('href');
    expect(href).toMatch(/^tel:\+\d+$/);
    expect(urls.slice(opened)).toEqual([href]);
    expect(await page.getByTestId('talk-timer').count()).toBe(0);

    await page.getByTestId('call-timer-start').click();
    await callState('connected').waitFor();
    // Past the half second: the screen and the history round the call's length the same way.
    await page.waitForTimeout(2_600);
    await page.getByTestId('call-hangup').click();
    await waitForText(page.getByTestId('call-ended'), 'Call ended after 0:0');
    const shown = (await page.getByTestId('call-ended').textContent())?.match(/after 0:0(\d)/)?.[1];
    await page.getByTestId('outcome-card').locator('[data-outcome="voicemail"]').click();
    await page.getByTestId('outcome-result').waitFor();
    const calls = callsOf('Avery Chen');
    expect(calls).toHaveLength(2);
    expect(calls[1]?.data).toMatchObject({ provider: 'system', durationSeconds: 3 });
    expect(Number(shown)).toBe(3);
    expect(calls[1]?.data).not.toHaveProperty('talk');
    // A new call, not the practice call again.
    expect(calls[1]?.call_id).not.toBe(calls[0]?.call_id);
  });

  it('offers another provider when the chosen one fails, and the call goes on through it', async () => {
    const { page } = ws;
    await chooseProvider('Twilio', 'through your team’s Twilio account');
    await page.locator('body').focus();
    await page.keyboard.press('c');
    const failure = page.getByTestId('call-failure');
    // Not set up is not "unreachable": the card says what to set up.
    await waitForText(failure, 'Sign in to your team server to call with Twilio');
    expect(await failure.getAttribute('data-code')).toBe('twilio_not_signed_in');
    await failure.getByTestId('call-with-system').waitFor();
    shots.push(await ws.screenshot('calling-twilio-not-signed-in-en'));

    await failure.getByTestId('call-with-practice').click();
    await callState('connected').waitFor();
    expect(await page.getByTestId('call-failure').count()).toBe(0);
    await page.getByTestId('call-hangup').click();
    await callState('ended').waitFor();
    await page.getByTestId('outcome-card').locator('[data-outcome="voicemail"]').click();
    await page.getByTestId('outcome-result').waitFor();
    const calls = callsOf('Avery Chen');
    expect(calls).toHaveLength(3);
    expect(calls[2]?.data).toMatchObject({ provider: 'practice' });

    // SIP with nothing saved says where to set it up, and Twilio is not offered with no team server.
    await chooseProvider('SIP (team phone system)', 'through your team’s phone system');
    await page.locator('body').focus();
    await page.keyboard.press('c');
    await waitForText(failure, 'Set up SIP in Settings → Calling');
    expect(await failure.getAttribute('data-code')).toBe('sip_not_set_up');
    await failure.getByTestId('call-with-system').waitFor();
    expect(await failure.getByTestId('call-with-twilio').count()).toBe(0);

    // A SIP server that does not answer: the card names its address and what to check.
    const websocketUrl = `ws://127.0.0.1:${await freePort()}`;
    await ws.core.handlers['telephony.saveSipSettings']({
      settings: { websocketUrl, sipUri: 'sip:rep@127.0.0.1', authorizationUser: '', displayName: '' },
      password: 'pbx-Secret-42',
    });
    await page.locator('body').focus();
    await page.keyboard.press('c');
    await waitForText(failure, `The SIP server at ${websocketUrl} does not answer`);
    expect(await failure.getAttribute('data-code')).toBe('provider_unreachable');
    shots.push(await ws.screenshot('calling-sip-unreachable-en'));
    await failure.getByTestId('call-with-practice').click();
    await callState('connected').waitFor();
    await page.getByTestId('call-hangup').click();
    await callState('ended').waitFor();
    await page.getByTestId('outcome-card').locator('[data-outcome="voicemail"]').click();
    await page.getByTestId('outcome-result').waitFor();
    expect(callsOf('Avery Chen')).toHaveLength(4);
  });

  it('fails the call with advice when the microphone is unplugged mid-call, keeps its figures, and goes on by system phone', async () => {
    const { page } = ws;
    await chooseProvider('Practice prospect', 'A simulated prospect for role-play');
    await page.locator('body').focus();
    await page.keyboard.press('c');
    await callState('connected').waitFor();
    const sofar = readings([
      { who: 'prospect', seconds: 4 },
      { who: 'rep', seconds: 2 },
    ]);
    await feed(page, sofar);
    // The device goes away as the browser reports an unplugged microphone.
    await page.evaluate(() => {
      const tracks = (window as unknown as { micTracks: MediaStreamTrack[] }).micTracks;
      tracks.at(-1)?.dispatchEvent(new Event('ended'));
    });
    const failure = page.getByTestId('call-failure');
    await waitForText(failure, 'No microphone could be used');
    expect(await failure.getAttribute('data-code')).toBe('mic_unavailable');
    await callState('failed').waitFor();
    await failure.getByTestId('call-with-system').click();
    await callState('connecting').waitFor();
    await page.getByTestId('call-hangup').click();
    await page.getByTestId('outcome-card').locator('[data-outcome="voicemail"]').click();
    await page.getByTestId('outcome-result').waitFor();
    const calls = callsOf('Avery Chen');
    expect(calls).toHaveLength(5);
    // The system phone never answered: what the practice leg measured is what was logged.
    expect(calls[4]?.data).toMatchObject({ provider: 'practice', talk: sofar.at(-1) });
  });

  it('plays the prospect who says no and hangs up: the call ends by itself', async () => {
    const { page } = ws;
    await chooseInSelect('practice-scenario', 'Says no and hangs up');
    await page.locator('body').focus();
    await page.keyboard.press('c');
    await callState('connected').waitFor();
    await callState('ended').waitFor({ timeout: 20_000 });
    await waitForText(page.getByTestId('call-ended'), 'Log its outcome below');
    await page.getByTestId('outcome-card').locator('[data-outcome="not_interested"]').click();
    await page.getByTestId('outcome-result').waitFor();
    const calls = callsOf('Avery Chen');
    expect(calls).toHaveLength(6);
    // Greeting, the rep's turn, the goodbye: several seconds connected before the prospect hung up.
    expect(calls[5]?.data).toMatchObject({ provider: 'practice' });
    expect(calls[5]?.data.durationSeconds).toBeGreaterThanOrEqual(6);
    // Nothing fed this call: the meter measured the prospect's greeting and goodbye from the audio.
    const talk = calls[5]?.data.talk as TalkMetrics | undefined;
    expect(talk?.prospectTalkSeconds).toBeGreaterThan(1);
    expect(talk?.durationSeconds).toBeGreaterThan(3);
  });

  it('practises without a microphone when it is refused, with the warning and its advice on the card', async () => {
    const { page } = ws;
    await page.evaluate(() => Object.assign(window, { refuseMic: true }));
    await chooseInSelect('practice-scenario', 'Answers and raises an objection');
    await page.locator('body').focus();
    await page.keyboard.press('c');
    await callState('connected').waitFor();
    // The web host's page: the warning names the browser's site permission and what to do.
    const warning = page.getByTestId('call-warnings').locator('[data-warning="mic-permission-denied"]');
    await waitForText(warning, 'Allow the microphone in the browser’s site settings');
    // Silence on the rep's side is no figure: the timer says it is not measured, never "0% ✓ Within target".
    await waitForText(page.getByTestId('talk-unmeasured'), 'not measured on this call');
    await page.waitForTimeout(1_500);
    expect(await page.getByTestId('talk-timer').count()).toBe(0);
    expect(await page.getByTestId('talk-verdict').count()).toBe(0);
    shots.push(await ws.screenshot('calling-no-mic-en'));
    await page.getByTestId('call-hangup').click();
    await callState('ended').waitFor();
    expect(await page.getByTestId('call-warnings').count()).toBe(0);
    await page.getByTestId('outcome-card').locator('[data-outcome="voicemail"]').click();
    await page.getByTestId('outcome-result').waitFor();
    const calls = callsOf('Avery Chen');
    expect(calls).toHaveLength(7);
    // The call's duration and provider are kept; no talk figures are stored for it.
    expect(calls[6]?.data).toMatchObject({ provider: 'practice' });
    expect(calls[6]?.data.durationSeconds).toBeGreaterThanOrEqual(1);
    expect(calls[6]?.data).not.toHaveProperty('talk');
    await page.evaluate(() => Object.assign(window, { refuseMic: false }));
  });

  it('keeps the talk-share target and monologue limit the rep sets, and says what to type when a value cannot be', async () => {
    const { page } = ws;
    await page.locator('body').focus();
    await page.keyboard.press(',');
    const settings = page.getByTestId('settings-dialog');
    await settings.waitFor();
    // The Calling heading stands apart from the "Call through" label under it.
    const calling = page.getByTestId('calling-settings');
    // Measured once the dialog has finished opening (it scales in).
    await expect
      .poll(async () => {
        const heading = await calling.locator('legend').boundingBox();
        const firstLabel = await calling.locator('.field__label').nth(1).boundingBox();
        return heading && firstLabel ? firstLabel.y - (heading.y + heading.height) : -1;
      })
      .toBeGreaterThanOrEqual(7);
    shots.push(await ws.screenshot('calling-settings-en'));
    const target = page.getByTestId('settings-talk-target');
    expect(await target.inputValue()).toBe('30');
    await target.fill('3');
    await target.press('Enter');
    await waitForText(settings, 'Give a whole number from 5 to 95.');
    expect(await target.getAttribute('aria-invalid')).toBe('true');
    await target.fill('25');
    await target.press('Enter');
    const monologue = page.getByTestId('settings-monologue');
    await monologue.fill('45');
    await monologue.press('Enter');
    await expect
      .poll(async () => (await ws.core.handlers['settings.get']({})) as { callingTalkShareTarget: number })
      .toMatchObject({ callingTalkShareTarget: 0.25, callingMonologueSeconds: 45 });
    await page.keyboard.press('Escape');
    await settings.waitFor({ state: 'detached' });
  });

  it('shows the call screen and the 70/30 timer in en, zh-CN and ko', async () => {
    const { page } = ws;
    await ws.core.handlers['settings.update']({ callingProvider: 'practice' });
    for (const lang of LANGS) {
      await applyLook(ws.core, page, ws.host.url, lang, 'light');
      await openLead(FOCUS_LEAD);
      await page.keyboard.press('c');
      await callState('connected').waitFor();
      await feed(
        page,
        readings([
          { who: 'prospect', seconds: 20 },
          { who: 'none', seconds: 3.5 },
          { who: 'rep', seconds: 8 },
          { who: 'prospect', seconds: 6 },
          { who: 'none', seconds: 1.5 },
        ]),
      );
      await page.locator('[data-testid="talk-pause"][data-pause="waiting"]').waitFor();
      const panel = page.getByTestId('call-panel');
      await panel.scrollIntoViewIfNeeded();
      await settle(page);
      const path = `${ws.shotsDir}/calling-timer-${lang}.png`;
      await panel.screenshot({ path });
      shots.push(path);
      // Each figure and verdict is written out whole in the language.
      expect(await page.getByTestId('talk-share').textContent()).toBe('24%');
      await page.getByTestId('call-hangup').click();
      await callState('ended').waitFor();
    }
    await applyLook(ws.core, page, ws.host.url, 'en', 'light');
  });
});
