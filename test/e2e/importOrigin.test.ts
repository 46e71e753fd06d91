import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Lead } from '@shared/domain/lead';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, openWorkspace, type Workspace, waitForText } from './harness';

// The import wizard chooses the leads' direction and source, and its report lists the values it
// left out of leads it kept (one bad number among good ones), in Chromium against a real store.
const CSV = [
  'Name,Phone,Email,Country',
  'Olivia Hart,+44 20 7946 0000;+44 7911 65,olivia.hart@example.co.uk,GB',
  'Min-jun Park,010-2000-0195,minjun.park@example.kr,"Korea, Republic of"',
].join('\n');

describe('import wizard: direction, source and warnings', () => {
  let ws: Workspace;
  beforeAll(async () => {
    ws = await openWorkspace();
    await openApp(ws.page, ws.host.url);
  });
  afterAll(async () => {
    await ws?.close();
  });

  it('imports a list as inbound web-form leads and shows the dropped number as a warning', async () => {
    const { page, core } = ws;
    await page.keyboard.press('Control+i');
    const wizard = page.getByTestId('import-wizard');
    await wizard.waitFor();
    const file = join(ws.dataDir, 'webinar.csv');
    writeFileSync(file, CSV);
    await page.getByTestId('import-file-input').setInputFiles(file);
    await page.getByTestId('import-run').waitFor();

    // A list defaults to outbound; the file has no Direction or Source column, so no override box.
    await waitForText(page.getByTestId('import-direction'), 'Outbound');
    await waitForText(page.getByTestId('import-source'), 'Outbound list');
    expect(await page.getByTestId('import-override-columns').count()).toBe(0);
    await page.getByTestId('import-source').click();
    await page.getByRole('option', { name: 'Web form' }).click();
    await waitForText(page.getByTestId('import-direction'), 'Inbound');

    await page.getByTestId('import-run').click();
    const report = page.getByTestId('import-report');
    await report.waitFor();
    expect(await page.getByTestId('report-imported').locator('dd').textContent()).toBe('2');
    expect(await page.getByTestId('report-rejected').locator('dd').textContent()).toBe('0');
    await waitForText(report.locator('#warnings-title'), '1 value left out of an imported lead');
    const warnings = await page
      .getByTestId('import-left-out')
      .locator('tbody tr:not(.rejects__spacer)')
      .allTextContents();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^2Phone.*\+44 7911 65/);

    const leads = (core.leads.listFull({}) as Lead[]).filter((lead) => !lead.isDemo);
    expect(leads.map((lead) => [lead.name, lead.direction, lead.sourceChannel]).sort()).toEqual([
      ['Min-jun Park', 'inbound', 'web_form'],
      ['Olivia Hart', 'inbound', 'web_form'],
    ]);
    expect(leads.find((lead) => lead.name === 'Olivia Hart')?.phones.map((p) => p.e164)).toEqual([
      '+442079460000',
    ]);
  });
});
