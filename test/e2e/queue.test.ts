import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../src/renderer/src/i18n/resources/en';
import { zhCN } from '../../src/renderer/src/i18n/resources/zh-CN';
import { OPTION, openApp, openWorkspace, type Workspace, waitForText } from './harness';

// The call workspace in Chromium against a real core: today's queue with its plan, logging call
// outcomes from the lead panel by click and by key, and the explainer for a lead that is asleep.

// A Tuesday, 10:00 in New York: the East Coast demo leads are callable, Shanghai (23:00) is not.
const T0 = Date.parse('2026-11-24T15:00:00Z');

describe('the call queue and outcomes in Chromium', () => {
  let ws: Workspace;
  const shots: string[] = [];
  const shot = async (name: string) => shots.push(await ws.screenshot(name));

  beforeAll(async () => {
    const started = Date.now();
    ws = await openWorkspace({ now: () => T0 + (Date.now() - started) });
    // The page's clock agrees with the core's, so local times and "in 2 hours" read true.
    await ws.context.clock.install({ time: T0 });
    await openApp(ws.page, ws.host.url);
  });

  afterAll(async () => {
    if (shots.length) process.stdout.write(`screenshots:\n  ${shots.join('\n  ')}\n`);
    await ws?.close();
  });

  const queueNames = () =>
    ws.page.locator('[data-testid="queue-entry"] .queue-entry__name').allTextContents();

  it('shows today’s queue with each lead’s tier, reasons and the daily plan', async () => {
    const { page } = ws;
    await page.keyboard.press('q');
    const queue = page.getByTestId('queue-view');
    await queue.waitFor();
    await page.getByTestId('queue-entry').first().waitFor();
    expect(await page.getByTestId('view-queue').getAttribute('aria-pressed')).toBe('true');
    await waitForText(page.getByTestId('queue-plan-dials'), '0 / 60');
    expect(await page.getByTestId('queue-plan').textContent()).toContain('Remaining');

    const names = await queueNames();
    expect(names).toContain('Avery Chen (demo)');
    expect(names).not.toContain('王芳 (demo)');
    const avery = page.getByTestId('queue-entry').filter({ hasText: 'Avery Chen' });
    expect(await avery.textContent()).toContain('Speed to lead');
    expect(await avery.getByTestId('queue-reasons').textContent()).toContain('speed to lead');
    await shot('queue-en-light');
  });

  it('logs an outcome by click: the status badge, the result and the queue follow', async () => {
    const { page } = ws;
    await page.getByTestId('queue-entry').filter({ hasText: 'Avery Chen' }).click();
    const detail = page.getByTestId('lead-detail');
    await waitForText(detail.locator('.detail__name'), 'Avery Chen');
    const card = page.getByTestId('outcome-card');
    await card.locator('[data-outcome="no_answer"]').waitFor();
    expect(await card.locator('[data-outcome="no_answer"] .kbd').textContent()).toBe('6');

    await page.getByTestId('outcome-note').fill('Rang out, no voicemail box');
    await card.locator('[data-outcome="no_answer"]').click();
    await waitForText(page.getByTestId('outcome-result'), 'New → Working');
    expect(await page.getByTestId('outcome-result').textContent()).toContain('Next:');
    await waitForText(detail.locator('.detail__badges .status'), 'Working');
    expect(await page.getByTestId('outcome-note').inputValue()).toBe('');

    // Retried in four hours, so Avery leaves today's list for now; the dial counts toward the plan.
    await waitForText(page.getByTestId('queue-plan-dials'), '1 / 60');
    expect(await queueNames()).not.toContain('Avery Chen (demo)');
    await shot('outcome-logged-en-light');
  });

  it('logs an outcome by its digit, and opens the next lead with Shift+Q', async () => {
    const { page } = ws;
    await page.keyboard.press('Shift+Q');
    const detail = page.getByTestId('lead-detail');
    await waitForText(detail.locator('.detail__name'), 'Jordan Patel');
    await page.getByTestId('outcome-card').locator('[data-outcome="voicemail"]').waitFor();
    await page.locator('body').focus();
    await page.keyboard.press('5');
    await waitForText(page.getByTestId('outcome-result'), 'Working');
    await waitForText(page.getByTestId('queue-plan-dials'), '2 / 60');
    const logged = ws.core.db
      .prepare(
        "SELECT outcome FROM activities WHERE lead_id = (SELECT id FROM leads WHERE name LIKE 'Jordan Patel%')",
      )
      .all() as { outcome: string }[];
    expect(logged.map((row) => row.outcome)).toEqual(['voicemail']);
  });

  it('asks for a time before logging a callback, and a confirmation before do-not-contact', async () => {
    const { page } = ws;
    await page.getByTestId('queue-entry').filter({ hasText: 'Morgan Reyes' }).click();
    const detail = page.getByTestId('lead-detail');
    await waitForText(detail.locator('.detail__name'), 'Morgan Reyes');
    await page.locator('body').focus();
    await page.keyboard.press('4');
    const form = page.getByTestId('outcome-callback');
    await form.waitFor();
    await page.getByTestId('outcome-callback-at').fill('2026-11-25T11:30');
    await form.getByRole('button', { name: 'Schedule callback' }).click();
    await waitForText(page.getByTestId('outcome-result'), 'Next:');
    await shot('outcome-callback-en-light');

    await page.getByTestId('queue-entry').filter({ hasText: 'Harriet Wells' }).click();
    await waitForText(detail.locator('.detail__name'), 'Harriet Wells');
    await page.getByTestId('outcome-card').locator('[data-outcome="do_not_contact"]').click();
    const confirm = page.getByTestId('outcome-confirm-dnc');
    await confirm.waitFor();
    // Escape backs out without logging; asking again shows the confirmation again.
    await page.keyboard.press('Escape');
    await confirm.waitFor({ state: 'detached' });
    await page.getByTestId('outcome-card').locator('[data-outcome="do_not_contact"]').click();
    await confirm.waitFor();
    expect(await detail.locator('.detail__badges .status').textContent()).toBe('New');
    await confirm.getByRole('button', { name: /Yes/ }).click();
    await waitForText(detail.locator('.detail__badges .status'), 'Do not contact');
    expect(await page.getByTestId('outcome-result').textContent()).toContain('do-not-contact list');
    expect(await queueNames()).not.toContain('Harriet Wells (demo)');
  });

  it('explains why a lead outside its calling window cannot be called now', async () => {
    const { page } = ws;
    await page.keyboard.press('q');
    await page.getByTestId('queue-view').waitFor({ state: 'detached' });
    await page.locator(OPTION).filter({ hasText: '王芳' }).click();
    const detail = page.getByTestId('lead-detail');
    await waitForText(detail.locator('.detail__name'), '王芳');
    await page.getByTestId('why-ask').click();
    const blocked = page.getByTestId('why-blocked');
    await blocked.waitFor();
    expect(await blocked.textContent()).toContain('Callable from');
    const rule = page.getByTestId('why-card').locator('[data-rule="calling_window"]');
    expect(await rule.textContent()).toContain('Outside the calling window');
    expect(await rule.textContent()).toContain('clears');
    await shot('why-en-light');
  });

  it('edits the outcome set and the calling rules, and the workspace follows', async () => {
    const { page } = ws;
    await page.locator('body').focus();
    await page.keyboard.press(',');
    await page.getByTestId('open-calling-settings').click();
    const calling = page.getByTestId('calling-settings');
    await calling.waitFor();
    const row = calling.locator('[data-outcome-row="no_answer"]');
    await row.locator('input.input').fill('Rang out');
    await row.locator('input.input').press('Enter');
    await calling.locator('[data-outcome-row="busy"] input[type="checkbox"]').uncheck();
    await waitForText(calling.locator('[data-outcome-row="no_answer"] .outcome-settings__shown'), 'Rang out');
    await shot('calling-outcomes-en-light');

    await page.getByTestId('calling-tab-rules').click();
    await page.getByTestId('rules-target').fill('40');
    await page.getByTestId('rules-start').fill('18:00');
    await page.getByTestId('rules-end').fill('09:00');
    await page.getByTestId('rules-save').click();
    await waitForText(calling.locator('.form-error'), 'end after it starts');
    await page.getByTestId('rules-start').fill('09:00');
    await page.getByTestId('rules-end').fill('18:00');
    await page.getByTestId('rules-save').click();
    await waitForText(calling.getByRole('status'), 'Saved');
    await shot('calling-rules-en-light');
    await page.keyboard.press('Escape');
    await calling.waitFor({ state: 'detached' });
    expect(ws.core.handlers['queue.rules']({})).toMatchObject({
      window: { start: '09:00', end: '18:00' },
      dailyDialTarget: 40,
    });

    const card = page.getByTestId('outcome-card');
    await waitForText(card.locator('[data-outcome="no_answer"]'), 'Rang out');
    expect(await card.locator('[data-outcome="busy"]').count()).toBe(0);
    // The digits follow the buttons on screen: Busy is gone, so 7 is now the gatekeeper.
    expect(await card.locator('[data-outcome="gatekeeper"] .kbd').textContent()).toBe('7');
    await page.keyboard.press('q');
    await waitForText(page.getByTestId('queue-plan-dials'), '/ 40');
    await page.keyboard.press('q');
  });

  it('builds a cadence in the form editor, refuses a bad one, and moves cadences as JSON files', async () => {
    const { page } = ws;
    await page.locator('body').focus();
    await page.keyboard.press(',');
    await page.getByTestId('open-calling-settings').click();
    const calling = page.getByTestId('calling-settings');
    await calling.waitFor();
    await page.getByTestId('calling-tab-cadences').click();
    const editor = page.getByTestId('cadence-settings');
    await editor.waitFor();

    await page.getByTestId('cadence-new').click();
    await page.getByTestId('cadence-name').fill('Event follow-up');
    await page.getByTestId('cadence-add-step').click();
    const steps = editor.getByTestId('cadence-step');
    expect(await steps.count()).toBe(2);
    await steps.nth(1).getByTestId('cadence-step-kind').selectOption('email');
    await steps.nth(1).getByTestId('cadence-step-wait').fill('2');
    const first = steps.nth(0);
    await first.getByRole('button', { name: '+ Add an outcome rule' }).click();
    await first.getByRole('combobox', { name: 'Outcome' }).selectOption('no_answer');
    await first.getByRole('combobox', { name: 'Then' }).selectOption('retry');

    // An empty step title is refused by the core, and the reason is shown.
    await steps.nth(1).getByTestId('cadence-step-title').fill('');
    await page.getByTestId('cadence-save').click();
    await waitForText(page.getByTestId('cadence-error'), 'step 2 needs a fix');
    expect(await steps.nth(1).getAttribute('aria-invalid')).toBe('true');
    await shot('cadence-error-en-light');

    await steps.nth(1).getByTestId('cadence-step-title').fill('Send the event recap');
    await page.getByTestId('cadence-save').click();
    await waitForText(editor.locator('.cadences__item'), 'Event follow-up');
    const saved = (await ws.core.handlers['cadences.list']({})).find((c) => c.name === 'Event follow-up');
    expect(saved?.steps.map((step) => step.kind)).toEqual(['call', 'email']);
    expect(saved?.steps[1]?.wait).toEqual({ amount: 2, unit: 'business_days' });
    expect(saved?.steps[0]?.on.no_answer).toEqual({ action: 'retry', wait: { amount: 1, unit: 'hours' } });
    await shot('cadence-editor-en-light');

    const downloading = page.waitForEvent('download');
    await page.getByTestId('cadence-export').click();
    const file = join(ws.dataDir, 'cadences.json');
    await (await downloading).saveAs(file);
    const exported = JSON.parse(readFileSync(file, 'utf8')) as { cadences: { name: string; id?: string }[] };
    expect(exported.cadences.map((c) => c.name)).toContain('Event follow-up');

    const incoming = join(ws.dataDir, 'partner.json');
    writeFileSync(
      incoming,
      JSON.stringify({
        format: 'dialdeck.cadences',
        version: 1,
        cadences: [
          { name: 'Partner referrals', steps: [{ id: 'call-1', kind: 'call', title: 'Call the referral' }] },
        ],
      }),
    );
    await page.getByTestId('cadence-import').setInputFiles(incoming);
    await waitForText(editor.locator('.cadences__item'), 'Partner referrals');
    expect(await page.getByTestId('cadence-name').inputValue()).toBe('Partner referrals');
    await page.keyboard.press('Escape');
    await calling.waitFor({ state: 'detached' });
  });

  it('lists the outcome keys in the shortcut help, and reads in Chinese on the dark theme', async () => {
    const { page } = ws;
    await page.locator('body').focus();
    await page.keyboard.press('?');
    const help = page.getByTestId('shortcut-help');
    await help.waitFor();
    expect(await help.textContent()).toContain('Log a call outcome');
    expect(await help.textContent()).toContain('Open the next lead to call');
    await shot('help-en-light');
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'detached' });

    await page.keyboard.press(',');
    const settings = page.getByTestId('settings-dialog');
    await settings.waitFor();
    await page.getByTestId('settings-language').click();
    await page.getByRole('option', { name: '简体中文' }).click();
    await settings.getByText('深色').click();
    await page.locator('html[data-theme="dark"]').waitFor({ state: 'attached' });
    await page.keyboard.press('Escape');
    await settings.waitFor({ state: 'detached' });

    await page.locator(OPTION).filter({ hasText: '王芳' }).click();
    await waitForText(page.getByTestId('outcome-card'), '通话结果');
    expect(await page.getByTestId('outcome-card').textContent()).toContain('语音留言');
    await page.getByTestId('lead-detail').evaluate((panel) => panel.scrollTo(0, 0));
    await shot('outcome-zh-CN-dark');
    await page.getByTestId('why-ask').click();
    await waitForText(page.getByTestId('why-card').locator('[data-rule="calling_window"]'), '拨打时段');
    await shot('why-zh-CN-dark');
    await page.keyboard.press('q');
    await page.getByTestId('queue-entry').first().waitFor();
    await waitForText(page.getByTestId('queue-plan'), '今日拨打');
    await waitForText(page.getByTestId('queue-reasons').first(), '快速响应');

    await page.keyboard.press(',');
    await page.getByTestId('open-calling-settings').click();
    await page.getByTestId('calling-tab-cadences').click();
    await waitForText(page.getByTestId('cadence-settings'), '跟进节奏');
    await page.getByTestId('cadence-step').first().waitFor();
    expect(await page.getByTestId('cadence-settings').textContent()).toContain('步骤结束时');
    // The built-in cadence in the editor reads in Chinese: its name and step titles.
    const builtins = Object.entries(zhCN.cadences.builtin).flatMap(([key, entry]) =>
      typeof entry === 'object' ? [{ key, ...entry }] : [],
    );
    const shownName = await page.getByTestId('cadence-name').inputValue();
    const shown = builtins.find((cadence) => cadence.name === shownName);
    expect(shown, `"${shownName}" is a built-in cadence's Chinese name`).toBeDefined();
    const titleInputs = page.getByTestId('cadence-step-title');
    const titles: string[] = [];
    for (let i = 0; i < (await titleInputs.count()); i++) titles.push(await titleInputs.nth(i).inputValue());
    expect(titles.length).toBeGreaterThan(1);
    expect(titles).toEqual(Object.values(shown?.steps ?? {}).slice(0, titles.length));
    // Saved with an edit elsewhere, its untouched text stays the built-in English, shown in each language.
    const english = en.cadences.builtin[shown?.key as 'newLead'].name;
    await page.getByTestId('cadence-step').nth(1).getByTestId('cadence-step-wait').fill('3');
    await page.getByTestId('cadence-save').click();
    await expect
      .poll(async () => (await ws.core.handlers['cadences.list']({})).map((cadence) => cadence.name))
      .toContain(english);
    expect((await ws.core.handlers['cadences.list']({})).map((cadence) => cadence.name)).not.toContain(
      shownName,
    );
    await shot('cadences-zh-CN-dark');
    await page.keyboard.press('Escape');
    await shot('queue-zh-CN-dark');
  });
});
