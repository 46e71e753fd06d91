import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NewLead } from '../../src/main/core/leads/repo';
import { OPTION, openApp, openWorkspace, type Workspace } from './harness';

// A lead list row whose name and company run past its width: the line ends in an ellipsis, and the
// whole text is there on hover (title) and in the option's accessible name.

const NAME = 'Maximilian Alexander Fitzgerald-Worthington the Third of Upper Wensleydale';
const TITLE = 'Vice President of Global Revenue Operations and Strategic Partnerships';
const COMPANY = 'Consolidated Intercontinental Freight Forwarding and Logistics Holdings';

const lead = (name: string, title: string | null, company: string | null): NewLead => ({
  name,
  title,
  company,
  email: null,
  phones: [],
  timeZone: 'Europe/London',
  country: 'GB',
  region: null,
  city: null,
  sourceChannel: 'web_form',
  sourceDetail: null,
  direction: 'inbound',
  status: 'new',
});

describe('lead list rows with long text in Chromium', () => {
  let ws: Workspace;

  beforeAll(async () => {
    ws = await openWorkspace({
      seedDemo: false,
      seed: (core) => {
        core.leads.create(lead(NAME, TITLE, COMPANY));
        core.leads.create(lead('Ann Lee', null, 'Kite'));
      },
    });
    await openApp(ws.page, ws.host.url);
  });

  afterAll(async () => {
    await ws?.close();
  });

  it('ends a cut-off name and company in an ellipsis and shows the whole text on hover and to screen readers', async () => {
    const { page } = ws;
    const row = page.locator(OPTION).filter({ hasText: 'Maximilian' });
    await row.waitFor();
    const cells = await row.evaluate((el) =>
      ['.lead-row__name', '.lead-row__sub'].map((selector) => {
        const cell = el.querySelector(selector) as HTMLElement;
        return {
          cut: cell.scrollWidth > cell.clientWidth,
          ellipsis: getComputedStyle(cell).textOverflow,
          title: cell.getAttribute('title'),
        };
      }),
    );
    expect(cells).toEqual([
      { cut: true, ellipsis: 'ellipsis', title: NAME },
      { cut: true, ellipsis: 'ellipsis', title: `${TITLE} · ${COMPANY}` },
    ]);
    // The option's accessible name carries the whole name and company, not the cut-off lines.
    expect(await page.getByRole('option', { name: new RegExp(`${NAME}.*${COMPANY}`) }).count()).toBe(1);
    await row.locator('.lead-row__name').hover();
    expect(
      await page.evaluate(() => document.querySelector('.lead-row__name:hover')?.getAttribute('title')),
    ).toBe(NAME);

    // A short row says the same, with nothing cut.
    const short = page.locator(OPTION).filter({ hasText: 'Ann Lee' });
    expect(await short.locator('.lead-row__name').getAttribute('title')).toBe('Ann Lee');
    expect(await short.locator('.lead-row__sub').getAttribute('title')).toBe('Kite');
  });
});
