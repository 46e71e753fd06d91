import { join } from 'node:path';
import { TeamUsersOutput } from '@shared/server/admin';
import { TeamLeadsOutput } from '@shared/server/leads';
import { TeamRotationOutput } from '@shared/server/shifts';
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { request } from '../integration/server/server-process';
import { dialdeck, ok } from '../integration/server/sync-suite';
import { errorsOn, MANAGER_TWO_REPS_AE, SHOTS_DIR, useConsoleTeam } from './consoleHarness';
import { LANGS, THEMES } from './screens';

// The manager's assignment pages in Chromium against a real team server process (Debian's PostgreSQL
// when TEST_DATABASE_URL is set, else the built-in one): a lead found by search and reassigned, three
// chosen by keyboard and reassigned at once (the reps' real desktops then agree after a sync), a team
// script edited here reaching the rep's desktop on its next sync beside the leads moved to them, a rep
// taken out of rotation, a shift set through the dialog and removed, a member invited with a link to
// hand over; a rep's and an AE's sessions get no assignment page. Then each page is photographed in
// each language and theme.

const PAGES = [
  { path: '/team/leads', name: 'leads', ready: 'lead-row' },
  { path: '/team/rotation', name: 'rotation', ready: 'rotation-row' },
  { path: '/team/members', name: 'members', ready: 'member-row' },
] as const;

const CALL_LIST = [
  'Name,Phone,Email,Company',
  'Jo Park,+12025550181,jo@acme.example,Acme',
  'Ana Ruiz,+12025550182,ana@globex.example,Globex',
  'Bo Li,+12025550183,bo@initech.example,Initech',
  'Cy Ode,+12025550184,cy@umbrella.example,Umbrella',
  '陈晓明,+8613800138001,chen@shunda.example,顺达物流',
  '박서연,+821012345678,park@hanbit.example,한빛물류',
  'Di Moss,+12025550185,di@hooli.example,Hooli',
  'Eve Stone,+12025550186,eve@stark.example,Stark',
].join('\n');

/** The names of the team's leads a desktop store holds (demo leads left out), sorted. */
const namesOn = (dataDir: string): string[] => {
  const db = new Database(join(dataDir, 'dialdeck.sqlite'), { readonly: true });
  const names = db
    .prepare('SELECT name FROM leads WHERE is_demo = 0 ORDER BY name')
    .pluck()
    .all() as string[];
  db.close();
  return names;
};

describe("the manager's assignment pages in Chromium", { timeout: 300_000 }, () => {
  const repDirs = new Map<string, string>();
  const world = useConsoleTeam(
    {
      label: 'assign',
      members: MANAGER_TWO_REPS_AE,
    },
    async (team) => {
      await team.importLeads(CALL_LIST, 'rep1@north.example');
      for (const email of ['rep1@north.example', 'rep2@north.example']) {
        repDirs.set(email, await team.repDesktop(email));
      }
      expect(namesOn(repDirs.get('rep1@north.example') ?? '')).toHaveLength(8);
    },
  );

  const newPage = (lang = 'en', theme = 'light'): Promise<Page> => world().newPage({ lang, theme });
  const signInWithToken = (page: Page, email: string) => world().signInWithToken(page, email);

  const asManager = async <T>(path: string, schema: { parse: (value: unknown) => T }): Promise<T> =>
    schema.parse(
      (
        await request(
          world().server.url,
          'GET',
          `/v1/teams/${world().teamId}${path}`,
          world().token('manager@north.example'),
        )
      ).body,
    );

  const ownersByName = async (): Promise<Map<string, string | null>> =>
    new Map((await asManager('/leads', TeamLeadsOutput)).leads.map((lead) => [lead.name, lead.ownerEmail]));

  it('reassigns one lead found by search and three chosen by keyboard; the desktops agree after a sync', async () => {
    const page = await newPage();
    const errors = errorsOn(page);
    await signInWithToken(page, 'manager@north.example');
    await page.goto(`${world().server.url}/console/team/board`);
    await page.getByRole('navigation').getByRole('link', { name: 'Leads' }).click();
    await page.getByRole('heading', { name: 'Leads' }).waitFor();
    await expect.poll(() => page.getByTestId('lead-row').count()).toBe(8);
    await expect.poll(() => page.getByTestId('lead-range').textContent()).toBe('1–8 of 8');

    // One lead by a piece of its number, chosen with Space, moved to rep 2.
    await page.getByRole('searchbox', { name: 'Search' }).fill('0183');
    await expect.poll(() => page.getByTestId('lead-row').count()).toBe(1);
    await page.getByTestId('lead-row').getByText('Bo Li').waitFor();
    await page.getByTestId('lead-grid').focus();
    await page.keyboard.press('Space');
    await page.getByText('1 lead chosen').waitFor();
    await page.getByTestId('reassign-target').click();
    await page.getByRole('option', { name: 'rep2@north.example' }).click();
    await page.getByRole('button', { name: 'Reassign' }).click();
    await page.getByTestId('assign-notice').getByText('1 lead now belongs to rep2@north.example.').waitFor();
    expect((await ownersByName()).get('Bo Li')).toBe('rep2@north.example');

    // Rep 1's leads: the first three chosen by keyboard (Home, Space, Shift+Down twice), moved at once.
    await page.getByRole('searchbox', { name: 'Search' }).fill('');
    await page.getByTestId('owner-filter').click();
    await page.getByRole('option', { name: 'rep1@north.example' }).click();
    await expect.poll(() => page.getByTestId('lead-row').count()).toBe(7);
    await page.getByTestId('lead-grid').focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('Space');
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Shift+ArrowDown');
    await page.getByText('3 leads chosen').waitFor();
    expect(
      await page.locator('[data-testid="lead-row"][aria-selected="true"]').allTextContents(),
    ).toHaveLength(3);
    const chosenNames = await page
      .locator('[data-testid="lead-row"][aria-selected="true"] td:nth-child(2)')
      .allTextContents();
    expect(chosenNames).toEqual(['Jo Park', 'Ana Ruiz', 'Cy Ode']);
    await page.getByRole('button', { name: 'Reassign' }).click();
    await page.getByTestId('assign-notice').getByText('3 leads now belong to rep2@north.example.').waitFor();
    await expect.poll(() => page.getByTestId('lead-row').count()).toBe(4);
    const owners = await ownersByName();
    expect(chosenNames.map((name) => owners.get(name))).toEqual(Array(3).fill('rep2@north.example'));

    // Each desktop holds its owner's leads after its next sync.
    for (const dir of repDirs.values()) ok(await dialdeck(['--data-dir', dir, 'sync']));
    expect(namesOn(repDirs.get('rep2@north.example') ?? '')).toEqual([
      'Ana Ruiz',
      'Bo Li',
      'Cy Ode',
      'Jo Park',
    ]);
    expect(namesOn(repDirs.get('rep1@north.example') ?? '')).toEqual(
      ['Di Moss', 'Eve Stone', '박서연', '陈晓明'].sort(),
    );
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("edits a team script in the console; the rep's desktop has it, beside the leads moved to them, after its next sync", async () => {
    const page = await newPage();
    const errors = errorsOn(page);
    await signInWithToken(page, 'manager@north.example');
    await page.goto(`${world().server.url}/console/team/board`);
    await page.getByRole('navigation').getByRole('link', { name: 'Scripts' }).click();
    await page.getByTestId('script-add').click();
    await page.getByTestId('script-name').fill('Reassigned voicemail');
    const body = 'Hi {{firstName}}, this is {{repName}} with a quick idea for {{company}}.';
    await page.getByTestId('script-body').fill(body);
    await page.getByTestId('script-save').click();
    await page.getByTestId('script-row').filter({ hasText: 'Reassigned voicemail' }).waitFor();

    // Rep 2's desktop: one sync brings the script (a team script, read-only there) and keeps the leads
    // the first test moved to them.
    const dir = repDirs.get('rep2@north.example') ?? '';
    ok(await dialdeck(['--data-dir', dir, 'sync']));
    const db = new Database(join(dir, 'dialdeck.sqlite'), { readonly: true });
    const script = db
      .prepare("SELECT scope, kind, body FROM scripts WHERE name = 'Reassigned voicemail' AND archived = 0")
      .get();
    db.close();
    expect(script).toEqual({ scope: 'team', kind: 'voicemail', body });
    expect(namesOn(dir)).toEqual(['Ana Ruiz', 'Bo Li', 'Cy Ode', 'Jo Park']);
    // Its CLI lists the script among the rep's team scripts.
    const listed = ok(await dialdeck(['--data-dir', dir, 'script', 'list'])) as {
      name: string;
      scope: string;
    }[];
    expect(listed.find((s) => s.name === 'Reassigned voicemail')?.scope).toBe('team');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('takes a rep out of rotation, sets a shift through the dialog and removes it', async () => {
    const page = await newPage();
    const errors = errorsOn(page);
    await signInWithToken(page, 'manager@north.example');
    await page.goto(`${world().server.url}/console/team/rotation`);
    await page.getByRole('heading', { name: 'Rotation & shifts' }).waitFor();
    await expect.poll(() => page.getByTestId('rotation-row').count()).toBe(2);
    // No shifts yet: the page says where inbound leads go.
    await page
      .getByTestId('rotation-warning')
      .getByText(/Nobody in rotation is on shift now/)
      .waitFor();

    await page.getByRole('switch', { name: 'rep1@north.example in rotation' }).click();
    await page
      .getByTestId('rotation-notice')
      .getByText('rep1@north.example is out of rotation', { exact: false })
      .waitFor();
    const rotation = await asManager('/rotation', TeamRotationOutput);
    expect(rotation.members.find((m) => m.email === 'rep1@north.example')?.inRotation).toBe(false);
    expect(rotation.members.find((m) => m.email === 'rep2@north.example')?.inRotation).toBe(true);

    // Rep 2's shift: Monday to Saturday by toggling Saturday on, 08:30–16:45 in Seoul.
    const row = page.getByTestId('rotation-row').filter({ hasText: 'rep2@north.example' });
    await row.getByRole('button', { name: 'Add shift' }).click();
    const dialog = page.getByTestId('shift-dialog');
    await dialog.getByRole('button', { name: 'Sat' }).click();
    await dialog.getByLabel('Starts').fill('08:30');
    await dialog.getByLabel('Ends').fill('16:45');
    await dialog.getByTestId('shift-zone').fill('Mars/Olympus');
    await dialog.getByRole('button', { name: 'Save shift' }).click();
    await dialog.getByText('Choose a time zone from the list', { exact: false }).waitFor();
    await dialog.getByTestId('shift-zone').fill('Asia/Seoul');
    await dialog.getByRole('button', { name: 'Save shift' }).click();
    await dialog.waitFor({ state: 'detached' });
    await row.getByText('Mon–Sat, 08:30–16:45 (Asia/Seoul)').waitFor();
    const shift = (await asManager('/rotation', TeamRotationOutput)).members.find(
      (m) => m.email === 'rep2@north.example',
    )?.shift;
    expect(shift).toMatchObject({
      days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat'],
      from: '08:30',
      to: '16:45',
      timeZone: 'Asia/Seoul',
    });
    // The next start is on the shift's own clock (Seoul), named, not the browser's (New York).
    if (!shift?.onShift) {
      await row.getByText(/^Next shift .*, 8:30 AM \(Asia\/Seoul\)$/).waitFor();
    }
    await page.screenshot({ path: join(SHOTS_DIR, 'console-rotation-next-shift.png'), fullPage: true });

    await row.getByRole('button', { name: 'Remove shift' }).click();
    await page.getByTestId('rotation-notice').getByText('Shift of rep2@north.example removed.').waitFor();
    await row.getByText('No shift', { exact: false }).waitFor();
    expect((await asManager('/shifts', { parse: (v) => v as { shifts: unknown[] } })).shifts).toEqual([]);
    // Back in rotation for the screenshots' sake, and a shift on for rep 2 again.
    await page.getByRole('switch', { name: 'rep1@north.example in rotation' }).click();
    await page.getByTestId('rotation-notice').getByText('rep1@north.example is in rotation.').waitFor();
    await row.getByRole('button', { name: 'Add shift' }).click();
    await dialog.getByRole('button', { name: 'Save shift' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('invites a member and shows the link to hand over', async () => {
    const page = await newPage();
    const errors = errorsOn(page);
    await signInWithToken(page, 'manager@north.example');
    await page.goto(`${world().server.url}/console/team/members`);
    await page.getByRole('heading', { name: 'Team members' }).waitFor();
    await expect.poll(() => page.getByTestId('member-row').count()).toBe(4);
    await page.getByTestId('invite-email').fill('new.ae@north.example');
    await page.getByTestId('invite-role').click();
    await page.getByRole('option', { name: 'AE' }).click();
    await page.getByRole('button', { name: 'Create invitation link' }).click();
    const link = (await page.getByTestId('member-link').locator('code').textContent()) ?? '';
    expect(link.startsWith(`${world().server.url}/console/link/`)).toBe(true);
    await expect.poll(() => page.getByTestId('member-row').count()).toBe(5);
    const users = await asManager('/users', TeamUsersOutput);
    expect(users.users.find((u) => u.email === 'new.ae@north.example')?.role).toBe('ae');
    // The link opens the console's set-password page for that member.
    const invited = await newPage();
    await invited.goto(link);
    await invited.getByRole('heading', { name: 'Set your console password' }).waitFor();
    await invited.context().close();
    // Inviting the same person under another role is refused in the console's words, not the CLI's.
    await page.getByTestId('invite-email').fill(' New.AE@north.example');
    await page.getByTestId('invite-role').click();
    await page.getByRole('option', { name: 'Rep' }).click();
    await page.getByRole('button', { name: 'Create invitation link' }).click();
    await page
      .getByTestId('invite-error')
      .getByText('new.ae@north.example is already on the team as AE. To send them a new link, choose AE')
      .waitFor();
    expect(await page.getByTestId('invite-error').textContent()).not.toContain('--role');
    await page.screenshot({ path: join(SHOTS_DIR, 'console-members-invite-other-role.png'), fullPage: true });
    // Removing the new member, with nobody to take their (no) leads: the row says so, the server agrees.
    await page.getByRole('button', { name: 'Remove new.ae@north.example' }).click();
    await page.getByTestId('remove-member-dialog').getByRole('button', { name: 'Remove member' }).click();
    await page.getByText('new.ae@north.example was removed; 0 leads moved.').waitFor();
    await page
      .getByTestId('member-row')
      .filter({ hasText: 'new.ae@north.example' })
      .getByText(/^Removed /)
      .waitFor();
    const after = await asManager('/users', TeamUsersOutput);
    expect(after.users.find((u) => u.email === 'new.ae@north.example')?.removedAt).toEqual(
      expect.any(Number),
    );
    // A password-reset link for rep 1.
    await page.getByRole('button', { name: 'Password-reset link for rep1@north.example' }).click();
    await page
      .getByTestId('member-link')
      .getByText(/password-reset link to rep1@north\.example/)
      .waitFor();
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("gives a rep's and an AE's session none of the assignment pages", async () => {
    for (const email of ['rep1@north.example', 'ae@north.example']) {
      const page = await newPage();
      await signInWithToken(page, email);
      for (const shown of PAGES) {
        await page.goto(`${world().server.url}/console${shown.path}`);
        await page
          .getByText(
            /This page is for another role|not for your role|The team console is for AEs and managers/,
          )
          .first()
          .waitFor();
        expect(await page.getByTestId(shown.ready).count()).toBe(0);
      }
      await page.context().close();
    }
  });

  it('looks right in every language and theme (screenshots of each page)', async () => {
    for (const lang of LANGS) {
      for (const theme of THEMES) {
        const page = await newPage(lang, theme);
        await signInWithToken(page, 'manager@north.example');
        for (const shown of PAGES) {
          await page.goto(`${world().server.url}/console${shown.path}?lang=${lang}&theme=${theme}`);
          await page.getByTestId(shown.ready).first().waitFor();
          if (shown.name === 'leads') {
            await page.getByTestId('lead-grid').focus();
            await page.keyboard.press('Space');
            await page.keyboard.press('Shift+ArrowDown');
          }
          expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
          expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
          await page.screenshot({
            path: join(SHOTS_DIR, `console-${shown.name}-${lang}-${theme}.png`),
            fullPage: true,
          });
        }
        await page.goto(`${world().server.url}/console/team/rotation?lang=${lang}&theme=${theme}`);
        await page.getByTestId('rotation-row').first().getByRole('button').first().click();
        await page.getByTestId('shift-dialog').waitFor();
        await page.screenshot({
          path: join(SHOTS_DIR, `console-shift-dialog-${lang}-${theme}.png`),
          animations: 'disabled',
        });
        await page.context().close();
      }
    }
  });
});
