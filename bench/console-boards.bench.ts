// The manager's team board in Chromium on the reports bench's team (REPS reps, DAYS days, about
// ACTIVITIES activities, seeded by `seed` of reports.bench.ts straight into PostgreSQL) against a real
// server process. Figures: the board's first paint, ms from the navigation's start until the page shows
// every rep's figures (the board table with a row per rep and the team's), and until the 90-day trend
// chart is drawn too, p50/p95 over ROUNDS fresh loads (target: under 1 s), read from the page's own
// clock (`performance.now()`, which starts at the navigation). Needs `npm run build` first.
import { join } from 'node:path';
import { AddUserOutput, CreateTeamOutput } from '@shared/server/admin';
import pg from 'pg';
import { launchChromium } from '../test/e2e/harness';
import {
  embeddedDatabaseUrl,
  removeDirs,
  request,
  startServerProcess,
  stopServer,
  tempDir,
} from '../test/integration/server/server-process';
import { seed } from './reports.bench';

const REPS = Number(process.env.DIALDECK_BENCH_REPORTS_REPS ?? 50);
const ROUNDS = Number(process.env.DIALDECK_BENCH_BOARDS_ROUNDS ?? 10);
const TARGET_MS = 1000;

const stats = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)] ?? 0;
  return { p50Ms: Math.round(at(0.5)), p95Ms: Math.round(at(0.95)), maxMs: Math.round(at(1)) };
};

export const run = async (): Promise<Record<string, unknown>> => {
  const database = process.env.DIALDECK_BENCH_DATABASE_URL;
  const dataDir = join(tempDir('dialdeck-bench-boards-'), 'server');
  const server = await startServerProcess(database ? ['--database-url', database] : ['--data-dir', dataDir], {
    DIALDECK_SERVER_TOKEN_ROUTE_LIMIT: '1000',
  });
  const db = new pg.Pool({ connectionString: database ?? embeddedDatabaseUrl(dataDir), max: 2 });
  const browser = await launchChromium();
  try {
    const admin = server.adminToken ?? '';
    const team = CreateTeamOutput.parse(
      (await request(server.url, 'POST', '/v1/teams', admin, { name: 'Boards bench' })).body,
    );
    const add = async (email: string, role: string) =>
      AddUserOutput.parse(
        (await request(server.url, 'POST', `/v1/teams/${team.teamId}/users`, admin, { email, role })).body,
      );
    const reps = [];
    for (let i = 0; i < REPS; i++) reps.push(await add(`rep${i}@bench.example`, 'rep'));
    const aes = [];
    for (let i = 0; i < 5; i++) aes.push(await add(`ae${i}@bench.example`, 'ae'));
    const manager = await add('manager@bench.example', 'manager');
    const seedStarted = performance.now();
    await seed(
      db,
      team.teamId,
      reps.map((r) => r.userId),
      aes.map((a) => a.userId),
      Date.now(),
    );
    const seedSeconds = (performance.now() - seedStarted) / 1000;
    const counted = await db.query<{ n: string }>('SELECT count(*) AS n FROM activities WHERE team_id = $1', [
      team.teamId,
    ]);

    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const signIn = await context.request.post(`${server.url}/v1/console/sign-in`, {
      data: { token: manager.token },
    });
    if (signIn.status() !== 200) throw new Error(`sign-in: ${signIn.status()} ${await signIn.text()}`);
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    const figures: number[] = [];
    const withChart: number[] = [];
    for (let round = -2; round < ROUNDS; round++) {
      await page.goto('about:blank');
      await page.goto(`${server.url}/console/team/board`, { waitUntil: 'commit' });
      // The page's own clock at the frame where the rows are on screen (a rep's row per rep + the team's).
      const rowsAt = await page.waitForFunction(
        (rows) =>
          document.querySelectorAll('[data-testid="team-board"] [data-testid="board-row"]').length >= rows
            ? new Promise<number>((done) => requestAnimationFrame(() => done(performance.now())))
            : null,
        REPS + 1,
        { polling: 'raf' },
      );
      const chartAt = await page.waitForFunction(
        () =>
          document.querySelector('.trend__chart canvas')
            ? new Promise<number>((done) => requestAnimationFrame(() => done(performance.now())))
            : null,
        undefined,
        { polling: 'raf' },
      );
      if (round >= 0) {
        figures.push(Number(await rowsAt.jsonValue()));
        withChart.push(Number(await chartAt.jsonValue()));
      }
    }
    await context.close();
    const board = stats(figures);
    return {
      reps: REPS,
      activities: Number(counted.rows[0]?.n),
      seedSeconds: Math.round(seedSeconds * 10) / 10,
      rounds: ROUNDS,
      boardFiguresPainted: board,
      boardWithTrendChart: stats(withChart),
      targetMs: TARGET_MS,
      p95UnderTarget: board.p95Ms < TARGET_MS,
    };
  } finally {
    await browser.close();
    await db.end();
    await stopServer(server);
    removeDirs();
  }
};
