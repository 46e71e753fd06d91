import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core';
import { dispatch } from '../../src/main/core/dispatch';
import type { MethodInput, MethodName, MethodOutput } from '../../src/shared/api';
import { dncDomainMessage } from '../../src/shared/tasks/dncInput';
import { linkedinSearchUrl } from '../../src/shared/tasks/linkedin';
import { LIST, openApp, openWorkspace, type Workspace, waitForText } from './harness';

// The Tasks view in Chromium against the web host: opened with Shift+T, J/K/Enter/D/X on the day's
// email, LinkedIn and custom steps (the URLs the page opens are captured, never followed), an email
// with missing values marked, a lead with no email skipped, and a do-not-contact entry added and
// removed; screenshots in three languages, two themes and two sizes.

const call = async <M extends MethodName>(core: Core, name: M, input: MethodInput<M>) => {
  const result = await dispatch(core.handlers, name, input);
  if (!result.ok) throw new Error(`${name}: ${result.error.code} ${result.error.message}`);
  return result.value as MethodOutput<M>;
};

const newLead = (core: Core, name: string, company: string, email: string | null, e164: string) =>
  core.leads.create({
    name,
    title: null,
    company,
    email,
    phones: [{ e164, ext: null, label: null, raw: e164 }],
    timeZone: 'Asia/Seoul',
    country: null,
    region: null,
    city: null,
    sourceChannel: 'web_form',
    sourceDetail: null,
    direction: 'inbound',
    status: 'new',
  }).id;

/** Waits until every running animation (a theme's colour fade, a dialog opening) has ended. */
const settled = (page: Page) => page.evaluate('Promise.all(document.getAnimations().map((a) => a.finished))');

const taskOf = (core: Core, leadId: string, kind: string) =>
  core.db
    .prepare<[string, string], { id: string; state: string; outcome: string | null }>(
      'SELECT id, state, outcome FROM tasks WHERE lead_id = ? AND kind = ? ORDER BY created_at DESC LIMIT 1',
    )
    .get(leadId, kind);

/** The note of the lead's latest activity of `kind` (a finished step's skip reason). */
const noteOf = async (core: Core, leadId: string, kind: string) =>
  (await call(core, 'history.list', { leadId })).activities.find((a) => a.kind === kind)?.note;

/** The top bar's view buttons and their `aria-pressed`. */
const pressed = (page: Page) =>
  page.evaluate(() => {
    const of = (id: string) => document.querySelector(`[data-testid="${id}"]`)?.getAttribute('aria-pressed');
    return { leads: of('view-leads'), queue: of('view-queue'), tasks: of('open-tasks') };
  });

describe('the Tasks view', () => {
  let ws: Workspace;
  let ids: Record<'jane' | 'wang' | 'kim' | 'ana', string>;
  const shots: string[] = [];
  const opened = (page: Page) => page.evaluate(() => (globalThis as unknown as { opened: string[] }).opened);
  const row = (page: Page, name: string) => page.getByTestId('task-row').filter({ hasText: name }).first();
  const activeName = (page: Page) =>
    page.locator('[data-testid="task-row"][aria-selected="true"] .task-row__name').textContent();

  const shootAll = async (prefix: string, ready: (page: Page) => Promise<void>) => {
    const { page } = ws;
    for (const size of [
      { width: 1280, height: 800 },
      { width: 1920, height: 1080 },
    ]) {
      await page.setViewportSize(size);
      for (const locale of ['en', 'zh-CN', 'ko'] as const) {
        for (const theme of ['light', 'dark'] as const) {
          await call(ws.core, 'settings.update', { locale, theme });
          await page.locator(`html[data-theme="${theme}"][lang="${locale}"]`).waitFor({ state: 'attached' });
          await ready(page);
          await settled(page);
          shots.push(await ws.screenshot(`${prefix}-${locale}-${theme}-${size.width}x${size.height}`));
        }
      }
    }
    await call(ws.core, 'settings.update', { locale: 'en', theme: 'light' });
    await page.setViewportSize({ width: 1280, height: 800 });
  };

  beforeAll(async () => {
    ws = await openWorkspace({ seedDemo: false });
    const { core } = ws;
    ids = {
      jane: newLead(core, 'Jane Doe', 'Acme & Sons', 'jane@acme.com', '+14155550101'),
      wang: newLead(core, '王伟', '顺达物流', 'wang@shunda.cn', '+8613800138001'),
      kim: newLead(core, '김민준', '한빛물류', null, '+821012345678'),
      ana: newLead(core, 'Ana Díaz', 'Ibérica Foods', 'ana@iberica.es', '+34911234567'),
    };
    const cadence = async (name: string, steps: MethodInput<'cadences.save'>['cadence']['steps']) =>
      (await call(core, 'cadences.save', { cadence: { name, rule: null, steps } })).id;
    const emailFirst = await cadence('Email first', [
      { id: 'email-1', kind: 'email', title: 'Send the intro email' },
      { id: 'linkedin-1', kind: 'linkedin', title: 'Connect on LinkedIn' },
      { id: 'call-1', kind: 'call', title: 'Call' },
    ]);
    const linkedinFirst = await cadence('LinkedIn first', [
      { id: 'linkedin-1', kind: 'linkedin', title: 'Connect on LinkedIn' },
      { id: 'call-1', kind: 'call', title: 'Call' },
    ]);
    const custom = await cadence('Direct mail', [
      { id: 'post-1', kind: 'task', title: 'Post the printed case study' },
      { id: 'call-1', kind: 'call', title: 'Call' },
    ]);
    await call(core, 'enrollments.enroll', { leadIds: [ids.jane, ids.kim], cadenceId: emailFirst });
    await call(core, 'enrollments.enroll', { leadIds: [ids.wang], cadenceId: linkedinFirst });
    await call(core, 'enrollments.enroll', { leadIds: [ids.ana], cadenceId: custom });
    await call(core, 'settings.update', { repName: 'Sam Lee' });
    await call(core, 'research.setFacts', {
      leadId: ids.jane,
      facts: { triggerEvent: 'your Series B news' },
    });
    // A step's URL is recorded instead of leaving the page.
    await ws.page.addInitScript(`
      window.opened = [];
      window.open = (url) => {
        window.opened.push(String(url));
        return null;
      };
    `);
    await openApp(ws.page, ws.host.url);
  });

  afterAll(async () => {
    if (shots.length) process.stdout.write(`screenshots (${shots.length}) in ${ws.shotsDir}\n`);
    await ws?.close();
  });

  it('opens with Shift+T: steps grouped by kind, J/K move only here', async () => {
    const { page } = ws;
    const listFocus = await page.locator(LIST).getAttribute('aria-activedescendant');
    expect(await pressed(page)).toEqual({ leads: 'true', queue: 'false', tasks: 'false' });
    await page.keyboard.press('Shift+T');
    await page.getByTestId('tasks-view').waitFor();
    expect(await page.locator('main.workspace').isHidden()).toBe(true);
    // The top bar says which view is on screen: Tasks, not the Leads under it.
    expect(await pressed(page)).toEqual({ leads: 'false', queue: 'false', tasks: 'true' });
    await row(page, 'Ana Díaz').waitFor();
    const groups = await page
      .locator('.tasks__group')
      .evaluateAll((els) =>
        els.map((el) => [
          el.querySelector('h3')?.textContent,
          Array.from(el.querySelectorAll('.task-row__name')).map((n) => n.textContent),
        ]),
      );
    expect(groups).toEqual([
      ['Emails · 2', ['Jane Doe', '김민준']],
      ['LinkedIn · 1', ['王伟']],
      ['Other task · 1', ['Ana Díaz']],
    ]);
    const jane = row(page, 'Jane Doe');
    expect(await jane.locator('.task-row__step').textContent()).toBe('Send the intro email');
    expect(await jane.locator('.task-row__due').textContent()).toMatch(
      /^Due (now|this minute|\d+ (second|minute)s? ago)$/,
    );
    expect(await jane.locator('.task-row__local').textContent()).toMatch(/^Lead’s local time \d{1,2}:\d{2}/);

    expect(await activeName(page)).toBe('Jane Doe');
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    expect(await activeName(page)).toBe('王伟');
    await page.keyboard.press('k');
    expect(await activeName(page)).toBe('김민준');
    await page.keyboard.press('k');
    // The lead list under the view never saw those keys.
    expect(await page.locator(LIST).getAttribute('aria-activedescendant')).toBe(listFocus);

    await shootAll('tasks', async (p) => {
      await waitForText(p.getByTestId('tasks-view').locator('h2'), /Tasks|任务|할 일/);
    });
  });

  it('writes the email: missing values marked, the mailto opened, done once the rep says it was sent', async () => {
    const { page, core } = ws;
    expect(await activeName(page)).toBe('Jane Doe');
    await page.keyboard.press('Enter');
    const dialog = page.getByTestId('email-step-dialog');
    await dialog.getByTestId('email-preview').waitFor();
    expect(await dialog.getByTestId('email-to').textContent()).toBe('jane@acme.com');
    expect(await dialog.getByTestId('email-subject').textContent()).toBe('Acme & Sons: following up, Jane');
    const body = dialog.getByTestId('email-body');
    expect(await body.textContent()).toContain('I saw your Series B news');
    expect(await body.textContent()).not.toMatch(/[{}[\]]/);
    expect(
      await body
        .locator('mark[data-missing]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-missing'))),
    ).toEqual(['painPoint', 'repPhone']);
    await settled(page);
    shots.push(await ws.screenshot('tasks-email-dialog-en-light-1280x800'));

    // Enter on the focused "Open in mail app".
    await page.keyboard.press('Enter');
    await dialog.getByTestId('email-sent-question').waitFor();
    const rendered = await call(core, 'tasks.renderEmail', {
      taskId: taskOf(core, ids.jane, 'email')?.id as string,
    });
    expect(await opened(page)).toEqual([rendered.mailto]);
    expect(rendered.mailto).toMatch(/^mailto:jane@acme\.com\?subject=Acme%20%26%20Sons%3A%20following/);
    expect(taskOf(core, ids.jane, 'email')?.state).toBe('open');

    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => taskOf(core, ids.jane, 'email')?.state).toBe('done');
    // The cadence moved on to Jane's LinkedIn step, due now.
    await expect.poll(() => taskOf(core, ids.jane, 'linkedin')?.state).toBe('open');
    await row(page, 'Jane Doe').filter({ hasText: 'Connect on LinkedIn' }).waitFor();
  });

  it('says when a lead has no email address and skips the step', async () => {
    const { page, core } = ws;
    await row(page, '김민준').click();
    await page.keyboard.press('Enter');
    const dialog = page.getByTestId('email-step-dialog');
    await waitForText(dialog.getByTestId('email-no-address'), '김민준 has no email address');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => taskOf(core, ids.kim, 'email')?.state).toBe('skipped');
    expect(await noteOf(core, ids.kim, 'email')).toBe('No email address');
    expect(await opened(page)).toHaveLength(1);
  });

  it('opens the LinkedIn search for the lead and marks the step done; D and X finish the others', async () => {
    const { page, core } = ws;
    await row(page, '王伟').click();
    await page.keyboard.press('Enter');
    await expect.poll(() => taskOf(core, ids.wang, 'linkedin')?.state).toBe('done');
    expect((await opened(page)).at(-1)).toBe(linkedinSearchUrl('王伟', '顺达物流'));
    expect((await opened(page)).at(-1)).toBe(
      'https://www.linkedin.com/search/results/people/?keywords=%E7%8E%8B%E4%BC%9F%20%E9%A1%BA%E8%BE%BE%E7%89%A9%E6%B5%81',
    );

    await row(page, 'Ana Díaz').click();
    await page.keyboard.press('d');
    await expect.poll(() => taskOf(core, ids.ana, 'task')?.state).toBe('done');

    await row(page, 'Jane Doe').click();
    await page.keyboard.press('x');
    await page.getByTestId('skip-reason').fill('No profile found');
    await page.keyboard.press('Enter');
    await expect.poll(() => taskOf(core, ids.jane, 'linkedin')?.state).toBe('skipped');
    expect(await noteOf(core, ids.jane, 'linkedin')).toBe('No profile found');
    // What is left: 김민준's LinkedIn step, which came after the skipped email.
    await expect
      .poll(() => page.getByTestId('task-row').allTextContents())
      .toEqual([expect.stringMatching(/^김민준한빛물류Connect on LinkedIn/)]);
  });

  it('adds a number to the do-not-contact list and removes it after a confirmation', async () => {
    const { page, core } = ws;
    await page.locator('body').press('l');
    const panel = page.getByTestId('dnc-panel');
    await panel.waitFor();
    await page.getByTestId('dnc-value').fill('not a number');
    await page.getByTestId('dnc-add-submit').click();
    await waitForText(page.getByTestId('dnc-add-error'), 'is not a phone number or an email address');
    // A malformed domain: the team server's rule and words (`dncDomainMessage`), and nothing listed.
    for (const bad of ['@exa mple.com', '@-bad.com', '@a..b', '@http://x.com/']) {
      await page.getByTestId('dnc-value').fill(bad);
      await page.getByTestId('dnc-add-submit').click();
      await expect.poll(() => page.getByTestId('dnc-add-error').textContent()).toBe(dncDomainMessage(bad));
    }
    expect(core.db.prepare("SELECT count(*) FROM dnc WHERE kind = 'domain'").pluck().get()).toBe(0);

    await page.getByTestId('dnc-value').fill('(415) 555-0101');
    await page.getByTestId('dnc-reason').fill('Asked not to be called');
    await page.getByTestId('dnc-add-submit').click();
    await panel.locator('[data-testid="dnc-row"][data-value="+14155550101"]').waitFor();
    await page.getByTestId('dnc-value').fill('@blocked.example');
    await page.getByTestId('dnc-add-submit').click();
    await panel.locator('[data-testid="dnc-row"][data-value="blocked.example"]').waitFor();
    const outbox = (name: string) =>
      core.db
        .prepare<[string], string>('SELECT args FROM outbox WHERE name = ?')
        .pluck()
        .all(name)
        .map((args) => JSON.parse(args) as { value: string; reason?: string | null });
    expect(outbox('dnc.add').map((m) => [m.value, m.reason])).toEqual([
      ['+14155550101', 'Asked not to be called'],
      ['blocked.example', null],
    ]);
    // Jane's number: she left her cadence and is now do-not-contact.
    await expect
      .poll(() => call(core, 'queue.why', { leadId: ids.jane }).then((w) => w.blockers.map((b) => b.rule)))
      .toContain('do_not_contact');

    await page.getByTestId('dnc-search').fill('asked');
    await expect.poll(() => panel.getByTestId('dnc-row').count()).toBe(1);
    await page.getByTestId('dnc-search').fill('');
    await shootAll('dnc', async (p) => {
      await p.getByTestId('dnc-row').first().waitFor();
    });

    await panel
      .locator('[data-testid="dnc-row"][data-value="+14155550101"]')
      .getByTestId('dnc-remove')
      .click();
    const confirm = page.getByTestId('dnc-remove-dialog');
    await waitForText(confirm, 'Leads already marked do-not-contact stay so');
    await settled(page);
    shots.push(await ws.screenshot('dnc-remove-dialog-en-light-1280x800'));
    await confirm.getByTestId('dnc-remove-confirm').click();
    await confirm.waitFor({ state: 'detached' });
    await panel.locator('[data-testid="dnc-row"][data-value="+14155550101"]').waitFor({ state: 'detached' });
    expect(outbox('dnc.remove').map((m) => m.value)).toEqual(['+14155550101']);
    expect(await call(core, 'dnc.list', {})).toHaveLength(1);

    // Esc goes back to the workspace, whose keys work again.
    await page.locator('body').press('Escape');
    await page.getByTestId('tasks-view').waitFor({ state: 'detached' });
    expect(await page.locator('main.workspace').isVisible()).toBe(true);
    expect(await pressed(page)).toEqual({ leads: 'true', queue: 'false', tasks: 'false' });

    // From Tasks, the switch's Queue goes back to the workspace showing the queue.
    await page.keyboard.press('Shift+T');
    await page.getByTestId('tasks-view').waitFor();
    await page.getByTestId('view-queue').click();
    await page.getByTestId('tasks-view').waitFor({ state: 'detached' });
    await page.getByTestId('queue-view').waitFor();
    expect(await pressed(page)).toEqual({ leads: 'false', queue: 'true', tasks: 'false' });
    expect(join(ws.shotsDir, 'x')).toContain(ws.shotsDir);
  });
});
