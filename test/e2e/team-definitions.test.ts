import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeNow } from '../../src/main/core/store/write-lock';
import { fileTokenStore } from '../../src/main/core/sync/credentials';
import { applyPulledPage } from '../../src/main/core/sync/pulled';
import { announceDefinitions } from '../../src/main/core/sync/pulled/announce';
import { createPulledDefinitions } from '../../src/main/core/sync/pulled/definitions';
import { en } from '../../src/renderer/src/i18n/resources/en';
import { ko } from '../../src/renderer/src/i18n/resources/ko';
import { zhCN } from '../../src/renderer/src/i18n/resources/zh-CN';
import { openApp, openWorkspace, type Workspace, waitForText } from './harness';

// A rep's desktop signed in to a team server, in Chromium against the web host: the team's outcome
// set, cadences and scripts show read-only with a line saying the manager edits them in the console;
// personal scripts and DNC additions stay open, DNC removals are gone; a team script pulled from the
// server shows in the open window without reload; the line in English, Chinese and Korean.

const TEAM_SCRIPT = '01966a1c-0000-7000-8000-0000000000d1';

describe("the team's definitions on a rep's desktop", () => {
  let ws: Workspace;
  const shots: string[] = [];

  beforeAll(async () => {
    ws = await openWorkspace({
      seedDemo: false,
      seed: (core) => {
        fileTokenStore(core.dataDir).write({
          // Nothing listens there: the desktop is offline, still signed in as a rep.
          server: 'http://127.0.0.1:9',
          token: 'rep-token',
          userId: '01966a1c-0000-7000-8000-0000000000a1',
          teamId: '01966a1c-0000-7000-8000-0000000000a2',
          teamName: 'Team',
          email: 'rep@team.example',
          role: 'rep',
          signedInAt: Date.now(),
        });
        core.leads.create({
          name: 'Jane Doe',
          title: null,
          company: 'Acme',
          email: null,
          phones: [{ e164: '+14155550102', ext: null, label: null, raw: '+14155550102' }],
          timeZone: 'America/New_York',
          country: null,
          region: null,
          city: null,
          sourceChannel: 'outbound_list',
          sourceDetail: null,
          direction: 'outbound',
          status: 'new',
        });
        void core.handlers['dnc.add']({ entries: [{ kind: 'phone', value: '+14155550101' }] });
      },
    });
    await openApp(ws.page, ws.host.url);
  });

  afterAll(async () => {
    if (shots.length) process.stdout.write(`screenshots:\n  ${shots.join('\n  ')}\n`);
    await ws?.close();
  });

  it('shows the outcome set, cadences and team scripts read-only, and a pulled script without reload', async () => {
    const { page, core } = ws;
    await page.getByTestId('open-settings').click();
    await page.getByTestId('open-calling-settings').click();

    await page.getByTestId('calling-tab-outcomes').click();
    await waitForText(page.getByTestId('team-definitions-note-outcomes'), en.sync.teamDefinitions.outcomes);
    expect(await page.locator('[data-outcome-row="no_answer"] input.input').isDisabled()).toBe(true);
    shots.push(await ws.screenshot('team-definitions-outcomes-en-light'));

    await page.getByTestId('calling-tab-cadences').click();
    await waitForText(page.getByTestId('team-definitions-note-cadences'), en.sync.teamDefinitions.cadences);
    expect(await page.getByTestId('cadence-new').count()).toBe(0);
    expect(await page.getByTestId('cadence-save').count()).toBe(0);
    expect(await page.getByTestId('cadence-name').isDisabled()).toBe(true);
    shots.push(await ws.screenshot('team-definitions-cadences-en-light'));

    await page.getByTestId('calling-tab-scripts').click();
    await waitForText(page.getByTestId('team-definitions-note-scripts'), en.sync.teamDefinitions.scripts);
    const items = page.getByTestId('script-item');
    await items.first().waitFor();
    // Every script here is the team's (built-in): none offers Edit or Delete; a personal one can be added.
    expect(await items.getByRole('button').count()).toBe(0);
    expect(await page.getByTestId('script-add').isVisible()).toBe(true);

    // The manager's script comes down with a sync: the open list shows it at once.
    const definitions = createPulledDefinitions(core.dialing);
    const applied = writeNow(core.db, () =>
      applyPulledPage(
        core.db,
        [
          {
            version: 1,
            kind: 'script',
            data: {
              id: TEAM_SCRIPT,
              kind: 'opener',
              name: 'Team opener from the console',
              body: 'Hi {{firstName}}, {{repName}} here.',
              language: 'en',
              updatedAt: Date.now(),
              updatedBy: null,
              deleted: false,
            },
          },
        ],
        Date.now(),
        definitions,
      ),
    );
    if (applied.definitions) announceDefinitions(core.events, applied.definitions);
    await waitForText(page.getByTestId('scripts-settings'), 'Team opener from the console');
    shots.push(await ws.screenshot('team-definitions-scripts-en-light'));
    await page.keyboard.press('Escape');
  });

  it('keeps DNC additions and hides removals', async () => {
    const { page } = ws;
    await page.keyboard.press('Shift+T');
    await page.getByTestId('tasks-view').waitFor();
    await page.locator('body').press('l');
    const panel = page.getByTestId('dnc-panel');
    await panel.waitFor();
    await waitForText(page.getByTestId('team-definitions-note-dnc'), en.sync.teamDefinitions.dnc);
    await page.getByTestId('dnc-row').first().waitFor();
    expect(await page.getByTestId('dnc-remove').count()).toBe(0);
    expect(await page.getByTestId('dnc-value').isEnabled()).toBe(true);
    shots.push(await ws.screenshot('team-definitions-dnc-en-light'));

    for (const [locale, theme, resources] of [
      ['zh-CN', 'light', zhCN],
      ['ko', 'dark', ko],
    ] as const) {
      await ws.core.handlers['settings.update']({ locale, theme });
      await waitForText(page.getByTestId('team-definitions-note-dnc'), resources.sync.teamDefinitions.dnc);
      shots.push(await ws.screenshot(`team-definitions-dnc-${locale}-${theme}`));
    }
  });
});
