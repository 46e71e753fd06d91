import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { CHROMIUM } from '../harness';

/**
 * The call's schedule. Each WAV loops every `LOOP_SECONDS`: the rep sounds for 1 s of it, the prospect
 * for 3 s, so the rep's talk share is 25%. The prospect's microphone opens about 1.1 s after the rep's
 * (the rep's at the INVITE, the prospect's on answering 1 s later), so the prospect's file starts
 * talking `PROSPECT_START` s in and, in the rep's time, talks from about 1.5 s to 4.5 s of each loop,
 * with half-second pauses between the turns (a conversation, not two people talking over each other,
 * which the meter's crosstalk gate would rightly not count twice).
 */
export const LOOP_SECONDS = 5;
export const PROSPECT_START = 0.4;
export const TRUE_REP_SHARE = 0.25;
/** How far the live meter's talk share may be from the truth on a real SIP call (issue's bound). */
export const SHARE_TOLERANCE = 0.05;

/** Chromium switches for one side of a call whose fake microphone plays `wav` in a loop. */
export const callSideArgs = (wav: string): string[] => [
  '--use-fake-ui-for-media-stream',
  '--use-fake-device-for-media-stream',
  `--use-file-for-fake-audio-capture=${wav}`,
  '--allow-loopback-in-peer-connection',
  '--autoplay-policy=no-user-gesture-required',
];

/** Fails with what to install when Kamailio or sox is missing. */
export const requireSipTools = (): void => {
  for (const tool of ['/usr/sbin/kamailio', '/usr/bin/sox']) {
    if (!existsSync(tool))
      throw new Error(
        `${tool} is missing: install kamailio, kamailio-websocket-modules and sox (see .ci/run).`,
      );
  }
};

/**
 * Writes the two microphones' WAV files (48 kHz, 16-bit mono) into `dir` with sox: frequency sweeps
 * with a tremolo, so the microphone's noise suppression does not fade them as steady tones.
 */
export const writeCallWavs = (dir: string): { rep: string; prospect: string } => {
  const sox = (file: string, ...effects: string[]) => {
    execFileSync('sox', ['-n', '-r', '48000', '-b', '16', '-c', '1', join(dir, file), 'synth', ...effects]);
    return join(dir, file);
  };
  return {
    rep: sox(
      'rep.wav',
      '1',
      'sine',
      '300-700',
      'tremolo',
      '5',
      '30',
      'vol',
      '0.5',
      'pad',
      '0',
      String(LOOP_SECONDS - 1),
    ),
    prospect: sox(
      'prospect.wav',
      '3',
      'sine',
      '500-900',
      'tremolo',
      '4',
      '30',
      'vol',
      '0.5',
      'pad',
      String(PROSPECT_START),
      String(LOOP_SECONDS - 3 - PROSPECT_START),
    ),
  };
};

/**
 * A headless Chromium whose fake microphone plays `wav`, on the SIP test page at `url` (test/e2e/sip/
 * page.ts); the browser is added to `browsers` for the caller to close.
 */
export const openSipTestPage = async (url: string, wav: string, browsers: Browser[]): Promise<Page> => {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', ...callSideArgs(wav)],
  });
  browsers.push(browser);
  const context = await browser.newContext({ permissions: ['microphone'] });
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error('page error:', error.message));
  await page.goto(url);
  await page.waitForFunction(() => 'sipTest' in window);
  return page;
};
