import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core';
import { OPTION, openApp, openWorkspace, type Workspace, waitForText } from './harness';

// Scripts on the lead card in Chromium against the web host: a voicemail filled from the lead, the
// research facts typed on the card and the rep's settings; missing values marked, never braces; the
// 20-second gauge and its warning; a personal script written in settings; objection cards; the
// panel in English, Chinese and Korean, light and dark.

const lead = (core: Core, name: string, company: string, e164: string) =>
  core.leads.create({
    name,
    title: null,
    company,
    email: null,
    phones: [{ e164, ext: null, label: null, raw: e164 }],
    timeZone: 'America/New_York',
    country: null,
    region: null,
    city: null,
    sourceChannel: 'web_form',
    sourceDetail: null,
    direction: 'inbound',
    status: 'new',
  }).id;

const LONG =
  'Hi {{firstName}}, this is {{repName}} calling about {{company}}. I noticed {{trigger}} and wanted to share how teams like yours cut their dialing time in half within a quarter, without changing the tools they already use every day, and I would love to walk you through three short examples. Call me back at {{repPhone}}, that is {{repPhone}}, any time this week.';

describe('scripts on the lead card', () => {
  let ws: Workspace;
  let ids: Record<'jane' | 'wang' | 'kim', string>;
  const shots: string[] = [];

  const panel = (page: Page) => page.getByTestId('scripts-panel');
  const openLead = async (page: Page, name: string) => {
    await page.locator(OPTION).filter({ hasText: name }).first().click();
    await waitForText(page.getByTestId('lead-detail').locator('.detail__name'), name);
    await panel(page).locator('.script__text').first().waitFor();
  };
  const shootPanel = async (name: string) => {
    const path = join(ws.shotsDir, `scripts-${name}.png`);
    await panel(ws.page).scrollIntoViewIfNeeded();
    await panel(ws.page).screenshot({ path });
    shots.push(path, await ws.screenshot(`scripts-${name}-page`));
  };

  beforeAll(async () => {
    ws = await openWorkspace({
      seedDemo: false,
      seed: (core) => {
        ids = {
          jane: lead(core, 'Jane Doe', 'Acme', '+14155550101'),
          wang: lead(core, '王伟', '顺达物流', '+8613800138001'),
          kim: lead(core, '김민준', '한빛물류', '+821012345678'),
        };
        void core.handlers['settings.update']({ repName: 'Sam Lee' });
      },
    });
    await openApp(ws.page, ws.host.url);
  });

  afterAll(async () => {
    if (shots.length) process.stdout.write(`screenshots:\n  ${shots.join('\n  ')}\n`);
    await ws?.close();
  });

  it('fills the voicemail from the lead and the rep, marking what is missing', async () => {
    const { page } = ws;
    await openLead(page, 'Jane Doe');
    const text = panel(page).getByTestId('script-text');
    await waitForText(text, "Hi Jane, it's Sam Lee.");
    expect(await text.textContent()).not.toMatch(/[{}]/);
    expect(
      await text
        .locator('mark[data-missing]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-missing'))),
    ).toEqual(['trigger', 'repPhone', 'repPhone']);
    expect(await text.locator('mark[data-missing="trigger"]').textContent()).toBe('trigger event (missing)');
    expect(await panel(page).getByTestId('script-missing').textContent()).toContain(
      'trigger event, your phone',
    );
    expect(await panel(page).getByTestId('reading-gauge').getAttribute('data-over')).toBe('false');
    expect(await panel(page).getByTestId('reading-seconds').textContent()).toMatch(/^\d+\.\d s of 20 s$/);
  });

  it('saves a research fact typed on the card and fills the script with it', async () => {
    const { page } = ws;
    const field = page.getByTestId('fact-triggerEvent');
    await field.fill('your Series B news');
    await page.keyboard.press('Tab');
    const text = panel(page).getByTestId('script-text');
    await waitForText(text, 'I saw your Series B news and have one idea for Acme.');
    await expect
      .poll(() => ws.core.handlers['research.getFacts']({ leadId: ids.jane }))
      .toMatchObject({
        triggerEvent: 'your Series B news',
      });
    const mutations = ws.core.db
      .prepare<[], string>("SELECT args FROM outbox WHERE name = 'research.setFacts'")
      .pluck()
      .all()
      .map((args) => JSON.parse(args) as { facts: unknown });
    expect(mutations.map((m) => m.facts)).toEqual([{ triggerEvent: 'your Series B news' }]);

    // Typed and the window reloaded at once, before the pause that saves it: the copy kept in the
    // page's storage is saved when the lead is opened again.
    await page.getByTestId('fact-painPoint').fill('slow manual dialing');
    await page.reload();
    await openLead(page, 'Jane Doe');
    await expect
      .poll(() => ws.core.handlers['research.getFacts']({ leadId: ids.jane }))
      .toMatchObject({
        painPoint: 'slow manual dialing',
      });
    expect(await page.getByTestId('fact-painPoint').inputValue()).toBe('slow manual dialing');
  });

  it('writes a personal script in settings: refuses an unknown variable, warns when it runs over 20 s', async () => {
    const { page } = ws;
    await page.getByTestId('open-settings').click();
    await page.getByTestId('open-calling-settings').click();
    await page.getByTestId('calling-tab-scripts').click();
    const phone = page.getByTestId('rep-phone');
    await phone.fill('+1 415 555 0199');
    await phone.blur();
    await expect
      .poll(() => ws.core.handlers['settings.get']({}))
      .toMatchObject({ repPhone: '+1 415 555 0199' });

    await page.getByTestId('script-add').click();
    await page.getByTestId('script-name').fill('Long one');
    await page.getByTestId('script-body').fill('Hi {{frstName}}, about {{company}}.');
    await page.getByTestId('script-save').click();
    await waitForText(page.getByTestId('script-form-error'), '{{frstName}}');

    await page.getByTestId('script-body').fill(LONG);
    expect(
      Number((await page.getByTestId('script-form-seconds').textContent())?.match(/[\d.]+/)?.[0]),
    ).toBeGreaterThan(20);
    await page.getByTestId('script-save').click();
    await page.getByTestId('script-form').waitFor({ state: 'detached' });
    await waitForText(page.getByTestId('script-item'), 'Long one');
    shots.push(await ws.screenshot('scripts-editor-en-light'));
    await page.keyboard.press('Escape');

    await page.getByTestId('script-pick').click();
    await page.getByRole('option', { name: /Long one/ }).click();
    const text = panel(page).getByTestId('script-text');
    await waitForText(text, 'Call me back at +1 415 555 0199');
    expect(await text.locator('mark').count()).toBe(0);
    await panel(page).getByTestId('reading-over').waitFor();
    expect(await panel(page).getByTestId('reading-gauge').getAttribute('data-over')).toBe('true');
    const stored = ws.core.db
      .prepare<[], string>("SELECT args FROM outbox WHERE name = 'script.put'")
      .pluck()
      .all()
      .map((args) => JSON.parse(args) as { name: string; scope: string });
    expect(stored).toMatchObject([{ name: 'Long one', scope: 'personal' }]);
    await shootPanel('en-light-over');
  });

  it('shows the objection cards, filled', async () => {
    const { page } = ws;
    const cards = panel(page).getByTestId('objection-cards').locator('details');
    expect(await cards.count()).toBe(5);
    await cards.filter({ hasText: 'Are you the decision maker?' }).locator('summary').click();
    await waitForText(
      cards.filter({ hasText: 'Are you the decision maker?' }),
      'how does Acme usually decide?',
    );
    await page.getByTestId('script-pick').click();
    await page.getByRole('option', { name: /Voicemail: trigger event/ }).click();
    await shootPanel('en-light');
  });

  it('previews the research notes as Markdown, with any HTML in them shown as text', async () => {
    const { page } = ws;
    const notes = page.locator('#research-notes');
    await notes.fill(
      '**Uses HubSpot**\n- hiring 3 SDRs\n\n<img src=x onerror="window.hacked=1"> [news](javascript:window.hacked=1) https://acme.example/news',
    );
    await waitForText(page.getByTestId('save-state'), /^Saved$/);
    await page.getByTestId('notes-preview-toggle').click();
    const preview = page.getByTestId('notes-preview');
    await waitForText(preview.locator('strong'), 'Uses HubSpot');
    expect(await preview.locator('li').allTextContents()).toEqual(['hiring 3 SDRs']);
    expect(await preview.locator('img, script').count()).toBe(0);
    expect(await preview.textContent()).toContain('<img src=x');
    expect(
      await preview
        .locator('a')
        .evaluateAll((links) => links.map((a) => [a.getAttribute('href'), a.getAttribute('target')])),
    ).toEqual([['https://acme.example/news', '_blank']]);
    expect(await page.evaluate(() => (globalThis as { hacked?: number }).hacked)).toBeUndefined();
    await shootPanel('notes-preview');
    // E (write) from the list goes back to the text, focused.
    await page.locator(OPTION).filter({ hasText: 'Jane Doe' }).first().focus();
    await page.keyboard.press('e');
    await page.locator('textarea#research-notes:focus').waitFor();
    await page.keyboard.press('Escape');
  });

  it('reads the built-in scripts in Chinese and Korean, light and dark', async () => {
    const { page } = ws;
    await ws.core.handlers['settings.update']({ locale: 'zh-CN' });
    await page.locator('html[lang="zh-CN"]').waitFor({ state: 'attached' });
    await openLead(page, '王伟');
    await waitForText(panel(page).getByTestId('script-text'), '伟您好，我是Sam Lee。');
    expect(await panel(page).getByTestId('reading-seconds').textContent()).toMatch(/秒 \/ 20 秒$/);
    expect(await panel(page).locator('mark[data-missing="trigger"]').textContent()).toBe('触发事件（缺失）');
    await shootPanel('zh-CN-light');
    await ws.core.handlers['settings.update']({ theme: 'dark' });
    await page.locator('html[data-theme="dark"]').waitFor({ state: 'attached' });
    await shootPanel('zh-CN-dark');

    await ws.core.handlers['settings.update']({ locale: 'ko' });
    await page.locator('html[lang="ko"]').waitFor({ state: 'attached' });
    await openLead(page, '김민준');
    await waitForText(panel(page).getByTestId('script-text'), '민준님, 안녕하세요. Sam Lee입니다.');
    expect(await panel(page).getByTestId('reading-seconds').textContent()).toMatch(/초 \/ 20초$/);
    await shootPanel('ko-dark');
    await ws.core.handlers['settings.update']({ theme: 'light' });
    await page.locator('html[data-theme="light"]').waitFor({ state: 'attached' });
    await shootPanel('ko-light');
    await ws.core.handlers['settings.update']({ theme: 'dark', locale: 'en' });
    await page.locator('html[lang="en"]').waitFor({ state: 'attached' });
    await openLead(page, 'Jane Doe');
    await shootPanel('en-dark');
    await page.setViewportSize({ width: 1920, height: 1080 });
    await panel(page).scrollIntoViewIfNeeded();
    shots.push(await ws.screenshot('scripts-en-dark-1920'));
  });
});
