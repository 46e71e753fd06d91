import { OPTION, type Workspace, waitForText } from './harness';

/** One logged call as the store keeps it: its outcome, call id and data (duration, provider, talk figures). */
export type CallRow = { outcome: string; call_id: string | null; data: Record<string, unknown> };

/** Every call logged on the lead whose name starts with `name`, oldest first, read from the store file. */
export const callsOf = (ws: Workspace, name: string): CallRow[] =>
  ws.core.db
    .prepare<[string], { outcome: string; call_id: string | null; data: string }>(
      `SELECT outcome, call_id, data FROM activities
       WHERE kind = 'call' AND lead_id = (SELECT id FROM leads WHERE name LIKE ? || '%') ORDER BY created_at`,
    )
    .all(name)
    .map((row) => ({ ...row, data: JSON.parse(row.data) as Record<string, unknown> }));

/** Opens the lead named `name` from the list and waits for its call panel; the page keeps the keyboard. */
export const openLead = async (ws: Workspace, name: string): Promise<void> => {
  const { page } = ws;
  await page.locator(OPTION).filter({ hasText: name }).first().click();
  await waitForText(page.getByTestId('lead-detail').locator('.detail__name'), name.replace(' (demo)', ''));
  await page.getByTestId('call-panel').waitFor();
  await page.locator('body').focus();
};
