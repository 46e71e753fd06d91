// A rep's first sync: the team server holds LEADS leads assigned to the rep (imported by the manager);
// a fresh desktop store signs in and pulls them all. Figures: seconds for the pull (target < 10 s), pages,
// leads per second, and the time the server took to import them (not part of the target). Needs
// `npm run build` first (the server runs from the built CLI, on the built-in PostgreSQL, or on
// DIALDECK_BENCH_DATABASE_URL when set).
import { join } from 'node:path';
import { AddUserOutput, CreateTeamOutput, MeOutput } from '@shared/server/admin';
import { type ImportLead, ImportLeadsOutput, MAX_IMPORT_BATCH } from '@shared/server/leads';
import { openCore } from '../src/main/core';
import { pullOnce } from '../src/main/core/sync/pull';
import {
  removeDirs,
  request,
  startServerProcess,
  stopServer,
  tempDir,
} from '../test/integration/server/server-process';

const LEADS = Number(process.env.DIALDECK_BENCH_SYNC_LEADS ?? 20_000);
const TARGET_SECONDS = 10;

const lead = (i: number): ImportLead => {
  const e164 = `+1${202 + (i % 700)}555${String(i % 10_000).padStart(4, '0')}`;
  return {
    row: i + 2,
    name: `Lead ${i}`,
    title: 'VP Operations',
    company: `Account ${i % 3_000}`,
    email: `lead${i}@example.com`,
    phones: [{ e164, ext: null, label: null, raw: e164 }],
    timeZone: 'America/New_York',
    country: 'US',
    region: null,
    city: null,
    sourceChannel: 'outbound_list',
    sourceDetail: null,
    direction: 'outbound',
    status: 'new',
    research: i % 10 === 0 ? `Lead ${i} runs operations at a ${i % 500}-person firm.` : null,
  };
};

export const run = async (): Promise<Record<string, unknown>> => {
  const database = process.env.DIALDECK_BENCH_DATABASE_URL;
  const server = await startServerProcess(
    database ? ['--database-url', database] : ['--data-dir', join(tempDir('dialdeck-bench-sync-'), 'server')],
  );
  try {
    const admin = server.adminToken ?? '';
    const team = CreateTeamOutput.parse(
      (await request(server.url, 'POST', '/v1/teams', admin, { name: 'Bench' })).body,
    );
    const rep = AddUserOutput.parse(
      (
        await request(server.url, 'POST', `/v1/teams/${team.teamId}/users`, admin, {
          email: 'rep@bench.example',
          role: 'rep',
        })
      ).body,
    );
    const importStarted = performance.now();
    for (let from = 0; from < LEADS; from += MAX_IMPORT_BATCH) {
      const leads = Array.from({ length: Math.min(MAX_IMPORT_BATCH, LEADS - from) }, (_, k) =>
        lead(from + k),
      );
      const answer = await request(server.url, 'POST', `/v1/teams/${team.teamId}/leads/import`, admin, {
        leads,
        assign: { mode: 'user', email: 'rep@bench.example' },
      });
      ImportLeadsOutput.parse(answer.body);
    }
    const importSeconds = (performance.now() - importStarted) / 1000;

    const me = MeOutput.parse((await request(server.url, 'GET', '/v1/me', rep.token)).body);
    if (me.kind !== 'user') throw new Error('the rep token names a user');
    const core = openCore({ dataDir: tempDir('dialdeck-bench-sync-desktop-') });
    try {
      let pages = 0;
      const started = performance.now();
      const summary = await pullOnce(
        core.db,
        { server: server.url, token: rep.token, ...me, signedInAt: Date.now() },
        { onApplied: () => pages++ },
      );
      const seconds = (performance.now() - started) / 1000;
      const stored = core.db
        .prepare<[], number>('SELECT count(*) FROM leads WHERE is_demo = 0')
        .pluck()
        .get();
      if (stored !== LEADS) throw new Error(`the desktop holds ${stored} leads after the pull, not ${LEADS}`);
      return {
        leads: LEADS,
        firstSyncSeconds: Number(seconds.toFixed(2)),
        targetSeconds: TARGET_SECONDS,
        meetsTarget: seconds < TARGET_SECONDS,
        changesPulled: summary.pulled,
        pages,
        leadsPerSecond: Math.round(LEADS / seconds),
        serverImportSeconds: Number(importSeconds.toFixed(2)),
        database: database ? 'external' : 'embedded',
      };
    } finally {
      core.close();
    }
  } finally {
    await stopServer(server);
    removeDirs();
  }
};
