import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AddUserOutput, CreateTeamOutput } from '@shared/server/admin';
import { ConsoleLinkOutput } from '@shared/server/console';
import { ImportLeadsOutput } from '@shared/server/leads';
import Database from 'better-sqlite3';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
import { dialdeck, ok } from '../integration/server/sync-suite';
import { launchChromium } from './harness';
import { LANGS, THEMES } from './screens';

// The AE's console in Chromium against a real team server process (Debian's PostgreSQL when
// TEST_DATABASE_URL is set, else the built-in one): an invitation link sets the AE's password, the
// inbox shows the MQLs a rep's desktop handed off (a new one live, without reload), the AE accepts one
// and rejects another with a reason, and the rep's real core, after its next sync, shows both decisions.

const adminUrl = externalDatabase();
const shotsDir = process.env.DIALDECK_SHOTS_DIR ?? join(tmpdir(), 'dialdeck-e2e-shots');

describe('the team console in Chromium', { timeout: 240_000 }, () => {
  let server: ServerProcess;
  let browser: Browser;
  let teamId = '';
  let managerToken = '';
  let repDir = '';
  const leadIds = new Map<string, string>();

  beforeAll(async () => {
    mkdirSync(shotsDir, { recursive: true });
    const where = adminUrl
      ? ['--database-url', await freshDatabase(adminUrl)]
      : ['--data-dir', join(tempDir('dialdeck-e2e-console-'), 'server')];
    server = await startServerProcess(where);
    const admin = server.adminToken ?? '';
    teamId = CreateTeamOutput.parse(
      (await request(server.url, 'POST', '/v1/teams', admin, { name: 'North' })).body,
    ).teamId;
    const user = async (email: string, role: string) =>
      AddUserOutput.parse(
        (await request(server.url, 'POST', `/v1/teams/${teamId}/users`, admin, { email, role })).body,
      );
    managerToken = (await user('manager@north.example', 'manager')).token;
    const rep = await user('rep@north.example', 'rep');
    // The manager imports the call list for the rep; the rep's desktop signs in and pulls it.
    const file = join(tempDir('dialdeck-e2e-console-csv-'), 'list.csv');
    writeFileSync(
      file,
      'Name,Phone,Email,Company\nJo Park,+12025550181,jo@acme.example,Acme\nAna Ruiz,+12025550182,ana@globex.example,Globex\nBo Li,+12025550183,bo@initech.example,Initech\n',
    );
    const target = ['--team', teamId, '--server', server.url, '--token', managerToken];
    expect(
      ImportLeadsOutput.parse(
        ok(await dialdeck(['admin', 'leads', 'import', file, '--assign', 'rep@north.example', ...target])),
      ),
    ).toMatchObject({ imported: 3 });
    repDir = tempDir('dialdeck-e2e-console-rep-');
    ok(await dialdeck(['--data-dir', repDir, 'login', '--server', server.url, '--token', rep.token]));
    ok(await dialdeck(['--data-dir', repDir, 'sync']));
    for (const [id, name] of leadsOf(repDir)) leadIds.set(name, id);
    expect([...leadIds.keys()].sort()).toEqual(['Ana Ruiz', 'Bo Li', 'Jo Park']);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    if (server) await stopServer(server);
    await killServers();
    await dropDatabases();
    removeDirs();
  });

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

  const newPage = async (lang = 'en', theme = 'light'): Promise<Page> => {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 860 },
      locale: lang === 'en' ? 'en-US' : lang,
      colorScheme: theme === 'dark' ? 'dark' : 'light',
      timezoneId: 'America/New_York',
    });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    return page;
  };

  it('takes an AE from the invitation to decisions that reach the rep', async () => {
    const invite = ConsoleLinkOutput.parse(
      ok(
        await dialdeck([
          'admin',
          'invite',
          'ae@north.example',
          '--team',
          teamId,
          '--role',
          'ae',
          '--server',
          server.url,
          '--token',
          managerToken,
        ]),
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
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });

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
        await page.goto(`${server.url}/console/?lang=${lang}&theme=${theme}`);
        await page.locator('form').waitFor();
        await page.screenshot({ path: join(shotsDir, `console-sign-in-${lang}-${theme}.png`) });
        await page.locator('input[type="email"]').fill('ae@north.example');
        await page.locator('input[type="password"]').fill('north star pilot');
        await page.keyboard.press('Enter');
        await page.getByTestId('ae-record').waitFor();
        expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
        expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
        await page.getByTestId('handoff-card').first().waitFor();
        await page.screenshot({ path: join(shotsDir, `console-inbox-${lang}-${theme}.png`), fullPage: true });
        await page.context().close();
      }
    }
  });

  it("lets a manager, signed in with a token, issue a reset link and revoke an AE's session", async () => {
    const aePage = await newPage();
    await aePage.goto(`${server.url}/console/`);
    await aePage.getByRole('textbox', { name: 'Email', exact: true }).fill('ae@north.example');
    await aePage.getByLabel('Password', { exact: true }).fill('north star pilot');
    await aePage.keyboard.press('Enter');
    await aePage.getByTestId('ae-record').waitFor();

    const page = await newPage();
    await page.goto(`${server.url}/console/`);
    await page.getByRole('radio', { name: 'Token' }).check();
    await page.getByLabel('Your Dialdeck token').fill(managerToken);
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
    expect(link.startsWith(`${server.url}/console/link/`)).toBe(true);

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
