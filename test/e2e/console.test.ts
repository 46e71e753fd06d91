import { join } from 'node:path';
import { ConsoleLinkOutput } from '@shared/server/console';
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { en } from '../../src/renderer/src/i18n/resources/en';
import { ko } from '../../src/renderer/src/i18n/resources/ko';
import { zhCN } from '../../src/renderer/src/i18n/resources/zh-CN';
import { dialdeck, ok } from '../integration/server/sync-suite';
import { errorsOn, SHOTS_DIR, useConsoleTeam } from './consoleHarness';
import { LANGS, THEMES } from './screens';

// The AE's console in Chromium against a real team server process (Debian's PostgreSQL when
// TEST_DATABASE_URL is set, else the built-in one): an invitation link sets the AE's password, the
// inbox shows the MQLs a rep's desktop handed off (a new one live, without reload), the AE accepts one
// and rejects another with a reason, and the rep's real core, after its next sync, shows both decisions.

describe('the team console in Chromium', { timeout: 240_000 }, () => {
  let repDir = '';
  const leadIds = new Map<string, string>();
  const world = useConsoleTeam(
    {
      label: 'console',
      members: [
        ['manager@north.example', 'manager'],
        ['rep@north.example', 'rep'],
      ],
      viewport: { width: 1280, height: 860 },
    },
    async (team) => {
      // The manager imports the call list for the rep; the rep's desktop signs in and pulls it.
      expect(
        await team.importLeads(
          'Name,Phone,Email,Company\nJo Park,+12025550181,jo@acme.example,Acme\nAna Ruiz,+12025550182,ana@globex.example,Globex\nBo Li,+12025550183,bo@initech.example,Initech\n',
          'rep@north.example',
        ),
      ).toMatchObject({ imported: 3 });
      repDir = await team.repDesktop('rep@north.example');
      for (const [id, name] of leadsOf(repDir)) leadIds.set(name, id);
      expect([...leadIds.keys()].sort()).toEqual(['Ana Ruiz', 'Bo Li', 'Jo Park']);
    },
  );

  /** The rep's desktop hands `name` off as an MQL (BANT: budget and need) and syncs. */
  const handOff = async (name: string) => {
    ok(
      await dialdeck([
        '--data-dir',
        repDir,
        'handoff',
        leadIds.get(name) ?? '',
        '--bant',
        'budget,need',
        '--note',
        `${name} wants a pilot for 40 seats`,
        '--next-step',
        'Demo on Tuesday',
      ]),
    );
    expect(ok(await dialdeck(['--data-dir', repDir, 'sync']))).toMatchObject({ rejected: 0, pending: 0 });
  };

  const newPage = (lang = 'en', theme = 'light'): Promise<Page> => world().newPage({ lang, theme });

  it('takes an AE from the invitation to decisions that reach the rep', async () => {
    const invite = ConsoleLinkOutput.parse(
      ok(
        await dialdeck(['admin', 'invite', 'ae@north.example', '--role', 'ae', ...world().asManagerFlags()]),
      ),
    );
    // The rep called Jo first (the lead's history on the server), then handed Jo off: routed to the
    // team's one AE, waiting before the AE first signs in.
    ok(
      await dialdeck([
        '--data-dir',
        repDir,
        'log',
        leadIds.get('Jo Park') ?? '',
        'no_answer',
        '--note',
        'Rang out twice',
      ]),
    );
    await handOff('Jo Park');
    const page = await newPage();
    const errors = errorsOn(page);

    // The invitation link: a password too short is refused on the page; a good one signs the AE in.
    await page.goto(invite.link);
    await page.getByRole('heading', { name: 'Set your console password' }).waitFor();
    await page.getByText('For ae@north.example on the team North.').waitFor();
    await page.getByLabel('New password').fill('short');
    await page.getByLabel('Repeat the password').fill('short');
    await page.getByRole('button', { name: 'Set password and sign in' }).click();
    await page.getByText('The password needs at least 10 characters.').waitFor();
    await page.getByLabel('New password').fill('north star pilot');
    await page.getByLabel('Repeat the password').fill('north star pilot');
    await page.getByRole('button', { name: 'Set password and sign in' }).click();
    await page.getByRole('heading', { name: 'Hand-off inbox' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/console/inbox');
    // An AE's nav: one section, their hand-offs, with the inbox marked as the open page.
    const aeNav = page.getByRole('navigation').getByRole('list', { name: 'Hand-offs', exact: true });
    expect(await aeNav.getByRole('link').allTextContents()).toEqual(['Inbox']);
    expect(await aeNav.getByRole('link').getAttribute('aria-current')).toBe('page');
    // The session cookie is not readable by the page's scripts.
    expect(await page.evaluate(() => document.cookie)).not.toContain('dialdeck_console');

    // Sign out, then in again with email and password, submitted from the keyboard.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in to the team console' }).waitFor();
    await page.getByRole('textbox', { name: 'Email', exact: true }).fill('ae@north.example');
    await page.getByLabel('Password', { exact: true }).fill('wrong password');
    await page.keyboard.press('Enter');
    await page
      .getByRole('alert')
      .getByText(/The email and password do not match/)
      .waitFor();
    await page.getByLabel('Password', { exact: true }).fill('north star pilot');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Hand-off inbox' }).waitFor();

    const cards = page.getByTestId('handoff-card');
    const jo = cards.filter({ hasText: 'Jo Park' });
    await jo.getByText('Jo Park wants a pilot for 40 seats').waitFor();
    await jo.getByText(/4[78] h \d+ min left/).waitFor();
    await jo
      .getByText(/of \d+ profile items filled/)
      .first()
      .waitFor();
    await jo.getByText('Budget confirmed').waitFor();
    // A new hand-off appears live, without a reload.
    await handOff('Bo Li');
    await expect.poll(() => cards.count(), { timeout: 10_000 }).toBe(2);
    const bo = cards.filter({ hasText: 'Bo Li' });

    // The lead's history opens on demand: the call the rep logged, with its note.
    await jo.getByRole('button', { name: 'Show history' }).click();
    await jo.getByRole('button', { name: 'Hide history' }).waitFor();
    await jo.getByText('Call · No answer').waitFor();
    await jo.getByText(/Rang out twice/).waitFor();

    // Accept Jo; reject Bo with a reason (an empty reason is refused in the dialog).
    await jo.getByRole('button', { name: 'Accept as SQL' }).click();
    await cards.filter({ hasText: 'Jo Park' }).getByText('Accepted (SQL)').waitFor();
    await bo.getByRole('button', { name: 'Reject…' }).click();
    const dialog = page.getByTestId('reject-dialog');
    await dialog.getByRole('button', { name: 'Reject MQL' }).click();
    await dialog.getByText('Give a reason: the rep needs it to nurture the lead.').waitFor();
    await dialog.getByLabel('Reason (the rep reads it)').fill('No budget before next fiscal year');
    await dialog.getByRole('button', { name: 'Reject MQL' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('No MQLs are waiting for you.').waitFor();
    const record = page.getByTestId('ae-record');
    const figure = (label: string) =>
      record
        .locator('div')
        .filter({ has: page.getByText(label, { exact: true }) })
        .locator('dd');
    await expect.poll(() => figure('Accepted').textContent()).toBe('1');
    await expect.poll(() => figure('Rejected').textContent()).toBe('1');
    expect(await figure('Open hand-offs').textContent()).toBe('0');

    // The rep's desktop, after its next sync, has both decisions.
    ok(await dialdeck(['--data-dir', repDir, 'sync']));
    const statuses = leadsOf(repDir, true);
    expect(statuses.get(leadIds.get('Jo Park') ?? '')).toBe('sql');
    expect(statuses.get(leadIds.get('Bo Li') ?? '')).toBe('nurture');
    const decisions = decisionsOf(repDir);
    expect(decisions.get(leadIds.get('Jo Park') ?? '')).toEqual({ decision: 'accepted', note: null });
    expect(decisions.get(leadIds.get('Bo Li') ?? '')).toEqual({
      decision: 'rejected',
      note: 'No budget before next fiscal year',
    });
    // The refused sign-ins and the signed-out session checks are 401 answers the page expects.
    expect(errors.filter((text) => !text.includes('status of 401'))).toEqual([]);
    await page.context().close();
  });

  it('looks right in every language and theme (screenshots of sign-in and the inbox)', async () => {
    // One MQL waiting, so the inbox shows its SLA clock, BANT and profile in every screenshot.
    await handOff('Ana Ruiz');
    for (const lang of LANGS) {
      for (const theme of THEMES) {
        const page = await newPage(lang, theme);
        await page.goto(`${world().server.url}/console/?lang=${lang}&theme=${theme}`);
        await page.locator('form').waitFor();
        await page.screenshot({ path: join(SHOTS_DIR, `console-sign-in-${lang}-${theme}.png`) });
        await page.locator('input[type="email"]').fill('ae@north.example');
        await page.locator('input[type="password"]').fill('north star pilot');
        await page.keyboard.press('Enter');
        await page.getByTestId('ae-record').waitFor();
        expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
        expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
        await page.getByTestId('handoff-card').first().waitFor();
        await page.screenshot({
          path: join(SHOTS_DIR, `console-inbox-${lang}-${theme}.png`),
          fullPage: true,
        });
        await page.context().close();
      }
    }
  });

  it("groups a manager's pages in one keyboard nav that no language, theme or width wraps", async () => {
    const sections = [
      { key: 'reports', pages: ['/team/board', '/team/speed-to-lead', '/team/sla', '/team/channels'] },
      { key: 'team', pages: ['/team/leads', '/team/rotation', '/team/members', '/team/sessions'] },
      { key: 'playbook', pages: ['/team/scripts', '/team/cadences', '/team/outcomes', '/team/dnc'] },
    ] as const;
    const allPages = sections.flatMap((section) => [...section.pages]);
    const groupsIn = { en, 'zh-CN': zhCN, ko } as const;
    for (const width of [1280, 1024]) {
      for (const lang of LANGS) {
        for (const theme of THEMES) {
          const page = await world().newPage({ lang, theme, viewport: { width, height: 800 } });
          await world().signInWithToken(page, 'manager@north.example');
          await page.goto(`${world().server.url}/console/team/members?lang=${lang}&theme=${theme}`);
          await page.getByTestId('member-row').first().waitFor();
          const nav = page.getByRole('navigation');
          // Three labelled sections of four pages, in this order, each link to its own address.
          const groups = groupsIn[lang as keyof typeof groupsIn].console.nav.groups;
          for (const section of sections) {
            const list = nav.getByRole('list', { name: groups[section.key], exact: true });
            expect(
              await list.getByRole('link').evaluateAll((links) => links.map((a) => a.getAttribute('href'))),
            ).toEqual(section.pages.map((path) => `/console${path}`));
          }
          const links = nav.getByRole('link');
          expect(await links.count()).toBe(allPages.length);
          // The open page, and only it, is marked current.
          expect(
            await nav
              .locator('a[aria-current="page"]')
              .evaluateAll((found) => found.map((a) => a.getAttribute('href'))),
          ).toEqual(['/console/team/members']);
          // No link wraps onto a second line, and the nav stays beside the page, not over it.
          const boxes = await links.evaluateAll((found) =>
            found.map((a) => {
              const box = a.getBoundingClientRect();
              const style = getComputedStyle(a);
              return {
                height: box.height,
                right: box.right,
                padding: Number.parseFloat(style.paddingTop) * 2,
                line: Number.parseFloat(style.lineHeight) || Number.parseFloat(style.fontSize) * 1.5,
              };
            }),
          );
          for (const box of boxes) expect(box.height).toBeLessThan(box.padding + box.line * 1.5);
          const main = await page.locator('#console-main').boundingBox();
          expect(main?.x ?? 0).toBeGreaterThanOrEqual(Math.max(...boxes.map((box) => box.right)));
          expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
          await page.screenshot({ path: join(SHOTS_DIR, `console-nav-${width}-${lang}-${theme}.png`) });
          await page.context().close();
        }
      }
    }

    // The keyboard: Tab reaches the nav; arrows, Home and End move through it with a visible focus;
    // Enter opens the page, which becomes the current one.
    const page = await newPage();
    await world().signInWithToken(page, 'manager@north.example');
    await page.goto(`${world().server.url}/console/team/board`);
    await page.getByRole('heading', { name: 'Team board' }).waitFor();
    const focused = () =>
      page.evaluate(() => {
        const active = document.activeElement;
        return {
          href: active?.getAttribute('href') ?? null,
          outline: active ? getComputedStyle(active).outlineStyle : 'none',
        };
      });
    for (let tab = 0; tab < 12 && (await focused()).href !== '/console/team/board'; tab += 1) {
      await page.keyboard.press('Tab');
    }
    expect((await focused()).href).toBe('/console/team/board');
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toEqual({ href: '/console/team/speed-to-lead', outline: 'solid' });
    await page.keyboard.press('End');
    expect((await focused()).href).toBe(`/console${allPages.at(-1)}`);
    await page.keyboard.press('ArrowDown');
    expect((await focused()).href).toBe('/console/team/board');
    await page.keyboard.press('ArrowUp');
    expect((await focused()).href).toBe('/console/team/dnc');
    await page.keyboard.press('Home');
    for (let step = 0; step < allPages.indexOf('/team/rotation'); step += 1)
      await page.keyboard.press('ArrowDown');
    expect((await focused()).href).toBe('/console/team/rotation');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Rotation & shifts' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/console/team/rotation');
    expect(await page.getByRole('link', { name: 'Rotation & shifts' }).getAttribute('aria-current')).toBe(
      'page',
    );
    expect(await page.getByRole('link', { name: 'Team board' }).getAttribute('aria-current')).toBeNull();
    await page.context().close();
  });

  it("lets a manager, signed in with a token, issue a reset link and revoke an AE's session", async () => {
    const aePage = await newPage();
    await aePage.goto(`${world().server.url}/console/`);
    await aePage.getByRole('textbox', { name: 'Email', exact: true }).fill('ae@north.example');
    await aePage.getByLabel('Password', { exact: true }).fill('north star pilot');
    await aePage.keyboard.press('Enter');
    await aePage.getByTestId('ae-record').waitFor();

    const page = await newPage();
    await page.goto(`${world().server.url}/console/`);
    await page.getByRole('radio', { name: 'Token' }).check();
    await page.getByLabel('Your Dialdeck token').fill(world().token('manager@north.example'));
    await page.keyboard.press('Enter');
    // A manager starts on the team board; the sessions page is in the nav.
    await page.getByRole('heading', { name: 'Team board' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/console/team/board');
    await page.getByRole('link', { name: 'Sessions' }).click();
    await page.getByRole('heading', { name: 'Console sessions' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/console/team/sessions');
    // The AE's inbox is not a manager's page.
    await expect.poll(() => page.getByRole('link', { name: 'Inbox' }).count()).toBe(0);

    await page.getByLabel('Team member’s email').fill('ae@north.example');
    await page.getByRole('button', { name: 'Create reset link' }).click();
    const link = (await page.getByTestId('reset-link').locator('code').textContent()) ?? '';
    expect(link.startsWith(`${world().server.url}/console/link/`)).toBe(true);

    // Revoking every AE session signs the AE's browser out: its next read is refused.
    const rows = page.getByTestId('session-row').filter({ hasText: 'ae@north.example' });
    await expect.poll(() => rows.count()).toBeGreaterThan(0);
    while ((await rows.count()) > 0) {
      const before = await rows.count();
      await rows.first().getByRole('button', { name: 'Revoke' }).click();
      await expect.poll(() => rows.count()).toBe(before - 1);
    }
    await aePage.reload();
    await aePage.getByRole('heading', { name: 'Sign in to the team console' }).waitFor();

    // The reset link sets a new password once; the AE signs in with it.
    await aePage.goto(link);
    await aePage.getByRole('heading', { name: 'Choose a new password' }).waitFor();
    await aePage.getByLabel('New password').fill('south star pilot');
    await aePage.getByLabel('Repeat the password').fill('south star pilot');
    await aePage.getByRole('button', { name: 'Set password and sign in' }).click();
    await aePage.getByTestId('ae-record').waitFor();
    await aePage.goto(link);
    await aePage
      .getByRole('alert')
      .getByText(/This console link was used already/)
      .waitFor();
    await page.context().close();
    await aePage.context().close();
  });
});

/** The rep's synced leads: id → name (or id → status with `statuses`). */
function leadsOf(dataDir: string, statuses = false): Map<string, string> {
  const db = new Database(join(dataDir, 'dialdeck.sqlite'), { readonly: true });
  const rows = db.prepare('SELECT id, name, status FROM leads WHERE is_demo = 0').all() as {
    id: string;
    name: string;
    status: string;
  }[];
  db.close();
  return new Map(rows.map((r) => [r.id, statuses ? r.status : r.name]));
}

/** The AE decisions the rep's desktop recorded, by lead: the decision and the AE's reason. */
function decisionsOf(dataDir: string): Map<string, { decision: string; note: string | null }> {
  const db = new Database(join(dataDir, 'dialdeck.sqlite'), { readonly: true });
  const rows = db
    .prepare(
      `SELECT lead_id, body AS note, json_extract(data, '$.decision') AS decision FROM activities
        WHERE kind = 'status_change' AND json_extract(data, '$.decision') IS NOT NULL`,
    )
    .all() as { lead_id: string; note: string | null; decision: string }[];
  db.close();
  return new Map(rows.map((r) => [r.lead_id, { decision: r.decision, note: r.note }]));
}
