// A SIP call from the workspace, end to end: the built renderer in Chromium on the web host and a real
// store, the rep's provider set to SIP against Debian's Kamailio on loopback, and a second Chromium
// running a plain SIP.js user agent as the prospect, who answers. Both microphones play WAV files of
// known timing. The rep calls the lead with C, the call screen's live meter measures the call, the rep
// hangs up and logs the outcome with one key; the built CLI then reads the call back from the same data
// folder, and the outbox's `activity.create` mutation is checked to carry the same figures.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeFile } from '../../src/main/core/paths';
import type { HistoryEntry } from '../../src/shared/api/history';
import type { SipAccount } from '../../src/shared/api/telephony-sip';
import { mutations } from '../../src/shared/sync';
import { dialdeck, outboundLead } from '../integration/cli-run';
import { type BundledPage, serveBundledPage } from './bundledPage';
import { OPTION, openApp, openWorkspace, type Workspace, waitForText } from './harness';
import {
  callSideArgs,
  LOOP_SECONDS,
  openSipTestPage,
  requireSipTools,
  SHARE_TOLERANCE,
  TRUE_REP_SHARE,
  writeCallWavs,
} from './sip/fixtures';
import { type Kamailio, startKamailio } from './sip/kamailio';
import type { SipTestPage } from './sip/pageApi';

// The page's global, as the callbacks given to page.evaluate see it.
declare const window: { sipTest: SipTestPage };

// A Tuesday, 10:00 in New York: the lead is in its calling window.
const T0 = Date.parse('2026-11-24T15:00:00Z');
const PASSWORD = 'kamailio-call-secret';
const PROSPECT_NUMBER = '+14155550123';
const LEAD_NAME = 'Morgan Reyes';
/** Whole loops of both files the call lasts, so the share over the call is the schedule's. */
const CALL_LOOPS = 3;

let work: string;
let kamailio: Kamailio;
let prospectPage: BundledPage;
let ws: Workspace;
let leadId: string;
let prospect: Page;
const browsers: Browser[] = [];

const account = (user: string): SipAccount => ({
  websocketUrl: kamailio.websocketUrl,
  sipUri: `sip:${user}@127.0.0.1`,
  authorizationUser: user,
  displayName: '',
  password: PASSWORD,
});

beforeAll(async () => {
  requireSipTools();
  work = mkdtempSync(join(tmpdir(), 'dialdeck-sip-call-'));
  const wavs = writeCallWavs(work);
  prospectPage = await serveBundledPage('test/e2e/sip/page.ts', 'SIP prospect');
  kamailio = await startKamailio(PASSWORD);

  prospect = await openSipTestPage(prospectPage.url, wavs.prospect, browsers);
  expect(
    await prospect.evaluate(
      (sip) => window.sipTest.prospect.register(sip, 'accept', 1_000),
      account(PROSPECT_NUMBER),
    ),
  ).toBeNull();

  const started = Date.now();
  ws = await openWorkspace({
    seedDemo: false,
    now: () => T0 + (Date.now() - started),
    seed: (core) => {
      leadId = core.leads.create(outboundLead(LEAD_NAME, PROSPECT_NUMBER), { at: T0 - 3_600_000 }).id;
    },
    chromiumArgs: callSideArgs(wavs.rep),
  });
  const rep = account('rep');
  await ws.core.handlers['telephony.saveSipSettings']({
    settings: {
      websocketUrl: rep.websocketUrl,
      sipUri: rep.sipUri,
      authorizationUser: rep.authorizationUser,
      displayName: 'Dialdeck rep',
    },
    password: PASSWORD,
  });
  await ws.core.handlers['settings.update']({ callingProvider: 'sip' });
  await ws.context.grantPermissions(['microphone']);
  ws.page.on('pageerror', (error) => console.error('page error:', error.message));
  await openApp(ws.page, ws.host.url);
}, 120_000);

afterAll(async () => {
  for (const browser of browsers) await browser.close().catch(() => undefined);
  await ws?.close();
  await kamailio?.stop();
  await prospectPage?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('a SIP call from the workspace, through Kamailio to a prospect who answers', () => {
  it('dials with C, meters the talk, logs the outcome with one key, and stores and queues the figures', async () => {
    const { page } = ws;
    const callState = (state: string) => page.locator(`[data-testid="call-state"][data-state="${state}"]`);
    await page.locator(OPTION).filter({ hasText: LEAD_NAME }).first().click();
    await page.getByTestId('call-panel').waitFor();
    await waitForText(page.getByTestId('call-via'), 'SIP');
    await page.locator('body').focus();
    await page.keyboard.press('c');
    await callState('connected')
      .waitFor({ timeout: 20_000 })
      .catch(async (error: unknown) => {
        console.error(
          'DEBUG',
          await page.getByTestId('call-panel').textContent(),
          kamailio.log().slice(-3000),
        );
        throw error;
      });
    expect(await prospect.evaluate(() => window.sipTest.prospect.events())).toEqual(['invite', 'answered']);
    const connectedAt = Date.now();

    // The 70/30 timer runs on the measured figures while both sides talk.
    await page.getByTestId('talk-timer').waitFor();
    await page.waitForTimeout(CALL_LOOPS * LOOP_SECONDS * 1000 - (Date.now() - connectedAt));
    const shown = Number((await page.getByTestId('talk-share').textContent())?.replace('%', ''));
    expect(Math.abs(shown / 100 - TRUE_REP_SHARE)).toBeLessThanOrEqual(SHARE_TOLERANCE + 0.01);

    await page.getByTestId('call-hangup').click();
    await callState('ended').waitFor();
    await prospect.waitForFunction(() => window.sipTest.prospect.events().includes('ended'));
    await page.locator('body').focus();
    // One key logs the outcome: 3 is the outcome card's third, "Not interested".
    await page.keyboard.press('3');
    await page.getByTestId('outcome-result').waitFor();

    // Read back by the built CLI, another process on the same SQLite file.
    const run = dialdeck(ws.dataDir, 'history', leadId);
    expect(run.status, run.stderr).toBe(0);
    const [call] = (run.json as { activities: HistoryEntry[] }).activities;
    expect(call).toMatchObject({ kind: 'call', outcome: 'not_interested', provider: 'sip' });
    const talk = call?.talk;
    if (!talk) throw new Error('The logged call carries no talk figures.');
    console.info(
      `SIP call from the workspace: ${call?.durationSeconds} s logged; meter ${talk.durationSeconds.toFixed(2)} s, rep ${talk.repTalkSeconds.toFixed(2)} s, prospect ${talk.prospectTalkSeconds.toFixed(2)} s, share ${((talk.repTalkShare ?? 0) * 100).toFixed(1)}% (truth ${TRUE_REP_SHARE * 100}%), on screen ${shown}%`,
    );
    // The duration runs from the answer to the hang-up; the meter ran over the same stretch.
    expect(call?.durationSeconds).toBeGreaterThanOrEqual(CALL_LOOPS * LOOP_SECONDS - 1);
    expect(call?.durationSeconds).toBeLessThanOrEqual(CALL_LOOPS * LOOP_SECONDS + 6);
    expect(Math.abs(talk.durationSeconds - (call?.durationSeconds ?? 0))).toBeLessThanOrEqual(2);
    expect(talk.repTalkShare).not.toBeNull();
    expect(Math.abs((talk.repTalkShare ?? 0) - TRUE_REP_SHARE)).toBeLessThanOrEqual(SHARE_TOLERANCE);
    expect(talk.prospectTalkSeconds).toBeGreaterThan(0.5 * talk.durationSeconds);

    // The mutation that syncs the call (an `outcome.log` batch holding its `activity.create`), as the
    // server will validate it, carries the same figures.
    const db = new Database(storeFile(ws.dataDir), { readonly: true, fileMustExist: true });
    try {
      const rows = db
        .prepare<[], { args: string; state: string }>(
          `SELECT args, state FROM outbox WHERE name = 'outcome.log' ORDER BY seq`,
        )
        .all();
      const queued = rows.flatMap((row) =>
        mutations['outcome.log']
          .parse(JSON.parse(row.args))
          .changes.flatMap((change) =>
            change.name === 'activity.create' && change.args.id === call?.id
              ? [{ state: row.state, args: mutations['activity.create'].parse(change.args) }]
              : [],
          ),
      );
      expect(queued).toHaveLength(1);
      expect(queued[0]?.state).toBe('pending');
      expect(queued[0]?.args).toMatchObject({
        leadId,
        outcome: 'not_interested',
        callId: call?.callId,
        data: { durationSeconds: call?.durationSeconds, provider: 'sip', talk },
      });
    } finally {
      db.close();
    }
  });
});
