// The live talk/listen meter's cost in Chromium: the call screen's meter (startMeter and its
// AudioWorklet, built by Vite as the app builds it, served under the app's Content-Security-Policy)
// on two synthetic 48 kHz call streams for SECONDS of audio, PAIRS times; the CPU time of Chromium's processes
// (CDP SystemInfo.getProcessInfo) with the meter, less the same page and streams without it, as a share
// of one core (median of the pairs). Goal: under 2 %. Also the meter alone in Node on the same amount of audio, as a ceiling
// check of the pure code's cost.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { createTalkMeter } from '../src/shared/talk/meter';
import { launchChromium } from '../test/e2e/harness';
import { buildTalkMeterPage, serveTalkMeterPage } from '../test/e2e/talkMeterPage';

const SECONDS = Number(process.env.DIALDECK_BENCH_METER_SECONDS ?? 12);
const GOAL = 0.02;
const PAIRS = Number(process.env.DIALDECK_BENCH_METER_PAIRS ?? 3);

type Turn = { speaker: 'rep' | 'prospect'; start: number; end: number };

/** Turns of 2–5 s with pauses, alternating, covering the whole run. */
const turns = (): Turn[] => {
  const out: Turn[] = [];
  let at = 0.3;
  for (let i = 0; at < SECONDS; i += 1) {
    const length = i % 2 === 0 ? 2 : 4.5;
    out.push({ speaker: i % 2 === 0 ? 'rep' : 'prospect', start: at, end: at + length });
    at += length + 1;
  }
  return out;
};

type Api = {
  talkMeter: {
    start: (turns: Turn[], withMeter: boolean) => Promise<void>;
    stop: () => Promise<unknown>;
    updates: () => unknown[];
  };
};

const cpuSeconds = async (browser: Browser): Promise<number> => {
  const cdp = await browser.newBrowserCDPSession();
  const { processInfo } = (await cdp.send('SystemInfo.getProcessInfo')) as {
    processInfo: { type: string; id: number; cpuTime: number }[];
  };
  await cdp.detach();
  return processInfo.reduce((sum, process) => sum + process.cpuTime, 0);
};

/** One run on a new page of `browser`: Chromium's CPU share of one core while SECONDS of the call play. */
const inChromium = async (browser: Browser, url: string, withMeter: boolean) => {
  const page = await browser.newPage();
  try {
    await page.goto(url);
    await page.waitForFunction(() => document.title === 'talk meter ready');
    const plan = turns();
    await page.evaluate(([plan, withMeter]) => (window as unknown as Api).talkMeter.start(plan, withMeter), [
      plan,
      withMeter,
    ] as const);
    const before = await cpuSeconds(browser);
    const started = performance.now();
    await page.waitForTimeout(SECONDS * 1000);
    const cpu = (await cpuSeconds(browser)) - before;
    const wall = (performance.now() - started) / 1000;
    const updates = await page.evaluate(() => (window as unknown as Api).talkMeter.updates().length);
    const metrics = await page.evaluate(() => (window as unknown as Api).talkMeter.stop());
    return { cpuShare: cpu / wall, updates, metrics };
  } finally {
    await page.close();
  }
};

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/** The meter alone in Node on SECONDS of two-channel 48 kHz audio fed 128 samples at a time. */
const inNode = () => {
  const rate = 48_000;
  const rep = new Float32Array(rate * SECONDS);
  const prospect = new Float32Array(rate * SECONDS);
  for (let i = 0; i < rep.length; i += 1) {
    const t = i / rate;
    rep[i] = Math.floor(t / 3) % 2 === 0 ? 0.3 * Math.sin(2 * Math.PI * 180 * t) : 0.001 * Math.sin(i);
    prospect[i] = Math.floor(t / 3) % 2 === 1 ? 0.3 * Math.sin(2 * Math.PI * 230 * t) : 0.001 * Math.cos(i);
  }
  const meter = createTalkMeter({ sampleRate: rate });
  const started = process.cpuUsage();
  for (let i = 0; i < rep.length; i += 128) {
    meter.push(rep.subarray(i, i + 128), prospect.subarray(i, i + 128));
    // The worklet reads the metrics every 250 ms of audio.
    if (i % 12_000 === 0) meter.metrics();
  }
  const used = process.cpuUsage(started);
  return (used.user + used.system) / 1e6 / SECONDS;
};

export const run = async (): Promise<Record<string, unknown>> => {
  const dir = mkdtempSync(join(tmpdir(), 'dialdeck-bench-meter-'));
  await buildTalkMeterPage(dir);
  const server = await serveTalkMeterPage(dir);
  const browser = await launchChromium();
  try {
    // Runs without and with the meter, interleaved, so a change in the machine's load falls on both.
    const without: number[] = [];
    const withMeter: number[] = [];
    let last: Awaited<ReturnType<typeof inChromium>> | null = null;
    for (let pair = 0; pair < PAIRS; pair += 1) {
      without.push((await inChromium(browser, server.url, false)).cpuShare);
      last = await inChromium(browser, server.url, true);
      withMeter.push(last.cpuShare);
    }
    const meterShare = Math.max(0, median(withMeter.map((share, i) => share - (without[i] ?? 0))));
    const round = (value: number) => Number(value.toFixed(4));
    return {
      audioSeconds: SECONDS,
      pairs: PAIRS,
      streamsSampleRate: 48_000,
      chromiumCpuShareWithoutMeter: without.map(round),
      chromiumCpuShareWithMeter: withMeter.map(round),
      meterCpuShareOfOneCore: round(meterShare),
      goal: GOAL,
      withinGoal: meterShare < GOAL,
      nodeMeterCpuShareOfOneCore48kHz: round(inNode()),
      updatesPerSecond: last ? round(last.updates / SECONDS) : null,
      finalMetrics: last?.metrics ?? null,
    };
  } finally {
    await browser.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
};
