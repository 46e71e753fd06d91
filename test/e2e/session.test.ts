/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPTION, openApp, openWorkspace, type Workspace, waitForText } from './harness';

// A calling session from the keyboard in Chromium against a real core: start, auto-advance after an
// outcome, no advance while the rep types, skip and snooze with a reason, the command palette, and
// list keys that never reach the lead list hidden behind the queue.

// A Tuesday, 10:00 in New York: the East Coast demo leads are callable.
const T0 = Date.parse('2026-11-24T15:00:00Z');

describe('a calling session in Chromium', () => {
  let ws: Workspace;
  const shots: string[] = [];

  beforeAll(async () => {
    const started = Date.now();
    ws = await openWorkspace({ now: () => T0 + (Date.now() - started) });
    await ws.context.clock.install({ time: T0 });
    await openApp(ws.page, ws.host.url);
  });

  afterAll(async () => {
    if (shots.length) process.stdout.write(`screenshots:\n  ${shots.join('\n  ')}\n`);
    await ws?.close();
  });

  const openName = () => ws.page.getByTestId('lead-detail').locator('.detail__name').textContent();
  const leadIdOf = (name: string) =>
    ws.core.db.prepare('SELECT id FROM leads WHERE name LIKE ?').pluck().get(`${name}%`) as string;
  const activitiesOf = (kind: string) =>
    ws.core.db
      .prepare(
        'SELECT l.name, a.outcome, a.body FROM activities a JOIN leads l ON l.id = a.lead_id WHERE a.kind = ?',
      )
      .all(kind) as { name: string; outcome: string; body: string | null }[];
  /** Waits until the lead panel shows a lead other than `name`, and its outcome card is ready. */
  const waitForOtherLead = async (name: string | null) => {
    await ws.page.waitForFunction((before) => {
      const shown = document.querySelector('[data-testid="lead-detail"] .detail__name')?.textContent;
      return (
        shown && shown !== before && document.querySelector('[data-testid="outcome-card"] [data-outcome]')
      );
    }, name);
  };

  it('keeps J/K for the queue while it is shown, never the hidden lead list', async () => {
    const { page } = ws;
    const list = page.locator('#lead-list');
    await page.locator('body').focus();
    await page.keyboard.press('j');
    const listActive = await list.getAttribute('aria-activedescendant');
    expect(listActive).not.toBeNull();
    await page.keyboard.press('q');
    await page.getByTestId('queue-entry').first().waitFor();
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await page.keyboard.press('k');
    // The queue's highlight moved to its first entry; the hidden list's did not move at all.
    const active = page.locator('[data-testid="queue-entry"][data-active="true"]');
    expect(await active.getAttribute('data-lead-id')).toBe(
      await page.getByTestId('queue-entry').first().getAttribute('data-lead-id'),
    );
    expect(await list.getAttribute('aria-activedescendant')).toBe(listActive);
    await page.keyboard.press('Enter');
    const first = await page.getByTestId('queue-entry').first().locator('.queue-entry__name').textContent();
    await waitForText(page.getByTestId('lead-detail').locator('.detail__name'), first ?? '');
  });

  it('starts with one key and lands on the next lead after each outcome key', async () => {
    const { page } = ws;
    await page.locator('body').focus();
    await page.keyboard.press('g');
    await waitForText(page.getByTestId('session-state'), 'Session on');
    const top = await page.getByTestId('queue-entry').first().locator('.queue-entry__name').textContent();
    await waitForText(page.getByTestId('lead-detail').locator('.detail__name'), top ?? '');
    await page.getByTestId('outcome-card').locator('[data-outcome="no_answer"]').waitFor();

    // One key per call: the outcome digit logs and moves on.
    for (let call = 1; call <= 2; call++) {
      const before = await openName();
      await page.keyboard.press('6');
      await waitForOtherLead(before);
      await waitForText(page.getByTestId('session-progress'), `${call} / 60 dials`);
    }
    expect(activitiesOf('call').map((a) => a.outcome)).toEqual(['no_answer', 'no_answer']);
    shots.push(await ws.screenshot('session-running-en-light-1280'));
  });

  it('waits while the rep types, and moves on once they leave the field', async () => {
    const { page } = ws;
    const before = await openName();
    await page.keyboard.press('e');
    await page.keyboard.type('Spoke to the front desk');
    // The palette runs an outcome while the notes still hold unsaved typing.
    await page.keyboard.press('Control+k');
    await page.getByTestId('command-palette').waitFor();
    await page.keyboard.type('log no answer');
    const items = page.getByTestId('palette-item');
    expect(await items.count()).toBe(1);
    await page.keyboard.press('Enter');
    await page.getByTestId('command-palette').waitFor({ state: 'detached' });
    await page.getByTestId('session-held').waitFor();
    await waitForText(page.getByTestId('session-progress'), '3 / 60 dials');
    expect(await openName()).toBe(before);
    expect(await page.locator('#research-notes').evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Escape');
    await waitForOtherLead(before);
    await page.getByTestId('session-held').waitFor({ state: 'detached' });
    const name = before?.replace(' (demo)', '') ?? '';
    expect(
      ws.core.db.prepare('SELECT body FROM research WHERE lead_id = ?').pluck().get(leadIdOf(name)),
    ).toBe('Spoke to the front desk');
  });

  it('skips with S and snoozes with Z, each with a reason, and the queue explains the snooze', async () => {
    const { page } = ws;
    await page.locator('body').focus();
    const skipped = (await openName())?.replace(' (demo)', '') ?? '';
    await page.keyboard.press('s');
    await page.getByTestId('skip-dialog').waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.getByTestId('skip-dialog').waitFor({ state: 'detached' });
    await waitForOtherLead(`${skipped} (demo)`);
    expect(activitiesOf('skip')).toEqual([{ name: `${skipped} (demo)`, outcome: 'wrong_time', body: null }]);

    const snoozed = (await openName())?.replace(' (demo)', '') ?? '';
    await page.locator('body').focus();
    await page.keyboard.press('z');
    await page.getByTestId('snooze-dialog').waitFor();
    await page.getByTestId('snooze-for-tomorrow').check();
    await page.getByTestId('snooze-note').fill('Back from the trade show tomorrow');
    shots.push(await ws.screenshot('session-snooze-en-light-1280'));
    await page.getByTestId('snooze-confirm').click();
    await page.getByTestId('snooze-dialog').waitFor({ state: 'detached' });
    // The session moves on: to the next callable lead, or says none is left (the skipped one stays out).
    const { entry } = await ws.core.handlers['queue.next']({ exclude: [leadIdOf(skipped)] });
    if (entry) await waitForOtherLead(`${snoozed} (demo)`);
    else await page.getByTestId('session-none-left').waitFor();
    expect(activitiesOf('snooze')).toEqual([
      { name: `${snoozed} (demo)`, outcome: 'asked_later', body: 'Back from the trade show tomorrow' },
    ]);
    const why = await ws.core.handlers['queue.why']({ leadId: leadIdOf(snoozed), at: T0 + 60_000 });
    expect(why.blockers.map((b) => b.rule)).toContain('snoozed');
    // 09:00 tomorrow in the rep's time zone (the page runs in New York).
    expect(why.blockers.find((b) => b.rule === 'snoozed')?.until).toBe(Date.parse('2026-11-25T14:00:00Z'));
    const names = await page.locator('[data-testid="queue-entry"] .queue-entry__name').allTextContents();
    expect(names).not.toContain(`${snoozed} (demo)`);
  });

  it('lists the same actions and keys in the palette as in the shortcut sheet', async () => {
    const { page } = ws;
    await page.locator('body').focus();
    await page.keyboard.press('?');
    const sheet = page.getByTestId('shortcut-help');
    await sheet.waitFor();
    const sheetRow = sheet.locator('.shortcut').filter({ hasText: 'Snooze the lead on screen' });
    expect(await sheetRow.locator('.kbd').allTextContents()).toEqual(['Z']);
    await page.keyboard.press('Escape');
    await sheet.waitFor({ state: 'detached' });
    await page.keyboard.press('Control+k');
    await page.keyboard.type('snooze');
    const item = page.getByTestId('palette-item');
    expect(await item.count()).toBe(1);
    expect(await item.locator('.kbd').allTextContents()).toEqual(['Z']);
    await page.keyboard.press('Escape');
    await page.getByTestId('command-palette').waitFor({ state: 'detached' });
  });

  it('pauses (no advance) and stops with keys', async () => {
    const { page } = ws;
    await page.locator('body').focus();
    await page.keyboard.press('p');
    await waitForText(page.getByTestId('session-state'), 'Session paused');
    const before = await openName();
    await page.keyboard.press('6');
    await waitForText(page.getByTestId('outcome-result'), 'Working');
    expect(await openName()).toBe(before);
    await page.keyboard.press('x');
    await waitForText(page.getByTestId('session-state'), 'No session');
  });

  it.each([
    ['en', 'light', 1280, 800, 'Session on'],
    ['en', 'dark', 1920, 1080, 'Session on'],
    ['zh-CN', 'light', 1280, 800, '会话进行中'],
    ['zh-CN', 'dark', 1920, 1080, '会话进行中'],
    ['ko', 'light', 1920, 1080, '세션 진행 중'],
    ['ko', 'dark', 1280, 800, '세션 진행 중'],
    ['en', 'dark', 1280, 800, 'Session on'],
    ['en', 'light', 1920, 1080, 'Session on'],
    ['zh-CN', 'dark', 1280, 800, '会话进行中'],
    ['zh-CN', 'light', 1920, 1080, '会话进行中'],
    ['ko', 'dark', 1920, 1080, '세션 진행 중'],
    ['ko', 'light', 1280, 800, '세션 진행 중'],
  ] as const)(
    'shows the session screen in %s, %s, at %i×%i',
    async (locale, theme, width, height, running) => {
      const { page, core } = ws;
      await page.setViewportSize({ width, height });
      await core.handlers['settings.update']({ locale, theme });
      await page.locator(`html[data-theme="${theme}"][lang="${locale}"]`).waitFor({ state: 'attached' });
      if ((await page.getByTestId('session-strip').getAttribute('data-state')) !== 'running') {
        await page.locator('body').focus();
        await page.keyboard.press('g');
      }
      await waitForText(page.getByTestId('session-state'), running);
      await page.getByTestId('outcome-card').locator('[data-outcome]').first().waitFor();
      shots.push(await ws.screenshot(`session-${locale}-${theme}-${width}`));
    },
  );

  it('leaves the list of leads reachable again after the queue is closed', async () => {
    const { page, core } = ws;
    await page.setViewportSize({ width: 1280, height: 800 });
    await core.handlers['settings.update']({ locale: 'en', theme: 'light' });
    await page.locator('body').focus();
    await page.keyboard.press('x');
    await page.keyboard.press('q');
    await page.getByTestId('queue-view').waitFor({ state: 'detached' });
    const before = await page.locator('#lead-list').getAttribute('aria-activedescendant');
    await page.keyboard.press('j');
    await page.waitForFunction(
      (id) => document.querySelector('#lead-list')?.getAttribute('aria-activedescendant') !== id,
      before,
    );
    expect(await page.locator(OPTION).count()).toBeGreaterThan(0);
  });
});
