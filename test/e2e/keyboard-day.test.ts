/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core';
import { writeNow } from '../../src/main/core/store/write-lock';
import { LIST, openApp, openWorkspace, type Workspace, waitForText } from './harness';

// A rep's calling block from the keyboard alone, in Chromium against the web host on a real store:
// 20 leads worked in one session — outcomes of several kinds, a call note, a skip with a reason, a
// callback set in the picker, a do-not-contact, an MQL hand-off, an undo and a void — and then the
// store holds exactly those activities, tasks and hand-offs, and the hidden lead list never moved.

// A Tuesday, 10:00 in New York: every seeded lead is in its calling window.
const T0 = Date.parse('2026-11-24T15:00:00Z');
const LEADS = 24;

const FIRST = ['Avery', 'Blake', 'Casey', 'Devon', 'Emery', 'Finley', 'Gray', 'Harper'];
const LAST = ['Adams', 'Brooks', 'Carter'];

/** 24 new inbound leads in New York, each with its own number, put on the default cadence. */
const seed = (core: Core) => {
  writeNow(core.db, () => {
    const ids: string[] = [];
    for (let i = 0; i < LEADS; i++) {
      const name = `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length)]}`;
      const e164 = `+1202555${String(100 + i).padStart(4, '0')}`;
      ids.push(
        core.leads.create({
          name,
          title: 'Head of Sales Operations',
          company: `Kite Labs ${i + 1}`,
          email: `${name.toLowerCase().replace(' ', '.')}@kite.example`,
          phones: [{ e164, ext: null, label: null, raw: e164 }],
          timeZone: 'America/New_York',
          country: 'US',
          region: null,
          city: null,
          sourceChannel: 'web_form',
          sourceDetail: 'Pricing page',
          direction: 'inbound',
          status: 'new',
        }).id,
      );
    }
    core.dialing.enrollNewLeads(ids, T0);
  });
};

/** What the rep did to one lead, as the store must then hold it. */
type Expected = { kind: string; outcome: string | null; note: string | null; voided: 'undo' | 'void' | null };

describe('a keyboard-only calling block of 20 leads', () => {
  let ws: Workspace;
  /** Per lead name, the activities the rep logged, in order. */
  const done = new Map<string, Expected[]>();
  /** Keystrokes from a lead's card appearing to the next lead's, for each plain outcome. */
  const plainCycles: number[] = [];
  let worked = 0;
  let keys = 0;
  let callbackName = '';
  let callbackAt = 0;
  let handoffName = '';
  let listBefore: string | null = null;

  const press = async (key: string) => {
    keys++;
    await ws.page.keyboard.press(key);
  };
  const type = async (text: string) => {
    keys += text.length;
    await ws.page.keyboard.type(text);
  };
  const record = (name: string, entry: Expected) => done.set(name, [...(done.get(name) ?? []), entry]);

  const openName = async (page: Page) =>
    (await page.getByTestId('lead-detail').locator('.detail__name').textContent()) ?? '';
  /** Waits until the panel shows a lead other than `name`, with its outcome card ready for a digit. */
  const waitForOtherLead = (page: Page, name: string) =>
    page.waitForFunction((before) => {
      const shown = document.querySelector('[data-testid="lead-detail"] .detail__name')?.textContent;
      return (
        shown &&
        shown !== before &&
        document.querySelector('[data-testid="outcome-card"] [data-outcome]:not([disabled])')
      );
    }, name);
  /** Presses Tab until `selector` has the keyboard; fails after `max` presses. */
  const tabTo = async (page: Page, selector: string, max = 80): Promise<number> => {
    for (let i = 0; i < max; i++) {
      if (await page.locator(`${selector}:focus`).count()) return i;
      await press('Tab');
    }
    throw new Error(`Tab never reached ${selector}`);
  };
  /** Logs one outcome with its digit and waits for the next lead, counting the cycle's keystrokes. */
  const plainOutcome = async (digit: string, outcome: string) => {
    const { page } = ws;
    const name = await openName(page);
    const start = keys;
    await press(digit);
    await waitForOtherLead(page, name);
    plainCycles.push(keys - start);
    record(name, { kind: 'call', outcome, note: null, voided: null });
    worked++;
  };

  beforeAll(async () => {
    const started = Date.now();
    ws = await openWorkspace({ seedDemo: false, seed, now: () => T0 + (Date.now() - started) });
    await ws.context.clock.install({ time: T0 });
    await openApp(ws.page, ws.host.url);
    // The page has the keyboard and nothing in it is focused: every step from here on is keys only.
    expect(await ws.page.evaluate(() => document.activeElement === document.body)).toBe(true);
  });

  afterAll(async () => {
    await ws?.close();
  });

  it('starts a session with G and logs plain outcomes at one key per call', async () => {
    const { page } = ws;
    listBefore = await page.locator(LIST).getAttribute('aria-activedescendant');
    await press('g');
    await waitForText(page.getByTestId('session-state'), 'Session on');
    await page.getByTestId('outcome-card').locator('[data-outcome]:not([disabled])').first().waitFor();
    await plainOutcome('6', 'no_answer');
    await plainOutcome('5', 'voicemail');
    await plainOutcome('7', 'busy');
    await plainOutcome('8', 'gatekeeper');
  });

  it('moves the queue’s highlight with J/K while the lead list stays hidden and still', async () => {
    const { page } = ws;
    const list = page.locator(LIST);
    expect(await list.isVisible()).toBe(false);
    const listActive = await list.getAttribute('aria-activedescendant');
    const name = await openName(page);
    const ACTIVE = '[data-testid="queue-entry"][data-active="true"]';
    const activeLead = () =>
      page.evaluate((sel) => document.querySelector(sel)?.getAttribute('data-lead-id') ?? null, ACTIVE);
    const highlightOn = (test: 'is' | 'not', id: string | null) =>
      page.waitForFunction(
        ([sel, want, from]) => {
          const now = document.querySelector(sel as string)?.getAttribute('data-lead-id') ?? null;
          return want === 'is' ? now === from : now !== null && now !== from;
        },
        [ACTIVE, test, id] as const,
      );
    // The list has caught up with the last outcome: the lead on screen heads it.
    await page.waitForFunction(
      () => document.querySelector('[data-testid="queue-entry"]')?.getAttribute('aria-current') === 'true',
    );
    // Each key's move is awaited before the next highlight is read, so a render that lands
    // after the key press cannot be mistaken for the starting point.
    await press('j');
    await highlightOn('not', null);
    const before = await activeLead();
    await press('j');
    await highlightOn('not', before);
    await press('k');
    await highlightOn('is', before);
    expect(await list.getAttribute('aria-activedescendant')).toBe(listActive);
    expect(await openName(page)).toBe(name);
  });

  it('types a call note with N, leaves it with Esc, and logs it with the outcome', async () => {
    const { page } = ws;
    const name = await openName(page);
    await press('n');
    await type('Asked for the pricing sheet by email');
    await press('Escape');
    // Typing held the session: the lead is still on screen.
    expect(await openName(page)).toBe(name);
    await press('3');
    await waitForOtherLead(page, name);
    record(name, {
      kind: 'call',
      outcome: 'not_interested',
      note: 'Asked for the pricing sheet by email',
      voided: null,
    });
    worked++;
  });

  it('skips a lead with S and a reason', async () => {
    const { page } = ws;
    const name = await openName(page);
    await press('s');
    await page.getByTestId('skip-dialog').waitFor();
    await press('ArrowDown');
    await press('Enter');
    await page.getByTestId('skip-dialog').waitFor({ state: 'detached' });
    await waitForOtherLead(page, name);
    record(name, { kind: 'skip', outcome: 'wrong_time', note: null, voided: null });
    worked++;
  });

  it('schedules a callback with the picker, by keys', async () => {
    const { page } = ws;
    const name = await openName(page);
    await press('4');
    const picker = page.getByTestId('outcome-callback-at');
    await picker.waitFor();
    expect(await picker.evaluate((el) => el === document.activeElement)).toBe(true);
    // Month, day, year, hour, minute, AM/PM: Chromium's date-time field moves on after each part
    // but the year.
    // The year takes up to six digits, so the rep moves past it with the arrow key.
    for (const part of ['11', '25', '2026']) await type(part);
    await press('ArrowRight');
    for (const part of ['02', '30', 'P']) await type(part);
    expect(await picker.inputValue()).toBe('2026-11-25T14:30');
    // 14:30 in New York (the page's zone) on Wednesday.
    callbackAt = Date.parse('2026-11-25T19:30:00Z');
    await waitForText(page.getByTestId('callback-lead-time'), '2:30');
    await press('Enter');
    await waitForOtherLead(page, name);
    callbackName = name;
    record(name, { kind: 'call', outcome: 'callback', note: null, voided: null });
    worked++;
  });

  it('marks a lead do-not-contact from the palette and confirms with Enter', async () => {
    const { page } = ws;
    const name = await openName(page);
    await press('Control+k');
    await page.getByTestId('command-palette').waitFor();
    await type('do not contact');
    expect(await page.getByTestId('palette-item').count()).toBe(1);
    await press('Enter');
    await page.getByTestId('outcome-confirm-dnc').waitFor();
    await press('Enter');
    await waitForOtherLead(page, name);
    record(name, { kind: 'call', outcome: 'do_not_contact', note: null, voided: null });
    worked++;
  });

  it('confirms two BANT criteria by keys and hands the lead off as MQL', async () => {
    const { page } = ws;
    const name = await openName(page);
    await tabTo(page, '[data-testid="bant-budget"]');
    await press('Space');
    await waitForText(page.getByTestId('bant-count'), '1 of 4 confirmed');
    await tabTo(page, '[data-testid="bant-need"]');
    await press('Space');
    await waitForText(page.getByTestId('bant-count'), '2 of 4 confirmed');
    await press('Escape');
    await press('h');
    const dialog = page.getByTestId('handoff-dialog');
    await dialog.waitFor();
    await type('Budget approved; 40 reps on spreadsheets.');
    await press('Tab');
    await type('Demo on Thursday');
    await press('Tab');
    await type('Dana Kim');
    await press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await waitForText(page.getByTestId('handoff-done'), 'Handed off as MQL');
    handoffName = name;
    // The hand-off is its own activity; the call still gets its outcome, which moves the session on.
    record(name, {
      kind: 'handoff',
      outcome: null,
      note: 'Budget approved; 40 reps on spreadsheets.',
      voided: null,
    });
    await press('2');
    await waitForOtherLead(page, name);
    record(name, { kind: 'call', outcome: 'qualified', note: null, voided: null });
    worked++;
  });

  it('undoes an outcome with Ctrl+Z', async () => {
    const { page } = ws;
    const name = await openName(page);
    await press('1');
    await waitForOtherLead(page, name);
    await press('Control+z');
    await page.getByTestId('undone-toast').waitFor();
    record(name, { kind: 'call', outcome: 'meeting_booked', note: null, voided: 'undo' });
    worked++;
  });

  it('voids an outcome from the call history with V', async () => {
    const { page } = ws;
    // Paused, an outcome stays on its lead, so its history can be reached.
    await press('p');
    await waitForText(page.getByTestId('session-state'), 'Session paused');
    const name = await openName(page);
    const entriesBefore = await page.getByTestId('history-entry').count();
    await press('5');
    await waitForText(page.getByTestId('outcome-result'), 'Working');
    // The history shows the call just logged once it has read it back.
    await page.waitForFunction(
      (count) => document.querySelectorAll('[data-testid="history-entry"]').length > count,
      entriesBefore,
    );
    // V opens the void dialog for the newest outcome in the history, wherever the panel is scrolled.
    await press('v');
    const dialog = page.getByTestId('void-dialog');
    await dialog.waitFor();
    await tabTo(page, '[data-testid="void-reason"]', 5);
    await type('Logged on the wrong lead');
    await press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await page.locator('[data-testid="history-entry"][data-void="void"]').waitFor();
    record(name, { kind: 'call', outcome: 'voicemail', note: null, voided: 'void' });
    await press('p');
    await waitForText(page.getByTestId('session-state'), 'Session on');
    // V scrolled the panel down to the history; the next lead still shows from its name down.
    const scrollTop = () => page.getByTestId('lead-detail').evaluate((el) => el.scrollTop);
    expect(await scrollTop()).toBeGreaterThan(0);
    await plainOutcome('6', 'no_answer');
    expect(await scrollTop()).toBe(0);
  });

  it('works the rest of the 20 leads at one key each', async () => {
    const cycle: Array<[string, string]> = [
      ['6', 'no_answer'],
      ['5', 'voicemail'],
      ['7', 'busy'],
      ['3', 'not_interested'],
      ['8', 'gatekeeper'],
    ];
    for (let i = 0; done.size < 20; i++) {
      const [digit, outcome] = cycle[i % cycle.length] as [string, string];
      await plainOutcome(digit, outcome);
    }
    expect(done.size).toBe(20);
    expect(Math.max(...plainCycles)).toBeLessThanOrEqual(2);
    expect(plainCycles.length).toBeGreaterThanOrEqual(10);
  });

  it('leaves in the store exactly what the rep did, and nothing else', () => {
    const db = ws.core.db;
    // Activities: every one the rep logged, per lead in order, with its note and void mark; no other.
    const rows = db
      .prepare<
        [],
        { name: string; kind: string; outcome: string | null; body: string | null; void_kind: string | null }
      >(
        `SELECT l.name, a.kind, a.outcome, a.body, a.void_kind FROM activities a
         JOIN leads l ON l.id = a.lead_id ORDER BY l.name, a.created_at, a.rowid`,
      )
      .all();
    const expected = [...done.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .flatMap(([name, entries]) =>
        entries.map((e) => ({ name, kind: e.kind, outcome: e.outcome, body: e.note, void_kind: e.voided })),
      );
    expect(rows).toEqual(expected);
    expect(done.size).toBe(20);
    // The void keeps the reason typed in its dialog; the undo has none.
    expect(
      db
        .prepare(
          'SELECT void_kind, void_reason FROM activities WHERE void_kind IS NOT NULL ORDER BY voided_at',
        )
        .all(),
    ).toEqual([
      { void_kind: 'undo', void_reason: null },
      { void_kind: 'void', void_reason: 'Logged on the wrong lead' },
    ]);

    // Tasks: one callback, for the lead and at the time set in the picker; the do-not-contact and the
    // handed-off leads have nothing left open.
    const callbacks = db
      .prepare<[], { name: string; due_at: number; state: string }>(
        `SELECT l.name, t.due_at, t.state FROM tasks t JOIN leads l ON l.id = t.lead_id
         WHERE t.kind = 'callback'`,
      )
      .all();
    expect(callbacks).toEqual([{ name: callbackName, due_at: callbackAt, state: 'open' }]);
    const dncName = [...done].find(([, e]) => e.some((x) => x.outcome === 'do_not_contact'))?.[0];
    const openTasks = (name: string | undefined) =>
      db
        .prepare<[string], number>(
          `SELECT count(*) FROM tasks t JOIN leads l ON l.id = t.lead_id WHERE l.name = ? AND t.state = 'open'`,
        )
        .pluck()
        .get(name ?? '');
    expect(openTasks(dncName)).toBe(0);
    expect(openTasks(handoffName)).toBe(0);

    // Do-not-contact: the lead's number and address are on the list, and nothing else.
    const dncLead = db
      .prepare<[string], { e164: string; email: string }>(
        'SELECT p.e164, l.email FROM leads l JOIN lead_phones p ON p.lead_id = l.id WHERE l.name = ?',
      )
      .get(dncName ?? '');
    expect(
      db
        .prepare<[], { kind: string; value: string; name: string }>(
          `SELECT d.kind, d.value, l.name FROM dnc d LEFT JOIN leads l ON l.id = d.lead_id
           ORDER BY d.kind DESC`,
        )
        .all(),
    ).toEqual([
      { kind: 'phone', value: dncLead?.e164, name: dncName },
      { kind: 'email', value: dncLead?.email, name: dncName },
    ]);

    // Hand-offs: one, with what the rep typed and the two BANT criteria confirmed by keys.
    const handoffs = db
      .prepare<[], { name: string; summary: string; next_step: string; suggested_ae: string; bant: string }>(
        `SELECT l.name, h.summary, h.next_step, h.suggested_ae, h.bant FROM handoffs h
         JOIN leads l ON l.id = h.lead_id`,
      )
      .all();
    expect(handoffs.map(({ bant: _, ...rest }) => rest)).toEqual([
      {
        name: handoffName,
        summary: 'Budget approved; 40 reps on spreadsheets.',
        next_step: 'Demo on Thursday',
        suggested_ae: 'Dana Kim',
      },
    ]);
    const bant = JSON.parse(handoffs[0]?.bant ?? '[]') as { criterion: string; confirmed: boolean }[];
    expect(bant.filter((b) => b.confirmed).map((b) => b.criterion)).toEqual(['budget', 'need']);
    const statusOf = (name: string | undefined) =>
      db
        .prepare<[string], string>('SELECT status FROM leads WHERE name = ?')
        .pluck()
        .get(name ?? '');
    expect(statusOf(handoffName)).toBe('mql');
    expect(statusOf(dncName)).toBe('do_not_contact');
  });

  it('sent no keystroke to the hidden lead list or its search', async () => {
    const { page } = ws;
    // The list's highlight only ever follows the lead the session opened, never a key of its own.
    const openId = ws.core.db
      .prepare<[string], string>('SELECT id FROM leads WHERE name = ?')
      .pluck()
      .get(await openName(page));
    expect(listBefore).not.toBe(`lead-option-${openId}`);
    expect(await page.locator(LIST).getAttribute('aria-activedescendant')).toBe(`lead-option-${openId}`);
    expect(await page.locator('#lead-search').inputValue()).toBe('');
    expect(await page.getByTestId('tasks-view').count()).toBe(0);
    process.stdout.write(
      `keyboard day: ${done.size} leads in ${worked} cycles, ${keys} keystrokes, ` +
        `plain cycles ${plainCycles.join(',')}\n`,
    );
  });
});
