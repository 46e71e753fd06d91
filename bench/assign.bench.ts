// The manager's Leads page and reassignment on a real server process (the built CLI: needs `npm run
// build` first), on a database URL (DIALDECK_BENCH_DATABASE_URL or TEST_DATABASE_URL, a role that may
// create databases) or the built-in PostgreSQL in a temporary folder:
// - `listPage`: one page of 50 of a team's N leads (DIALDECK_BENCH_ASSIGN_LEADS, default 20 000; the
//   issue's team holds 100 000) as the console asks for it — unfiltered, by owner, by status, by a
//   name word, by digits of a number, and a page deep in the list — p50/p95 over repeated requests;
// - `reassign500`: moving a selection of 500 leads to another rep, one `POST …/leads/:id/assign` per
//   lead (sequential, and 8 at a time) against one `POST …/leads/assign` with all 500;
// - `healthRoundTripMs`: the loopback round trip of GET /health in the same run, the ceiling beside them.

import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { AddUserOutput, CreateTeamOutput } from '@shared/server/admin';
import { BulkAssignOutput, TeamLeadsOutput } from '@shared/server/leads';
import {
  dropDatabases,
  freshDatabase,
  removeDirs,
  request,
  startServerProcess,
  stopServer,
  tempDir,
} from '../test/integration/server/server-process';

const LEADS = Number(process.env.DIALDECK_BENCH_ASSIGN_LEADS ?? 20_000);
const REPEATS = 40;
const SELECTION = 500;

const percentile = (samples: number[], p: number): number => {
  const sorted = [...samples].sort((a, b) => a - b);
  return Number((sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0).toFixed(2));
};
const summary = (samples: number[]) => ({ p50Ms: percentile(samples, 50), p95Ms: percentile(samples, 95) });

const lead = (i: number) => ({
  row: i + 1,
  name: `Bench Lead ${i} ${['Alvarez', 'Brandt', 'Chen', 'Dubois'][i % 4]}`,
  title: null,
  company: `Company ${i % 500}`,
  email: `bench${i}@assign.example`,
  phones: [{ e164: `+1312${String(1_000_000 + i).padStart(7, '0')}`, ext: null, label: null, raw: '' }],
  timeZone: 'America/Chicago',
  country: 'US',
  region: null,
  city: null,
  sourceChannel: 'outbound_list',
  sourceDetail: null,
  direction: 'outbound',
  status: i % 7 === 0 ? 'working' : 'new',
  research: null,
});

const timed = async (fn: () => Promise<unknown>): Promise<number> => {
  const started = performance.now();
  await fn();
  return performance.now() - started;
};

export const run = async (): Promise<Record<string, unknown>> => {
  const adminUrl = process.env.DIALDECK_BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? null;
  const where = adminUrl
    ? ['--database-url', await freshDatabase(adminUrl)]
    : ['--data-dir', join(tempDir('dialdeck-bench-assign-'), 'server')];
  const server = await startServerProcess(where);
  try {
    const admin = server.adminToken ?? '';
    const { teamId } = CreateTeamOutput.parse(
      (await request(server.url, 'POST', '/v1/teams', admin, { name: 'Bench' })).body,
    );
    const add = async (email: string, role: string) =>
      AddUserOutput.parse(
        (await request(server.url, 'POST', `/v1/teams/${teamId}/users`, admin, { email, role })).body,
      );
    const manager = await add('manager@bench.example', 'manager');
    await add('rep1@bench.example', 'rep');
    await add('rep2@bench.example', 'rep');
    const call = (method: string, path: string, body?: unknown) =>
      request(server.url, method, `/v1/teams/${teamId}${path}`, manager.token, body);
    for (let from = 0; from < LEADS; from += 500) {
      const batch = Array.from({ length: Math.min(500, LEADS - from) }, (_, k) => lead(from + k));
      const answer = await call('POST', '/leads/import', {
        leads: batch,
        assign: { mode: 'round-robin', offset: from },
      });
      if (answer.status !== 200) throw new Error(`import failed: ${JSON.stringify(answer.body)}`);
    }

    const queries = {
      unfiltered: 'limit=50&offset=0',
      byOwner: 'owner=rep1@bench.example&limit=50&offset=0',
      byStatus: 'status=working&limit=50&offset=0',
      byNameWord: 'q=dubois&limit=50&offset=0',
      byDigits: `q=${String(1_000_000 + Math.floor(LEADS / 2)).slice(0, 5)}&limit=50&offset=0`,
      deepPage: `limit=50&offset=${Math.max(0, LEADS - 100)}`,
    };
    const listPage: Record<string, unknown> = {};
    for (const [name, query] of Object.entries(queries)) {
      const samples: number[] = [];
      let total = 0;
      for (let i = 0; i < REPEATS; i++) {
        samples.push(
          await timed(async () => {
            total = TeamLeadsOutput.parse((await call('GET', `/leads?${query}`)).body).total ?? 0;
          }),
        );
      }
      listPage[name] = { ...summary(samples), total };
    }

    const rep1Page = async (offset: number) =>
      TeamLeadsOutput.parse(
        (await call('GET', `/leads?owner=rep1@bench.example&limit=500&offset=${offset}`)).body,
      ).leads.map((l) => l.leadId);
    const sequentialIds = await rep1Page(0);
    const sequentialMs = await timed(async () => {
      for (const id of sequentialIds) await call('POST', `/leads/${id}/assign`, { to: 'rep2@bench.example' });
    });
    const parallelIds = await rep1Page(0);
    const parallelMs = await timed(async () => {
      for (let i = 0; i < parallelIds.length; i += 8) {
        await Promise.all(
          parallelIds
            .slice(i, i + 8)
            .map((id) => call('POST', `/leads/${id}/assign`, { to: 'rep2@bench.example' })),
        );
      }
    });
    const bulkIds = await rep1Page(0);
    let moved = 0;
    const bulkMs = await timed(async () => {
      moved = BulkAssignOutput.parse(
        (await call('POST', '/leads/assign', { leadIds: bulkIds, to: 'rep2@bench.example' })).body,
      ).assigned.length;
    });
    const health: number[] = [];
    for (let i = 0; i < REPEATS; i++) health.push(await timed(() => request(server.url, 'GET', '/health')));
    return {
      leads: LEADS,
      database: adminUrl ? 'external' : 'built-in',
      listPage,
      reassign500: {
        selection: SELECTION,
        onePerLeadSequentialMs: Number(sequentialMs.toFixed(0)),
        onePerLead8AtATimeMs: Number(parallelMs.toFixed(0)),
        bulkOneRequestMs: Number(bulkMs.toFixed(0)),
        bulkMoved: moved,
      },
      healthRoundTripMs: summary(health),
    };
  } finally {
    await stopServer(server);
    await dropDatabases();
    removeDirs();
  }
};
