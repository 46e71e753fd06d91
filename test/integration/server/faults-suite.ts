import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { TeamActivitiesOutput } from '@shared/server/activities';
import { AddUserOutput, CreateTeamOutput } from '@shared/server/admin';
import { TeamLeadsOutput } from '@shared/server/leads';
import Database from 'better-sqlite3';
import pg from 'pg';
import { expect } from 'vitest';
import { type Core, openCore } from '../../../src/main/core';
import { dispatch } from '../../../src/main/core/dispatch';
import { fileTokenStore } from '../../../src/main/core/sync/credentials';
import { type SyncLoop, startSyncLoop } from '../../../src/main/core/sync/loop';
import { pullOnce } from '../../../src/main/core/sync/pull';
import { outboundLead } from '../cli-run';
import { type FaultProxy, NO_FAULTS, type Random, seededRandom, startFaultProxy } from './fault-proxy';
import { request, root, type ServerProcess, tempDir } from './server-process';

/**
 * One randomized run: `servers` server processes over one database, each started by `start` (the
 * same database every time, so a restart after SIGKILL finds what was committed), and `databaseUrl`
 * to read that database directly once the run is over.
 */
export type FaultScenario = {
  seed: number;
  servers: 1 | 2;
  start: () => Promise<ServerProcess>;
  databaseUrl: (server: ServerProcess) => string;
  /** How long desktops write under faults, in ms. */
  chaosMs?: number;
};

/** Lead and activity ids of one desktop store (demo leads left out), sorted. */
type Held = { leads: string[]; activities: string[] };

const heldBy = (dataDir: string): Held => {
  const db = new Database(join(dataDir, 'dialdeck.sqlite'), { readonly: true });
  try {
    return {
      leads: (db.prepare('SELECT id FROM leads WHERE is_demo = 0').pluck().all() as string[]).sort(),
      activities: (db.prepare('SELECT id FROM activities').pluck().all() as string[]).sort(),
    };
  } finally {
    db.close();
  }
};

/**
 * The pull half of convergence: for each desktop, a fresh data folder signed in as the same rep pulls
 * from the server straight (no faults) and must hold exactly the server's leads of that rep and their
 * activities, each once, and exactly what the desktop that lived through the faults holds: nothing
 * lost, nothing doubled, on either side.
 */
const checkPullConvergence = async (
  desktops: readonly Desktop[],
  serverUrl: string,
  teamId: string,
  managerToken: string,
  listed: readonly { id: string; leadId: string }[],
): Promise<Record<string, number>> => {
  const pulledCounts: Record<string, number> = {};
  for (const desktop of desktops) {
    const credentials = fileTokenStore(desktop.dataDir).read();
    if (credentials === null) throw new Error(`${desktop.name} lost its credentials`);
    const owned = await request(
      serverUrl,
      'GET',
      `/v1/teams/${teamId}/leads?owner=${credentials.userId}`,
      managerToken,
    );
    const serverLeads = TeamLeadsOutput.parse(owned.body)
      .leads.map((l) => l.leadId)
      .sort();
    const ownedSet = new Set(serverLeads);
    const serverActivities = listed
      .filter((a) => ownedSet.has(a.leadId))
      .map((a) => a.id)
      .sort();

    const fresh = tempDir('dialdeck-faults-pull-');
    const core = openCore({ dataDir: fresh });
    try {
      const summary = await pullOnce(core.db, { ...credentials, server: serverUrl });
      pulledCounts[desktop.name] = summary.pulled;
    } finally {
      core.close();
    }
    const pulled = heldBy(fresh);
    const lived = heldBy(desktop.dataDir);
    expect(pulled.leads, `${desktop.name}: leads pulled afresh`).toEqual(serverLeads);
    expect(pulled.activities, `${desktop.name}: activities pulled afresh`).toEqual(serverActivities);
    expect(lived.leads, `${desktop.name}: leads on the desktop that lived through the faults`).toEqual(
      serverLeads,
    );
    expect(lived.activities, `${desktop.name}: activities on that desktop`).toEqual(serverActivities);
  }
  return pulledCounts;
};

const OUTCOMES = ['no_answer', 'busy', 'voicemail', 'gatekeeper'] as const;

type Desktop = {
  name: string;
  dataDir: string;
  leads: string[];
  proxy: FaultProxy;
  server: number;
  cores: Core[];
  loop: SyncLoop | null;
};

/** A desktop data folder with a few callable leads, signed in as `user` through `proxy`. */
const makeDesktop = (
  name: string,
  user: { userId: string; token: string },
  team: { teamId: string },
  proxy: FaultProxy,
  server: number,
): Desktop => {
  const dataDir = tempDir('dialdeck-faults-');
  const core = openCore({ dataDir });
  const at = Date.now() - 60_000;
  const leads = Array.from(
    { length: 4 },
    (_, i) => core.leads.create(outboundLead(`${name} lead ${i}`, `+1202555${String(1000 + i)}`), { at }).id,
  );
  core.dialing.enrollNewLeads(leads, at);
  core.close();
  fileTokenStore(dataDir).write({
    server: proxy.url,
    token: user.token,
    userId: user.userId,
    teamId: team.teamId,
    teamName: 'Faults',
    email: `${name}@faults.example`,
    role: 'rep',
    signedInAt: Date.now(),
  });
  return { name, dataDir, leads, proxy, server, cores: [], loop: null };
};

const startLoop = (desktop: Desktop, core: Core, random: Random): void => {
  desktop.loop = startSyncLoop({
    db: core.db,
    tokens: fileTokenStore(desktop.dataDir),
    intervalMs: random.int(100, 400),
    backoff: { baseMs: 40, maxMs: 400 },
  });
};

/** Logs outcomes on `core` at random moments until `until()` says stop; returns how many were logged. */
const writeOutcomes = async (
  desktop: Desktop,
  core: Core,
  random: Random,
  tag: string,
  until: () => boolean,
  most = Number.POSITIVE_INFINITY,
): Promise<number> => {
  let n = 0;
  while (!until() && n < most) {
    const result = await dispatch(core.handlers, 'outcomes.log', {
      leadId: desktop.leads[random.int(0, desktop.leads.length - 1)] as string,
      outcome: OUTCOMES[random.int(0, OUTCOMES.length - 1)] as string,
      note: `${tag} #${n}`,
    });
    if (!result.ok)
      throw new Error(`${tag}: outcomes.log failed: ${result.error.code} ${result.error.message}`);
    n++;
    await new Promise((done) => setTimeout(done, random.int(20, 120)));
  }
  return n;
};

/** A CSV of `count` leads for an import on the second writer (its rows are published after they are written). */
const importCsv = async (core: Core, tag: string, count: number): Promise<void> => {
  const lines = ['name,phone,email'];
  for (let i = 0; i < count; i++) {
    lines.push(`${tag} import ${i},+1312555${String(i).padStart(4, '0')},${tag}${i}@import.example`);
  }
  const preview = await dispatch(core.handlers, 'imports.preview', {
    fileName: `${tag}.csv`,
    dataBase64: Buffer.from(lines.join('\n')).toString('base64'),
    options: {},
  });
  if (!preview.ok) throw new Error(`import preview failed: ${preview.error.code} ${preview.error.message}`);
  const run = await dispatch(core.handlers, 'imports.run', {
    token: (preview.value as { token: string }).token,
    options: { region: 'US', onDuplicate: 'skip' },
  });
  if (!run.ok) throw new Error(`import failed: ${run.error.code} ${run.error.message}`);
};

/**
 * A desktop in its own process (fault-desktop.ts) that logs outcomes and is SIGKILLed after `after`
 * commits, while its background sync waits: committed outcomes it never pushed. Resolves with the
 * activity ids it reported committed.
 */
const killedDesktop = async (dataDir: string, after: number): Promise<string[]> => {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', join(root, 'test', 'integration', 'server', 'fault-desktop.ts'), dataDir],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_ENV: 'test' } },
  );
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const logged: string[] = [];
  const closed = new Promise<void>((done) => child.once('close', () => done()));
  await new Promise<void>((done, fail) => {
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
      const id = /^logged (\S+)$/.exec(line)?.[1];
      if (!id) return;
      logged.push(id);
      if (logged.length === after) {
        child.kill('SIGKILL');
        done();
      }
    });
    void closed.then(() => fail(new Error(`the desktop process ended before it was killed: ${stderr}`)));
  });
  await closed;
  return logged;
};

/** Rows of one desktop store, read over its own read-only connection. */
const readStore = (dataDir: string) => {
  const db = new Database(join(dataDir, 'dialdeck.sqlite'), { readonly: true });
  try {
    return {
      activities: db.prepare('SELECT id, lead_id AS leadId, kind, body FROM activities').all() as {
        id: string;
        leadId: string;
        kind: string;
        body: string | null;
      }[],
      outbox: db.prepare('SELECT id, name, state, error FROM outbox').all() as {
        id: string;
        name: string;
        state: string;
        error: string | null;
      }[],
    };
  } finally {
    db.close();
  }
};

const pendingOf = (dataDir: string): number => {
  const db = new Database(join(dataDir, 'dialdeck.sqlite'), { readonly: true });
  try {
    return db.prepare("SELECT count(*) FROM outbox WHERE state = 'pending'").pluck().get() as number;
  } finally {
    db.close();
  }
};

/** Random fault rates for one turn of the network: mostly passing, often failing. */
const randomRates = (random: Random) => ({
  dropRequest: random() * 0.2,
  dropResponse: random() * 0.25,
  delay: random() * 0.2,
  duplicate: random() * 0.2,
});

/**
 * The randomized fault test: desktops (real stores, in this process through the core's dispatch and
 * background sync; one in its own process, SIGKILLed between its commits and their push; one store
 * with two connections writing at once and an import publishing rows out of order) push through fault
 * proxies to `scenario.servers` server processes, while requests and answers are dropped, delayed and
 * duplicated, desktops go offline and online, and one server is SIGKILLed mid-push and restarted. Then
 * the network heals, the first 3 pushes of every desktop fail, and no desktop writes again: the
 * background drains alone must empty every outbox. Asserts that every outcome logged anywhere is on the
 * server exactly once (its id, lead, note and rep), every outbox row is held by the server once, and
 * nothing is pending or rejected; then that a fresh desktop per rep pulls exactly the server's leads and
 * activities of that rep, the same the surviving desktop holds (`checkPullConvergence`). Failures name
 * the seed; `FAULT_SEED=N` replays its draws.
 */
export const runFaultScenario = async (scenario: FaultScenario): Promise<Record<string, unknown>> => {
  const random = seededRandom(scenario.seed);
  const chaosMs = scenario.chaosMs ?? 8_000;
  const servers: ServerProcess[] = [];
  for (let i = 0; i < scenario.servers; i++) servers.push(await scenario.start());
  const first = servers[0] as ServerProcess;
  const admin = first.adminToken ?? '';
  const teamA = CreateTeamOutput.parse(
    (await request(first.url, 'POST', '/v1/teams', admin, { name: 'Faults' })).body,
  );
  const addUser = async (email: string, role: string) =>
    AddUserOutput.parse(
      (await request(first.url, 'POST', `/v1/teams/${teamA.teamId}/users`, admin, { email, role })).body,
    );
  const manager = await addUser('manager@faults.example', 'manager');

  const names = ['ana', 'bo', 'cy', 'killed'];
  const desktops: Desktop[] = [];
  for (const [i, name] of names.entries()) {
    const user = await addUser(`${name}@faults.example`, 'rep');
    const server = i % scenario.servers;
    const proxy = await startFaultProxy(servers[server]?.url ?? '', seededRandom(scenario.seed + i + 1));
    desktops.push(makeDesktop(name, user, teamA, proxy, server));
  }
  const [ana, bo, cy, killed] = desktops as [Desktop, Desktop, Desktop, Desktop];
  const stats: Record<string, unknown> = { seed: scenario.seed };

  try {
    // The desktop in its own process: killed with committed, unpushed outcomes.
    const killedLogged = killedDesktop(killed.dataDir, random.int(3, 12));

    let stop = false;
    const writers: Promise<number>[] = [];
    for (const desktop of [ana, bo, cy]) {
      const core = openCore({ dataDir: desktop.dataDir });
      desktop.cores.push(core);
      startLoop(desktop, core, random);
      writers.push(writeOutcomes(desktop, core, random, `${desktop.name} first`, () => stop));
    }
    // Two writers on one store: a second connection logs outcomes and imports leads at the same time.
    const second = openCore({ dataDir: cy.dataDir });
    cy.cores.push(second);
    writers.push(writeOutcomes(cy, second, random, `${cy.name} second`, () => stop));
    const imported = (async () => {
      await new Promise((done) => setTimeout(done, random.int(200, 2_000)));
      await importCsv(second, 'cy', 400);
    })();

    // The network misbehaves, differently for each desktop, in turns.
    const network = (async () => {
      while (!stop) {
        for (const desktop of desktops) {
          desktop.proxy.setOffline(random.chance(0.2));
          desktop.proxy.setRates(randomRates(random));
        }
        await new Promise((done) => setTimeout(done, random.int(200, 900)));
      }
    })();

    // One server is SIGKILLed while a push goes through it, then started again.
    const restarts = (async () => {
      await new Promise((done) => setTimeout(done, random.int(1_500, chaosMs / 2)));
      const index = random.int(0, servers.length - 1);
      const victim = servers[index] as ServerProcess;
      const watched = desktops.filter((d) => d.server === index && d !== killed);
      await new Promise<void>((done) => {
        let fired = false;
        const timeout = setTimeout(fire, 3_000);
        function fire() {
          if (fired) return;
          fired = true;
          clearTimeout(timeout);
          for (const d of watched) d.proxy.onForward(null);
          setTimeout(
            () => {
              victim.child.kill('SIGKILL');
              done();
            },
            random.int(0, 30),
          );
        }
        for (const d of watched) {
          d.proxy.setOffline(false);
          d.proxy.onForward(fire);
        }
      });
      await victim.exited;
      const restarted = await scenario.start();
      servers[index] = restarted;
      for (const d of desktops) if (d.server === index) d.proxy.setTarget(restarted.url);
    })();

    const killedIds = await killedLogged;
    stats.killedDesktopCommitted = killedIds.length;
    // After the kill its store holds outcomes the server never saw; the desktop restarts and syncs.
    expect(pendingOf(killed.dataDir)).toBeGreaterThanOrEqual(killedIds.length);
    const reopened = openCore({ dataDir: killed.dataDir });
    killed.cores.push(reopened);
    startLoop(killed, reopened, random);

    await new Promise((done) => setTimeout(done, chaosMs));
    stop = true;
    let logged = (await Promise.all(writers)).reduce((a, b) => a + b, 0) + killedIds.length;
    await imported;
    await network;
    await restarts;

    // Offline, every desktop logs one last outcome: the last local write of the run.
    for (const desktop of desktops) {
      desktop.proxy.setOffline(true);
      await writeOutcomes(desktop, desktop.cores[0] as Core, random, `${desktop.name} last`, () => false, 1);
      logged++;
    }
    stats.outcomesLogged = logged;
    // The network heals, but every desktop's next 3 pushes fail; nothing is written locally from now on.
    for (const desktop of desktops) {
      desktop.proxy.setOffline(false);
      desktop.proxy.setRates(NO_FAULTS);
      desktop.proxy.failNext(3);
    }
    const drainStarted = Date.now();
    await expect
      .poll(() => desktops.map((d) => pendingOf(d.dataDir)), { timeout: 30_000, interval: 100 })
      .toEqual(desktops.map(() => 0));
    stats.drainAfterHealMs = Date.now() - drainStarted;
    for (const desktop of desktops) expect(desktop.proxy.counts().failedFirst).toBe(3);
    stats.proxies = Object.fromEntries(desktops.map((d) => [d.name, d.proxy.counts()]));

    // Every activity logged on any desktop is on the server exactly once, as it was logged.
    const expected = new Map<string, { leadId: string; body: string | null; userId: string }>();
    const current = servers[0] as ServerProcess;
    const users = await request(current.url, 'GET', `/v1/teams/${teamA.teamId}/users`, admin);
    const userOf = new Map(
      (users.body as { users: { userId: string; email: string }[] }).users.map((u) => [u.email, u.userId]),
    );
    const outboxIds: string[] = [];
    for (const desktop of desktops) {
      const store = readStore(desktop.dataDir);
      for (const a of store.activities) {
        expected.set(a.id, {
          leadId: a.leadId,
          body: a.body,
          userId: userOf.get(`${desktop.name}@faults.example`) ?? '',
        });
      }
      expect(store.outbox.filter((row) => row.state !== 'sent')).toEqual([]);
      outboxIds.push(...store.outbox.map((row) => row.id));
    }
    const listed = TeamActivitiesOutput.parse(
      (await request(current.url, 'GET', `/v1/teams/${teamA.teamId}/activities`, manager.token)).body,
    ).activities;
    const counts = new Map<string, number>();
    for (const a of listed) counts.set(a.id, (counts.get(a.id) ?? 0) + 1);
    expect([...counts.values()].filter((n) => n !== 1)).toEqual([]);
    expect([...counts.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const a of listed) {
      expect({ id: a.id, leadId: a.leadId, note: a.note, userId: a.userId }).toEqual({
        id: a.id,
        leadId: expected.get(a.id)?.leadId,
        note: expected.get(a.id)?.body,
        userId: expected.get(a.id)?.userId,
      });
    }
    expect(new Set(listed.map((a) => a.changeVersion)).size).toBe(listed.length);
    stats.activitiesOnServer = listed.length;

    // Every outbox row is held by the server once, applied (or kept as received), none rejected.
    const client = new pg.Client({ connectionString: scenario.databaseUrl(current) });
    await client.connect();
    try {
      const { rows } = await client.query<{ id: string; status: string }>(
        'SELECT id, status FROM mutations WHERE team_id = $1',
        [teamA.teamId],
      );
      expect(rows.filter((r) => r.status === 'rejected')).toEqual([]);
      expect(rows.map((r) => r.id).sort()).toEqual([...outboxIds].sort());
      stats.mutationsOnServer = rows.length;
    } finally {
      await client.end();
    }

    stats.pulledAfresh = await checkPullConvergence(
      desktops,
      current.url,
      teamA.teamId,
      manager.token,
      listed,
    );
    return stats;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      `randomized fault run failed with seed ${scenario.seed} (replay: FAULT_SEED=${scenario.seed}): ${reason}`,
      { cause: error },
    );
  } finally {
    for (const desktop of desktops) {
      desktop.loop?.stop();
      await desktop.proxy.close();
    }
    // Loops stopped: a drain under way may still be in flight; give it a moment before closing stores.
    await new Promise((done) => setTimeout(done, 200));
    for (const desktop of desktops) for (const core of desktop.cores) core.close();
  }
};

/** The seed for a run: `FAULT_SEED` to replay one, else a fresh one (printed on failure). */
export const faultSeed = (): number => {
  const given = Number(process.env.FAULT_SEED);
  return Number.isInteger(given) && given > 0 ? given : Math.floor(Math.random() * 2 ** 31) + 1;
};
