import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core';
import { dispatch } from '../../src/main/core/dispatch';
import type { MethodInput, MethodName, MethodOutput } from '../../src/shared/api';
import { buildMailto } from '../../src/shared/tasks/mailto';
import { openApp, openWorkspace, type Workspace, waitForText } from './harness';

// Email templates in Chromium against the web host: a built-in template duplicated and edited in
// Settings (an unknown variable flagged as typed), then the email step's dialog picks it, edits it
// again via "Edit template", and the mailto it opens carries the edited subject and body.

const call = async <M extends MethodName>(core: Core, name: M, input: MethodInput<M>) => {
  const result = await dispatch(core.handlers, name, input);
  if (!result.ok) throw new Error(`${name}: ${result.error.code} ${result.error.message}`);
  return result.value as MethodOutput<M>;
};

/** Waits until every running animation (a theme's colour fade, a dialog opening) has ended. */
const settled = (page: Page) => page.evaluate('Promise.all(document.getAnimations().map((a) => a.finished))');

describe('email templates', () => {
  let ws: Workspace;
  let leadId: string;
  const shots: string[] = [];
  const opened = (page: Page) => page.evaluate(() => (globalThis as unknown as { opened: string[] }).opened);
  const emailTask = () =>
    ws.core.db
      .prepare<[string], { id: string; state: string }>(
        "SELECT id, state FROM tasks WHERE lead_id = ? AND kind = 'email' ORDER BY created_at DESC LIMIT 1",
      )
      .get(leadId);

  beforeAll(async () => {
    ws = await openWorkspace({ seedDemo: false });
    const { core } = ws;
    leadId = core.leads.create({
      name: 'Jane Doe',
      title: null,
      company: 'Acme & Sons',
      email: 'jane@acme.com',
      phones: [{ e164: '+14155550101', ext: null, label: null, raw: '+14155550101' }],
      timeZone: 'America/Los_Angeles',
      country: null,
      region: null,
      city: null,
      sourceChannel: 'web_form',
      sourceDetail: null,
      direction: 'inbound',
      status: 'new',
    }).id;
    const cadence = await call(core, 'cadences.save', {
      cadence: {
        name: 'Email first',
        rule: null,
        steps: [
          { id: 'email-1', kind: 'email', title: 'Send the intro email' },
          { id: 'call-1', kind: 'call', title: 'Call' },
        ],
      },
    });
    await call(core, 'enrollments.enroll', { leadIds: [leadId], cadenceId: cadence.id });
    await call(core, 'settings.update', { repName: 'Sam Lee' });
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

  it('duplicates a built-in template in Settings, flags an unknown variable, and saves the copy', async () => {
    const { page, core } = ws;
    await page.getByTestId('open-settings').click();
    await page.getByTestId('open-calling-settings').click();
    await page.getByTestId('calling-tab-email-templates').click();
    const settings = page.getByTestId('email-templates-settings');
    const items = settings.getByTestId('email-template-item');
    await expect.poll(() => items.count()).toBe(3);
    // Built-in ones are read-only: "Duplicate to edit", no delete.
    const english = items.filter({ hasText: 'Follow-up after a call (English)' });
    expect(await english.getByRole('button').allTextContents()).toEqual(['Duplicate to edit']);
    await english.getByRole('button', { name: 'Duplicate to edit' }).click();

    const form = page.getByTestId('email-template-form');
    expect(await form.getByTestId('email-template-name').inputValue()).toBe(
      'Follow-up after a call (English) (copy)',
    );
    await form.getByTestId('email-template-name').fill('Slides follow-up');
    await form.getByTestId('email-template-subject').fill('{{firstName}}, slides for {{compny}}');
    await waitForText(form.getByTestId('email-template-problems'), '{{compny}}');
    await form.getByTestId('email-template-save').click();
    await waitForText(form.getByTestId('email-template-error'), '{{compny}}');
    expect((await call(core, 'emailTemplates.list', {})).filter((t) => !t.builtin)).toEqual([]);

    await form.getByTestId('email-template-subject').fill('{{firstName}}, slides for {{company}}');
    await form
      .getByTestId('email-template-body')
      .fill('Hi {{firstName}},\n\nThe slides from today.\n\n{{repName}}');
    await expect.poll(() => form.getByTestId('email-template-problems').count()).toBe(0);

    // The editor in every language and theme, before saving.
    for (const locale of ['en', 'zh-CN', 'ko'] as const) {
      for (const theme of ['light', 'dark'] as const) {
        await call(core, 'settings.update', { locale, theme });
        await page.locator(`html[data-theme="${theme}"][lang="${locale}"]`).waitFor({ state: 'attached' });
        await settled(page);
        shots.push(await ws.screenshot(`email-templates-editor-${locale}-${theme}-1280x800`));
      }
    }
    await call(core, 'settings.update', { locale: 'en', theme: 'light' });
    await page.locator('html[lang="en"]').waitFor({ state: 'attached' });

    // Saved from the keyboard: Tab from the body reaches "Save template".
    await form.getByTestId('email-template-body').focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'email-template-save',
    );
    await page.keyboard.press('Enter');
    await form.waitFor({ state: 'detached' });
    await waitForText(items.nth(3), 'Slides follow-up');
    const mine = (await call(core, 'emailTemplates.list', {})).filter((t) => !t.builtin);
    expect(mine).toMatchObject([
      { scope: 'personal', name: 'Slides follow-up', subject: '{{firstName}}, slides for {{company}}' },
    ]);
    expect(await items.nth(3).getByRole('button').allTextContents()).toEqual(['Edit', 'Delete']);
    await page.keyboard.press('Escape');
    await page.getByTestId('email-templates-settings').waitFor({ state: 'detached' });
  });

  it('picks the template in the email dialog, edits it there, and the mailto carries the edit', async () => {
    const { page, core } = ws;
    await page.keyboard.press('Shift+T');
    await page.getByTestId('tasks-view').waitFor();
    await page.getByTestId('task-row').filter({ hasText: 'Jane Doe' }).waitFor();
    await page.keyboard.press('Enter');
    const dialog = page.getByTestId('email-step-dialog');
    await dialog.getByTestId('email-preview').waitFor();
    // The step names no template: the built-in one of the language.
    expect(await dialog.getByTestId('email-subject').textContent()).toBe('Acme & Sons: following up, Jane');

    // Picked from the keyboard. The list is open once Radix has placed it and moved focus into it:
    // the trigger's and the listbox's data-state say open, and the chosen option is highlighted.
    const pick = dialog.getByTestId('email-template-pick');
    const listbox = page.locator('[role="listbox"][data-state="open"]');
    const highlighted = listbox.locator('[role="option"][data-highlighted]');
    const openPicker = async () => {
      await pick.focus();
      await page.keyboard.press('Enter');
      await page.locator('[data-testid="email-template-pick"][data-state="open"]').waitFor();
      await expect.poll(() => listbox.getByRole('option').count()).toBe(4);
      await highlighted.waitFor();
    };
    await waitForText(pick, 'Follow-up after a call (English)');
    await openPicker();
    expect(await highlighted.textContent()).toBe('Follow-up after a call (English)');
    await page.keyboard.press('End');
    await waitForText(highlighted, 'Slides follow-up');
    await page.keyboard.press('Enter');
    await listbox.waitFor({ state: 'detached' });
    await waitForText(dialog.getByTestId('email-subject'), 'Jane, slides for Acme & Sons');

    // A choosing key right after a moving key acts on the option moved to, never the one before it.
    await openPicker();
    await page.keyboard.press('Home');
    await page.keyboard.press('Enter');
    await waitForText(dialog.getByTestId('email-subject'), 'Acme & Sons: following up, Jane');
    await openPicker();
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await waitForText(dialog.getByTestId('email-subject'), 'Jane, slides for Acme & Sons');
    expect(await pick.textContent()).toBe('Slides follow-up');
    expect(await dialog.getByTestId('email-body').textContent()).toBe(
      'Hi Jane,\n\nThe slides from today.\n\nSam Lee',
    );

    await dialog.getByTestId('email-edit-template').focus();
    await page.keyboard.press('Enter');
    const form = dialog.getByTestId('email-template-form');
    await form.waitFor();
    expect(await form.getByTestId('email-template-name').inputValue()).toBe('Slides follow-up');
    await form.getByTestId('email-template-subject').fill('Slides for {{company}}, {{firstName}}');
    await form
      .getByTestId('email-template-body')
      .fill(
        'Hi {{firstName}},\n\nHere are the slides. What does {{painPoint}} cost you today?\n\n{{repName}}',
      );
    await settled(page);
    shots.push(await ws.screenshot('email-templates-dialog-editor-en-light-1280x800'));
    await form.getByTestId('email-template-save').click();
    await form.waitFor({ state: 'detached' });
    await waitForText(dialog.getByTestId('email-subject'), 'Slides for Acme & Sons, Jane');
    const body = dialog.getByTestId('email-body');
    expect(await body.textContent()).not.toMatch(/[{}[\]]/);
    expect(
      await body
        .locator('mark[data-missing]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-missing'))),
    ).toEqual(['painPoint']);
    await settled(page);
    shots.push(await ws.screenshot('email-templates-dialog-en-light-1280x800'));

    await dialog.getByTestId('email-open').click();
    await dialog.getByTestId('email-sent-question').waitFor();
    const edited = (await call(core, 'emailTemplates.list', {})).find((t) => t.name === 'Slides follow-up');
    const expectedBody = 'Hi Jane,\n\nHere are the slides. What does [painPoint] cost you today?\n\nSam Lee';
    expect(await opened(page)).toEqual([
      buildMailto({ to: 'jane@acme.com', subject: 'Slides for Acme & Sons, Jane', body: expectedBody }),
    ]);
    const rendered = await call(core, 'tasks.renderEmail', {
      taskId: emailTask()?.id as string,
      templateId: edited?.id,
    });
    expect(rendered.subject).toBe('Slides for Acme & Sons, Jane');
    expect(rendered.body).toBe(expectedBody);
    expect((await opened(page))[0]).toContain('subject=Slides%20for%20Acme%20%26%20Sons%2C%20Jane');

    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => emailTask()?.state).toBe('done');
  });

  it("binds the template to a cadence's email step in the cadence editor", async () => {
    const { page, core } = ws;
    await page.keyboard.press('Escape');
    await page.getByTestId('tasks-view').waitFor({ state: 'detached' });
    await page.getByTestId('open-settings').click();
    await page.getByTestId('open-calling-settings').click();
    await page.getByTestId('calling-tab-cadences').click();
    const editor = page.getByTestId('cadence-settings');
    await editor.getByRole('button', { name: /^Email first/ }).click();
    const emailStep = editor.getByTestId('cadence-step').first();
    const pick = emailStep.getByTestId('cadence-step-email-template');
    expect(await pick.inputValue()).toBe('');
    // Only the email step offers a template.
    expect(await editor.getByTestId('cadence-step-email-template').count()).toBe(1);
    await pick.selectOption({ label: 'Slides follow-up' });
    await settled(page);
    shots.push(await ws.screenshot('email-templates-cadence-step-en-light-1280x800'));
    await page.getByTestId('cadence-save').click();
    const slides = (await call(core, 'emailTemplates.list', {})).find((t) => t.name === 'Slides follow-up');
    await expect
      .poll(
        async () => (await call(core, 'cadences.list', {})).find((c) => c.name === 'Email first')?.steps[0],
      )
      .toMatchObject({ kind: 'email', emailTemplateId: slides?.id });
  });
});
