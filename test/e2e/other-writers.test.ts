import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPTION, openApp, openWorkspace, type Workspace, waitForText } from './harness';

// An open window and a `dialdeck` process on the same data dir: what the CLI commits shows up in the
// window within a second, with no reload, through the same change events as the window's own writes.

const run = promisify(execFile);
const DIALDECK = resolve('bin/dialdeck.mjs');
const SHOWN_WITHIN_MS = 1000;

describe('changes from another process in Chromium', () => {
  let ws: Workspace;

  beforeAll(async () => {
    ws = await openWorkspace();
    await openApp(ws.page, ws.host.url);
  });

  afterAll(async () => {
    await ws?.close();
  });

  /** Runs the built `dialdeck` command on the window's data dir, as a separate process. */
  const dialdeck = async (...args: string[]): Promise<string> => {
    const { stdout } = await run(process.execPath, [DIALDECK, '--data-dir', ws.dataDir, '--json', ...args]);
    return stdout;
  };

  it('shows a lead imported by the CLI, then the outcome the CLI logged for it, each within 1 s', async () => {
    const { page } = ws;
    const file = join(ws.dataDir, 'from-cli.csv');
    writeFileSync(file, 'Name,Company,Phone,State\nRosa Delgado,Harbor Freight Lines,(312) 555-0187,IL\n');
    const before = await page.getByTestId('lead-count').textContent();

    await dialdeck('import', file, '--region', 'US');
    const imported = Date.now();
    const row = page.locator(OPTION).filter({ hasText: 'Rosa Delgado' });
    await row.first().waitFor({ timeout: SHOWN_WITHIN_MS });
    const importShownMs = Date.now() - imported;
    expect(await page.getByTestId('lead-count').textContent()).not.toBe(before);

    await row.first().click();
    const detail = page.getByTestId('lead-detail');
    await waitForText(detail.locator('.detail__name'), 'Rosa Delgado');
    await waitForText(detail.locator('.detail__badges .status'), 'New');

    const id = ws.core.db.prepare("SELECT id FROM leads WHERE name = 'Rosa Delgado'").pluck().get() as string;
    const logged = JSON.parse(await dialdeck('log', id, 'no_answer')) as { status: string };
    expect(logged.status).toBe('working');
    const loggedAt = Date.now();
    await detail
      .locator('.detail__badges .status')
      .filter({ hasText: 'Working' })
      .waitFor({ timeout: SHOWN_WITHIN_MS });
    const outcomeShownMs = Date.now() - loggedAt;
    process.stdout.write(
      `shown after the CLI exited: import ${importShownMs} ms, outcome ${outcomeShownMs} ms\n`,
    );
  }, 60_000);
});
