// Push sync against a real server process (the built CLI's `server start` on the built-in PostgreSQL):
// - throughput (mutations/s) and per-request latency (p50/p99) with CLIENTS simulated desktops pushing
//   at once, each its own rep with its own token, each REQUESTS requests of BATCH `outcome.log`
//   mutations (the shape a logged call takes on the wire, copied from a real desktop's outbox);
// - the same CLIENTS each sending one such request at a random moment within 10 s: latency p50/p99 at a
//   steady load (the saturated run's latency is the queue of 200 clients that never pause);
// - beside it, the raw insert ceiling of the same PostgreSQL in the same run: the same number of
//   plain INSERTs (one autocommitted statement per row) of the activity rows those mutations become,
//   from CLIENTS workers over a pool the size of the server's (10); `ratio` = push ÷ raw (target ≥ 0.30);
// - `drain10kSeconds`: 10,000 outcomes queued in a desktop store during a day offline, drained
//   through the real sync client (`pushOutbox`) when it is back online (target < 5 s).
// Needs `npm run build` first (the server runs from the built CLI).

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { formatHlc } from '@shared/hlc';
import type { PushResponse } from '@shared/sync/protocol';
import { SYNC_PROTOCOL_VERSION } from '@shared/sync/protocol';
import pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { openCore } from '../src/main/core';
import { dispatch } from '../src/main/core/dispatch';
import type { NewLead } from '../src/main/core/leads/repo';
import { writeNow } from '../src/main/core/store/write-lock';
import { pushOutbox } from '../src/main/core/sync/client';
import type { SyncCredentials } from '../src/main/core/sync/credentials';
import {
  embeddedDatabaseUrl,
  removeDirs,
  request,
  startServerProcess,
  stopServer,
  tempDir,
} from '../test/integration/server/server-process';

const CLIENTS = Number(process.env.DIALDECK_BENCH_SYNC_CLIENTS ?? 200);
const REQUESTS = Number(process.env.DIALDECK_BENCH_SYNC_REQUESTS ?? 5);
const BATCH = Number(process.env.DIALDECK_BENCH_SYNC_BATCH ?? 10);
const DRAIN = Number(process.env.DIALDECK_BENCH_SYNC_DRAIN ?? 10_000);
/** The server's pool size (src/server/db/pool.ts `openPool`'s default). */
const SERVER_POOL = 10;
const TARGETS = { ratio: 0.3, p99Ms: 200, drain10kSeconds: 5 };

/** A logged call's `outcome.log` args, and the `account.create` and `lead.create` args of its lead. */
type Template = { leadId: string; args: string; account: string; lead: string };

/**
 * A real `outcome.log` mutation: a call logged on a desktop store through the core, its outbox row
 * read back. New mutations are made from it by giving every id in it but the lead's a new one.
 */
const logTemplate = async (): Promise<Template> => {
  const dataDir = tempDir('dialdeck-bench-sync-');
  const core = openCore({ dataDir });
  try {
    const lead = core.leads.create(LEAD, { at: Date.now() });
    core.dialing.enrollNewLeads([lead.id], Date.now());
    const logged = await dispatch(core.handlers, 'outcomes.log', {
      leadId: lead.id,
      outcome: 'no_answer',
      note: 'Rang out; will try after lunch',
    });
    if (!logged.ok) throw new Error(`outcomes.log: ${logged.error.message}`);
    const argsOf = (name: string): string => {
      const args = core.db
        .prepare<[string], string>('SELECT args FROM outbox WHERE name = ?')
        .pluck()
        .get(name);
      if (!args) throw new Error(`no ${name} row in the outbox`);
      return args;
    };
    return {
      leadId: lead.id,
      args: argsOf('outcome.log'),
      account: argsOf('account.create'),
      lead: argsOf('lead.create'),
    };
  } finally {
    core.close();
  }
};

const LEAD: NewLead = {
  name: 'Jo Park',
  title: 'VP Operations',
  company: 'Park Logistics',
  email: 'jo@park.example',
  phones: [{ e164: '+12025550143', ext: null, label: null, raw: '+1 202 555 0143' }],
  timeZone: 'America/New_York',
  country: 'US',
  region: null,
  city: null,
  sourceChannel: 'outbound_list',
  sourceDetail: null,
  direction: 'outbound',
  status: 'new',
};

const UUIDS = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

/**
 * A copy of a template's mutation as a new one: new ids for the mutation and everything it made, on
 * lead `leadId` (a rep's own lead, which the server holds).
 */
const mutationFrom = (template: Template, hlc: string, leadId: string, name = 'outcome.log') => {
  const fresh = new Map<string, string>([[template.leadId, leadId]]);
  const source =
    name === 'outcome.log' ? template.args : name === 'lead.create' ? template.lead : template.account;
  const args = source.replace(UUIDS, (id) => {
    let next = fresh.get(id);
    if (next === undefined) {
      next = uuidv7();
      fresh.set(id, next);
    }
    return next;
  });
  return { id: uuidv7(), name, args: JSON.parse(args) as unknown, hlc };
};

/**
 * Gives each rep (by token) a lead of their own on the server, pushed as their desktop creates one
 * (`account.create`, `lead.create`), so every logged call's status change applies to a real lead as
 * it does in a day's calling. Returns each token's lead id.
 */
const seedLeads = async (url: string, tokens: string[], template: Template): Promise<Map<string, string>> => {
  const leads = new Map<string, string>();
  let counter = 0;
  for (const token of tokens) {
    const leadId = uuidv7();
    const mutations = ['account.create', 'lead.create'].map((name) =>
      mutationFrom(template, stamp(counter++), leadId, name),
    );
    const answer = await request(url, 'POST', '/v1/sync/push', token, {
      protocolVersion: SYNC_PROTOCOL_VERSION,
      mutations,
    });
    const results = (answer.body as PushResponse).results;
    if (answer.status !== 200 || results.some((result) => result.status !== 'applied'))
      throw new Error(`seeding a lead: ${answer.status} ${JSON.stringify(answer.body)}`);
    leads.set(token, leadId);
  }
  return leads;
};

/** CPU time (ms, user + system) a process has used so far, from /proc (Linux); null elsewhere. */
const cpuMsOf = (pid: number | undefined): number | null => {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    // utime and stime are fields 14 and 15 of the line, in clock ticks (100 a second on Linux).
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
};

/**
 * CPU time (ms) a PostgreSQL cluster has used so far: its postmaster (pid from `postmaster.pid` in the
 * server's data folder or where `postgres-location` points), the children it has reaped, and the
 * children running now (backends, WAL writer, checkpointer), from /proc (Linux); null elsewhere.
 */
const clusterCpuMs = (dataDir: string): number | null => {
  try {
    const moved = join(dataDir, 'postgres-location');
    const pgData = existsSync(moved) ? readFileSync(moved, 'utf8').trim() : join(dataDir, 'postgres');
    const postmaster = Number(readFileSync(join(pgData, 'postmaster.pid'), 'utf8').split('\n')[0]);
    let ticks = 0;
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      let fields: string[];
      try {
        fields = readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
      } catch {
        continue; // ended while the folder was read
      }
      // After the command: state, ppid, … utime (14), stime (15), cutime (16), cstime (17).
      if (Number(entry) === postmaster) ticks += fields.slice(11, 15).reduce((a, b) => a + Number(b), 0);
      else if (Number(fields[1]) === postmaster) ticks += Number(fields[11]) + Number(fields[12]);
    }
    return ticks * 10;
  } catch {
    return null;
  }
};

const difference = (after: number | null, before: number | null): number | null =>
  after === null || before === null ? null : after - before;

const stats = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  const round = (n: number) => Math.round(n * 10) / 10;
  return { count: values.length, p50: round(at(0.5)), p99: round(at(0.99)), max: round(sorted.at(-1) ?? 0) };
};

const stamp = (n: number) => formatHlc({ wall: Date.now(), counter: n % 1_000_000 }, '00000000000000b1');

/** CLIENTS desktops pushing REQUESTS batches each, all at once: mutations/s and request latencies. */
const pushThroughput = async (
  url: string,
  tokens: string[],
  template: Template,
  leads: Map<string, string>,
) => {
  const latencies: number[] = [];
  let mutations = 0;
  let counter = 0;
  const started = performance.now();
  await Promise.all(
    tokens.map(async (token) => {
      for (let r = 0; r < REQUESTS; r++) {
        const body = {
          protocolVersion: SYNC_PROTOCOL_VERSION,
          mutations: Array.from({ length: BATCH }, () =>
            mutationFrom(template, stamp(counter++), leads.get(token) ?? ''),
          ),
        };
        const t0 = performance.now();
        const answer = await request(url, 'POST', '/v1/sync/push', token, body);
        latencies.push(performance.now() - t0);
        if (answer.status !== 200)
          throw new Error(`push answered ${answer.status}: ${JSON.stringify(answer.body)}`);
        const results = (answer.body as PushResponse).results;
        if (results.some((result) => result.status !== 'applied')) {
          throw new Error(`push not applied: ${JSON.stringify(results.find((x) => x.status !== 'applied'))}`);
        }
        mutations += results.length;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return {
    mutations,
    seconds: Math.round(seconds * 100) / 100,
    perSecond: Math.round(mutations / seconds),
    latency: stats(latencies),
  };
};

/**
 * Latency at a steady load: each of the CLIENTS desktops sends one request of BATCH mutations at a
 * random moment within `windowMs` (a rep's desktop pushes after each logged call), so requests arrive
 * spread out, as they do in a day's calling, rather than all at once.
 */
const pacedLatency = async (
  url: string,
  tokens: string[],
  template: Template,
  leads: Map<string, string>,
  windowMs: number,
) => {
  const latencies: number[] = [];
  let counter = 0;
  await Promise.all(
    tokens.map(async (token) => {
      await new Promise((done) => setTimeout(done, Math.random() * windowMs));
      const body = {
        protocolVersion: SYNC_PROTOCOL_VERSION,
        mutations: Array.from({ length: BATCH }, () =>
          mutationFrom(template, stamp(counter++), leads.get(token) ?? ''),
        ),
      };
      const t0 = performance.now();
      const answer = await request(url, 'POST', '/v1/sync/push', token, body);
      latencies.push(performance.now() - t0);
      if (answer.status !== 200) throw new Error(`push answered ${answer.status}`);
    }),
  );
  return {
    windowMs,
    offeredPerSecond: Math.round((tokens.length * BATCH) / (windowMs / 1000)),
    latency: stats(latencies),
  };
};

/** The same number of activity rows as plain autocommitted INSERTs, CLIENTS at once over SERVER_POOL connections. */
const rawInsertCeiling = async (databaseUrl: string, rows: number, template: Template) => {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: SERVER_POOL });
  try {
    await pool.query('CREATE TABLE bench_raw_activities (LIKE activities INCLUDING ALL)');
    const { teamId, userId } = (
      await pool.query<{ teamId: string; userId: string }>(
        'SELECT team_id AS "teamId", id AS "userId" FROM users LIMIT 1',
      )
    ).rows[0] as { teamId: string; userId: string };
    const activity = (
      JSON.parse(template.args) as { changes: { name: string; args: Record<string, unknown> }[] }
    ).changes.find((change) => change.name === 'activity.create')?.args as Record<string, unknown>;
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        while (next < rows) {
          next++;
          await pool.query(
            `INSERT INTO bench_raw_activities (team_id, id, lead_id, user_id, mutation_id, kind, outcome, note, data,
               occurred_at, hlc, change_version, received_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
            [
              teamId,
              uuidv7(),
              activity.leadId,
              userId,
              uuidv7(),
              activity.kind,
              activity.outcome,
              activity.body,
              JSON.stringify(activity.data),
              activity.occurredAt,
              stamp(next),
              next,
              Date.now(),
            ],
          );
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    await pool.query('DROP TABLE bench_raw_activities');
    return { rows, seconds: Math.round(seconds * 100) / 100, perSecond: Math.round(rows / seconds) };
  } finally {
    await pool.end();
  }
};

/** DRAIN outcomes queued offline in one desktop store, then drained by the real client: seconds. */
const drainOffline = async (
  url: string,
  credentials: SyncCredentials,
  template: Template,
  leadId: string,
) => {
  const dataDir = tempDir('dialdeck-bench-sync-');
  const core = openCore({ dataDir });
  try {
    for (let from = 0; from < DRAIN; from += 1_000) {
      writeNow(core.db, () => {
        for (let i = from; i < Math.min(DRAIN, from + 1_000); i++) {
          const m = mutationFrom(template, '', leadId);
          core.outbox.record('outcome.log', m.args as never);
        }
      });
    }
    const started = performance.now();
    const cpu = process.cpuUsage();
    const summary = await pushOutbox(core.db, { ...credentials, server: url });
    const seconds = (performance.now() - started) / 1000;
    const used = process.cpuUsage(cpu);
    if (summary.pending !== 0 || summary.rejected !== 0)
      throw new Error(`drain left ${JSON.stringify(summary)}`);
    return {
      mutations: summary.pushed,
      seconds: Math.round(seconds * 100) / 100,
      clientCpuMs: Math.round((used.user + used.system) / 1000),
    };
  } finally {
    core.close();
  }
};

export const run = async (): Promise<Record<string, unknown>> => {
  const dataDir = join(tempDir('dialdeck-bench-sync-server-'), 'server');
  const server = await startServerProcess(['--data-dir', dataDir], {
    DIALDECK_SERVER_TOKEN_ROUTE_LIMIT: '100000',
  });
  try {
    const admin = server.adminToken ?? '';
    const team = (await request(server.url, 'POST', '/v1/teams', admin, { name: 'Bench' })).body as {
      teamId: string;
    };
    const users: { userId: string; token: string; email: string }[] = [];
    for (let i = 0; i < CLIENTS + 1; i++) {
      const email = `rep${i}@bench.example`;
      const user = (
        await request(server.url, 'POST', `/v1/teams/${team.teamId}/users`, admin, { email, role: 'rep' })
      ).body as { userId: string; token: string };
      users.push({ ...user, email });
    }
    const template = await logTemplate();
    const leads = await seedLeads(
      server.url,
      users.map((u) => u.token),
      template,
    );
    // Warm the server's pool and code paths, then measure.
    await pushThroughput(
      server.url,
      users.slice(0, 20).map((u) => u.token),
      template,
      leads,
    );
    const pushCpuBefore = { server: cpuMsOf(server.child.pid), database: clusterCpuMs(dataDir) };
    const push = await pushThroughput(
      server.url,
      users.slice(0, CLIENTS).map((u) => u.token),
      template,
      leads,
    );
    const pushCpu = {
      serverCpuMs: difference(cpuMsOf(server.child.pid), pushCpuBefore.server),
      databaseCpuMs: difference(clusterCpuMs(dataDir), pushCpuBefore.database),
    };
    const paced = await pacedLatency(
      server.url,
      users.slice(0, CLIENTS).map((u) => u.token),
      template,
      leads,
      10_000,
    );
    const raw = await rawInsertCeiling(embeddedDatabaseUrl(dataDir), push.mutations, template);
    const drainer = users[CLIENTS] as { userId: string; token: string; email: string };
    const logBefore = server.stdout().length;
    const serverCpuBefore = cpuMsOf(server.child.pid);
    const databaseCpuBefore = clusterCpuMs(dataDir);
    const drain = await drainOffline(
      server.url,
      {
        server: server.url,
        token: drainer.token,
        userId: drainer.userId,
        teamId: team.teamId,
        teamName: 'Bench',
        email: drainer.email,
        role: 'rep',
        signedInAt: Date.now(),
      },
      template,
      leads.get(drainer.token) ?? '',
    );
    const serverCpuAfter = cpuMsOf(server.child.pid);
    const databaseCpuAfter = clusterCpuMs(dataDir);
    // The server's own time per drain request (Fastify's `responseTime` in its log), beside the client's.
    const serverMs = server
      .stdout()
      .slice(logBefore)
      .split('\n')
      .flatMap((line) => {
        const time = /"responseTime":([\d.]+)/.exec(line)?.[1];
        return time ? [Number(time)] : [];
      });
    const ratio = Math.round((push.perSecond / raw.perSecond) * 100) / 100;
    return {
      // Figures on a machine shared with other work: the 1/5/15-minute load averages while it ran.
      loadAverage: loadavg().map((n) => Math.round(n * 10) / 10),
      clients: CLIENTS,
      batch: BATCH,
      push: { ...push, ...pushCpu },
      rawInsert: raw,
      ratio,
      p99Ms: push.latency.p99,
      paced,
      drain: {
        ...drain,
        requests: serverMs.length,
        serverMsPerRequest: Math.round(serverMs.reduce((a, b) => a + b, 0) / Math.max(1, serverMs.length)),
        // CPU used, which a loaded machine does not inflate as it does wall time: the server process
        // (PostgreSQL's own processes not counted) and this process (the desktop's client and store).
        serverCpuMs: difference(serverCpuAfter, serverCpuBefore),
        // The built-in PostgreSQL's processes, likewise.
        databaseCpuMs: difference(databaseCpuAfter, databaseCpuBefore),
      },
      drain10kSeconds: DRAIN === 10_000 ? drain.seconds : null,
      targets: TARGETS,
      met: {
        ratio: ratio >= TARGETS.ratio,
        p99Ms: push.latency.p99 < TARGETS.p99Ms,
        drain10kSeconds: drain.seconds < TARGETS.drain10kSeconds,
      },
    };
  } finally {
    await stopServer(server);
    removeDirs();
  }
};
