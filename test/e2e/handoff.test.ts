import { join } from 'node:path';
import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core';
import type { NewLead } from '../../src/main/core/leads/repo';
import { OPTION, openApp, openWorkspace, type Workspace, waitForText } from './harness';

// Qualifying a lead and handing it to sales as an MQL, in the built workspace in Chromium against
// the web host and a real store: BANT toggles and notes, the profile checklist, the gate, the
// hand-off dialog from the keyboard, and what the store then holds.

const lead = (name: string, email: string): NewLead => ({
  name,
  title: 'Head of Sales Operations',
  company: 'Kite Labs',
  email,
  phones: [{ e164: '+12025550143', ext: null, label: null, raw: '202 555 0143' }],
  timeZone: 'America/New_York',
  country: 'US',
  region: null,
  city: null,
  sourceChannel: 'web_form',
  sourceDetail: 'Pricing page',
  direction: 'inbound',
  status: 'new',
});

const seed = (core: Core) => {
  const ids = core.db.transaction(() => [
    core.leads.create(lead('Mina Cho', 'mina@kite.example')).id,
    core.leads.create(lead('Jae Park', 'jae@kite.example')).id,
  ])();
  core.dialing.enrollNewLeads(ids, Date.now());
};

describe('qualification and the MQL hand-off in Chromium', () => {
  let ws: Workspace;
  const shots: string[] = [];
  const shotOf = async (target: Locator, name: string) => {
    const path = join(ws.shotsDir, `${name}.png`);
    await target.screenshot({ path });
    shots.push(path);
  };
  const idOf = (name: string) =>
    ws.core.db.prepare('SELECT id FROM leads WHERE name = ?').pluck().get(name) as string;

  beforeAll(async () => {
    ws = await openWorkspace({ seedDemo: false, seed });
    await openApp(ws.page, ws.host.url);
  });

  afterAll(async () => {
    if (shots.length) process.stdout.write(`screenshots:\n  ${shots.join('\n  ')}\n`);
    await ws?.close();
  });

  it('ticks two BANT criteria, fills the dialog from the keyboard and hands the lead off', async () => {
    const { page } = ws;
    await page.locator(OPTION).filter({ hasText: 'Mina Cho' }).click();
    const panel = page.getByTestId('qualification');
    await waitForText(panel, 'BANT');
    // Title, company, phone and email, and time zone come from the lead: 4 of 15.
    await waitForText(page.getByTestId('profile-count'), '4 of 15 filled');
    expect(await page.getByTestId('profile-contact_title').isChecked()).toBe(true);
    expect(await page.getByTestId('profile-contact_title').isDisabled()).toBe(true);
    expect(await panel.textContent()).toContain('from the lead’s title');
    expect(await page.getByTestId('handoff-open').isDisabled()).toBe(true);
    expect(await panel.textContent()).toContain('Confirm 2 of the 4 BANT criteria to hand off.');

    // Below the gate, H says why instead of opening the dialog.
    await page.locator('body').focus();
    await page.keyboard.press('h');
    await waitForText(page.locator('.toast'), 'Confirm 2 of the 4 BANT criteria');
    expect(await page.getByTestId('handoff-dialog').count()).toBe(0);

    await page.getByTestId('bant-budget').check();
    await waitForText(page.getByTestId('bant-count'), '1 of 4 confirmed');
    await page.getByTestId('bant-note-budget').fill('$40k approved for Q3');
    await page.getByTestId('bant-note-budget').press('Enter');
    await page.getByTestId('bant-need').check();
    await waitForText(page.getByTestId('bant-count'), '2 of 4 confirmed');
    // Confirmed budget and need fill their checklist items too.
    await waitForText(page.getByTestId('profile-count'), '6 of 15 filled');
    await page.getByTestId('profile-industry').check();
    await waitForText(page.getByTestId('profile-count'), '7 of 15 filled');
    expect(await page.getByTestId('handoff-open').isEnabled()).toBe(true);
    await shotOf(panel, 'qualification-en-light');

    await page.getByTestId('bant-note-budget').press('Escape');
    await page.locator('body').focus();
    await page.keyboard.press('h');
    const dialog = page.getByTestId('handoff-dialog');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('$40k approved for Q3');
    expect(await page.getByTestId('handoff-profile').textContent()).toContain('7 of 15 filled');
    // An empty summary is refused in place.
    await page.getByTestId('handoff-submit').click();
    await waitForText(dialog.locator('.form-error'), 'Write a summary for the AE.');
    await page.getByTestId('handoff-summary').focus();
    await page.keyboard.type('40 reps on spreadsheets; wants a pilot before Q3 planning.');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Demo with their IT lead on Tuesday');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Dana Kim');
    await shotOf(dialog, 'handoff-dialog-en-light');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });

    await waitForText(page.getByTestId('handoff-done'), 'Handed off as MQL');
    await waitForText(page.getByTestId('lead-detail').locator('.detail__badges'), 'MQL');
    expect(await page.getByTestId('handoff-open').count()).toBe(0);
    await page.getByTestId('handoff-done').scrollIntoViewIfNeeded();
    shots.push(await ws.screenshot('handoff-done-en-light'));

    const id = idOf('Mina Cho');
    const db = ws.core.db;
    expect(db.prepare('SELECT status FROM leads WHERE id = ?').pluck().get(id)).toBe('mql');
    const handoffs = db
      .prepare(
        'SELECT id, summary, next_step, suggested_ae, bant, profile_filled FROM handoffs WHERE lead_id = ?',
      )
      .all(id) as { id: string; summary: string; next_step: string; suggested_ae: string; bant: string }[];
    expect(handoffs).toHaveLength(1);
    expect(handoffs[0]).toMatchObject({
      summary: '40 reps on spreadsheets; wants a pilot before Q3 planning.',
      next_step: 'Demo with their IT lead on Tuesday',
      suggested_ae: 'Dana Kim',
      profile_filled: 7,
    });
    expect(JSON.parse(handoffs[0]?.bant ?? '[]')[0]).toEqual({
      criterion: 'budget',
      confirmed: true,
      note: '$40k approved for Q3',
    });
    const batch = db.prepare("SELECT args FROM outbox WHERE name = 'lead.handoff'").pluck().all() as string[];
    expect(batch).toHaveLength(1);
    const changes = (JSON.parse(batch[0] as string) as { changes: { name: string; args: { id?: string } }[] })
      .changes;
    expect(changes.find((c) => c.name === 'handoff.create')?.args.id).toBe(handoffs[0]?.id);
    expect(changes.map((c) => c.name)).toContain('lead.setStatus');
    expect(db.prepare('SELECT state FROM enrollments WHERE lead_id = ?').pluck().get(id)).toBe('finished');
  });

  it('lists the hand-off key in the shortcut sheet', async () => {
    const { page } = ws;
    await page.locator('body').focus();
    await page.keyboard.press('?');
    const help = page.getByTestId('shortcut-help');
    await help.waitFor();
    expect(await help.textContent()).toContain('Hand off the open lead as MQL');
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'detached' });
  });

  it('reaches the qualification card with B, listed in the sheet and the palette', async () => {
    const { page } = ws;
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-testid'));
    await page.locator(OPTION).filter({ hasText: 'Jae Park' }).click();
    await waitForText(page.getByTestId('bant-count'), '0 of 4 confirmed');
    await page.locator('body').focus();
    await page.keyboard.press('b');
    expect(await focused()).toBe('bant-budget');
    // From there the criteria are ticked with Space, and Tab reaches the note.
    await page.keyboard.press('Space');
    await waitForText(page.getByTestId('bant-count'), '1 of 4 confirmed');
    await page.keyboard.press('Space');
    await waitForText(page.getByTestId('bant-count'), '0 of 4 confirmed');
    // Esc leaves the toggle, and single keys are commands again.
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
    await page.keyboard.press('?');
    const help = page.getByTestId('shortcut-help');
    await help.waitFor();
    expect(await help.textContent()).toContain('Qualify the open lead: BANT and the profile checklist');
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'detached' });

    await page.locator('body').focus();
    await page.keyboard.press('Control+k');
    await page.getByTestId('command-palette').waitFor();
    await page.keyboard.type('qualify the open');
    expect(await page.getByTestId('palette-item').count()).toBe(1);
    expect(await page.getByTestId('palette-item').textContent()).toContain('B');
    await page.keyboard.press('Enter');
    await page.getByTestId('command-palette').waitFor({ state: 'detached' });
    await expect.poll(focused).toBe('bant-budget');

    // Handed off, the toggles are read-only: B reaches the card itself.
    await page.locator(OPTION).filter({ hasText: 'Mina Cho' }).click();
    await page.getByTestId('qualification-read-only').waitFor();
    await page.locator('body').focus();
    await page.keyboard.press('b');
    expect(await focused()).toBe('qualification');
  });

  it('follows the hand-off gate chosen in settings', async () => {
    const { page, core } = ws;
    const jae = idOf('Jae Park');
    await core.handlers['qualification.setBant']({
      leadId: jae,
      criterion: 'authority',
      confirmed: true,
      note: 'CRO signs',
    });
    await core.handlers['qualification.setBant']({ leadId: jae, criterion: 'timeline', confirmed: true });
    await page.locator(OPTION).filter({ hasText: 'Jae Park' }).click();
    await waitForText(page.getByTestId('bant-count'), '2 of 4 confirmed');
    expect(await page.getByTestId('handoff-open').isEnabled()).toBe(true);

    const choose = async (option: string) => {
      await page.locator('body').focus();
      await page.keyboard.press(',');
      const settings = page.getByTestId('settings-dialog');
      await settings.waitFor();
      await page.getByTestId('settings-handoff-gate').click();
      await page.getByRole('option', { name: option }).click();
      await page.keyboard.press('Escape');
      await settings.waitFor({ state: 'detached' });
    };
    await choose('3 of 4 BANT criteria');
    await waitForText(page.getByTestId('bant-count'), 'a hand-off needs 3');
    expect(await page.getByTestId('handoff-open').isDisabled()).toBe(true);
    expect(core.handlers['qualification.config']({})).toMatchObject({ bantGate: 3 });
    await choose('2 of 4 BANT criteria');
    await waitForText(page.getByTestId('bant-count'), 'a hand-off needs 2');
    expect(await page.getByTestId('handoff-open').isEnabled()).toBe(true);
  });

  it.each([
    ['en', 'dark', 'Hand off as MQL'],
    ['zh-CN', 'light', '作为 MQL 转交'],
    ['zh-CN', 'dark', '作为 MQL 转交'],
    ['ko', 'light', 'MQL로 전달'],
    ['ko', 'dark', 'MQL로 전달'],
  ] as const)('reads in %s on the %s theme', async (locale, theme, handoffLabel) => {
    const { page, core } = ws;
    await core.handlers['settings.update']({ locale, theme });
    await page.locator(`html[data-theme="${theme}"][lang="${locale}"]`).waitFor({ state: 'attached' });
    await page.locator(OPTION).filter({ hasText: 'Jae Park' }).click();
    const panel = page.getByTestId('qualification');
    await waitForText(page.getByTestId('handoff-open'), handoffLabel);
    await shotOf(panel, `qualification-${locale}-${theme}`);
    await page.getByTestId('handoff-open').click();
    const dialog = page.getByTestId('handoff-dialog');
    await dialog.waitFor();
    await page
      .getByTestId('handoff-summary')
      .fill(locale === 'en' ? 'Ready for a pilot' : '准备试点 / 파일럿 준비');
    await shotOf(dialog, `handoff-dialog-${locale}-${theme}`);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });
  it('hands off with Ctrl+Enter from the summary', async () => {
    const { page, core } = ws;
    await core.handlers['settings.update']({ locale: 'en', theme: 'light' });
    await page.locator('html[data-theme="light"][lang="en"]').waitFor({ state: 'attached' });
    await page.locator(OPTION).filter({ hasText: 'Jae Park' }).click();
    await waitForText(page.getByTestId('handoff-open'), 'Hand off as MQL');
    await page.locator('body').focus();
    await page.keyboard.press('h');
    await page.getByTestId('handoff-dialog').waitFor();
    // A summary typed before and closed with Esc is still there, not lost.
    expect(await page.getByTestId('handoff-summary').inputValue()).toBe('准备试点 / 파일럿 준비');
    await page.keyboard.press('Control+a');
    await page.keyboard.type('CRO wants a pilot; first line of a longer note');
    await page.keyboard.press('Enter');
    await page.keyboard.type('second line');
    await page.keyboard.press('Control+Enter');
    await page.getByTestId('handoff-dialog').waitFor({ state: 'detached' });
    await waitForText(page.getByTestId('handoff-done'), 'Handed off as MQL');
    const jae = idOf('Jae Park');
    expect(core.db.prepare('SELECT summary FROM handoffs WHERE lead_id = ?').pluck().get(jae)).toBe(
      'CRO wants a pilot; first line of a longer note\nsecond line',
    );
    expect(core.db.prepare("SELECT count(*) FROM outbox WHERE name = 'lead.handoff'").pluck().get()).toBe(2);
  });
});
