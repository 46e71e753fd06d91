import { join } from 'node:path';
import { DEFAULT_OUTCOMES } from '@shared/domain/outcome';
import { SYNC_PROTOCOL_VERSION } from '@shared/sync';
import { type PulledChange, PullResponse } from '@shared/sync/pull';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { en } from '../../src/renderer/src/i18n/resources/en';
import { ko } from '../../src/renderer/src/i18n/resources/ko';
import { request } from '../integration/server/server-process';
import { errorsOn, SHOTS_DIR, useConsoleTeam } from './consoleHarness';
import { LANGS, THEMES } from './screens';

// The team's definitions in the console, in Chromium against a real team server process (Debian's
// PostgreSQL when TEST_DATABASE_URL is set, else the built-in one): a manager writes a team script
// (a bad placeholder is refused as typed), saves a cadence, relabels an outcome, adds and removes
// do-not-contact entries; a rep's token then pulls each change through /v1/sync/pull, and a rep's
// session may not open the pages or write. Then every page is photographed in each language and theme.

const PAGES = [
  { path: '/team/scripts', name: 'scripts', ready: 'script-row' },
  { path: '/team/cadences', name: 'cadences', ready: 'cadence-row' },
  { path: '/team/outcomes', name: 'outcomes', ready: 'outcomes-table' },
  { path: '/team/dnc', name: 'dnc', ready: 'dnc-row' },
] as const;

describe("the team's definitions in the console, in Chromium", { timeout: 300_000 }, () => {
  const world = useConsoleTeam({
    label: 'defs',
    members: [
      ['manager@north.example', 'manager'],
      ['rep@north.example', 'rep'],
    ],
  });

  const newPage = (lang = 'en', theme = 'light'): Promise<Page> => world().newPage({ lang, theme });
  const signInWithToken = (page: Page, email: string) => world().signInWithToken(page, email);

  /** Everything the rep's token pulls from the start, the latest change per definition. */
  const repPull = async (): Promise<Map<string, PulledChange>> => {
    const latest = new Map<string, PulledChange>();
    let cursor = 0;
    for (;;) {
      const answer = await request(
        world().server.url,
        'POST',
        '/v1/sync/pull',
        world().token('rep@north.example'),
        {
          protocolVersion: SYNC_PROTOCOL_VERSION,
          cursor,
          limit: 100,
        },
      );
      expect(answer.status).toBe(200);
      const page = PullResponse.parse(answer.body);
      for (const change of page.changes as PulledChange[]) {
        const key =
          change.kind === 'script'
            ? change.data.name
            : change.kind === 'cadence'
              ? change.data.definition.name
              : change.kind === 'dnc'
                ? change.data.entry.value
                : change.kind;
        latest.set(`${change.kind}:${key}`, change);
      }
      cursor = page.nextCursor;
      if (!page.hasMore) return latest;
    }
  };

  it("a manager edits the team's script, cadence, outcome set and do-not-contact list; a rep's token pulls each", async () => {
    const page = await newPage();
    const errors = errorsOn(page);
    await signInWithToken(page, 'manager@north.example');
    await page.goto(`${world().server.url}/console/team/scripts`);
    await page.getByRole('link', { name: 'Scripts' }).waitFor();
    await page.getByTestId('defs-empty').waitFor();

    // A voicemail with a misspelt placeholder: named as typed, and the save stays off.
    await page.getByTestId('script-add').click();
    // A new script says why Save waits: first the name, then the text.
    expect(await page.getByTestId('script-save').isDisabled()).toBe(true);
    expect(await page.getByTestId('script-save-waits').textContent()).toBe(
      'Give the script a name to save it.',
    );
    await page.getByTestId('script-name').fill('Trigger voicemail');
    expect(await page.getByTestId('script-save-waits').textContent()).toBe(
      'Type the script’s text to save it.',
    );
    // A paste longer than a team script holds arrives whole, is counted and named, and Save waits.
    await page.getByTestId('script-body').fill('Call me back. '.repeat(300));
    await page
      .getByTestId('script-length')
      .getByText('Shorten it by 199 characters to save it.', { exact: false })
      .waitFor();
    expect((await page.getByTestId('script-body').inputValue()).length).toBe(4200);
    expect(await page.getByTestId('script-save').isDisabled()).toBe(true);
    await page.screenshot({ path: join(SHOTS_DIR, 'console-script-too-long.png'), fullPage: true });
    await page.getByTestId('script-body').fill('Hi {{compnay}}, this is {{repName}}.');
    await expect.poll(() => page.getByTestId('script-check').textContent()).toContain('{{compnay}}');
    expect(await page.getByTestId('script-save').isDisabled()).toBe(true);
    // Fixed from the variables list, one click each at the cursor.
    await page.getByTestId('script-body').fill('Hi , this is {{repName}}. Call me at {{repPhone}}.');
    await page
      .getByTestId('script-body')
      .evaluate((area: HTMLTextAreaElement) => area.setSelectionRange(3, 3));
    await page.getByTestId('script-variables-toggle').click();
    await page.getByRole('button', { name: '{{firstName}}' }).click();
    expect(await page.getByTestId('script-body').inputValue()).toBe(
      'Hi {{firstName}}, this is {{repName}}. Call me at {{repPhone}}.',
    );
    await expect
      .poll(() => page.getByTestId('script-check').textContent())
      .toBe('Every placeholder can be filled.');
    expect(await page.getByTestId('script-fit').textContent()).toContain('Fits in 20 seconds.');
    expect(await page.getByTestId('script-length').textContent()).toBe('63 of 4,000 characters');
    expect(await page.getByTestId('script-save-waits').count()).toBe(0);
    await page.getByTestId('script-save').click();
    await page.getByTestId('script-row').filter({ hasText: 'Trigger voicemail' }).waitFor();

    // A cadence: two steps, a rule that sends "no answer" back to the first step.
    await page.getByRole('link', { name: 'Cadences' }).click();
    await page.getByTestId('defs-empty').waitFor();
    await page.getByTestId('cadence-add').click();
    await page.getByTestId('cadence-name').fill('Inbound fast');
    await page.getByRole('button', { name: '+ Add a step' }).click();
    const second = page.getByTestId('cadence-step').nth(1);
    await second.getByTestId('cadence-step-title').fill('Second call');
    await second.getByRole('button', { name: '+ Add an outcome rule' }).click();
    await second.getByLabel('Then').selectOption('goto');
    await expect
      .poll(() => page.getByTestId('cadence-check').textContent())
      .toBe('The cadence is ready to save.');
    // A step without a title is named at its step, and the save waits.
    await second.getByTestId('cadence-step-title').fill('');
    await expect
      .poll(() => page.getByTestId('cadence-check').textContent())
      .toContain('Step 2: The title is empty: type one.');
    expect(await page.getByTestId('cadence-check').textContent()).not.toMatch(/Too small|expected string/);
    await page.screenshot({ path: join(SHOTS_DIR, 'console-cadence-step-problem.png'), fullPage: true });
    expect(await page.getByTestId('cadence-save').isDisabled()).toBe(true);
    await second.getByTestId('cadence-step-title').fill('Second call');
    await page.getByTestId('cadence-save').click();
    await page.getByTestId('cadence-row').filter({ hasText: 'Inbound fast' }).waitFor();

    // The outcome set: "No answer" relabelled and moved to the top.
    await page.getByRole('link', { name: 'Outcomes' }).click();
    const noAnswer = page.locator('tr[data-outcome="no_answer"]');
    await noAnswer.getByTestId('outcome-label').fill('Rang out');
    for (let i = 0; i < 5; i += 1) await page.getByRole('button', { name: 'Move “Rang out” up' }).click();
    await page.getByTestId('outcomes-save').click();
    await page.getByText('Saved. Desktops get it on their next sync.').waitFor();
    expect(await page.getByTestId('outcome-row').first().getAttribute('data-outcome')).toBe('no_answer');

    // Do not contact: a number typed locally (read in the browser's country), an email; the number removed.
    await page.getByRole('link', { name: 'Do not contact' }).click();
    await page.getByTestId('defs-empty').waitFor();
    await page.getByTestId('dnc-value').fill('hello');
    await page.getByTestId('dnc-submit').click();
    await page.getByTestId('dnc-error').waitFor();
    await page.getByTestId('dnc-value').fill('(415) 555-0100');
    await page.getByTestId('dnc-reason').fill('Asked on the call');
    await page.getByTestId('dnc-submit').click();
    await page.getByTestId('dnc-row').filter({ hasText: '+14155550100' }).waitFor();
    await page.getByTestId('dnc-kind').selectOption('email');
    await page.getByTestId('dnc-value').fill('Stop@Example.org');
    await page.getByTestId('dnc-submit').click();
    await page
      .getByTestId('dnc-row')
      .filter({ hasText: 'stop@example.org' })
      .filter({ hasText: 'manager@north.example' })
      .waitFor();
    await page.getByTestId('dnc-search').fill('415');
    await expect.poll(() => page.getByTestId('dnc-row').count()).toBe(1);
    await page.getByRole('button', { name: 'Remove: +14155550100' }).click();
    await page.getByTestId('defs-confirm-action').click();
    await page.getByText('Nothing on the list matches “415”.').waitFor();
    // The one refusal asked for above ("hello" is not a number) is the only failed request.
    expect(errors.filter((e) => !e.includes('status of 400'))).toEqual([]);
    expect(errors.filter((e) => e.includes('status of 400'))).toHaveLength(1);
    await page.context().close();

    // The rep's token pulls every change, the removal included.
    const pulled = await repPull();
    expect(pulled.get('script:Trigger voicemail')).toMatchObject({
      data: {
        kind: 'voicemail',
        body: 'Hi {{firstName}}, this is {{repName}}. Call me at {{repPhone}}.',
        deleted: false,
      },
    });
    const cadence = pulled.get('cadence:Inbound fast');
    expect(cadence?.kind === 'cadence' && cadence.data.definition.steps.map((s) => s.title)).toEqual([
      'Step 1',
      'Second call',
    ]);
    const rules = cadence?.kind === 'cadence' ? (cadence.data.definition.steps[1]?.on ?? {}) : {};
    expect(Object.values(rules)).toEqual([{ action: 'goto', step: 'step-1' }]);
    const outcomes = pulled.get('outcomeSet:outcomeSet');
    expect(outcomes?.kind === 'outcomeSet' && outcomes.data.outcomes[0]).toMatchObject({
      id: 'no_answer',
      label: 'Rang out',
      position: 0,
    });
    expect(pulled.get('dnc:+14155550100')).toMatchObject({ data: { removed: true } });
    expect(pulled.get('dnc:stop@example.org')).toMatchObject({ data: { removed: false } });

    // A rep's session: the pages are another role's, and a write is refused by the server.
    const repPage = await newPage();
    await signInWithToken(repPage, 'rep@north.example');
    await repPage.goto(`${world().server.url}/console/team/scripts`);
    // A rep has no console page: told that reps work in the desktop app, and offered a sign-out.
    await repPage.getByTestId('console-no-pages').getByText(en.console.nothingForRole).waitFor();
    expect(await repPage.getByText(en.console.forbiddenPage).count()).toBe(0);
    await repPage.screenshot({ path: join(SHOTS_DIR, 'console-rep-no-pages.png'), fullPage: true });
    const status = await repPage.evaluate(
      async (path) => (await fetch(path, { method: 'DELETE' })).status,
      `/v1/teams/${world().teamId}/dnc/${crypto.randomUUID()}`,
    );
    expect(status).toBe(403);
    await repPage.getByTestId('console-no-pages').getByRole('button', { name: 'Sign out' }).click();
    await repPage.getByText(en.console.signIn.title).waitFor();
    await repPage.context().close();
  });

  it('shows built-in outcomes by their Korean names in ko, and saving them keeps no copy as a custom label', async () => {
    const page = await newPage('ko');
    await signInWithToken(page, 'manager@north.example');
    await page.goto(`${world().server.url}/console/team/outcomes?lang=ko`);
    await page.getByTestId('outcomes-table').waitFor();
    const labelOf = (id: string) =>
      page.locator(`tr[data-outcome="${id}"]`).getByTestId('outcome-label').inputValue();
    expect(await labelOf('busy')).toBe(ko.outcomes.names.busy);
    expect(await labelOf('meeting_booked')).toBe(ko.outcomes.names.meeting_booked);
    // The label renamed above stays as the manager wrote it.
    expect(await labelOf('no_answer')).toBe('Rang out');
    await page.locator('tr[data-outcome="busy"] input[type="checkbox"]').first().uncheck();
    await page.getByTestId('outcomes-save').click();
    await page.getByText(ko.console.definitions.saved).waitFor();
    expect(await labelOf('busy')).toBe(ko.outcomes.names.busy);
    await page.screenshot({ path: join(SHOTS_DIR, 'console-outcomes-ko-saved.png'), fullPage: true });
    await page.context().close();

    const saved = await request(
      world().server.url,
      'GET',
      `/v1/teams/${world().teamId}/outcomes`,
      world().token('manager@north.example'),
    );
    const outcomes = (saved.body as { outcomes: { id: string; label: string; active: boolean }[] }).outcomes;
    const shipped = new Map(DEFAULT_OUTCOMES.map((outcome) => [outcome.id, outcome.label]));
    for (const outcome of outcomes) {
      if (outcome.id !== 'no_answer') expect(outcome.label, outcome.id).toBe(shipped.get(outcome.id));
    }
    expect(outcomes.find((outcome) => outcome.id === 'busy')?.active).toBe(false);
  });

  it("edits a cadence's steps with the desktop's step editor: outcomes by position, switched-off ones too, in ko", async () => {
    const page = await newPage('ko');
    await signInWithToken(page, 'manager@north.example');
    await page.goto(`${world().server.url}/console/team/cadences?lang=ko`);
    await page
      .getByTestId('cadence-row')
      .filter({ hasText: 'Inbound fast' })
      .getByRole('button')
      .first()
      .click();
    const first = page.getByTestId('cadence-step').first();
    await first.getByRole('button', { name: ko.cadences.addRule }).click();
    const outcome = first.getByRole('combobox', { name: ko.cadences.when, exact: true });
    // "No answer" was relabelled and moved to the top above, and "busy" switched off: a new rule starts
    // from the first active outcome, and the switched-off one is still offered under its Korean name.
    expect(await outcome.inputValue()).toBe('no_answer');
    const offered = await outcome.locator('option').allTextContents();
    expect(offered[0]).toBe('Rang out');
    expect(offered).toContain(ko.outcomes.names.busy);
    expect(offered).toContain(ko.outcomes.names.meeting_booked);
    expect(offered).toHaveLength(DEFAULT_OUTCOMES.length);
    await page.screenshot({ path: join(SHOTS_DIR, 'console-cadence-step-rules-ko.png'), fullPage: true });

    // Another kind drops the rules of the old one; a task step ends done or skipped.
    await first.getByTestId('cadence-step-kind').selectOption('task');
    expect(await first.getByTestId('cadence-rule').count()).toBe(0);
    expect(await first.getByTestId('cadence-step-attempts').count()).toBe(0);
    await first.getByRole('button', { name: ko.cadences.addRule }).click();
    const result = first.getByRole('combobox', { name: ko.cadences.whenResult, exact: true });
    expect(await result.inputValue()).toBe('done');
    expect(await result.locator('option').allTextContents()).toEqual([
      ko.cadences.results.done,
      ko.cadences.results.skipped,
    ]);
    // The server keeps no email templates, so an email step here sends the built-in one: no picker.
    await first.getByTestId('cadence-step-kind').selectOption('email');
    expect(await first.getByTestId('cadence-step-email-template').count()).toBe(0);
    await page.getByRole('button', { name: ko.console.definitions.cancel }).click();
    await page.getByTestId('cadence-editor').waitFor({ state: 'detached' });
    await page.context().close();
  });

  it('looks right in every language and theme (screenshots of every definitions page)', async () => {
    for (const lang of LANGS) {
      for (const theme of THEMES) {
        const page = await newPage(lang, theme);
        await signInWithToken(page, 'manager@north.example');
        for (const shown of PAGES) {
          await page.goto(`${world().server.url}/console${shown.path}?lang=${lang}&theme=${theme}`);
          await page.getByTestId(shown.ready).first().waitFor();
          expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
          expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
          await page.screenshot({
            path: join(SHOTS_DIR, `console-${shown.name}-${lang}-${theme}.png`),
            fullPage: true,
          });
        }
        // The editors open: a voicemail with its 20-second fit, a cadence's steps.
        await page.goto(`${world().server.url}/console/team/scripts?lang=${lang}&theme=${theme}`);
        await page.getByTestId('script-row').first().getByRole('button').first().click();
        await page.getByTestId('script-variables-toggle').click();
        await page.getByTestId('script-fit').waitFor();
        await page.screenshot({
          path: join(SHOTS_DIR, `console-script-editor-${lang}-${theme}.png`),
          fullPage: true,
        });
        await page.goto(`${world().server.url}/console/team/cadences?lang=${lang}&theme=${theme}`);
        await page.getByTestId('cadence-row').first().getByRole('button').first().click();
        await page.getByTestId('cadence-step').first().waitFor();
        await page.screenshot({
          path: join(SHOTS_DIR, `console-cadence-editor-${lang}-${theme}.png`),
          fullPage: true,
        });
        await page.context().close();
      }
    }
  });
});
