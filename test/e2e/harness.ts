import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { type Core, type CoreOptions, openCore } from '../../src/main/core';
import { startWebHost, type WebHost } from '../../src/main/web/server';

export const RENDERER_DIR = resolve('out/renderer');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Debian's Chromium, headless, with nothing that reaches the network; `extraArgs` adds switches (a
 * fake microphone for the calling tests).
 */
export const launchChromium = (extraArgs: readonly string[] = []): Promise<Browser> =>
  chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      ...extraArgs,
    ],
  });

export type Workspace = {
  dataDir: string;
  core: Core;
  /** Replaced by a test that restarts the host. */
  host: WebHost;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Where screenshots go: a temp folder, never the repository. */
  shotsDir: string;
  screenshot: (name: string) => Promise<string>;
  close: () => Promise<void>;
};

type WorkspaceOptions = {
  seedDemo?: boolean;
  /** Fills the store before the host starts. */
  seed?: (core: Core) => void;
  /** The core's clock (the queue's rules depend on the hour); the system clock when left out. */
  now?: () => number;
  /** Sync with a team server in the background, as the app hosts do (with these waits). */
  sync?: Pick<CoreOptions, 'syncTiming'>;
  /** More Chromium switches (see launchChromium). */
  chromiumArgs?: readonly string[];
};

/**
 * A real Dialdeck workspace for one test file: a store in a temp folder, the web host serving the
 * built renderer, and one Chromium page (1280×800, English, New York time) on it.
 */
export const openWorkspace = async (options: WorkspaceOptions = {}): Promise<Workspace> => {
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) {
    throw new Error('The end-to-end tests need the built renderer: run `npm run build` first.');
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'dialdeck-e2e-'));
  const core = openCore({
    dataDir,
    seedDemo: options.seedDemo ?? true,
    // The app hosts watch the store for other processes' commits; so does the test workspace.
    watchOtherWriters: true,
    ...(options.now ? { now: options.now } : {}),
    ...(options.sync ? { syncInBackground: true, syncTiming: options.sync.syncTiming } : {}),
  });
  options.seed?.(core);
  const host = await startWebHost({ core, rendererDir: RENDERER_DIR });
  const browser = await launchChromium(options.chromiumArgs);
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    locale: 'en-US',
    colorScheme: 'light',
    timezoneId: 'America/New_York',
    acceptDownloads: true,
  });
  const page = await context.newPage();
  // A wait that fails names its locator, well before the test's own time limit.
  page.setDefaultTimeout(15_000);
  const shotsDir = process.env.DIALDECK_SHOTS_DIR ?? join(tmpdir(), 'dialdeck-e2e-shots');
  mkdirSync(shotsDir, { recursive: true });
  const workspace: Workspace = {
    dataDir,
    core,
    host,
    browser,
    context,
    page,
    shotsDir,
    screenshot: async (name) => {
      const path = join(shotsDir, `${name}.png`);
      await page.screenshot({ path });
      return path;
    },
    close: async () => {
      await browser.close();
      // A test may have restarted the host; close the one running now.
      await workspace.host.close();
      core.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return workspace;
};

export const LIST = '#lead-list[role="listbox"]';
export const OPTION = `${LIST} [role="option"]`;

/** Opens the workspace page and waits until the lead list shows rows. */
export const openApp = async (page: Page, url: string): Promise<void> => {
  await page.goto(url);
  await page.locator(OPTION).first().waitFor();
};

/** Waits until `locator` holds `text` (a string matches any part, ignoring case). */
export const waitForText = (locator: Locator, text: string | RegExp): Promise<void> =>
  locator.filter({ hasText: text }).first().waitFor();

/** Waits until the list shows the rows for `query` (it marks the query its rows answer). */
export const waitForListQuery = (page: Page, query: string): Promise<void> =>
  page.locator(`.lead-list-frame[data-query=${JSON.stringify(query)}]`).waitFor();

/** The id of the element that has the keyboard. */
export const focusedId = async (page: Page): Promise<string | null> =>
  (await page.locator(':focus').count()) ? page.locator(':focus').getAttribute('id') : null;

/** The names in the rows on screen, top to bottom. */
export const visibleNames = (page: Page): Promise<string[]> =>
  page.locator(`${OPTION} .lead-row__name`).allTextContents();
