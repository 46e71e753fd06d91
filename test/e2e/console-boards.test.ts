import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_OUTCOMES } from '@shared/domain/outcome';
import { DrillPage, TeamBoard } from '@shared/server/reports';
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { signedPost } from '../integration/server/inbound-suite';
import { dialdeck, ok } from '../integration/server/sync-suite';
import { errorsOn, leadIdsOn, MANAGER_TWO_REPS_AE, SHOTS_DIR, useConsoleTeam } from './consoleHarness';
import { LANGS, THEMES } from './screens';

// The manager's boards in Chromium against a real team server process (Debian's PostgreSQL when
// TEST_DATABASE_URL is set, else the built-in one). Two reps' real desktops log calls and hand off an
// MQL through sync; inbound leads arrive through the signed webhook. The manager's team board shows
// the figures counted here from the desktops' own activity rows, a number opens the calls behind it,
// the CSV downloads; speed to lead shows a new inbound lead live; a rep's and an AE's sessions are
// refused every board. Then every board is photographed in each language and theme.

const BOARDS = [
  { path: '/team/board', name: 'team-board', ready: 'team-board' },
  { path: '/team/speed-to-lead', name: 'speed-to-lead', ready: 'speed-stats' },
  { path: '/team/sla', name: 'sla', ready: 'sla-ae' },
  { path: '/team/channels', name: 'channels', ready: 'channels-table' },
] as const;

/** Outcomes where someone answered but no conversation with the prospect took place (docs/server.md). */
const ANSWERED_ONLY = ['gatekeeper', 'wrong_number'];

type Counted = { dials: number; connects: number; conversations: number; voicemails: number; mqls: number };

/** A desktop's figures for today, counted from its own activity rows as docs/server.md defines them. */
const countedOn = (dataDir: string): Counted => {
  const db = new Database(join(dataDir, 'dialdeck.sqlite'), { readonly: true });
  const calls = db.prepare(`SELECT outcome FROM activities WHERE kind = 'call'`).all() as {
    outcome: string;
  }[];
  const handoffs = db.prepare(`SELECT COUNT(*) AS n FROM activities WHERE kind = 'handoff'`).get() as {
    n: number;
  };
  db.close();
  const conversation = new Set(DEFAULT_OUTCOMES.filter((o) => o.connected).map((o) => o.id));
  const conversations = calls.filter((c) => conversation.has(c.outcome)).length;
  return {
    dials: calls.length,
    conversations,
    connects: conversations + calls.filter((c) => ANSWERED_ONLY.includes(c.outcome)).length,
    voicemails: calls.filter((c) => c.outcome === 'voicemail').length,
    mqls: handoffs.n,
  };
};

describe("the manager's boards in Chromium", { timeout: 300_000 }, () => {
  const repDirs = new Map<string, string>();
  const world = useConsoleTeam(
    {
      label: 'boards',
      members: MANAGER_TWO_REPS_AE,
    },
    async (team) => {
      const lists: [string, string][] = [
        [
          'rep1@north.example',
          'Name,Phone,Email,Company\nJo Park,+12025550181,jo@acme.example,Acme\nAna Ruiz,+12025550182,ana@globex.example,Globex\nBo Li,+12025550183,bo@initech.example,Initech\nCy Ode,+12025550184,cy@umbrella.example,Umbrella\n',
        ],
        ['rep2@north.example', 'Name,Phone,Email,Company\nDi Moss,+12025550185,di@hooli.example,Hooli\n'],
      ];
      for (const [email, csv] of lists) {
        await team.importLeads(csv, email);
        repDirs.set(email, await team.repDesktop(email));
      }
      // Rep 1's day: a meeting booked with Jo (then handed off), a voicemail, no answer, a gatekeeper.
      const rep1 = repDirs.get('rep1@north.example') ?? '';
      const leads1 = leadIdsOn(rep1);
      for (const [name, outcome] of [
        ['Jo Park', 'meeting_booked'],
        ['Ana Ruiz', 'voicemail'],
        ['Bo Li', 'no_answer'],
        ['Cy Ode', 'gatekeeper'],
      ]) {
        ok(await dialdeck(['--data-dir', rep1, 'log', leads1.get(name ?? '') ?? '', outcome ?? '']));
      }
      ok(
        await dialdeck([
          '--data-dir',
          rep1,
          'handoff',
          leads1.get('Jo Park') ?? '',
          '--bant',
          'budget,need',
          '--note',
          'Jo wants a pilot for 40 seats',
          '--next-step',
          'Demo on Tuesday',
        ]),
      );
      expect(ok(await dialdeck(['--data-dir', rep1, 'sync']))).toMatchObject({ rejected: 0, pending: 0 });
      // Rep 2's day: one call, not answered.
      const rep2 = repDirs.get('rep2@north.example') ?? '';
      ok(await dialdeck(['--data-dir', rep2, 'log', leadIdsOn(rep2).get('Di Moss') ?? '', 'no_answer']));
      expect(ok(await dialdeck(['--data-dir', rep2, 'sync']))).toMatchObject({ rejected: 0, pending: 0 });
      // One inbound lead from the website, not called yet.
      await postInbound('Eve Stone', 'eve@inbound.example');
    },
  );

  const postInbound = async (name: string, email: string) => {
    const sent = await (
      await signedPost(world().server.url, world().teamId, world().inboundSecret, {
        name,
        email,
        sourceDetail: 'pricing form',
      })
    ).send();
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);
  };

  const newPage = (lang = 'en', theme = 'light'): Promise<Page> => world().newPage({ lang, theme });
  const signInWithToken = (page: Page, email: string) => world().signInWithToken(page, email);

  it('shows the manager the figures the desktops logged, the calls behind a number and the CSV', async () => {
    const page = await newPage();
    const errors = errorsOn(page);
    await page.goto(`${world().server.url}/console/`);
    await page.getByRole('radio', { name: 'Token' }).check();
    await page.getByLabel('Your Dialdeck token').fill(world().token('manager@north.example'));
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Team board' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/console/team/board');

    const board = page.getByTestId('team-board');
    const figure = (who: string, column: string) =>
      board.locator(`tr[data-who="${who}"] td[data-column="${column}"] .board-figure`);
    for (const rep of ['rep1@north.example', 'rep2@north.example']) {
      const counted = countedOn(repDirs.get(rep) ?? '');
      for (const [column, value] of Object.entries(counted)) {
        await expect
          .poll(() => figure(rep, column).textContent(), { message: `${rep} ${column}` })
          .toBe(String(value));
      }
    }
    const rep1 = countedOn(repDirs.get('rep1@north.example') ?? '');
    expect(rep1).toEqual({ dials: 4, connects: 2, conversations: 1, voicemails: 1, mqls: 1 });
    // Against the target, in words as well as the bar: 4 of the 60 dials a day.
    await board
      .locator('tr[data-who="rep1@north.example"] td[data-column="dials"]')
      .getByText('of 60', { exact: true })
      .waitFor();
    expect(
      await board
        .locator('tr[data-who="rep1@north.example"] td[data-column="dials"] [role="progressbar"]')
        .getAttribute('aria-valuenow'),
    ).toBe(String(Math.round((4 / 60) * 100)));
    await expect.poll(() => figure('Team', 'dials').textContent()).toBe('5');
    // The week holds today's figures too.
    await page.getByRole('button', { name: 'This week' }).click();
    await expect.poll(() => figure('rep1@north.example', 'dials').textContent()).toBe('4');
    await page.getByRole('button', { name: 'Today' }).click();

    // One click (here: the keyboard) from a number to the calls behind it.
    await figure('rep1@north.example', 'dials').focus();
    await page.keyboard.press('Enter');
    const drill = page.getByTestId('drill-dialog');
    await drill.getByTestId('drill-row').first().waitFor();
    expect(await drill.getByTestId('drill-row').count()).toBe(4);
    const leadsShown = (
      await drill.getByTestId('drill-row').locator('td:nth-child(2)').allTextContents()
    ).sort();
    expect(leadsShown).toEqual(['Ana Ruiz', 'Bo Li', 'Cy Ode', 'Jo Park']);
    // Times on the team's clock (its report time zone), not the browser's (New York here).
    const bearer = { authorization: `Bearer ${world().token('manager@north.example')}` };
    const shown = TeamBoard.parse(
      await (
        await page.request.get(`${world().server.url}/v1/reports/team-board`, { headers: bearer })
      ).json(),
    );
    const rep1Id = shown.reps.find((r) => r.email === 'rep1@north.example')?.userId ?? '';
    const behind = DrillPage.parse(
      await (
        await page.request.get(
          `${world().server.url}/v1/reports/activities?metric=dials&from=${shown.today.from}&to=${shown.today.to}&userId=${rep1Id}`,
          { headers: bearer },
        )
      ).json(),
    );
    expect(behind.timeZone).toBe(shown.timeZone);
    await drill.getByRole('columnheader', { name: `When (${shown.timeZone})` }).waitFor();
    const onClock = (zone: string) =>
      page.evaluate(
        ([times, timeZone]) =>
          times.map((at) =>
            new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(
              at,
            ),
          ),
        [behind.items.map((item) => item.occurredAt), zone] as const,
      );
    const whenShown = await drill.getByTestId('drill-when').allTextContents();
    expect(whenShown).toEqual(await onClock(shown.timeZone));
    expect(whenShown).not.toEqual(await onClock('America/New_York'));
    await page.keyboard.press('Escape');
    await drill.waitFor({ state: 'detached' });
    await figure('rep1@north.example', 'mqls').click();
    await expect.poll(() => drill.getByTestId('drill-row').count()).toBe(1);
    await drill.getByText('Jo Park').waitFor();
    await drill.getByRole('button', { name: 'Close' }).click();

    // The 90-day trend: a chart and the same figures as a table; today's team dials are the last row.
    await page.locator('.trend__chart canvas').waitFor();
    await page.getByText('Show the figures as a table').click();
    const lastDay = page.locator('.trend__table tbody tr').last();
    expect(await page.locator('.trend__table tbody tr').count()).toBe(90);
    expect(await lastDay.locator('td').textContent()).toBe('5');

    // "Download CSV" downloads the board with a row per rep.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('download-csv').click(),
    ]);
    const csv = readFileSync((await download.path()) ?? '', 'utf8');
    expect(csv).toContain('rep1@north.example');
    expect(csv).toContain('rep2@north.example');

    // Speed to lead: the inbound lead waits; a new one appears live, without a reload.
    await page.getByRole('link', { name: 'Speed to lead' }).click();
    const waiting = page.getByTestId('waiting-row');
    await waiting.filter({ hasText: 'Eve Stone' }).waitFor();
    await postInbound('Fay Wu', 'fay@inbound.example');
    await expect.poll(() => waiting.count(), { timeout: 10_000 }).toBe(2);
    await waiting.filter({ hasText: 'Fay Wu' }).waitFor();

    // The SLA board: Jo's hand-off open with the AE, about 48 hours left, the AE in rotation.
    await page.getByRole('link', { name: 'SLA board' }).click();
    const ae = page.locator('[data-testid="sla-ae"][data-who="ae@north.example"]');
    await ae
      .getByTestId('sla-handoff')
      .filter({ hasText: 'Jo Park' })
      .getByText(/^(47 h|48 h|1 d 23 h|2 d 0 h)/)
      .waitFor();
    await ae.getByText('In rotation').waitFor();

    // Results by source channel: the imported list and the website's inbound leads.
    await page.getByRole('link', { name: 'Channels' }).click();
    await page.getByTestId('channels-table').waitFor();
    const directions = page.getByTestId('directions-table');
    await expect
      .poll(() =>
        directions.locator('tr', { hasText: 'Outbound' }).locator('td[data-column="leads"]').textContent(),
      )
      .toBe('5');
    await expect
      .poll(() =>
        directions.locator('tr', { hasText: 'Inbound' }).locator('td[data-column="leads"]').textContent(),
      )
      .toBe('2');
    // The signed-out session check before the sign-in is a 401 the page expects.
    expect(errors.filter((text) => !text.includes('status of 401'))).toEqual([]);
    await page.context().close();
  });

  it("refuses a rep's and an AE's session every board, on the page and request by request", async () => {
    for (const email of ['rep1@north.example', 'ae@north.example']) {
      const page = await newPage();
      await signInWithToken(page, email);
      for (const board of BOARDS) {
        await page.goto(`${world().server.url}/console${board.path}`);
        // A rep has no console page at all, so is told where reps work instead of pointed at a menu.
        await page
          .getByText(
            email.startsWith('rep')
              ? 'The team console is for AEs and managers.'
              : 'This page is for another role. Use the pages in the console menu.',
            { exact: false },
          )
          .waitFor();
        expect(await page.getByTestId(board.ready).count()).toBe(0);
      }
      expect(await page.getByRole('link', { name: 'Team board' }).count()).toBe(0);
      for (const path of [
        '/v1/reports/team-board',
        '/v1/reports/trend?days=90',
        '/v1/reports/speed-to-lead',
        '/v1/reports/sla',
        '/v1/reports/channels',
        '/v1/reports/team-board?format=csv',
      ]) {
        const status = await page.evaluate(async (url) => (await fetch(url)).status, path);
        expect(status, `${email} ${path}`).toBe(403);
      }
      await page.context().close();
    }
  });

  it('looks right in every language and theme (screenshots of every board)', async () => {
    for (const lang of LANGS) {
      for (const theme of THEMES) {
        const page = await newPage(lang, theme);
        await signInWithToken(page, 'manager@north.example');
        for (const board of BOARDS) {
          await page.goto(`${world().server.url}/console${board.path}?lang=${lang}&theme=${theme}`);
          await page.getByTestId(board.ready).first().waitFor();
          if (board.name === 'team-board') await page.locator('.trend__chart canvas').waitFor();
          expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
          expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
          await page.screenshot({
            path: join(SHOTS_DIR, `console-${board.name}-${lang}-${theme}.png`),
            fullPage: true,
          });
        }
        await page.goto(`${world().server.url}/console/team/board?lang=${lang}&theme=${theme}`);
        await page.locator('tr[data-who="rep1@north.example"] td[data-column="dials"] .board-figure').click();
        await page.getByTestId('drill-row').first().waitFor();
        await page.screenshot({
          path: join(SHOTS_DIR, `console-drill-${lang}-${theme}.png`),
          animations: 'disabled',
        });
        await page.context().close();
      }
    }
  });
});
