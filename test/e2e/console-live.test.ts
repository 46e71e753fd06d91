import { join } from 'node:path';
import { AddUserOutput, CreateTeamOutput } from '@shared/server/admin';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../src/renderer/src/i18n/resources/en';
import { ko } from '../../src/renderer/src/i18n/resources/ko';
import {
  dropDatabases,
  externalDatabase,
  freshDatabase,
  killServers,
  removeDirs,
  request,
  type ServerProcess,
  startServerProcess,
  stopServer,
  tempDir,
} from '../integration/server/server-process';
import { launchChromium } from './harness';

// The console kept current without a reload, in Chromium against a real team server process (Debian's
// PostgreSQL when TEST_DATABASE_URL is set, else the built-in one): two managers on the Rotation &
// shifts page, where one's rotation and shift changes appear on the other's page; and the
// do-not-contact page telling a value added twice apart from a new one, in English and Korean.

const adminUrl = externalDatabase();

describe('the console kept current in Chromium', { timeout: 300_000 }, () => {
  let server: ServerProcess;
  let browser: Browser;
  let teamId = '';
  const tokens = new Map<string, string>();

  beforeAll(async () => {
    const where = adminUrl
      ? ['--database-url', await freshDatabase(adminUrl)]
      : ['--data-dir', join(tempDir('dialdeck-e2e-live-'), 'server')];
    server = await startServerProcess(where);
    const admin = server.adminToken ?? '';
    teamId = CreateTeamOutput.parse(
      (await request(server.url, 'POST', '/v1/teams', admin, { name: 'North' })).body,
    ).teamId;
    for (const [email, role] of [
      ['ines@north.example', 'manager'],
      ['omar@north.example', 'manager'],
      ['ana@north.example', 'rep'],
      ['bo@north.example', 'rep'],
    ] as const) {
      const added = AddUserOutput.parse(
        (await request(server.url, 'POST', `/v1/teams/${teamId}/users`, admin, { email, role })).body,
      );
      tokens.set(email, added.token);
    }
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    if (server) await stopServer(server);
    await killServers();
    await dropDatabases();
    removeDirs();
  });

  /** A page of its own browser context (its own session cookie), signed in with `email`'s token. */
  const signedInPage = async (email: string, lang = 'en'): Promise<Page> => {
    const context = await browser.newContext({
      viewport: { width: 1440, height: 900 },
      locale: lang === 'en' ? 'en-US' : lang,
      timezoneId: 'America/New_York',
    });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const answer = await page.request.post(`${server.url}/v1/console/sign-in`, {
      data: { token: tokens.get(email) ?? '' },
    });
    expect(answer.status(), await answer.text()).toBe(200);
    return page;
  };

  const errorsOn = (page: Page): string[] => {
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    return errors;
  };

  it("shows one manager's rotation and shift changes on another manager's open page without a reload", async () => {
    const ines = await signedInPage('ines@north.example');
    const omar = await signedInPage('omar@north.example');
    const omarErrors = errorsOn(omar);
    for (const page of [ines, omar]) {
      await page.goto(`${server.url}/console/team/rotation`);
      await expect.poll(() => page.getByTestId('rotation-row').count()).toBe(2);
    }
    // A mark on Omar's page that a reload would wipe.
    await omar.evaluate(() => {
      (window as unknown as { keptOpen: boolean }).keptOpen = true;
    });
    const anaSwitch = (page: Page) => page.getByRole('switch', { name: 'ana@north.example in rotation' });
    await expect.poll(() => anaSwitch(omar).isChecked()).toBe(true);

    // Ines takes Ana out of rotation on her page: Omar's switch follows.
    await anaSwitch(ines).click();
    await ines.getByTestId('rotation-notice').waitFor();
    await expect.poll(() => anaSwitch(omar).isChecked(), { timeout: 5_000 }).toBe(false);

    // Ines gives Bo a shift (here through the API her page uses): Omar's row shows it.
    const shift = await request(
      server.url,
      'POST',
      `/v1/teams/${teamId}/shifts`,
      tokens.get('ines@north.example'),
      {
        email: 'bo@north.example',
        days: ['mon', 'tue', 'wed', 'thu', 'fri'],
        from: '08:30',
        to: '16:45',
        timeZone: 'Europe/Berlin',
      },
    );
    expect(shift.status).toBe(200);
    const boRow = omar.getByTestId('rotation-row').filter({ hasText: 'bo@north.example' });
    await expect.poll(() => boRow.textContent(), { timeout: 5_000 }).toContain('08:30–16:45 (Europe/Berlin)');

    // And takes it away again, then puts Ana back.
    const removed = await request(
      server.url,
      'DELETE',
      `/v1/teams/${teamId}/shifts/bo@north.example`,
      tokens.get('ines@north.example'),
    );
    expect(removed.status).toBe(200);
    await expect.poll(() => boRow.textContent(), { timeout: 5_000 }).toContain(en.console.rotation.noShift);
    await anaSwitch(ines).click();
    await expect.poll(() => anaSwitch(omar).isChecked(), { timeout: 5_000 }).toBe(true);

    expect(await omar.evaluate(() => (window as unknown as { keptOpen?: boolean }).keptOpen)).toBe(true);
    expect(omarErrors).toEqual([]);
  });

  it('says a do-not-contact value was on the list already instead of "Added", in English and Korean', async () => {
    const cases = [
      { lang: 'en', typed: 'acme.example', again: '@ACME.example', stored: 'acme.example' },
      {
        lang: 'ko',
        typed: 'bücher.example',
        again: 'XN--BCHER-KVA.example',
        stored: 'xn--bcher-kva.example',
      },
    ];
    for (const { lang, typed, again, stored } of cases) {
      const words = (lang === 'en' ? en : ko).console.definitions.dnc;
      const page = await signedInPage('ines@north.example', lang);
      await page.goto(`${server.url}/console/team/dnc`);
      await page.getByTestId('dnc-kind').selectOption('domain');
      await page.getByTestId('dnc-value').fill(typed);
      await page.getByTestId('dnc-submit').click();
      await expect
        .poll(() => page.getByTestId('dnc-notice').textContent())
        .toBe(words.added.replace('{{value}}', stored));
      await page.getByTestId('dnc-row').filter({ hasText: stored }).waitFor();

      await page.getByTestId('dnc-value').fill(again);
      await page.getByTestId('dnc-submit').click();
      await expect
        .poll(() => page.getByTestId('dnc-notice').textContent())
        .toBe(words.alreadyListed.replace('{{value}}', stored));
      await expect.poll(() => page.getByTestId('dnc-row').filter({ hasText: stored }).count()).toBe(1);

      // A malformed domain is refused and listed nowhere.
      const rows = await page.getByTestId('dnc-row').count();
      await page.getByTestId('dnc-value').fill('-bad.example');
      await page.getByTestId('dnc-submit').click();
      await page.getByTestId('dnc-error').waitFor();
      expect(await page.getByTestId('dnc-row').count()).toBe(rows);
      await page.context().close();
    }
  });
});
