import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LaunchItem } from '../../src/shared/api/desktop';
import { openWorkspace, type Workspace, waitForText } from './harness';

// The desktop app's window in Chromium: the page gets an Electron-like `window.dialdeck` (invoke over
// the web host's socket; events reach only listeners already subscribed, as IPC messages do) whose
// host holds the OS's links and files until the page takes them. Plus the web host's bad-link dialog.

let ws: Workspace;
let known: { id: string; name: string; e164: string };

beforeAll(async () => {
  ws = await openWorkspace();
  const leads = ws.core.handlers['leads.listFull']({}) as Awaited<
    ReturnType<Workspace['core']['handlers']['leads.listFull']>
  >;
  const withPhone = leads.find((l) => l.phones.length > 0);
  if (!withPhone?.phones[0]) throw new Error('the demo data has no lead with a number');
  known = { id: withPhone.id, name: withPhone.name, e164: withPhone.phones[0].e164 };
}, 60_000);

afterAll(async () => {
  await ws?.close();
});

type FakeHost = { context: BrowserContext; page: Page };

/** A page whose `window.dialdeck` plays the Electron preload, with `held` queued before it loads. */
const desktopPage = async (held: LaunchItem[], installerFeedUrl: string | null = null): Promise<FakeHost> => {
  const context = await ws.browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
  const url = new URL(ws.host.url);
  await context.addInitScript(
    ({ origin, token, held, installerFeedUrl }) => {
      const w = window as unknown as Record<string, unknown>;
      const listeners = new Set<(name: string, payload: unknown) => void>();
      const pending = new Map<number, (result: unknown) => void>();
      const queue = [...held];
      const requests: unknown[] = [];
      let nextId = 1;
      let socket: Promise<WebSocket> | null = null;
      const open = () => {
        socket ??= new Promise((resolve) => {
          const s = new WebSocket(`${origin.replace('http', 'ws')}/api?token=${encodeURIComponent(token)}`);
          s.onopen = () => resolve(s);
          s.onmessage = (m) => {
            const data = JSON.parse(String(m.data)) as {
              id?: number;
              result?: unknown;
              event?: string;
              payload?: unknown;
            };
            if (data.event) for (const l of listeners) l(data.event, data.payload);
            else if (typeof data.id === 'number') pending.get(data.id)?.(data.result);
          };
        });
        return socket;
      };
      const update = { state: 'idle', version: null, notes: null, percent: null, message: null };
      w.__launchQueue = queue;
      w.__desktopRequests = requests;
      w.__hostEmit = (name: string, payload: unknown) => {
        for (const l of listeners) l(name, payload);
      };
      w.dialdeck = {
        invoke: async (method: string, input: unknown) => {
          const s = await open();
          return new Promise((resolve) => {
            const id = nextId++;
            pending.set(id, resolve);
            s.send(JSON.stringify({ id, method, input }));
          });
        },
        notify: async () => undefined,
        desktop: async (request: unknown) => {
          requests.push(request);
          // What the OS answers a phone handler registration: `__phoneHandlerProblem`, set by a test.
          const asked = request as { action: string; on?: boolean };
          const phoneHandlerProblem =
            asked.action === 'setPhoneHandler' && asked.on ? (w.__phoneHandlerProblem ?? null) : null;
          return {
            phoneHandler: false,
            startAtLogin: false,
            update,
            installerFeedUrl,
            feedSource: null,
            phoneHandlerProblem,
          };
        },
        takePendingLaunch: async () => ({ items: queue.splice(0) }),
        onEvent: (listener: (name: string, payload: unknown) => void) => {
          listeners.add(listener);
          void open();
          return () => listeners.delete(listener);
        },
      };
    },
    { origin: url.origin, token: ws.host.token, held, installerFeedUrl },
  );
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await page.goto(`${url.origin}/`);
  return { context, page };
};

const screenshot = async (page: Page, name: string) => {
  await page.screenshot({ path: `${ws.shotsDir}/${name}.png` });
};

describe('links and files the OS hands the desktop app', () => {
  it('a cold start’s tel: link, held before the page listened, opens its lead', async () => {
    const link = `tel:${known.e164.replace(/^(\+\d)(\d{3})/, '$1-$2-')}`;
    const { context, page } = await desktopPage([{ kind: 'link', url: link }]);
    try {
      await waitForText(page.getByTestId('lead-detail').locator('.detail__name'), known.name);
      expect(
        await page.evaluate(() => (window as unknown as { __launchQueue: unknown[] }).__launchQueue),
      ).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('a later link and a refused CSV come when the host nudges, and nothing is lost on the way', async () => {
    const { context, page } = await desktopPage([]);
    try {
      await page.getByTestId('lead-detail').or(page.locator('#lead-list')).first().waitFor();
      await page.evaluate(() => {
        const w = window as unknown as {
          __launchQueue: LaunchItem[];
          __hostEmit: (name: string, payload: unknown) => void;
        };
        w.__launchQueue.push(
          { kind: 'fileRefused', fileName: 'leads-export.csv', reason: 'too_large' },
          { kind: 'link', url: 'tel:+1-415-555-0177' },
        );
        w.__hostEmit('app:launchPending', {});
      });
      await waitForText(page.getByTestId('phone-link-dialog'), '+14155550177');
      await waitForText(page.getByTestId('launch-file-refused'), 'leads-export.csv is larger than 100 MB');
      await screenshot(page, 'desktop-launch-nudge');
    } finally {
      await context.close();
    }
  });
});

describe('the update feed in Settings (desktop app)', () => {
  it('explains a feed that breaks the rules, keeps what was typed, and checks nothing', async () => {
    const { context, page } = await desktopPage([], 'https://team.example.com/updates');
    try {
      await page.locator('#lead-list').waitFor();
      await page.keyboard.press(',');
      const section = page.getByTestId('settings-this-computer');
      await waitForText(section.getByTestId('installer-feed'), 'https://team.example.com/updates');
      const input = section.getByTestId('update-feed');
      const requests = () =>
        page.evaluate(
          () => (window as unknown as { __desktopRequests: { action: string }[] }).__desktopRequests,
        );
      for (const [typed, says] of [
        ['http://updates.example.com/dialdeck', 'must start with https://'],
        ['https://rep:secret@updates.example.com/', 'Leave the user name and password out'],
        ['updates example', 'not a web address'],
      ] as const) {
        await input.fill(typed);
        await input.press('Enter');
        await waitForText(section.getByTestId('update-feed-error'), says);
        expect(await input.inputValue()).toBe(typed);
      }
      await section.getByTestId('update-feed-error').scrollIntoViewIfNeeded();
      await screenshot(page, 'desktop-update-feed-refused');
      expect((await requests()).filter((r) => r.action === 'checkForUpdates')).toEqual([]);
      expect(ws.core.handlers['settings.get']({})).toMatchObject({ updateFeedUrl: '' });
      // A good feed is saved and checked.
      await input.fill('https://updates.example.com/dialdeck');
      await input.press('Enter');
      await expect
        .poll(async () => (await requests()).filter((r) => r.action === 'checkForUpdates').length)
        .toBe(1);
      expect(ws.core.handlers['settings.get']({})).toMatchObject({
        updateFeedUrl: 'https://updates.example.com/dialdeck',
      });
      await expect.poll(() => section.getByTestId('update-feed-error').count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});

describe('the phone handler checkbox (desktop app)', () => {
  it('says, in the interface language, why the OS did not make Dialdeck the tel: handler', async () => {
    const { context, page } = await desktopPage([]);
    try {
      await page.locator('#lead-list').waitFor();
      await page.keyboard.press(',');
      const section = page.getByTestId('settings-this-computer');
      const box = section.getByTestId('desktop-phone-handler');
      for (const [problem, says] of [
        ['refused', 'did not let Dialdeck register'],
        ['not_default', 'Choose Dialdeck for TEL'],
      ] as const) {
        await page.evaluate((p) => {
          (window as unknown as Record<string, unknown>).__phoneHandlerProblem = p;
        }, problem);
        await box.click();
        await waitForText(section.getByTestId('desktop-phone-handler-problem'), says);
      }
      await screenshot(page, 'desktop-phone-handler-problem');
      // Once a registration takes, the explanation goes.
      await page.evaluate(() => {
        (window as unknown as Record<string, unknown>).__phoneHandlerProblem = null;
      });
      await box.click();
      await expect.poll(() => section.getByTestId('desktop-phone-handler-problem').count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});

describe('the web host’s bad-link dialog', () => {
  it('gives each bad link its own reason', async () => {
    const { page } = ws;
    for (const [link, says] of [
      ['callto:jane.doe', 'Skype name'],
      ['javascript:alert(1)', 'is not a tel: or callto: link'],
      ['tel:', 'holds no phone number'],
      ['tel:7042;phone-context=example.com', 'local number of example.com'],
      ['tel:863-1234;phone-context=+1-914-555', 'form +19145558631234'],
      ['tel:+1 800 PW12345', 'not a vanity number'],
      [`tel:7042;phone-context=${'switchboard'.repeat(6)}.west.example.com`, 'west.example.com'],
    ] as const) {
      await page.goto(`${ws.host.url}&tel=${encodeURIComponent(link)}`);
      const error = page.getByTestId('phone-link-error');
      await waitForText(error, says);
      // A long link or domain wraps inside the dialog.
      expect(await error.evaluate((e) => e.scrollWidth <= e.clientWidth)).toBe(true);
      if (link.includes('switchboard')) await screenshot(page, 'phone-link-domain-context');
      await page.keyboard.press('Escape');
      await page.getByTestId('phone-link-dialog').waitFor({ state: 'detached' });
    }
  });
});
