import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, openWorkspace, type Workspace, waitForText } from './harness';

// Reading a real-world file in the import wizard, in Chromium against the real web host and store:
// the header row found below a title line (and the choice of another), rows with non-Latin text
// from far down the file, and a broken quote named by its line before anything is imported.

/** A title row as wide as the table, a blank line, the header on line 3, 30 leads, one broken quote. */
const fileText = (): string => {
  const rows = Array.from(
    { length: 30 },
    (_, i) => `Lead ${i},Example Co ${i},+1 212 555 ${String(100 + i).padStart(4, '0')},lead${i}@example.com`,
  );
  rows.splice(12, 0, '"Broken Lead,Acme,+1 212 555 0999,broken@example.com');
  rows.push('陈晓明,华东精密制造,+86 138 0013 8001,chen.xm@example.cn');
  return ['Spring fair 2026,Booth 12,Hall B,Mia', '', 'Name,Company,Phone,Email', ...rows].join('\r\n');
};

describe('the import wizard reading a real-world file', () => {
  let ws: Workspace;
  const shots: string[] = [];

  beforeAll(async () => {
    ws = await openWorkspace();
    await openApp(ws.page, ws.host.url);
  });

  afterAll(async () => {
    if (shots.length) process.stdout.write(`screenshots:\n  ${shots.join('\n  ')}\n`);
    await ws?.close();
  });

  it('shows the header row it picked, lets the user choose another, and shows what it read', async () => {
    const { page } = ws;
    await page.keyboard.press('Control+i');
    const wizard = page.getByTestId('import-wizard');
    await wizard.waitFor();
    const file = join(ws.dataDir, 'fair-leads.csv');
    writeFileSync(file, fileText());
    await page.getByTestId('import-file-input').setInputFiles(file);
    await page.getByTestId('import-run').waitFor();

    // Found below the title and the blank line: line 3, with the title row kept out of the count.
    const headerRow = page.getByTestId('import-header-row');
    expect(await headerRow.textContent()).toContain('Line 3: Name · Company · Phone · Email');
    expect(await wizard.locator('.mapping__file').textContent()).toContain('fair-leads.csv · 32 rows');
    expect(await wizard.locator('.mapping__header').allTextContents()).toEqual([
      'Name',
      'Company',
      'Phone',
      'Email',
    ]);
    // A Chinese name 33 lines down is shown, so the decoding can be judged.
    await waitForText(page.getByTestId('import-text-rows'), '陈晓明');
    // The broken quote is named by its line before anything is written.
    const warnings = page.getByTestId('import-warnings');
    expect(await warnings.textContent()).toContain('1 row will be left out');
    expect(await warnings.textContent()).toContain('Line 16');
    shots.push(await ws.screenshot('import-reading'));

    // Another row as the header: the preview is read again from that line.
    await headerRow.click();
    const choices = await page.getByRole('option').allTextContents();
    expect(choices[0]).toContain('Line 1: Spring fair 2026 · Booth 12 · Hall B · Mia');
    expect(choices[1]).toMatch(/Line 3: Name · Company · Phone · Email\s*detected/);
    await page.getByRole('option', { name: /^Line 1:/ }).click();
    await waitForText(headerRow, 'Line 1:');
    expect(await wizard.locator('.mapping__header').allTextContents()).toEqual([
      'Spring fair 2026',
      'Booth 12',
      'Hall B',
      'Mia',
    ]);
    expect(await wizard.locator('.mapping__file').textContent()).toContain('fair-leads.csv · 33 rows');
    expect(await page.getByTestId('import-run').isDisabled()).toBe(true);

    await headerRow.click();
    await page.getByRole('option', { name: /^Line 3:/ }).click();
    await waitForText(headerRow, 'Line 3:');
    expect(await wizard.locator('.mapping__header').first().textContent()).toBe('Name');

    await page.getByTestId('import-run').click();
    const report = page.getByTestId('import-report');
    await report.waitFor();
    expect(await page.getByTestId('report-imported').locator('dd').textContent()).toBe('31');
    expect(await page.getByTestId('report-rejected').locator('dd').textContent()).toBe('1');
    const rejected = await report.locator('.rejects tbody tr:not(.rejects__spacer)').allTextContents();
    expect(rejected).toEqual([expect.stringMatching(/^16/)]);
  });
});
