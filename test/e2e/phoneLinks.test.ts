import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWorkspace, type Workspace, waitForText } from './harness';

// The browser's tel: handler opens the web host's page with the link as ?tel=… (the address the
// Settings button registers); the Electron host holds it until the page takes it (desktop-links.test.ts).

let ws: Workspace;
let known: { id: string; name: string; e164: string };

beforeAll(async () => {
  ws = await openWorkspace();
  const lead = ws.core.handlers['leads.listFull']({}) as Awaited<
    ReturnType<Workspace['core']['handlers']['leads.listFull']>
  >;
  const withPhone = lead.find((l) => l.phones.length > 0);
  if (!withPhone?.phones[0]) throw new Error('the demo data has no lead with a number');
  known = { id: withPhone.id, name: withPhone.name, e164: withPhone.phones[0].e164 };
}, 60_000);

afterAll(async () => {
  await ws?.close();
});

const openWithLink = async (link: string) => {
  await ws.page.goto(`${ws.host.url}&tel=${encodeURIComponent(link)}`);
};

describe('phone links in Chromium', () => {
  it('a tel: link to a number a lead has opens that lead, and the link leaves the address bar', async () => {
    const { page } = ws;
    await openWithLink(`tel:${known.e164.replace(/^(\+\d)(\d{3})/, '$1-$2-')}`);
    await waitForText(page.getByTestId('lead-detail').locator('.detail__name'), known.name);
    expect(new URL(page.url()).searchParams.get('tel')).toBeNull();
    expect(new URL(page.url()).searchParams.get('token')).toBe(ws.host.token);
  });

  it('a number no lead has offers to add one; the new lead opens, with the number to dial', async () => {
    const { page } = ws;
    await openWithLink('tel:+1-415-555-0199;ext=7');
    const dialog = page.getByTestId('phone-link-dialog');
    await waitForText(dialog, '+14155550199');
    await ws.screenshot('phone-link-new-lead');
    // Enter on an empty name says what is missing and adds nothing.
    await page.keyboard.press('Enter');
    await waitForText(dialog.locator('.form-error'), 'name');
    await page.getByTestId('phone-link-name').fill('Mara Quist');
    await page.getByTestId('phone-link-company').fill('Quist AB');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await waitForText(page.getByTestId('lead-detail').locator('.detail__name'), 'Mara Quist');
    const created = ws.core.handlers['links.resolvePhone']({ url: 'tel:+14155550199;ext=7' }) as {
      leadName: string | null;
      ext: string | null;
    };
    expect(created).toMatchObject({ leadName: 'Mara Quist', ext: '7' });
  });

  it('a link that holds no number says why, in the interface language', async () => {
    const { page } = ws;
    await openWithLink('callto:jane.doe');
    const error = page.getByTestId('phone-link-error');
    await waitForText(error, 'callto:jane.doe');
    await waitForText(error, 'names no phone number');
    await page.keyboard.press('Escape');
    await page.getByTestId('phone-link-dialog').waitFor({ state: 'detached' });
  });

  it('Settings offers to register Dialdeck as this browser’s tel: handler', async () => {
    const { page } = ws;
    await page.keyboard.press(',');
    const section = page.getByTestId('settings-this-computer');
    await section.waitFor();
    await page.getByTestId('browser-phone-handler').click();
    await waitForText(section, 'Confirm in the browser');
    await ws.screenshot('settings-this-computer');
    await page.keyboard.press('Escape');
  });

  it('says so, in the interface language, when the browser refuses the registration', async () => {
    const { page } = ws;
    // What Chromium throws for a handler it will not take (an insecure origin, a blocked scheme).
    await page.evaluate(() => {
      navigator.registerProtocolHandler = () => {
        throw new DOMException('The scheme is not allowed here.', 'SecurityError');
      };
    });
    await page.keyboard.press(',');
    const section = page.getByTestId('settings-this-computer');
    await section.waitFor();
    await page.getByTestId('browser-phone-handler').click();
    const error = page.getByTestId('browser-phone-handler-error');
    await waitForText(error, 'refused to register Dialdeck');
    await waitForText(error, 'The scheme is not allowed here.');
    await page.keyboard.press('Escape');
  });
});
