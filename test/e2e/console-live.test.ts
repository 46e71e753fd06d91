import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { en } from '../../src/renderer/src/i18n/resources/en';
import { ko } from '../../src/renderer/src/i18n/resources/ko';
import { request } from '../integration/server/server-process';
import { errorsOn, useConsoleTeam } from './consoleHarness';

// The console kept current without a reload, in Chromium against a real team server process (Debian's
// PostgreSQL when TEST_DATABASE_URL is set, else the built-in one): two managers on the Rotation &
// shifts page, where one's rotation and shift changes appear on the other's page; and the
// do-not-contact page telling a value added twice apart from a new one, in English and Korean.

describe('the console kept current in Chromium', { timeout: 300_000 }, () => {
  const world = useConsoleTeam({
    label: 'live',
    members: [
      ['ines@north.example', 'manager'],
      ['omar@north.example', 'manager'],
      ['ana@north.example', 'rep'],
      ['bo@north.example', 'rep'],
    ],
  });

  /** A page of its own browser context (its own session cookie), signed in with `email`'s token. */
  const signedInPage = async (email: string, lang = 'en'): Promise<Page> => {
    const page = await world().newPage({ lang });
    await world().signInWithToken(page, email);
    return page;
  };

  it("shows one manager's rotation and shift changes on another manager's open page without a reload", async () => {
    const ines = await signedInPage('ines@north.example');
    const omar = await signedInPage('omar@north.example');
    const omarErrors = errorsOn(omar);
    for (const page of [ines, omar]) {
      await page.goto(`${world().server.url}/console/team/rotation`);
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
      world().server.url,
      'POST',
      `/v1/teams/${world().teamId}/shifts`,
      world().token('ines@north.example'),
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
      world().server.url,
      'DELETE',
      `/v1/teams/${world().teamId}/shifts/bo@north.example`,
      world().token('ines@north.example'),
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
      await page.goto(`${world().server.url}/console/team/dnc`);
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
