import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatHlc } from '@shared/hlc';
import { AddUserOutput, CreateTeamOutput } from '@shared/server/admin';
import { AssignLeadOutput, ImportLeadsOutput } from '@shared/server/leads';
import { PushResponse, SYNC_PROTOCOL_VERSION } from '@shared/sync';
import { PullResponse } from '@shared/sync/pull';
import Database from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import { expect } from 'vitest';
import { openCore } from '../../../src/main/core';
import { fileTokenStore } from '../../../src/main/core/sync/credentials';
import { pullCursor, pullOnce } from '../../../src/main/core/sync/pull';
import { tempDir } from '../cadence/helpers';
import { outboundLead } from '../cli-run';
import { request } from './server-process';
import { dialdeck, ok } from './sync-suite';

type StoredLead = { id: string; owner_id: string | null; time_zone: string | null; status: string };

/** Leads in a desktop's store file (read-only), by id. */
const leadsIn = (dataDir: string): Map<string, StoredLead> => {
  const db = new Database(join(dataDir, 'dialdeck.sqlite'), { readonly: true });
  const rows = db
    .prepare('SELECT id, owner_id, time_zone, status FROM leads WHERE is_demo = 0')
    .all() as StoredLead[];
  db.close();
  return new Map(rows.map((r) => [r.id, r]));
};

const activityIdsIn = (dataDir: string): string[] => {
  const db = new Database(join(dataDir, 'dialdeck.sqlite'), { readonly: true });
  const ids = db.prepare('SELECT id FROM activities').pluck().all() as string[];
  db.close();
  return ids;
};

/** Leads of the team (not demo) on a cadence in a desktop's store. */
const enrolledIn = (dataDir: string): number => {
  const db = new Database(join(dataDir, 'dialdeck.sqlite'), { readonly: true });
  const n = db
    .prepare(
      "SELECT count(DISTINCT e.lead_id) FROM enrollments e JOIN leads l ON l.id = e.lead_id WHERE l.is_demo = 0 AND e.state = 'active'",
    )
    .pluck()
    .get() as number;
  db.close();
  return n;
};

const pendingOutbox = (dataDir: string): number => {
  const db = new Database(join(dataDir, 'dialdeck.sqlite'), { readonly: true });
  const n = db.prepare("SELECT count(*) FROM outbox WHERE state = 'pending'").pluck().get() as number;
  db.close();
  return n;
};

const sync = async (dataDir: string) =>
  ok(await dialdeck(['--data-dir', dataDir, 'sync'])) as {
    pushed: number;
    pulled: number;
    rejected: number;
    pending: number;
  };

/** A signed-in desktop data folder (its demo leads are local only and never synced). */
const signedIn = async (url: string, token: string): Promise<string> => {
  const dataDir = tempDir('dialdeck-pull-');
  ok(await dialdeck(['--data-dir', dataDir, 'login', '--server', url, '--token', token]));
  return dataDir;
};

/** Two teams and their users; `tag` keeps each call's addresses apart (one address, one team). */
const setUp = async (url: string, adminToken: string, tag = '') => {
  const team = async (name: string) =>
    CreateTeamOutput.parse((await request(url, 'POST', '/v1/teams', adminToken, { name })).body);
  const user = async (teamId: string, email: string, role: string) =>
    AddUserOutput.parse(
      (await request(url, 'POST', `/v1/teams/${teamId}/users`, adminToken, { email, role })).body,
    );
  const teamA = await team('Pull A');
  const teamB = await team('Pull B');
  return {
    teamA,
    repA: await user(teamA.teamId, `ana@pull-a${tag}.example`, 'rep'),
    repB: await user(teamA.teamId, `bo@pull-a${tag}.example`, 'rep'),
    manager: await user(teamA.teamId, `mia@pull-a${tag}.example`, 'manager'),
    other: await user(teamB.teamId, `xi@pull-b${tag}.example`, 'rep'),
  };
};

/** Every change a token may pull, from the start, through the HTTP route. */
const pullAll = async (url: string, token: string) => {
  const changes: PullResponse['changes'] = [];
  let cursor = 0;
  for (;;) {
    const answer = await request(url, 'POST', '/v1/sync/pull', token, {
      protocolVersion: SYNC_PROTOCOL_VERSION,
      cursor,
      limit: 50,
    });
    expect(answer.status).toBe(200);
    const page = PullResponse.parse(answer.body);
    changes.push(...page.changes);
    cursor = page.nextCursor;
    if (!page.hasMore) return changes;
  }
};

/** Pushes one mutation straight to the server with a stamp `ms` from now; returns its result. */
const pushOne = async (url: string, token: string, name: string, args: unknown, ms = 0) => {
  const hlc = formatHlc({ wall: Date.now() + ms, counter: 0 }, 'ffffffffffffff01');
  const answer = await request(url, 'POST', '/v1/sync/push', token, {
    protocolVersion: SYNC_PROTOCOL_VERSION,
    mutations: [{ id: uuidv7(), name, args, hlc }],
  });
  expect(answer.status).toBe(200);
  return PushResponse.parse(answer.body).results[0];
};

/**
 * Two desktops of one team and the server: a rep's leads and their edits reach the manager's desktop;
 * concurrent edits of different fields both survive and of one field the newer wins on both sides; the
 * other rep and another team's token receive none of them; a rep cannot take another rep's lead or
 * claim an AE's status.
 */
export const checkTwoDesktops = async (url: string, adminToken: string): Promise<void> => {
  const { teamA, repA, repB, manager, other } = await setUp(url, adminToken);
  const ana = await signedIn(url, repA.token);
  const mia = await signedIn(url, manager.token);
  const bo = await signedIn(url, repB.token);

  // Ana creates two leads offline and logs a call on the first.
  const core = openCore({ dataDir: ana });
  const at = Date.parse('2025-03-10T15:00:00Z');
  const jo = core.leads.create(outboundLead('Jo Park', '+12025550143', { company: 'Acme Corp' }), { at }).id;
  const lee = core.leads.create(outboundLead('Lee Wong', '+12025550144'), { at }).id;
  core.close();
  const call = ok(await dialdeck(['--data-dir', ana, 'log', jo, 'no_answer', '--note', 'Rang out'])) as {
    activityId: string;
  };
  expect((await sync(ana)).pending).toBe(0);

  // The manager's desktop pulls them, owned by Ana, with the call; Bo's pulls nothing of hers.
  expect((await sync(mia)).pulled).toBeGreaterThanOrEqual(3);
  const onMia = leadsIn(mia);
  expect(onMia.get(jo)?.owner_id).toBe(repA.userId);
  expect(onMia.get(lee)?.owner_id).toBe(repA.userId);
  expect(activityIdsIn(mia)).toContain(call.activityId);
  await sync(bo);
  expect([...leadsIn(bo).keys()]).not.toContain(jo);
  expect([...leadsIn(bo).keys()]).not.toContain(lee);

  // Another team's token reads nothing of team A and cannot write its leads.
  const foreign = await pullAll(url, other.token);
  expect(JSON.stringify(foreign)).not.toContain(jo);
  expect(JSON.stringify(foreign)).not.toContain(teamA.teamId);
  expect(
    await pushOne(url, other.token, 'lead.setTimeZone', {
      id: jo,
      timeZone: 'Asia/Seoul',
      updatedAt: Date.now(),
    }),
  ).toMatchObject({ status: 'rejected', code: 'sync_lead_unknown' });
  // Bo cannot edit Ana's lead, nor take it; Ana cannot claim the AE's status.
  expect(
    await pushOne(url, repB.token, 'lead.setTimeZone', {
      id: jo,
      timeZone: 'Asia/Seoul',
      updatedAt: Date.now(),
    }),
  ).toMatchObject({ status: 'rejected', code: 'sync_lead_not_yours' });
  expect(
    await pushOne(url, repA.token, 'lead.setOwner', { id: jo, ownerId: repB.userId, updatedAt: Date.now() }),
  ).toMatchObject({ status: 'rejected', code: 'sync_server_decided' });
  expect(
    await pushOne(url, repA.token, 'lead.setStatus', { id: jo, status: 'sql', updatedAt: Date.now() }),
  ).toMatchObject({ status: 'rejected', code: 'sync_server_decided' });

  // Different fields at once: Ana moves Jo's time zone, the manager his status; both survive everywhere.
  ok(await dialdeck(['--data-dir', ana, 'lead', 'set', jo, '--time-zone', 'America/Chicago']));
  ok(
    await dialdeck([
      '--data-dir',
      mia,
      'lead',
      'set',
      jo,
      '--status',
      'nurture',
      '--reason',
      'Budget next quarter',
    ]),
  );
  await sync(ana);
  await sync(mia);
  await sync(ana);
  for (const dir of [ana, mia]) {
    expect(leadsIn(dir).get(jo)).toMatchObject({ time_zone: 'America/Chicago', status: 'nurture' });
  }

  // One field at once: Ana's edit is older than the manager's, and reaches the server last; it loses on both sides.
  ok(await dialdeck(['--data-dir', ana, 'lead', 'set', lee, '--time-zone', 'America/Denver']));
  ok(await dialdeck(['--data-dir', mia, 'lead', 'set', lee, '--time-zone', 'Europe/Berlin']));
  await sync(mia);
  await sync(ana);
  await sync(mia);
  expect(leadsIn(ana).get(lee)?.time_zone).toBe('Europe/Berlin');
  expect(leadsIn(mia).get(lee)?.time_zone).toBe('Europe/Berlin');

  // A pull meets a local edit still in the outbox: the newer local field stays, the others arrive.
  ok(await dialdeck(['--data-dir', mia, 'lead', 'set', lee, '--time-zone', 'Europe/Paris']));
  ok(
    await dialdeck(['--data-dir', mia, 'lead', 'set', lee, '--status', 'working', '--reason', 'Called back']),
  );
  await sync(mia);
  ok(await dialdeck(['--data-dir', ana, 'lead', 'set', lee, '--time-zone', 'Asia/Tokyo']));
  const credentials = fileTokenStore(ana).read();
  if (credentials === null) throw new Error('Ana is signed in');
  const local = openCore({ dataDir: ana });
  try {
    expect((await pullOnce(local.db, credentials)).pulled).toBeGreaterThanOrEqual(1);
  } finally {
    local.close();
  }
  expect(pendingOutbox(ana)).toBe(1);
  expect(leadsIn(ana).get(lee)).toMatchObject({ time_zone: 'Asia/Tokyo', status: 'working' });
  await sync(ana);
  await sync(mia);
  expect(leadsIn(mia).get(lee)).toMatchObject({ time_zone: 'Asia/Tokyo', status: 'working' });
};

/** A CSV of `n` leads with distinct numbers and emails, numbered from `from`. */
const callList = (n: number, from = 0): string => {
  const file = join(tempDir('dialdeck-pull-csv-'), 'call-list.csv');
  const rows = Array.from({ length: n }, (_, k) => {
    const i = from + k;
    const number = `+1202555${String(1000 + i).padStart(4, '0')}`;
    return `Lead ${i},${number},lead${i}@list.example,Company ${i % 7}`;
  });
  writeFileSync(file, `Name,Phone,Email,Company\n${rows.join('\n')}\n`);
  return file;
};

/**
 * The manager imports 200 leads round-robin over two reps: each rep's sync pulls exactly theirs; a
 * second import of the file is all duplicates; a reassigned lead leaves one rep and reaches the other.
 */
export const checkImportAndAssign = async (url: string, adminToken: string): Promise<void> => {
  const { teamA, repA, repB, manager } = await setUp(url, adminToken, '-import');
  const target = ['--team', teamA.teamId, '--server', url, '--token', manager.token];
  const file = callList(200);
  const imported = ImportLeadsOutput.parse(ok(await dialdeck(['admin', 'leads', 'import', file, ...target])));
  expect(imported).toEqual({
    imported: 200,
    duplicates: 0,
    rejected: [],
    assigned: { [repA.userId]: 100, [repB.userId]: 100 },
  });
  const again = ImportLeadsOutput.parse(ok(await dialdeck(['admin', 'leads', 'import', file, ...target])));
  expect(again).toMatchObject({ imported: 0, duplicates: 200, rejected: [] });
  // A rep may not import.
  const byRep = await dialdeck([
    'admin',
    'leads',
    'import',
    file,
    '--team',
    teamA.teamId,
    '--server',
    url,
    '--token',
    repA.token,
  ]);
  expect(byRep.error?.code).toBe('forbidden');

  const ana = await signedIn(url, repA.token);
  const bo = await signedIn(url, repB.token);
  expect((await sync(ana)).pulled).toBeGreaterThanOrEqual(100);
  await sync(bo);
  const onAna = leadsIn(ana);
  const onBo = leadsIn(bo);
  expect(onAna.size).toBe(100);
  expect(onBo.size).toBe(100);
  expect([...onAna.values()].every((l) => l.owner_id === repA.userId)).toBe(true);
  expect([...onBo.values()].every((l) => l.owner_id === repB.userId)).toBe(true);
  // Pulled leads of one's own go on their cadence, so they reach the calling queue.
  expect(enrolledIn(ana)).toBe(100);

  // Reassignment: one of Ana's leads, with a call she logged on it, goes to Bo.
  const moving = [...onAna.keys()][0] as string;
  const call = ok(await dialdeck(['--data-dir', ana, 'log', moving, 'no_answer', '--note', 'Rang out'])) as {
    activityId: string;
  };
  await sync(ana);
  const moved = AssignLeadOutput.parse(
    ok(await dialdeck(['admin', 'leads', 'assign', moving, '--to', 'bo@pull-a-import.example', ...target])),
  );
  expect(moved).toEqual({ leadId: moving, from: repA.userId, to: repB.userId });
  await sync(ana);
  await sync(bo);
  expect(leadsIn(ana).has(moving)).toBe(false);
  expect(leadsIn(ana).size).toBe(99);
  expect(leadsIn(bo).get(moving)?.owner_id).toBe(repB.userId);
  expect(leadsIn(bo).size).toBe(101);
  expect(activityIdsIn(bo)).toContain(call.activityId);
  expect(enrolledIn(bo)).toBe(101);
  // Ana can no longer write it.
  expect(
    await pushOne(url, repA.token, 'lead.setTimeZone', {
      id: moving,
      timeZone: 'Asia/Seoul',
      updatedAt: Date.now(),
    }),
  ).toMatchObject({ status: 'rejected', code: 'sync_lead_not_yours' });
};

/** The server of an interrupted pull: killed with SIGKILL, then started again on the same database. */
export type Restartable = { kill: () => Promise<void>; start: () => Promise<string> };

/**
 * A pull interrupted when the server dies between pages resumes where it stopped once a server is back:
 * every lead arrives once, the cursor moved only with committed pages, nothing reaches the outbox.
 */
export const checkInterruptedPull = async (
  url: string,
  adminToken: string,
  server: Restartable,
): Promise<void> => {
  const { teamA, repA, manager } = await setUp(url, adminToken, '-resume');
  // Six imports of 20: six change versions, so the pull takes several pages.
  for (let part = 0; part < 6; part++) {
    const file = callList(20, 1000 + part * 20);
    ok(
      await dialdeck([
        'admin',
        'leads',
        'import',
        file,
        '--team',
        teamA.teamId,
        '--assign',
        'ana@pull-a-resume.example',
        '--server',
        url,
        '--token',
        manager.token,
      ]),
    );
  }
  const ana = await signedIn(url, repA.token);
  const credentials = fileTokenStore(ana).read();
  if (credentials === null) throw new Error('Ana is signed in');
  const core = openCore({ dataDir: ana });
  const count = () =>
    core.db.prepare<[], number>('SELECT count(*) FROM leads WHERE is_demo = 0').pluck().get();
  try {
    let pages = 0;
    const first = pullOnce(core.db, credentials, {
      limit: 25,
      beforeApply: async () => {
        pages++;
        // The third page arrived; the server dies before the fourth is asked for.
        if (pages === 3) await server.kill();
      },
    });
    await expect(first).rejects.toMatchObject({ code: 'server_unreachable' });
    expect(pages).toBe(3);
    const partial = count() ?? 0;
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(120);
    expect(pullCursor(core.db, credentials)).toBeGreaterThan(0);
    const newUrl = await server.start();
    const resumed = await pullOnce(core.db, { ...credentials, server: newUrl }, { limit: 25 });
    expect(count()).toBe(120);
    expect(resumed.pulled).toBe(120 - partial);
    // Nothing more waits, and nothing reached the outbox.
    expect((await pullOnce(core.db, { ...credentials, server: newUrl })).pulled).toBe(0);
    expect(core.db.prepare("SELECT count(*) FROM outbox WHERE state = 'pending'").pluck().get()).toBe(0);
  } finally {
    core.close();
  }
};
