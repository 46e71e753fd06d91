import { statSync } from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import { join } from 'node:path';
import { formatHlc } from '@shared/hlc';
import { TeamActivitiesOutput } from '@shared/server/activities';
import { AddUserOutput, CreateTeamOutput } from '@shared/server/admin';
import { SYNC_PROTOCOL_VERSION } from '@shared/sync';
import Database from 'better-sqlite3';
import { expect } from 'vitest';
import { openCore } from '../../../src/main/core';
import { writeSetting } from '../../../src/main/core/settings/repo';
import { CREDENTIALS_FILE, fileTokenStore } from '../../../src/main/core/sync/credentials';
import { type SyncStatus, startSyncLoop } from '../../../src/main/core/sync/loop';
import { rejectedChanges } from '../../../src/main/core/sync/outbox-rows';
import { en } from '../../../src/renderer/src/i18n/resources/en';
import { ko } from '../../../src/renderer/src/i18n/resources/ko';
import { tempDir } from '../cadence/helpers';
import { outboundLead } from '../cli-run';
import { request, runCli } from './server-process';

export type Cli = { code: number | null; json: unknown; error: { code: string; message: string } | null };

/** The built CLI with `--json` on one data folder: exit code, parsed stdout, and the error on stderr. */
export const dialdeck = async (args: string[]): Promise<Cli> => {
  const run = await runCli(['--json', ...args], { TZ: 'UTC' });
  const out = run.stdout.trim();
  const err = run.stderr.trim().split('\n').at(-1) ?? '';
  return {
    code: run.code,
    json: out ? JSON.parse(out) : null,
    error: err.startsWith('{') ? (JSON.parse(err) as { error: Cli['error'] }).error : null,
  };
};

export const ok = (run: Cli): unknown => {
  expect(run.error, JSON.stringify(run.error)).toBeNull();
  expect(run.code).toBe(0);
  return run.json;
};

/** A desktop data folder with three callable leads on their cadence. */
const desktop = (): { dataDir: string; leads: string[] } => {
  const dataDir = tempDir('dialdeck-sync-');
  const core = openCore({ dataDir });
  const at = Date.parse('2025-03-10T15:00:00Z');
  const leads = [
    core.leads.create(outboundLead('Jo Park', '+12025550143'), { at }).id,
    core.leads.create(outboundLead('Ana Ruiz', '+12025550144'), { at }).id,
    core.leads.create(outboundLead('Bo Li', '+12025550145'), { at }).id,
  ];
  core.dialing.enrollNewLeads(leads, at);
  core.close();
  return { dataDir, leads };
};

/** Outbox rows by state, read straight from the store file. */
const outboxStates = (dataDir: string): Record<string, number> => {
  const db = new Database(join(dataDir, 'dialdeck.sqlite'), { readonly: true });
  const rows = db.prepare('SELECT state, count(*) AS n FROM outbox GROUP BY state').all() as {
    state: string;
    n: number;
  }[];
  db.close();
  return Object.fromEntries(rows.map((r) => [r.state, r.n]));
};

const rawOutboxRow = (dataDir: string, id: string, name: string, args: string, hlc: string): void => {
  const db = new Database(join(dataDir, 'dialdeck.sqlite'));
  db.prepare('INSERT INTO outbox (id, name, args, hlc, created_at) VALUES (?, ?, ?, ?, ?)').run(
    id,
    name,
    args,
    hlc,
    Date.now(),
  );
  db.close();
};

const activitiesOf = async (server: string, token: string, teamId: string) => {
  const run = await dialdeck(['admin', 'activities', '--team', teamId, '--server', server, '--token', token]);
  return TeamActivitiesOutput.parse(ok(run)).activities;
};

const logOutcome = async (dataDir: string, leadId: string, outcome: string, note: string) =>
  ok(await dialdeck(['--data-dir', dataDir, 'log', leadId, outcome, '--note', note])) as {
    activityId: string;
  };

/**
 * A proxy in front of the server that forwards every request but, for pushes, drops the answer after
 * the server sent it (the connection is cut): the push committed, the desktop never heard so.
 */
const droppingProxy = async (
  target: string,
): Promise<{ url: string; pushes: () => number; close: () => void }> => {
  let pushes = 0;
  const upstream = new URL(target);
  const proxy: Server = createServer((incoming, outgoing) => {
    const forward = httpRequest(
      {
        host: upstream.hostname,
        port: upstream.port,
        path: incoming.url,
        method: incoming.method,
        headers: incoming.headers,
      },
      (answer) => {
        if (incoming.url === '/v1/sync/push') {
          pushes++;
          answer.resume();
          answer.on('end', () => outgoing.socket?.destroy());
          return;
        }
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    incoming.pipe(forward);
  });
  await new Promise<void>((done) => proxy.listen(0, '127.0.0.1', done));
  const address = proxy.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}`, pushes: () => pushes, close: () => proxy.close() };
};

/** Two teams and their users; `tag` keeps each call's addresses apart (one address, one team). */
const setUp = async (url: string, adminToken: string, tag = '') => {
  const team = async (name: string) =>
    CreateTeamOutput.parse((await request(url, 'POST', '/v1/teams', adminToken, { name })).body);
  const user = async (teamId: string, email: string, role: string) =>
    AddUserOutput.parse(
      (await request(url, 'POST', `/v1/teams/${teamId}/users`, adminToken, { email, role })).body,
    );
  const teamA = await team('Sync A');
  const teamB = await team('Sync B');
  return {
    teamA,
    teamB,
    repA: await user(teamA.teamId, `rep@sync-a${tag}.example`, 'rep'),
    managerA: await user(teamA.teamId, `manager@sync-a${tag}.example`, 'manager'),
    repB: await user(teamB.teamId, `rep@sync-b${tag}.example`, 'rep'),
  };
};

/**
 * Push sync end to end through the built CLI against a running server: outcomes logged offline reach
 * the server exactly once (again after a second sync and after a lost answer), a malformed change is
 * rejected without blocking those behind it, an unreachable server keeps every row, teams stay apart,
 * and another protocol version or a clock far ahead is refused with its own code.
 */
export const checkPushSync = async (url: string, adminToken: string): Promise<void> => {
  const { teamA, teamB, repA, managerA, repB } = await setUp(url, adminToken);
  const { dataDir, leads } = desktop();
  const [jo, ana, bo] = leads as [string, string, string];

  // Offline: two outcomes with notes, a skip, and a void of the first outcome.
  const first = await logOutcome(dataDir, jo, 'no_answer', 'Rang out twice');
  const second = await logOutcome(dataDir, ana, 'gatekeeper', 'Wants a demo Tuesday');
  const skip = ok(
    await dialdeck(['--data-dir', dataDir, 'skip', bo, '--reason', 'Gatekeeper said Friday']),
  ) as {
    activityId: string;
  };
  ok(await dialdeck(['--data-dir', dataDir, 'outcome', 'void', first.activityId, '--reason', 'Wrong lead']));

  // Sync before login: a named error, nothing sent.
  const early = await dialdeck(['--data-dir', dataDir, 'sync']);
  expect(early.code).toBe(1);
  expect(early.error?.code).toBe('sync_not_signed_in');

  // The administrator token belongs to no team: refused for login.
  const adminLogin = await dialdeck(['--data-dir', dataDir, 'login', '--server', url, '--token', adminToken]);
  expect(adminLogin.code).toBe(2);

  const login = ok(await dialdeck(['--data-dir', dataDir, 'login', '--server', url, '--token', repA.token]));
  expect(login).toEqual({
    server: url,
    userId: repA.userId,
    teamId: teamA.teamId,
    teamName: 'Sync A',
    email: 'rep@sync-a.example',
    role: 'rep',
  });
  expect(JSON.stringify(login)).not.toContain(repA.token);
  // Another user signing in while this rep's changes wait would push them as theirs: refused, by name.
  const switched = await dialdeck([
    '--data-dir',
    dataDir,
    'login',
    '--server',
    url,
    '--token',
    managerA.token,
  ]);
  expect(switched.code).not.toBe(0);
  expect(switched.error?.code).toBe('sync_other_user');
  expect(switched.error?.message).toContain('rep@sync-a.example');
  if (process.platform !== 'win32') {
    expect(statSync(join(dataDir, CREDENTIALS_FILE)).mode & 0o777).toBe(0o600);
  }

  const pendingBefore = outboxStates(dataDir).pending ?? 0;
  expect(pendingBefore).toBeGreaterThanOrEqual(4);
  const synced = ok(await dialdeck(['--data-dir', dataDir, 'sync'])) as Record<string, number>;
  // The pull after the push brings the rep's own leads and history back as the server holds them.
  expect(synced).toEqual({ pushed: pendingBefore, pulled: expect.any(Number), rejected: 0, pending: 0 });
  expect(synced.pulled).toBeGreaterThanOrEqual(leads.length);
  // Nothing waits any more: another user may sign this folder in, and the rep back again.
  const toManager = ok(
    await dialdeck(['--data-dir', dataDir, 'login', '--server', url, '--token', managerA.token]),
  ) as { previousUser?: { clearedLeads: number } };
  // The rep's synced leads left the folder with the switch (the server keeps them)…
  expect(toManager.previousUser?.clearedLeads).toBe(leads.length);
  ok(await dialdeck(['--data-dir', dataDir, 'login', '--server', url, '--token', repA.token]));
  // …and the rep's next sync brings them back; the one after pushes the cadence places it gave them.
  const back = ok(await dialdeck(['--data-dir', dataDir, 'sync'])) as Record<string, number>;
  expect(back.pulled).toBeGreaterThanOrEqual(leads.length);
  ok(await dialdeck(['--data-dir', dataDir, 'sync']));

  const byId = (list: Awaited<ReturnType<typeof activitiesOf>>) => new Map(list.map((a) => [a.id, a]));
  let held = await activitiesOf(url, managerA.token, teamA.teamId);
  expect(held.map((a) => a.id).sort()).toEqual([first.activityId, second.activityId, skip.activityId].sort());
  expect(byId(held).get(first.activityId)).toMatchObject({
    leadId: jo,
    userId: repA.userId,
    kind: 'call',
    outcome: 'no_answer',
    note: 'Rang out twice',
    void: { kind: 'void', reason: 'Wrong lead', userId: repA.userId },
  });
  expect(byId(held).get(second.activityId)).toMatchObject({ note: 'Wants a demo Tuesday', void: null });
  expect(byId(held).get(skip.activityId)).toMatchObject({ kind: 'skip', leadId: bo });

  // A second sync sends nothing and doubles nothing.
  expect(ok(await dialdeck(['--data-dir', dataDir, 'sync']))).toEqual({
    pushed: 0,
    pulled: 0,
    rejected: 0,
    pending: 0,
  });
  expect(await activitiesOf(url, managerA.token, teamA.teamId)).toEqual(held);

  // The answer is lost after the server committed: the desktop keeps the row, retries, hears `duplicate`.
  const lost = await logOutcome(dataDir, bo, 'voicemail', 'Left the 20-second message');
  const proxy = await droppingProxy(url);
  try {
    fileTokenStore(dataDir).write({ ...(fileTokenStore(dataDir).read() ?? never()), server: proxy.url });
    const cut = await dialdeck(['--data-dir', dataDir, 'sync']);
    expect(cut.code).toBe(1);
    expect(cut.error?.code).toBe('server_unreachable');
    expect(proxy.pushes()).toBeGreaterThanOrEqual(1);
    expect(outboxStates(dataDir).pending).toBeGreaterThanOrEqual(1);
  } finally {
    proxy.close();
  }
  // The server holds it already (committed before the answer was cut)…
  held = await activitiesOf(url, managerA.token, teamA.teamId);
  expect(held.filter((a) => a.id === lost.activityId)).toHaveLength(1);
  fileTokenStore(dataDir).write({ ...(fileTokenStore(dataDir).read() ?? never()), server: url });
  const retried = ok(await dialdeck(['--data-dir', dataDir, 'sync'])) as Record<string, number>;
  expect(retried).toMatchObject({ rejected: 0, pending: 0 });
  expect(retried.pushed).toBeGreaterThanOrEqual(1);
  // …and still once.
  held = await activitiesOf(url, managerA.token, teamA.teamId);
  expect(held.filter((a) => a.id === lost.activityId)).toHaveLength(1);
  expect(held).toHaveLength(4);

  // Malformed changes are rejected and kept; the outcome logged behind them is applied.
  const core = openCore({ dataDir });
  const clock =
    core.db.prepare<[], string>('SELECT hlc FROM outbox ORDER BY seq DESC LIMIT 1').pluck().get() ?? '';
  core.close();
  const [wall, counter, node] = clock.split(':') as [string, string, string];
  const next = (n: number) =>
    formatHlc({ wall: Number.parseInt(wall, 36), counter: Number.parseInt(counter, 36) + n }, node);
  const badArgs = '01966a1c-0000-7000-8000-00000000bad1';
  const unknownName = '01966a1c-0000-7000-8000-00000000bad2';
  rawOutboxRow(
    dataDir,
    badArgs,
    'activity.create',
    JSON.stringify({ id: 'not-a-uuid', leadId: jo }),
    next(1),
  );
  rawOutboxRow(dataDir, unknownName, 'lead.teleport', '{}', next(2));
  const behind = await logOutcome(dataDir, jo, 'busy', 'Line busy, try at four');
  const withBad = ok(await dialdeck(['--data-dir', dataDir, 'sync'])) as Record<string, number>;
  expect(withBad).toMatchObject({ rejected: 2, pending: 0 });
  held = await activitiesOf(url, managerA.token, teamA.teamId);
  expect(held.filter((a) => a.id === behind.activityId)).toHaveLength(1);
  const reopened = openCore({ dataDir });
  const rejected = rejectedChanges(reopened.db);
  reopened.close();
  expect(rejected.map((r) => [r.id, r.code])).toEqual([
    [badArgs, 'sync_mutation_invalid'],
    [unknownName, 'sync_mutation_invalid'],
  ]);
  expect(rejected[1]?.message).toContain('lead.teleport');
  // Rejected rows are never retried.
  expect(ok(await dialdeck(['--data-dir', dataDir, 'sync']))).toEqual({
    pushed: 0,
    pulled: 0,
    rejected: 0,
    pending: 0,
  });
  // `sync rejected` lists them with the code, the reason and what to do as the sync dialog words it
  // (in the chosen language), and the server's own words; a dismissed one leaves the list, kept.
  type Listed = {
    rejected: {
      id: string;
      code: string;
      reason: string;
      serverMessage: string;
      dismissedAt: number | null;
    }[];
  };
  const listed = ok(await dialdeck(['--data-dir', dataDir, 'sync', 'rejected'])) as Listed;
  expect(listed.rejected.map((r) => [r.id, r.code, r.reason, r.dismissedAt])).toEqual([
    [badArgs, 'sync_mutation_invalid', en.errors.codes.sync_mutation_invalid, null],
    [unknownName, 'sync_mutation_invalid', en.errors.codes.sync_mutation_invalid, null],
  ]);
  expect(listed.rejected[1]?.serverMessage).toContain('lead.teleport');
  const korean = openCore({ dataDir });
  writeSetting(korean.db, 'pref.locale', 'ko');
  korean.close();
  const inKorean = ok(await dialdeck(['--data-dir', dataDir, 'sync', 'rejected'])) as Listed;
  expect(inKorean.rejected[0]?.reason).toBe(ko.errors.codes.sync_mutation_invalid);
  const dismissed = ok(
    await dialdeck(['--data-dir', dataDir, 'sync', 'dismiss', badArgs]),
  ) as Listed['rejected'][0];
  expect(dismissed).toMatchObject({ id: badArgs, dismissedAt: expect.any(Number) });
  const afterDismiss = ok(await dialdeck(['--data-dir', dataDir, 'sync', 'rejected'])) as Listed;
  expect(afterDismiss.rejected.map((r) => r.id)).toEqual([unknownName]);
  const all = ok(await dialdeck(['--data-dir', dataDir, 'sync', 'rejected', '--all'])) as Listed;
  expect(all.rejected.map((r) => [r.id, r.dismissedAt])).toEqual([
    [badArgs, dismissed.dismissedAt],
    [unknownName, null],
  ]);
  const stillThere = openCore({ dataDir });
  expect(stillThere.sync.status().rejected.map((r) => r.id)).toEqual([unknownName]);
  expect(outboxStates(dataDir).rejected).toBe(2);
  writeSetting(stillThere.db, 'pref.locale', 'en');
  stillThere.close();
  const unknownDismiss = await dialdeck(['--data-dir', dataDir, 'sync', 'dismiss', behind.activityId]);
  expect(unknownDismiss.code).toBe(1);
  expect(unknownDismiss.error?.code).toBe('not_found');
  expect(unknownDismiss.error?.message).toContain('dialdeck sync rejected');

  // The server is down: non-zero exit with a code, every row kept.
  await logOutcome(dataDir, ana, 'no_answer', 'No pickup');
  const statesBefore = outboxStates(dataDir);
  fileTokenStore(dataDir).write({
    ...(fileTokenStore(dataDir).read() ?? never()),
    server: 'http://127.0.0.1:9',
  });
  const down = await dialdeck(['--data-dir', dataDir, 'sync']);
  expect(down.code).toBe(1);
  expect(down.error?.code).toBe('server_unreachable');
  expect(outboxStates(dataDir)).toEqual(statesBefore);
  fileTokenStore(dataDir).write({ ...(fileTokenStore(dataDir).read() ?? never()), server: url });
  expect(ok(await dialdeck(['--data-dir', dataDir, 'sync']))).toEqual({
    pushed: 1,
    pulled: 1, // the outcome's activity (a second no-answer leaves the lead's status as it was)
    rejected: 0,
    pending: 0,
  });
  expect(await activitiesOf(url, managerA.token, teamA.teamId)).toHaveLength(6);

  // Teams stay apart: a push lands in the token's team; another team's list is forbidden.
  const envelope = (id: string, activityId: string, hlc: string) => ({
    id,
    name: 'lead.skip',
    args: { id: activityId, leadId: jo, reason: 'not_a_fit', note: 'team B', occurredAt: Date.now() },
    hlc,
  });
  const stamp = (offsetMs: number) =>
    formatHlc({ wall: Date.now() + offsetMs, counter: 0 }, '00000000000000bb');
  const pushB = await request(url, 'POST', '/v1/sync/push', repB.token, {
    protocolVersion: SYNC_PROTOCOL_VERSION,
    mutations: [
      envelope('01966a1c-0000-7000-8000-0000000000b1', '01966a1c-0000-7000-8000-0000000000b2', stamp(0)),
    ],
  });
  expect(pushB).toEqual({
    status: 200,
    body: {
      protocolVersion: SYNC_PROTOCOL_VERSION,
      results: [{ id: '01966a1c-0000-7000-8000-0000000000b1', status: 'applied' }],
    },
  });
  expect((await activitiesOf(url, adminToken, teamB.teamId)).map((a) => a.id)).toEqual([
    '01966a1c-0000-7000-8000-0000000000b2',
  ]);
  expect(await activitiesOf(url, managerA.token, teamA.teamId)).toHaveLength(6);
  const across = await dialdeck([
    'admin',
    'activities',
    '--team',
    teamB.teamId,
    '--server',
    url,
    '--token',
    managerA.token,
  ]);
  expect(across.error?.code).toBe('forbidden');
  expect(
    (
      await request(url, 'POST', '/v1/sync/push', adminToken, {
        protocolVersion: SYNC_PROTOCOL_VERSION,
        mutations: [],
      })
    ).status,
  ).toBe(403);

  // Another protocol version fails closed: nothing is recorded, so the same change applies later.
  const old = envelope(
    '01966a1c-0000-7000-8000-0000000000c1',
    '01966a1c-0000-7000-8000-0000000000c2',
    stamp(0),
  );
  const refused = await request(url, 'POST', '/v1/sync/push', repB.token, {
    protocolVersion: 0,
    mutations: [old],
  });
  expect(refused.status).toBe(426);
  expect(refused.body).toMatchObject({
    error: { code: 'sync_protocol_outdated', details: { client: 0, server: SYNC_PROTOCOL_VERSION } },
  });
  expect((refused.body as { error: { message: string } }).error.message).toMatch(/Update Dialdeck/);

  // A clock far ahead is refused by name and not recorded; a right one then applies.
  const ahead = envelope(
    '01966a1c-0000-7000-8000-0000000000d1',
    '01966a1c-0000-7000-8000-0000000000d2',
    stamp(10 * 60_000),
  );
  const skewed = await request(url, 'POST', '/v1/sync/push', repB.token, {
    protocolVersion: SYNC_PROTOCOL_VERSION,
    mutations: [ahead, old],
  });
  expect(skewed.body).toMatchObject({
    results: [
      { id: ahead.id, status: 'rejected', code: 'sync_clock_skew' },
      { id: old.id, status: 'applied' },
    ],
  });
  expect((skewed.body as { results: { message?: string }[] }).results[0]?.message).toMatch(
    /desktop's clock is fast/,
  );
  const fixed = { ...ahead, hlc: stamp(0) };
  const again = await request(url, 'POST', '/v1/sync/push', repB.token, {
    protocolVersion: SYNC_PROTOCOL_VERSION,
    mutations: [fixed, old],
  });
  expect(again.body).toMatchObject({
    results: [
      { id: ahead.id, status: 'applied' },
      { id: old.id, status: 'duplicate' },
    ],
  });
  expect(await activitiesOf(url, adminToken, teamB.teamId)).toHaveLength(3);

  // One mutation delivered by several requests at the same moment: applied by exactly one of them.
  const raced = envelope(
    '01966a1c-0000-7000-8000-0000000000e1',
    '01966a1c-0000-7000-8000-0000000000e2',
    stamp(0),
  );
  const answers = await Promise.all(
    Array.from({ length: 6 }, () =>
      request(url, 'POST', '/v1/sync/push', repB.token, {
        protocolVersion: SYNC_PROTOCOL_VERSION,
        mutations: [raced],
      }),
    ),
  );
  const statuses = answers
    .map((a) => (a.body as { results: { status: string }[] }).results[0]?.status)
    .sort();
  expect(statuses).toEqual(['applied', 'duplicate', 'duplicate', 'duplicate', 'duplicate', 'duplicate']);
  const teamBHeld = await activitiesOf(url, adminToken, teamB.teamId);
  expect(teamBHeld.filter((a) => a.id === raced.args.id)).toHaveLength(1);
  // Each applied mutation got its own change version (the sequence pull will read).
  const versions = teamBHeld.map((a) => a.changeVersion);
  expect(new Set(versions).size).toBe(versions.length);

  // A call placed from the workspace carries its talk/listen figures and provider: stored as sent.
  const talk = {
    durationSeconds: 95.5,
    repTalkSeconds: 21,
    prospectTalkSeconds: 49,
    repTalkShare: 0.3,
    longestRepMonologueSeconds: 12.5,
    meanPatienceSeconds: 2.75,
    interruptions: 1,
  };
  const measured = {
    id: '01966a1c-0000-7000-8000-0000000000f1',
    name: 'activity.create',
    args: {
      id: '01966a1c-0000-7000-8000-0000000000f2',
      leadId: jo,
      kind: 'call',
      outcome: 'not_interested',
      body: null,
      data: {
        callbackAt: null,
        durationSeconds: 96,
        taskId: null,
        enrollmentId: null,
        stepId: null,
        statusBefore: 'working',
        status: 'working',
        talk,
        provider: 'practice',
      },
      occurredAt: Date.now(),
      callId: '01966a1c-0000-7000-8000-0000000000f3',
    },
    hlc: stamp(0),
  };
  const pushedTalk = await request(url, 'POST', '/v1/sync/push', repB.token, {
    protocolVersion: SYNC_PROTOCOL_VERSION,
    mutations: [measured],
  });
  expect(pushedTalk.body).toMatchObject({ results: [{ id: measured.id, status: 'applied' }] });
  const stored = (await activitiesOf(url, adminToken, teamB.teamId)).find((a) => a.id === measured.args.id);
  expect(stored?.data).toMatchObject({ talk, provider: 'practice', durationSeconds: 96 });
  // Figures no meter can give are refused by name, not stored.
  const impossible = {
    ...measured,
    id: '01966a1c-0000-7000-8000-0000000000f4',
    args: {
      ...measured.args,
      id: '01966a1c-0000-7000-8000-0000000000f5',
      data: { ...measured.args.data, talk: { ...talk, repTalkShare: 2 } },
    },
  };
  const refusedTalk = await request(url, 'POST', '/v1/sync/push', repB.token, {
    protocolVersion: SYNC_PROTOCOL_VERSION,
    mutations: [impossible],
  });
  expect(refusedTalk.body).toMatchObject({
    results: [{ id: impossible.id, status: 'rejected', code: 'sync_mutation_invalid' }],
  });
};

/** The CLI against a server that speaks a newer protocol: `sync_protocol_outdated`, the outbox kept. */
export const checkNewerServer = async (newerUrl: string, adminToken: string): Promise<void> => {
  const { repA } = await setUp(newerUrl, adminToken);
  const { dataDir, leads } = desktop();
  await logOutcome(dataDir, leads[0] ?? '', 'no_answer', 'Before the update');
  ok(await dialdeck(['--data-dir', dataDir, 'login', '--server', newerUrl, '--token', repA.token]));
  const before = outboxStates(dataDir);
  const sync = await dialdeck(['--data-dir', dataDir, 'sync']);
  expect(sync.code).toBe(1);
  expect(sync.error?.code).toBe('sync_protocol_outdated');
  expect(sync.error?.message).toMatch(/Update Dialdeck/);
  expect(outboxStates(dataDir)).toEqual(before);
};

const never = (): never => {
  throw new Error('not signed in');
};

/**
 * The background drain: it retries an unreachable server with growing, jittered waits, and once the
 * server answers it empties the outbox without any new local write.
 */
export const checkBackgroundDrain = async (url: string, adminToken: string): Promise<void> => {
  const { repA, managerA, teamA } = await setUp(url, adminToken, '-drain');
  const { dataDir, leads } = desktop();
  ok(await dialdeck(['--data-dir', dataDir, 'login', '--server', url, '--token', repA.token]));
  const logged = await logOutcome(dataDir, leads[0] ?? '', 'no_answer', 'Logged on the train');
  const tokens = fileTokenStore(dataDir);
  tokens.write({ ...(tokens.read() ?? never()), server: 'http://127.0.0.1:9' });

  const core = openCore({ dataDir });
  const statuses: SyncStatus[] = [];
  const loop = startSyncLoop({
    db: core.db,
    tokens,
    intervalMs: 60_000,
    backoff: { baseMs: 40, maxMs: 400 },
    onStatus: (status) => statuses.push(status),
  });
  try {
    await expect
      .poll(() => statuses.filter((s) => s.state === 'offline').length, { timeout: 20_000 })
      .toBeGreaterThanOrEqual(3);
    const offline = statuses.filter((s) => s.state === 'offline');
    expect(offline.map((s) => s.failures).slice(0, 3)).toEqual([1, 2, 3]);
    expect(offline.every((s) => s.code === 'server_unreachable' && s.retryInMs <= 400)).toBe(true);
    expect(outboxStates(dataDir).pending).toBeGreaterThan(0);

    // The connection is back: no new write happens, the next timed try drains the outbox.
    tokens.write({ ...(tokens.read() ?? never()), server: url });
    await expect.poll(() => statuses.at(-1)?.state, { timeout: 20_000 }).toBe('idle');
    expect(outboxStates(dataDir).pending ?? 0).toBe(0);
    const held = await activitiesOf(url, managerA.token, teamA.teamId);
    expect(held.map((a) => a.id)).toEqual([logged.activityId]);
  } finally {
    loop.stop();
    core.close();
  }
};
