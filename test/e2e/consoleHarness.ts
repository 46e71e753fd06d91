import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AddUserOutput, CreateTeamOutput, type TeamRole } from '@shared/server/admin';
import { ImportLeadsOutput } from '@shared/server/leads';
import Database from 'better-sqlite3';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import {
  dropDatabases,
  externalDatabase,
  freshDatabase,
  killServers,
  removeDirs,
  request,
  type ServerProcess,
  startServerProcess,
  stopServer,
  tempDir,
} from '../integration/server/server-process';
import { dialdeck, ok } from '../integration/server/sync-suite';
import { launchChromium } from './harness';

/**
 * How long a console file's set-up may take: a server process on a fresh PostgreSQL, a team, and
 * desktops that sign in and sync. On a loaded machine the embedded PostgreSQL's first start alone can
 * pass vitest's one-minute hook default.
 */
export const CONSOLE_SETUP_TIMEOUT = 240_000;

/** Where the console's screenshots go: the test run's folder, never the repository. */
export const SHOTS_DIR = process.env.DIALDECK_SHOTS_DIR ?? join(tmpdir(), 'dialdeck-e2e-shots');

/** A browser page's shape: language, theme (light/dark) and window size (CSS pixels). */
export type PageOptions = {
  lang?: string;
  theme?: string;
  viewport?: { width: number; height: number };
};

/** One team on a real server process, with its members' tokens and a Chromium to open pages in. */
export type ConsoleTeam = {
  server: ServerProcess;
  browser: Browser;
  teamId: string;
  /** The secret the team's inbound-lead webhook checks signatures with. */
  inboundSecret: string;
  /** A member's bearer token (the desktop's and the console's token sign-in). */
  token: (email: string) => string;
  userId: (email: string) => string;
  /** The CLI flags that act on the team as its first manager (`--team … --server … --token …`). */
  asManagerFlags: () => string[];
  /** A new Chromium context and page: English, light, New York time, unless `options` say otherwise. */
  newPage: (options?: PageOptions) => Promise<Page>;
  /** Signs `page` in with a member's token through the console's own sign-in route (the cookie is the browser's). */
  signInWithToken: (page: Page, email: string) => Promise<void>;
  /** Imports `csv` (a header line, then leads) through the CLI as the manager, assigned to `assignTo`. */
  importLeads: (csv: string, assignTo: string) => Promise<ImportLeadsOutput>;
  /** A rep's desktop store in a temp folder, signed in with their token and synced once; its folder. */
  repDesktop: (email: string) => Promise<string>;
  /** Closes the Chromium and stops the server (closeConsoleTeam also cleans up after a failed set-up). */
  close: () => Promise<void>;
};

/** A team with one of each role and two reps (the assignment pages and the boards need two). */
export const MANAGER_TWO_REPS_AE = [
  ['manager@north.example', 'manager'],
  ['rep1@north.example', 'rep'],
  ['rep2@north.example', 'rep'],
  ['ae@north.example', 'ae'],
] as const;

type ConsoleTeamOptions = {
  /** The temp folders' prefix, so a leftover folder says which file made it. */
  label: string;
  /** The members to add, in order; the first manager is who imports and acts through the CLI. */
  members: readonly (readonly [email: string, role: TeamRole])[];
  /** The window size every page gets unless `newPage` says otherwise (CSS pixels). */
  viewport?: { width: number; height: number };
};

/**
 * A console e2e file's world: the built server (`bin/dialdeck.mjs server start`) on a fresh database
 * (Debian's PostgreSQL when TEST_DATABASE_URL is set, else the embedded one in a temp folder), a team
 * "North" with `members`, and Debian's Chromium. Call in `beforeAll` with CONSOLE_SETUP_TIMEOUT and
 * closeConsoleTeam in `afterAll`.
 */
export const openConsoleTeam = async (options: ConsoleTeamOptions): Promise<ConsoleTeam> => {
  mkdirSync(SHOTS_DIR, { recursive: true });
  const adminUrl = externalDatabase();
  const where = adminUrl
    ? ['--database-url', await freshDatabase(adminUrl)]
    : ['--data-dir', join(tempDir(`dialdeck-e2e-${options.label}-`), 'server')];
  const server = await startServerProcess(where);
  const admin = server.adminToken ?? '';
  const team = CreateTeamOutput.parse(
    (await request(server.url, 'POST', '/v1/teams', admin, { name: 'North' })).body,
  );
  const tokens = new Map<string, string>();
  const ids = new Map<string, string>();
  for (const [email, role] of options.members) {
    const added = AddUserOutput.parse(
      (await request(server.url, 'POST', `/v1/teams/${team.teamId}/users`, admin, { email, role })).body,
    );
    tokens.set(email, added.token);
    ids.set(email, added.userId);
  }
  const manager = options.members.find(([, role]) => role === 'manager')?.[0] ?? '';
  const browser = await launchChromium();
  const known = (map: Map<string, string>, email: string): string => {
    const value = map.get(email);
    if (value === undefined) throw new Error(`${email} is not a member of the test team`);
    return value;
  };
  const asManagerFlags = () => [
    '--team',
    team.teamId,
    '--server',
    server.url,
    '--token',
    known(tokens, manager),
  ];

  return {
    server,
    browser,
    teamId: team.teamId,
    inboundSecret: team.inboundSecret,
    token: (email) => known(tokens, email),
    userId: (email) => known(ids, email),
    asManagerFlags,
    newPage: async ({ lang = 'en', theme = 'light', viewport } = {}) => {
      const context = await browser.newContext({
        viewport: viewport ?? options.viewport ?? { width: 1440, height: 900 },
        locale: lang === 'en' ? 'en-US' : lang,
        colorScheme: theme === 'dark' ? 'dark' : 'light',
        timezoneId: 'America/New_York',
        acceptDownloads: true,
      });
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      return page;
    },
    signInWithToken: async (page, email) => {
      const answer = await page.request.post(`${server.url}/v1/console/sign-in`, {
        data: { token: known(tokens, email) },
      });
      expect(answer.status(), await answer.text()).toBe(200);
    },
    importLeads: async (csv, assignTo) => {
      const file = join(tempDir(`dialdeck-e2e-${options.label}-csv-`), 'list.csv');
      writeFileSync(file, csv.endsWith('\n') ? csv : `${csv}\n`);
      return ImportLeadsOutput.parse(
        ok(await dialdeck(['admin', 'leads', 'import', file, '--assign', assignTo, ...asManagerFlags()])),
      );
    },
    repDesktop: async (email) => {
      const dir = tempDir(`dialdeck-e2e-${options.label}-rep-`);
      ok(
        await dialdeck(['--data-dir', dir, 'login', '--server', server.url, '--token', known(tokens, email)]),
      );
      ok(await dialdeck(['--data-dir', dir, 'sync']));
      return dir;
    },
    close: async () => {
      await browser.close();
      await stopServer(server);
    },
  };
};

/**
 * Ends a console file's world: its Chromium and server (when `team` got that far), then any server
 * process, test database and temp folder left by a set-up that failed half-way.
 */
export const closeConsoleTeam = async (team: ConsoleTeam | undefined): Promise<void> => {
  await team?.close();
  await killServers();
  await dropDatabases();
  removeDirs();
};

/** Collects the page's console errors from now on (an e2e test expects none it did not cause). */
export const errorsOn = (page: Page): string[] => {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  return errors;
};

/** A desktop store's leads (demo leads left out), name → id. */
export const leadIdsOn = (dataDir: string): Map<string, string> => {
  const db = new Database(join(dataDir, 'dialdeck.sqlite'), { readonly: true });
  const rows = db.prepare('SELECT id, name FROM leads WHERE is_demo = 0').all() as {
    id: string;
    name: string;
  }[];
  db.close();
  return new Map(rows.map((row) => [row.name, row.id]));
};

/**
 * Opens a console team for the surrounding `describe` (in `beforeAll`, then `seed` with it, both
 * within CONSOLE_SETUP_TIMEOUT) and closes it in `afterAll`. Returns the team's getter, for the tests.
 */
export const useConsoleTeam = (
  options: ConsoleTeamOptions,
  seed?: (team: ConsoleTeam) => Promise<void>,
): (() => ConsoleTeam) => {
  let team: ConsoleTeam | undefined;
  beforeAll(async () => {
    team = await openConsoleTeam(options);
    await seed?.(team);
  }, CONSOLE_SETUP_TIMEOUT);
  afterAll(() => closeConsoleTeam(team));
  return () => {
    if (!team) throw new Error('The console team was not set up: see the beforeAll failure above.');
    return team;
  };
};
