import { closeSync, openSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebHost } from '../../src/main/web/server';
import {
  focusedId,
  LIST,
  OPTION,
  openApp,
  openWorkspace,
  RENDERER_DIR,
  visibleNames,
  type Workspace,
  waitForListQuery,
  waitForText,
} from './harness';

// The SDR's day in the built workspace, in Chromium, against the real web host and a real store:
// the demo list, a CSV import through the wizard, search, the lead panel, research notes that
// survive a reload, the keyboard, languages, themes and export.

const CSV = [
  'Name,Company,Title,Email,Phone,Time zone',
  'Nadia Rahman,Quillfeather Analytics,VP Revenue,nadia@quillfeather.example,+1 415 555 0101,America/Los_Angeles',
  'Omar Haddad,Quillfeather Analytics,IT Director,omar@quillfeather.example,+1 415 555 0102,America/Los_Angeles',
  '陈晓明,华东精密制造,采购总监,chen.xm@example.cn,+86 138 0013 8001,Asia/Shanghai',
  ',Nameless Inc,,nobody@example.com,,',
  'Bad Phone,Acme,,,12,',
].join('\n');

describe('the workspace in Chromium', () => {
  let ws: Workspace;
  const shots: string[] = [];
  const shot = async (name: string) => shots.push(await ws.screenshot(name));

  beforeAll(async () => {
    ws = await openWorkspace();
    await openApp(ws.page, ws.host.url);
  });

  afterAll(async () => {
    if (shots.length) process.stdout.write(`screenshots:\n  ${shots.join('\n  ')}\n`);
    await ws?.close();
  });

  it('shows the demo call list, clearly labelled, with a way to remove it', async () => {
    const { page } = ws;
    await waitForText(page.locator('.demo-banner'), 'Demo call list');
    expect(await page.locator('.demo-banner button').textContent()).toBe('Remove demo leads');
    expect(await page.locator(`${OPTION} .badge--demo`).count()).toBeGreaterThan(0);
    await waitForText(page.getByTestId('lead-count'), /^10 leads$/);
    await shot('en-light');
  });

  it('imports a CSV through the wizard and reports every row', async () => {
    const { page } = ws;
    await page.keyboard.press('Control+i');
    const wizard = page.getByTestId('import-wizard');
    await wizard.waitFor();

    // Too large: refused by its size alone, before a byte is read (the file is sparse on disk).
    const huge = join(ws.dataDir, 'whole-crm.csv');
    closeSync(openSync(huge, 'w'));
    truncateSync(huge, 101 * 1024 * 1024);
    await page.getByTestId('import-file-input').setInputFiles(huge);
    await waitForText(wizard.locator('.form-error'), 'up to 100 MB');
    expect(await wizard.locator('.form-error').textContent()).toContain('whole-crm.csv');

    const file = join(ws.dataDir, 'event-leads.csv');
    writeFileSync(file, CSV);
    await page.getByTestId('import-file-input').setInputFiles(file);
    await page.getByTestId('import-run').waitFor();
    expect(await wizard.locator('.mapping__file').textContent()).toContain('event-leads.csv · 5 rows');
    expect(await page.getByTestId('import-encoding').textContent()).toContain('UTF-8');
    expect(await page.getByTestId('mapping-5').textContent()).toContain('Time zone');

    // Encoding and delimiter can be overridden; a delimiter the file plainly does not use is refused
    // with a reason, and the preview stays as it was.
    await page.getByTestId('import-delimiter').click();
    await page.getByRole('option', { name: 'Semicolon ( ; )' }).click();
    await waitForText(page.getByTestId('import-error'), 'separated by commas');
    expect(await page.getByTestId('mapping-5').count()).toBe(1);
    await page.getByTestId('import-encoding').click();
    await page.getByRole('option', { name: 'Windows-1252 (Western European)' }).click();
    await waitForText(page.getByTestId('import-encoding'), 'Windows-1252');
    expect(await wizard.locator('.mapping__samples').first().textContent()).not.toContain('陈晓明');
    await page.getByTestId('import-encoding').click();
    await page.getByRole('option', { name: 'UTF-8' }).click();
    await waitForText(wizard.locator('.mapping__samples').first(), '陈晓明');
    expect(await page.getByTestId('import-error').count()).toBe(0);
    await shot('import-wizard');

    // The file's leads came from an event: inbound, where a list would default to outbound.
    await page.getByTestId('import-source').click();
    await page.getByRole('option', { name: 'Event' }).click();
    await waitForText(page.getByTestId('import-direction'), 'Inbound');
    await page.getByTestId('import-run').click();
    const report = page.getByTestId('import-report');
    await report.waitFor();
    expect(await page.getByTestId('report-imported').locator('dd').textContent()).toBe('3');
    expect(await page.getByTestId('report-rejected').locator('dd').textContent()).toBe('2');
    const rejected = await report.locator('.rejects tbody tr:not(.rejects__spacer)').allTextContents();
    expect(rejected).toHaveLength(2);
    expect(rejected[0]).toMatch(/^5Name/);
    expect(rejected[1]).toMatch(/^6Phone/);
    await shot('import-report');

    await report.getByRole('button', { name: 'Done' }).click();
    await wizard.waitFor({ state: 'detached' });
    await waitForText(page.getByTestId('lead-count'), /^13 leads$/);
  });

  it('shows leads the core adds elsewhere, without reloading', async () => {
    const { page, core } = ws;
    core.db.transaction(() => {
      core.leads.create({
        name: 'Priya Natarajan',
        title: 'Head of RevOps',
        company: 'Lumen Logistics',
        email: 'priya@lumen.example',
        phones: [],
        timeZone: 'Asia/Kolkata',
        country: 'IN',
        region: null,
        city: null,
        sourceChannel: 'hotline',
        sourceDetail: null,
        direction: 'inbound',
        status: 'working',
      });
    })();
    core.events.emit('leads:changed', {});
    await waitForText(page.getByTestId('lead-count'), /^14 leads$/);
    expect((await visibleNames(page))[0]).toBe('Priya Natarajan');
  });

  it('finds a lead by typing, opens it, and keeps its research note across a reload', async () => {
    const { page } = ws;
    await page.keyboard.press('/');
    await page.keyboard.type('quillfeather rev');
    await waitForListQuery(page, 'quillfeather rev');
    expect(await visibleNames(page)).toEqual(['Nadia Rahman']);
    await page.keyboard.press('Enter');

    const detail = page.getByTestId('lead-detail');
    await waitForText(detail.locator('.detail__name'), 'Nadia Rahman');
    expect(await detail.locator('a[href^="tel:"]').first().getAttribute('href')).toBe('tel:+14155550101');
    expect(await detail.locator('a[href^="mailto:"]').first().getAttribute('href')).toBe(
      'mailto:nadia@quillfeather.example',
    );
    expect(await detail.locator('.fact__value').first().textContent()).toMatch(/PST|PDT|GMT-[78]/);
    // Two people from one company: the account shows the other one as a buying signal.
    await waitForText(detail.locator('.account__leads'), 'Omar Haddad');
    expect(await detail.locator('.signal').count()).toBe(1);
    expect(await detail.textContent()).toContain('Inbound');

    await page.keyboard.press('e');
    expect(await focusedId(page)).toBe('research-notes');
    const note = 'Hiring 3 SDRs (LinkedIn). Uses HubSpot. Ask about Q3 budget.';
    await page.keyboard.type(note);
    await waitForText(page.getByTestId('save-state'), /^Saved$/);
    await shot('en-lead-detail');

    await page.reload();
    await page.locator(OPTION).first().waitFor();
    await page.keyboard.press('/');
    await page.keyboard.type('nadia');
    await waitForListQuery(page, 'nadia');
    await page.keyboard.press('Enter');
    await waitForText(page.getByTestId('lead-detail').locator('.detail__name'), 'Nadia Rahman');
    expect(await page.locator('#research-notes').inputValue()).toBe(note);
  });

  it('flags a lead whose time zone is unknown', async () => {
    const { page } = ws;
    await page.locator('#lead-search').fill('sam taylor');
    await waitForListQuery(page, 'sam taylor');
    await page.locator(OPTION).first().click();
    await page.getByTestId('time-zone-unknown').waitFor();
    expect(await page.getByTestId('time-zone-unknown').textContent()).toContain('Time zone unknown');
  });

  it('moves through the list and opens a lead with the keyboard alone', async () => {
    const { page } = ws;
    await page.locator('#lead-search').fill('');
    await waitForListQuery(page, '');
    await page.keyboard.press('Escape');
    expect(await focusedId(page)).toBe('lead-list');
    await page.keyboard.press('Home');
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await page.keyboard.press('k');
    const list = page.locator(LIST);
    const active = await list.getAttribute('aria-activedescendant');
    expect(active).toBeTruthy();
    const names = await visibleNames(page);
    const activeName = await page.locator(`#${active} .lead-row__name`).textContent();
    expect(activeName).toBe(names[1]);
    expect(await page.locator(`#${active}`).getAttribute('aria-selected')).toBe('true');

    await page.keyboard.press('Enter');
    await waitForText(page.getByTestId('lead-detail').locator('.detail__name'), activeName ?? '');
    expect(await page.locator(`#${active}`).getAttribute('aria-current')).toBe('true');
  });

  it('lists every shortcut in a help dialog opened with ?', async () => {
    const { page } = ws;
    await page.keyboard.press('?');
    const help = page.getByTestId('shortcut-help');
    await help.waitFor();
    const text = await help.textContent();
    for (const action of ['Search leads', 'Next lead', 'Open the highlighted lead', 'Write research notes']) {
      expect(text).toContain(action);
    }
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'detached' });
  });

  it('switches to Chinese and the dark theme in settings, and keeps both after a reload', async () => {
    const { page } = ws;
    await page.keyboard.press(',');
    const settings = page.getByTestId('settings-dialog');
    await settings.waitFor();
    await page.getByTestId('settings-language').click();
    await page.getByRole('option', { name: '简体中文' }).click();
    await settings.getByText('深色').click();
    await page.locator('html[data-theme="dark"]').waitFor({ state: 'attached' });
    await page.keyboard.press('Escape');
    await settings.waitFor({ state: 'detached' });

    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    await waitForText(page.locator('.demo-banner'), '演示拨打列表');
    expect(await page.locator('#lead-search').getAttribute('placeholder')).toContain('搜索');
    expect(await page.locator(`${OPTION} .status`).allTextContents()).toEqual(
      expect.arrayContaining(['新线索', '跟进中']),
    );
    expect(await page.getByTestId('lead-detail').textContent()).toContain('调研笔记');
    await shot('zh-CN-dark');

    expect(ws.core.handlers['settings.get']({})).toMatchObject({ locale: 'zh-CN', theme: 'dark' });
    await page.reload();
    await page.locator(OPTION).first().waitFor();
    expect(await page.locator('html').getAttribute('data-theme')).toBe('dark');
    await waitForText(page.getByTestId('lead-count'), /^14 条线索$/);
  });

  it('switches to Korean, with statuses and channels translated', async () => {
    const { page } = ws;
    await page.keyboard.press(',');
    const settings = page.getByTestId('settings-dialog');
    await settings.waitFor();
    await page.getByTestId('settings-language').click();
    await page.getByRole('option', { name: '한국어' }).click();
    await settings.getByText('라이트').click();
    await page.keyboard.press('Escape');
    await settings.waitFor({ state: 'detached' });
    await waitForText(page.getByTestId('lead-count'), /^리드 14개$/);
    await page.locator(OPTION).filter({ hasText: '김민준' }).click();
    const detail = page.getByTestId('lead-detail');
    await waitForText(detail.locator('.detail__name'), '김민준');
    // The lead's source ("why they became a lead") arrives a step after the top of the card.
    await waitForText(detail, '파트너');
    const text = await detail.textContent();
    expect(text).toContain('조사 메모');
    expect(text).toContain('파트너');
    expect(text).toContain('신규');
    await shot('ko');

    await page.keyboard.press(',');
    await settings.waitFor();
    await page.getByTestId('settings-language').click();
    await page.getByRole('option', { name: 'English' }).click();
    await page.keyboard.press('Escape');
    await waitForText(page.getByTestId('lead-count'), /^14 leads$/);
  });

  it('exports every lead as a CSV download', async () => {
    const { page } = ws;
    await page.locator(LIST).focus();
    const download = page.waitForEvent('download');
    await page.keyboard.press('Control+Shift+E');
    const file = await (await download).path();
    const csv = readFileSync(file, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain('Nadia Rahman');
    expect(csv).toContain('陈晓明');
  });

  it('removes the demo leads and keeps the imported ones', async () => {
    const { page } = ws;
    await page.locator('.demo-banner button').click();
    await page.getByRole('button', { name: 'Remove', exact: true }).click();
    await page.locator('.demo-banner').waitFor({ state: 'detached' });
    await waitForText(page.getByTestId('lead-count'), /^4 leads$/);
    expect(await page.locator(`${OPTION} .badge--demo`).count()).toBe(0);
    expect((await visibleNames(page)).sort()).toEqual(
      ['Nadia Rahman', 'Omar Haddad', 'Priya Natarajan', '陈晓明'].sort(),
    );
  });

  it('keeps typed notes while Dialdeck is away, and saves them when it is back', async () => {
    const { page } = ws;
    await page.locator(OPTION).filter({ hasText: 'Omar Haddad' }).click();
    await waitForText(page.getByTestId('lead-detail').locator('.detail__name'), 'Omar Haddad');
    const { port, token } = ws.host;
    await ws.host.close();
    await page.locator('#research-notes').click();
    await page.keyboard.type('Call back Tuesday.');
    await waitForText(page.getByTestId('save-state'), 'Not saved – retrying');
    expect(await page.locator('#research-notes').inputValue()).toBe('Call back Tuesday.');
    await shot('en-notes-retrying');

    ws.host = await startWebHost({ core: ws.core, rendererDir: RENDERER_DIR, port, token });
    await waitForText(page.getByTestId('save-state'), /^Saved$/);
    expect(
      ws.core.handlers['leads.get']({ id: ws.core.leads.list({ search: 'omar' })[0]?.id ?? '' }),
    ).toMatchObject({
      research: { body: 'Call back Tuesday.' },
    });
  });
});
