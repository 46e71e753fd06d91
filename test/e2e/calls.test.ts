import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../src/main/core/dispatch';
import { OPTION, openApp, openWorkspace, type Workspace, waitForText } from './harness';

// One outcome per call, undo and void, the call history, and do-not-contact in the lead panel:
// Chromium against the web host on a real store.

// A Tuesday, 10:00 in New York: the East Coast demo leads are callable.
const T0 = Date.parse('2026-11-24T15:00:00Z');

type ActivityRow = {
  outcome: string;
  voided_at: number | null;
  void_kind: string | null;
  void_reason: string | null;
};

describe('one outcome per call, undo, void and do-not-contact in Chromium', () => {
  let ws: Workspace;
  let historyHeld = false;
  const heldHistory: Array<() => void> = [];
  const releaseHistory = () => {
    historyHeld = false;
    for (const send of heldHistory.splice(0)) send();
  };
  const shots: string[] = [];

  const activitiesOf = (name: string): ActivityRow[] =>
    ws.core.db
      .prepare<[string], ActivityRow>(
        `SELECT outcome, voided_at, void_kind, void_reason FROM activities
         WHERE lead_id = (SELECT id FROM leads WHERE name LIKE ? || '%') ORDER BY created_at`,
      )
      .all(name);
  const statusOf = (name: string): string | undefined =>
    ws.core.db
      .prepare<[string], { status: string }>("SELECT status FROM leads WHERE name LIKE ? || '%'")
      .get(name)?.status;

  beforeAll(async () => {
    const started = Date.now();
    ws = await openWorkspace({ now: () => T0 + (Date.now() - started) });
    await ws.context.clock.install({ time: T0 });
    // The page's link to the host passes through here, so a test can hold back the history's reads
    // and see what the keys do while the history still shows the call before.
    await ws.page.routeWebSocket(/\/api\?token=/, (page) => {
      const host = page.connectToServer();
      page.onMessage((message) => {
        const text = String(message);
        if (historyHeld && text.includes('"method":"history.list"')) heldHistory.push(() => host.send(text));
        else host.send(message);
      });
    });
    await openApp(ws.page, ws.host.url);
  });

  afterAll(async () => {
    if (shots.length) process.stdout.write(`screenshots:\n  ${shots.join('\n  ')}\n`);
    await ws?.close();
  });

  const openFromQueue = async (name: string) => {
    const { page } = ws;
    if (!(await page.getByTestId('queue-view').count())) await page.keyboard.press('q');
    await page.getByTestId('queue-entry').filter({ hasText: name }).click();
    await waitForText(page.getByTestId('lead-detail').locator('.detail__name'), name);
    await page.getByTestId('outcome-card').locator('[data-outcome="no_answer"]').waitFor();
    await page.locator('body').focus();
  };

  it('logs with a digit, refuses a second digit for the same call, and undoes within 10 s', async () => {
    const { page } = ws;
    await openFromQueue('Avery Chen');
    await page.keyboard.press('6');
    await waitForText(page.getByTestId('outcome-result'), 'New → Working');
    const toast = page.getByTestId('undo-toast');
    await waitForText(toast, 'Undo');
    expect(await toast.textContent()).toContain('Ctrl+Z');
    await waitForText(page.getByTestId('outcome-once'), 'This call has its outcome');

    // A second digit on the same call is refused, and nothing more is logged.
    await page.keyboard.press('5');
    await waitForText(page.getByTestId('outcome-refused'), 'already has an outcome');
    expect(activitiesOf('Avery Chen').map((a) => a.outcome)).toEqual(['no_answer']);

    await page.keyboard.press('Control+z');
    await page.getByTestId('undone-toast').waitFor();
    await waitForText(page.getByTestId('lead-detail').locator('.detail__badges .status'), 'New');
    expect(activitiesOf('Avery Chen')).toEqual([
      expect.objectContaining({ outcome: 'no_answer', void_kind: 'undo', voided_at: expect.any(Number) }),
    ]);
    expect(statusOf('Avery Chen')).toBe('new');
    await page.locator('[data-testid="history-entry"][data-void="undo"]').waitFor();

    // The undone call is free again: the right outcome goes on it.
    await page.locator('body').focus();
    await page.keyboard.press('5');
    await waitForText(page.getByTestId('outcome-result'), 'New → Working');
    await page.locator('[data-testid="history-entry"]:not([data-void])').waitFor();
    expect(activitiesOf('Avery Chen').map((a) => [a.outcome, a.void_kind])).toEqual([
      ['no_answer', 'undo'],
      ['voicemail', null],
    ]);
  });

  it('voids an outcome from the call history with a reason, struck through and put back', async () => {
    const { page } = ws;
    const history = page.getByTestId('call-history');
    await history.getByTestId('history-void-open').click();
    const dialog = page.getByTestId('void-dialog');
    await dialog.waitFor();
    await dialog.getByTestId('void-reason').fill('Logged on the wrong lead');
    await dialog.getByTestId('void-confirm').click();
    await dialog.waitFor({ state: 'detached' });
    const voided = history.locator('[data-testid="history-entry"][data-void="void"]');
    await waitForText(voided, 'Logged on the wrong lead');
    await waitForText(page.getByTestId('lead-detail').locator('.detail__badges .status'), 'New');
    expect(activitiesOf('Avery Chen').at(-1)).toMatchObject({
      outcome: 'voicemail',
      void_kind: 'void',
      void_reason: 'Logged on the wrong lead',
    });
    expect(statusOf('Avery Chen')).toBe('new');
    // Struck through, and no void left to offer.
    expect(
      await voided
        .locator('.history__what')
        .evaluate((el) => el.ownerDocument.defaultView?.getComputedStyle(el).textDecorationLine),
    ).toBe('line-through');
    expect(await history.getByTestId('history-void-open').count()).toBe(0);

    for (const theme of ['light', 'dark'] as const) {
      // `t` steps through the themes (system, light, dark); step until this one shows.
      for (let step = 0; step < 3; step++) {
        if ((await page.locator('html').getAttribute('data-theme')) === theme) break;
        await page.locator('body').focus();
        await page.keyboard.press('t');
        await page.waitForTimeout(150);
      }
      expect(await page.locator('html').getAttribute('data-theme')).toBe(theme);
      await history.scrollIntoViewIfNeeded();
      const path = join(ws.shotsDir, `call-history-en-${theme}.png`);
      await history.screenshot({ path });
      shots.push(path, await ws.screenshot(`call-history-page-en-${theme}`));
    }
  });

  it('applies a digit pressed right after "next lead" to the lead on screen, never the one before', async () => {
    const { page } = ws;
    await openFromQueue('Jordan Patel');
    await page.keyboard.press('6');
    await waitForText(page.getByTestId('outcome-result'), 'Working');
    const standing = page.getByTestId('call-history');
    await standing.getByTestId('history-void-open').waitFor();
    const path = join(ws.shotsDir, 'call-history-standing-en-dark.png');
    await standing.screenshot({ path });
    shots.push(path);
    const before = activitiesOf('Jordan Patel').length;
    await page.keyboard.press('Shift+Q');
    await page.keyboard.press('6');
    await page.getByTestId('lead-detail').locator('.detail__name').filter({ hasNotText: 'Jordan' }).waitFor();
    expect(activitiesOf('Jordan Patel')).toHaveLength(before);
  });

  it('voids the call just logged when V follows the digit at once, never the older call the history shows', async () => {
    const { page } = ws;
    if (await page.getByTestId('queue-view').count()) await page.keyboard.press('q');
    const openFromList = async (name: string) => {
      await page.locator(OPTION).filter({ hasText: name }).click();
      await waitForText(page.getByTestId('lead-detail').locator('.detail__name'), name);
      await page.getByTestId('outcome-card').locator('[data-outcome="no_answer"]').waitFor();
      await page.locator('body').focus();
    };
    // An earlier call, standing: the history offers to void it.
    await openFromList('Morgan Reyes');
    await page.keyboard.press('6');
    await waitForText(page.getByTestId('outcome-result'), 'Working');
    const history = page.getByTestId('call-history');
    await history.locator('[data-testid="history-entry"]').filter({ hasText: 'No answer' }).waitFor();
    await history.getByTestId('history-void-open').waitFor();
    // Another lead, then back: a new call on Morgan, the older call still newest in the history.
    await openFromList('Riley Okafor');
    await openFromList('Morgan Reyes');
    await history.getByTestId('history-void-open').waitFor();

    // The history does not read the new call back until the dialog is open: its newest entry, and
    // its "Void…", stay on the call before.
    historyHeld = true;
    await page.keyboard.press('5');
    await page.keyboard.press('v');
    const dialog = page.getByTestId('void-dialog');
    await dialog.waitFor();
    expect(await history.getByTestId('history-entry').first().textContent()).toContain('No answer');
    expect(await dialog.textContent()).toContain('Left voicemail');
    expect(await dialog.textContent()).not.toContain('No answer');
    releaseHistory();
    await dialog.getByTestId('void-reason').fill('Pressed the wrong digit');
    await dialog.getByTestId('void-reason').press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await waitForText(history.locator('[data-testid="history-entry"][data-void="void"]'), 'Left voicemail');
    expect(activitiesOf('Morgan Reyes').map((a) => [a.outcome, a.void_kind, a.void_reason])).toEqual([
      ['no_answer', null, null],
      ['voicemail', 'void', 'Pressed the wrong digit'],
    ]);
    // Back to the queue, where the next test starts.
    await page.locator('body').focus();
    await page.keyboard.press('q');
    await page.getByTestId('queue-view').waitFor();
  });

  it('will not dial or log a do-not-contact lead from the panel or the keys', async () => {
    const { page } = ws;
    const harriet = ws.core.db
      .prepare<[], { id: string; e164: string }>(
        `SELECT l.id, p.e164 FROM leads l JOIN lead_phones p ON p.lead_id = l.id WHERE l.name LIKE 'Harriet Wells%'`,
      )
      .get();
    expect(harriet).toBeDefined();
    const added = await dispatch(ws.core.handlers, 'dnc.add', {
      entries: [{ kind: 'phone', value: harriet?.e164 as string }],
      reason: 'Asked not to be called',
    });
    expect(added.ok).toBe(true);
    await page.keyboard.press('q');
    await page.getByTestId('queue-view').waitFor({ state: 'detached' });
    await page.locator('#lead-search').fill('Harriet');
    await page.locator('[role="option"]').filter({ hasText: 'Harriet Wells' }).click();
    const detail = page.getByTestId('lead-detail');
    await waitForText(detail.locator('.detail__name'), 'Harriet Wells');
    await page.getByTestId('outcome-dnc').waitFor();
    // The contact card's badge says do-not-contact, not "in calling window".
    await page.getByTestId('pill-dnc').waitFor();
    expect(await page.locator('#lead-call-link').count()).toBe(0);
    expect(await detail.locator('a[href^="tel:"]').count()).toBe(0);
    expect(await page.getByTestId('outcome-card').locator('[data-outcome="no_answer"]').isDisabled()).toBe(
      true,
    );

    // The explainer names the rule once and never offers a time it clears.
    await page.getByTestId('why-ask').click();
    await waitForText(page.getByTestId('why-dnc'), 'does not clear by itself');
    expect(await page.getByTestId('why-card').locator('li[data-rule]').count()).toBe(0);

    await page.locator('body').focus();
    await page.keyboard.press('6');
    await waitForText(page.getByTestId('outcome-refused'), 'do-not-contact');
    await page.keyboard.press('c');
    expect(activitiesOf('Harriet Wells')).toEqual([]);
    shots.push(await ws.screenshot('lead-dnc-en-dark'));
  });

  it('lists the undo shortcut in the help sheet', async () => {
    const { page } = ws;
    await page.locator('body').focus();
    await page.keyboard.press('?');
    const help = page.getByTestId('shortcut-help');
    await help.waitFor();
    expect(await help.textContent()).toContain('Undo the outcome just logged');
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'detached' });
  });
});
