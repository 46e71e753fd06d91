import { join } from 'node:path';
import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core';
import type { NewLead } from '../../src/main/core/leads/repo';
import { OPTION, openApp, openWorkspace, type Workspace, waitForText } from './harness';

// Fixing a lead on the spot and scheduling a callback in both time zones, in the built workspace in
// Chromium (New York time) against the web host and a real store; the browser's Notification is
// captured when a callback falls due.

const lead = (name: string, extra: Partial<NewLead>): NewLead => ({
  name,
  title: 'IT Director',
  company: 'Hanbit Tech',
  email: `${name.split(' ')[0]?.toLowerCase()}@hanbit.example`,
  phones: [{ e164: '+82212345678', ext: null, label: null, raw: '+82 2 1234 5678' }],
  timeZone: null,
  country: 'KR',
  region: null,
  city: null,
  sourceChannel: 'event',
  sourceDetail: 'Seoul summit',
  direction: 'inbound',
  status: 'new',
  ...extra,
});

const seed = (core: Core) => {
  const ids = core.db.transaction(() => [
    core.leads.create(lead('Jiwoo Han', {})).id,
    core.leads.create(lead('Seoyeon Kim', { timeZone: 'Asia/Seoul' })).id,
    core.leads.create(
      lead('Mina Cho', {
        country: 'US',
        timeZone: 'America/New_York',
        phones: [{ e164: '+12025550143', ext: null, label: null, raw: '202 555 0143' }],
      }),
    ).id,
  ])();
  core.dialing.enrollNewLeads(ids, Date.now());
};

/** `datetime-local` text for an instant, in New York wall time (the page's zone). */
const newYorkInput = (at: number): string => {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'America/New_York',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}`;
};

/** The next Wednesday 03:00 in Seoul: outside any daytime calling window there. */
const seoulNight = (): number => {
  let at = Date.now() + 24 * 3_600_000;
  for (;;) {
    const wd = new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Seoul', weekday: 'short' }).format(at);
    if (wd === 'Wed') break;
    at += 24 * 3_600_000;
  }
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Seoul' }).format(at);
  return Date.parse(`${day}T03:00:00+09:00`);
};

describe('fixing a lead and callbacks in both time zones, in Chromium', () => {
  let ws: Workspace;
  const shots: string[] = [];
  const shotOf = async (target: Locator, name: string) => {
    const path = join(ws.shotsDir, `${name}.png`);
    await target.screenshot({ path });
    shots.push(path);
  };
  const idOf = (name: string) =>
    ws.core.db.prepare('SELECT id FROM leads WHERE name = ?').pluck().get(name) as string;
  const phonesOf = (name: string) =>
    ws.core.db
      .prepare('SELECT e164 FROM lead_phones WHERE lead_id = ? ORDER BY position')
      .pluck()
      .all(idOf(name)) as string[];
  const outboxNames = () =>
    ws.core.db.prepare('SELECT name FROM outbox ORDER BY seq').pluck().all() as string[];
  const open = async (name: string) => {
    await ws.page.locator(OPTION).filter({ hasText: name }).click();
    await ws.page.getByTestId('lead-edit').waitFor();
  };

  beforeAll(async () => {
    ws = await openWorkspace({ seedDemo: false, seed });
    await ws.context.grantPermissions(['notifications'], { origin: ws.host.url });
    // Every Notification the page constructs is recorded, then shown as usual.
    await ws.context.addInitScript(`
      window.__notifications = [];
      const Native = window.Notification;
      window.Notification = class extends Native {
        constructor(title, options) {
          super(title, options);
          window.__notifications.push({ title, body: options && options.body });
        }
      };
    `);
    await openApp(ws.page, ws.host.url);
  });

  afterAll(async () => {
    if (shots.length) process.stdout.write(`screenshots:\n  ${shots.join('\n  ')}\n`);
    await ws?.close();
  });

  it('adds a number (refusing a bad one), picks the one dialed first and sets the time zone', async () => {
    const { page } = ws;
    await open('Jiwoo Han');
    await page.getByTestId('time-zone-unknown').waitFor();
    const card = page.getByTestId('lead-edit');
    const before = outboxNames().length;

    await page.getByTestId('lead-edit-phone-input').fill('12345');
    await page.getByTestId('lead-edit-phone-add').click();
    await waitForText(page.getByTestId('lead-edit-error-phones'), 'is not a phone number');
    expect(phonesOf('Jiwoo Han')).toEqual(['+82212345678']);
    expect(outboxNames()).toHaveLength(before);

    // A national number is read in the lead's country (Korea).
    await page.getByTestId('lead-edit-phone-input').fill('010-2345-6789');
    await page.getByTestId('lead-edit-phone-add').click();
    await card.locator('[data-phone="+821023456789"]').waitFor();
    expect(phonesOf('Jiwoo Han')).toEqual(['+82212345678', '+821023456789']);
    await card
      .locator('[data-phone="+821023456789"]')
      .getByRole('button', { name: /Dial .* first/ })
      .click();
    await waitForText(card.locator('.lead-edit__phone').first(), '+82 10 2345 6789');
    expect(phonesOf('Jiwoo Han')).toEqual(['+821023456789', '+82212345678']);

    // The zone picker offers Korea's zone; setting it makes the lead's local time known.
    const zones = await card
      .locator('datalist option')
      .evaluateAll((els) => els.map((e) => e.getAttribute('value')));
    expect(zones).toEqual(['Asia/Seoul']);
    await page.getByTestId('lead-edit-time-zone-input').fill('Asia/Seoul');
    await page.getByTestId('lead-edit-time-zone-set').click();
    await page.getByTestId('time-zone-unknown').waitFor({ state: 'detached' });
    expect(
      ws.core.db.prepare('SELECT time_zone FROM leads WHERE id = ?').pluck().get(idOf('Jiwoo Han')),
    ).toBe('Asia/Seoul');
    expect(outboxNames().slice(before)).toEqual([
      'lead.setPhones',
      'lead.setPrimaryPhone',
      'lead.setTimeZone',
    ]);
  });

  it('changes the status with a reason, and the history shows it', async () => {
    const { page } = ws;
    await open('Jiwoo Han');
    await page.getByTestId('lead-edit-status-select').click();
    await page.getByRole('option', { name: 'Nurture' }).click();
    await page.getByTestId('lead-edit-status-set').click();
    await waitForText(page.getByTestId('lead-edit-status'), 'Say why the status changes');
    await page.getByTestId('lead-edit-reason').fill('Budget frozen until Q3');
    await page.getByTestId('lead-edit-status-set').click();
    await waitForText(page.getByTestId('call-history'), 'Status changed by hand');
    await waitForText(page.getByTestId('call-history'), 'Budget frozen until Q3');
    expect(ws.core.db.prepare('SELECT status FROM leads WHERE id = ?').pluck().get(idOf('Jiwoo Han'))).toBe(
      'nurture',
    );
  });

  it('shows the callback in the rep’s and the lead’s time, defaults inside the window and warns outside it', async () => {
    const { page } = ws;
    await open('Seoyeon Kim');
    await page.getByTestId('outcome-card').locator('[data-outcome="callback"]').click();
    const picker = page.getByTestId('outcome-callback');
    await picker.waitFor();
    // The default is the lead's next in-window time: no warning.
    await waitForText(page.getByTestId('callback-lead-time'), /GMT\+9/);
    expect(await page.getByTestId('callback-outside').count()).toBe(0);
    expect(await page.getByTestId('callback-rep-time').textContent()).toMatch(/E[SD]T|GMT-[45]/);

    await page.getByTestId('outcome-callback-at').fill(newYorkInput(seoulNight()));
    await waitForText(page.getByTestId('callback-outside'), 'Outside the lead’s calling window');
    expect(await page.getByTestId('callback-lead-time').textContent()).toMatch(/Wed.*3:00\sAM/);
    await shotOf(picker, 'callback-picker-en-light');
    await page.getByTestId('callback-use-suggested').click();
    await page.getByTestId('callback-outside').waitFor({ state: 'detached' });
    expect(await page.getByTestId('callback-lead-time').textContent()).toMatch(/Wed.*8:00\sAM/);
    await page.getByTestId('callback-schedule').click();
    await page.getByTestId('outcome-result').waitFor();
    // Permission is granted already, so Dialdeck does not ask.
    expect(await page.getByTestId('notify-prompt').count()).toBe(0);
  });

  it('notifies through the browser when a callback falls due', async () => {
    const { page, core } = ws;
    await core.handlers['outcomes.log']({
      leadId: idOf('Mina Cho'),
      outcome: 'callback',
      callbackAt: Date.now() + 3_000,
    });
    type Recorded = { __notifications: { title: string; body?: string }[] };
    await page.waitForFunction(
      () => (globalThis as unknown as Recorded).__notifications.length > 0,
      undefined,
      {
        timeout: 15_000,
      },
    );
    const seen = await page.evaluate(() => (globalThis as unknown as Recorded).__notifications);
    expect(seen).toEqual([
      { title: 'Callback due: Mina Cho', body: expect.stringMatching(/^Hanbit Tech · their time/) },
    ]);
  });

  it('asks once, politely, for notifications at the first callback scheduled where none were allowed', async () => {
    const context = await ws.browser.newContext({
      viewport: { width: 1280, height: 800 },
      locale: 'en-US',
      timezoneId: 'America/New_York',
    });
    try {
      const page = await context.newPage();
      await openApp(page, ws.host.url);
      expect(
        await page.evaluate(
          () => (globalThis as unknown as { Notification: { permission: string } }).Notification.permission,
        ),
      ).toBe('default');
      const schedule = async (name: string) => {
        await page.locator(OPTION).filter({ hasText: name }).click();
        await page.getByTestId('outcome-card').locator('[data-outcome="callback"]').click();
        await page.getByTestId('callback-schedule').click();
        await page.getByTestId('outcome-result').waitFor();
      };
      await schedule('Seoyeon Kim');
      const prompt = page.getByTestId('notify-prompt');
      await waitForText(prompt, 'Get a notification when this callback is due?');
      await shotOf(prompt, 'notify-prompt-en-light');
      await prompt.getByRole('button', { name: 'Not now' }).click();
      await prompt.waitFor({ state: 'detached' });
      await schedule('Jiwoo Han');
      expect(await page.getByTestId('notify-prompt').count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  it.each([
    ['en', 'dark'],
    ['zh-CN', 'light'],
    ['zh-CN', 'dark'],
    ['ko', 'light'],
    ['ko', 'dark'],
  ] as const)('reads in %s on the %s theme', async (locale, theme) => {
    const { page, core } = ws;
    await core.handlers['settings.update']({ locale, theme });
    await page.locator(`html[data-theme="${theme}"][lang="${locale}"]`).waitFor({ state: 'attached' });
    await open('Mina Cho');
    await shotOf(page.getByTestId('lead-edit'), `lead-edit-${locale}-${theme}`);
    await open('Seoyeon Kim');
    await page.getByTestId('outcome-card').locator('[data-outcome="callback"]').click();
    await page.getByTestId('outcome-callback').waitFor();
    await page.getByTestId('outcome-callback-at').fill(newYorkInput(seoulNight()));
    await page.getByTestId('callback-outside').waitFor();
    await shotOf(page.getByTestId('outcome-callback'), `callback-picker-${locale}-${theme}`);
    await page.keyboard.press('Escape');
  });

  it('marks a number on the do-not-contact list and never offers it to dial', async () => {
    const { page, core } = ws;
    await core.handlers['settings.update']({ locale: 'en', theme: 'light' });
    await page.locator('html[data-theme="light"][lang="en"]').waitFor({ state: 'attached' });
    await core.handlers['dnc.add']({ entries: [{ kind: 'phone', value: '+12025550199' }] });
    await open('Mina Cho');
    const card = page.getByTestId('lead-edit');
    await page.getByTestId('lead-edit-phone-input').fill('(202) 555-0199');
    await page.getByTestId('lead-edit-phone-add').click();
    const marked = card.locator('[data-phone="+12025550199"]');
    await waitForText(marked, 'On the do-not-contact list');
    expect(phonesOf('Mina Cho')).toEqual(['+12025550143', '+12025550199']);
    // The lead is now do-not-contact everywhere: its numbers are text, never tel: links.
    await page.getByTestId('phone-dnc').first().waitFor();
    expect(await page.locator('a[href^="tel:"]').count()).toBe(0);
    await page.reload();
    await open('Mina Cho');
    await waitForText(card.locator('[data-phone="+12025550199"]'), 'On the do-not-contact list');
    expect(await card.locator('[data-phone="+12025550143"] [data-testid="lead-edit-dnc"]').count()).toBe(0);
  });
});
