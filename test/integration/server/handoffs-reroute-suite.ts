import type { ReroutedHandoff } from '@shared/api/notices';
import { formatHlc } from '@shared/hlc';
import { AddUserOutput, CreateTeamOutput, RemoveUserOutput } from '@shared/server/admin';
import { HANDOFF_SLA_MS, HandoffListOutput, type ServerHandoff } from '@shared/server/handoffs';
import { SYNC_PROTOCOL_VERSION } from '@shared/sync';
import { PullResponse } from '@shared/sync/pull';
import pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { expect } from 'vitest';
import { call } from '../../../src/main/cli/context';
import { openCore } from '../../../src/main/core';
import { fileTokenStore } from '../../../src/main/core/sync/credentials';
import { placePulledLeads } from '../../../src/main/core/sync/place-pulled';
import { pullOnce } from '../../../src/main/core/sync/pull';
import { outboundLead } from '../cli-run';
import { request, tempDir } from './server-process';
import { dialdeck, ok } from './sync-suite';

const HOUR = 3_600_000;

type Member = { userId: string; token: string };

/** A team with its members, made through the administrator's HTTP routes. */
const teamWith = async (url: string, adminToken: string, name: string, members: [string, string][]) => {
  const team = CreateTeamOutput.parse((await request(url, 'POST', '/v1/teams', adminToken, { name })).body);
  const users: Record<string, Member> = {};
  for (const [email, role] of members) {
    users[email] = AddUserOutput.parse(
      (await request(url, 'POST', `/v1/teams/${team.teamId}/users`, adminToken, { email, role })).body,
    );
  }
  return { teamId: team.teamId, users };
};

/** `rep` pushes one `handoff.create` (BANT: budget and need), naming `suggestedAe` or none; its id. */
const handOff = async (url: string, rep: Member, suggestedAe: string | null = null): Promise<string> => {
  const id = uuidv7();
  const push = await request(url, 'POST', '/v1/sync/push', rep.token, {
    protocolVersion: SYNC_PROTOCOL_VERSION,
    mutations: [
      {
        id: uuidv7(),
        name: 'handoff.create',
        hlc: formatHlc({ wall: Date.now(), counter: 0 }, '00000000000000a1'),
        args: {
          id,
          leadId: uuidv7(),
          summary: 'Wants a pilot for 40 seats',
          bant: [
            { criterion: 'budget', confirmed: true, note: '' },
            { criterion: 'need', confirmed: true, note: '' },
          ],
          nextStep: 'Demo on Tuesday',
          suggestedAe,
          profileFilled: 11,
          profileTotal: 15,
          statusBefore: 'working',
          createdAt: Date.now(),
        },
      },
    ],
  });
  expect(push.body).toMatchObject({ results: [{ status: 'applied' }] });
  return id;
};

const listOf = async (url: string, member: Member, status = 'open'): Promise<ServerHandoff[]> => {
  const answer = await request(url, 'GET', `/v1/handoffs?status=${status}`, member.token);
  expect(answer.status).toBe(200);
  return HandoffListOutput.parse(answer.body).handoffs;
};

const byId = (list: ServerHandoff[], id: string): ServerHandoff => {
  const found = list.find((h) => h.id === id);
  if (!found) throw new Error(`hand-off ${id} is not in the list`);
  return found;
};

const pull = async (url: string, member: Member, cursor: number) => {
  const answer = await request(url, 'POST', '/v1/sync/pull', member.token, {
    protocolVersion: SYNC_PROTOCOL_VERSION,
    cursor,
  });
  expect(answer.status).toBe(200);
  return PullResponse.parse(answer.body);
};

const setClock = async (url: string, offsetMs: number) => {
  expect((await request(url, 'POST', '/v1/test/clock', undefined, { offsetMs })).status).toBe(200);
};

/**
 * A removed AE's open hand-offs, through the running server (test routes on) on the database at
 * `databaseUrl`: the manager removes an AE (the built CLI's `admin user remove`) who holds one missed
 * and one open hand-off and one they accepted; the undecided two go round-robin to the next eligible
 * AEs, oldest due first, each with a fresh 48-hour window from the removal, the old miss still counted
 * against the removed AE; the decided one stays theirs; the rep's pull brings both with their new AE;
 * the new AE letting the window run out is a second miss of the same hand-off, counted against them.
 * A team whose only AE is removed keeps the hand-off waiting, unassigned, for its manager. A manager of
 * another team can neither remove the AE nor see, nor move, that team's hand-offs.
 */
export const checkHandoffReroute = async (
  url: string,
  adminToken: string,
  databaseUrl: string,
): Promise<void> => {
  const a = await teamWith(url, adminToken, 'Reroute A', [
    ['rep@rr-a.example', 'rep'],
    ['ae1@rr-a.example', 'ae'],
    ['ae2@rr-a.example', 'ae'],
    ['ae3@rr-a.example', 'ae'],
    ['manager@rr-a.example', 'manager'],
  ]);
  const b = await teamWith(url, adminToken, 'Reroute B', [
    ['rep@rr-b.example', 'rep'],
    ['ae@rr-b.example', 'ae'],
    ['manager@rr-b.example', 'manager'],
  ]);
  const rep = a.users['rep@rr-a.example'] as Member;
  const ae1 = a.users['ae1@rr-a.example'] as Member;
  const ae2 = a.users['ae2@rr-a.example'] as Member;
  const ae3 = a.users['ae3@rr-a.example'] as Member;
  const manager = a.users['manager@rr-a.example'] as Member;
  const repB = b.users['rep@rr-b.example'] as Member;
  const aeB = b.users['ae@rr-b.example'] as Member;
  const managerB = b.users['manager@rr-b.example'] as Member;
  const db = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  const missesOf = async (handoffId: string) =>
    (
      await db.query<{ ae_id: string }>(
        'SELECT ae_id FROM handoff_misses WHERE team_id = $1 AND handoff_id = $2 ORDER BY missed_at',
        [a.teamId, handoffId],
      )
    ).rows.map((row) => row.ae_id);
  try {
    // ae1 accepts one (suggested: the rotation stays put) and lets another run past 48 hours.
    const decided = await handOff(url, rep, 'ae1@rr-a.example');
    expect((await request(url, 'POST', `/v1/handoffs/${decided}/accept`, ae1.token, {})).status).toBe(200);
    const missed = await handOff(url, rep);
    await setClock(url, 49 * HOUR);
    expect(byId(await listOf(url, ae1), missed)).toMatchObject({ missed: true, msLeft: 0 });
    await setClock(url, 0);
    // Round-robin goes on: ae2, ae3, then ae1 again.
    const toAe2 = await handOff(url, rep);
    const toAe3 = await handOff(url, rep);
    const open = await handOff(url, rep);
    expect((await listOf(url, ae1)).map((h) => h.id).sort()).toEqual([missed, open].sort());
    const other = await handOff(url, repB);
    const { nextCursor: repCursor } = await pull(url, rep, 0);

    // Another team's manager can neither remove ae1 nor see team A's hand-offs.
    const asManagerB = ['--server', url, '--token', managerB.token];
    const stranger = await dialdeck([
      'admin',
      'user',
      'remove',
      'ae1@rr-a.example',
      '--team',
      a.teamId,
      ...asManagerB,
    ]);
    expect(stranger.code).not.toBe(0);
    expect(stranger.error?.code).toBe('forbidden');
    expect(await listOf(url, managerB, 'all')).toMatchObject([{ id: other, ae: { userId: aeB.userId } }]);

    // The manager removes ae1: the missed and the open hand-off go on round-robin (oldest due first:
    // the missed one to ae2, the open one to ae3), each with 48 hours from now.
    const removedAt = Date.now();
    const removed = RemoveUserOutput.parse(
      ok(
        await dialdeck([
          'admin',
          'user',
          'remove',
          'ae1@rr-a.example',
          '--team',
          a.teamId,
          '--server',
          url,
          '--token',
          manager.token,
        ]),
      ),
    );
    const after = Date.now();
    expect(removed).toMatchObject({ userId: ae1.userId, removedAt: expect.any(Number) });
    const team = await listOf(url, manager, 'all');
    const rerouted = [byId(team, missed), byId(team, open)];
    expect(rerouted.map((h) => [h.id, h.ae?.email, h.status, h.missed])).toEqual([
      [missed, 'ae2@rr-a.example', 'open', false],
      [open, 'ae3@rr-a.example', 'open', false],
    ]);
    for (const handoff of rerouted) {
      expect(handoff.dueAt).toBeGreaterThanOrEqual(removedAt + HANDOFF_SLA_MS);
      expect(handoff.dueAt).toBeLessThanOrEqual(after + HANDOFF_SLA_MS);
      expect(handoff.msLeft).toBeGreaterThan(HANDOFF_SLA_MS - 5 * 60_000);
    }
    // The accepted one stays with ae1; ae1's miss stays counted against ae1.
    expect(byId(team, decided)).toMatchObject({ status: 'accepted', ae: { userId: ae1.userId } });
    expect(await missesOf(missed)).toEqual([ae1.userId]);
    expect((await listOf(url, ae2)).map((h) => h.id).sort()).toEqual([missed, toAe2].sort());
    expect((await listOf(url, ae3)).map((h) => h.id).sort()).toEqual([open, toAe3].sort());
    expect((await request(url, 'GET', '/v1/handoffs', ae1.token)).status).toBe(401);
    // Team B's hand-off did not move.
    expect(await listOf(url, managerB, 'all')).toMatchObject([{ id: other, ae: { userId: aeB.userId } }]);

    // The rep's next pull tells them: both hand-offs, with their new AE and due time, and nothing else.
    const told = await pull(url, rep, repCursor);
    const handoffChanges = told.changes.filter((c) => c.kind === 'handoff');
    expect(
      handoffChanges
        .map((c) => c.data as { id: string; ae: string | null; status: string; dueAt: number })
        .map((h) => [h.id, h.ae, h.status, h.dueAt])
        .sort(),
    ).toEqual(rerouted.map((h) => [h.id, h.ae?.email, 'open', h.dueAt]).sort());
    expect(told.nextCursor).toBeGreaterThan(repCursor);
    // The rotation went on from ae3: the next hand-off is ae2's.
    const next = await handOff(url, rep);
    expect(byId(await listOf(url, ae2), next).ae?.email).toBe('ae2@rr-a.example');

    // The SLA clock restarted for ae2: running past it is ae2's miss, beside ae1's, on the same hand-off.
    await setClock(url, 49 * HOUR);
    expect(byId(await listOf(url, ae2), missed)).toMatchObject({ missed: true, msLeft: 0 });
    expect(await missesOf(missed)).toEqual([ae1.userId, ae2.userId]);
    await setClock(url, 0);

    // A team whose only AE leaves: the hand-off waits unassigned, visible to its manager, window restarted.
    const c = await teamWith(url, adminToken, 'Reroute C', [
      ['rep@rr-c.example', 'rep'],
      ['ae@rr-c.example', 'ae'],
      ['manager@rr-c.example', 'manager'],
    ]);
    const repC = c.users['rep@rr-c.example'] as Member;
    const managerC = c.users['manager@rr-c.example'] as Member;
    const waiting = await handOff(url, repC);
    const { nextCursor: repCCursor } = await pull(url, repC, 0);
    const removedC = Date.now();
    ok(
      await dialdeck([
        'admin',
        'user',
        'remove',
        'ae@rr-c.example',
        '--team',
        c.teamId,
        '--server',
        url,
        '--token',
        managerC.token,
      ]),
    );
    const [left] = await listOf(url, managerC);
    expect(left).toMatchObject({ id: waiting, status: 'unassigned', ae: null, missed: false });
    expect(left?.dueAt).toBeGreaterThanOrEqual(removedC + HANDOFF_SLA_MS);
    const toldC = await pull(url, repC, repCCursor);
    expect(toldC.changes.filter((ch) => ch.kind === 'handoff').map((ch) => ch.data)).toMatchObject([
      { id: waiting, ae: null, status: 'unassigned' },
    ]);
    await checkReroutedOnDesktop(url, adminToken);
  } finally {
    await setClock(url, 0);
    await db.end();
  }
};

/**
 * The rep's desktop is told: a real store signed in through the built CLI hands a lead off (it goes
 * round-robin to the team's first AE), syncs (the lead's hand-off state names that AE, no notice);
 * the manager removes that AE; the desktop's next pull (as its sync client runs it) records the
 * re-route on the lead's hand-off state and in its history and announces it once with
 * `handoffs:rerouted` (the new AE, the one who left, the new due time); pulling again announces nothing.
 */
const checkReroutedOnDesktop = async (url: string, adminToken: string): Promise<void> => {
  const d = await teamWith(url, adminToken, 'Reroute D', [
    ['rep@rr-d.example', 'rep'],
    ['ae1@rr-d.example', 'ae'],
    ['ae2@rr-d.example', 'ae'],
    ['manager@rr-d.example', 'manager'],
  ]);
  const rep = d.users['rep@rr-d.example'] as Member;
  const manager = d.users['manager@rr-d.example'] as Member;
  const repDir = tempDir('dialdeck-rr-desk-');
  const seeded = openCore({ dataDir: repDir });
  const leadId = seeded.leads.create(outboundLead('Mina Cho', '+12025550177'), { at: Date.now() - HOUR }).id;
  seeded.close();
  ok(await dialdeck(['--data-dir', repDir, 'login', '--server', url, '--token', rep.token]));
  ok(await dialdeck(['--data-dir', repDir, 'sync']));
  ok(
    await dialdeck([
      '--data-dir',
      repDir,
      'handoff',
      leadId,
      '--bant',
      'budget,need',
      '--note',
      'Wants a pilot for 40 seats',
      '--next-step',
      'Demo on Tuesday',
    ]),
  );
  expect(ok(await dialdeck(['--data-dir', repDir, 'sync']))).toMatchObject({ rejected: 0, pending: 0 });

  const core = openCore({ dataDir: repDir });
  try {
    const credentials = fileTokenStore(repDir).read();
    if (credentials === null) throw new Error('the rep desktop is not signed in');
    const announced: ReroutedHandoff[] = [];
    const stop = core.events.on('handoffs:rerouted', ({ handoffs }) => announced.push(...handoffs));
    // As the desktop's sync client pulls: each page placed after it commits.
    const pullHere = () =>
      pullOnce(core.db, credentials, {
        onApplied: (leadIds) => placePulledLeads(core, leadIds, credentials.userId),
        dialing: core.dialing,
      });
    const first = await call(core, 'qualification.get', { leadId });
    expect(first.handoffRoute).toMatchObject({ ae: 'ae1@rr-d.example', previousAe: null, rerouted: false });

    const removedAt = Date.now();
    ok(
      await dialdeck([
        'admin',
        'user',
        'remove',
        'ae1@rr-d.example',
        '--team',
        d.teamId,
        '--server',
        url,
        '--token',
        manager.token,
      ]),
    );
    await pullHere();
    const handoffId = first.handoff?.id ?? '';
    expect(announced).toEqual([
      {
        handoffId,
        leadId,
        leadName: 'Mina Cho',
        ae: 'ae2@rr-d.example',
        previousAe: 'ae1@rr-d.example',
        dueAt: expect.any(Number),
      },
    ]);
    expect(announced[0]?.dueAt).toBeGreaterThanOrEqual(removedAt + HANDOFF_SLA_MS);
    const shown = await call(core, 'qualification.get', { leadId });
    expect(shown.handoffRoute).toMatchObject({
      handoffId,
      ae: 'ae2@rr-d.example',
      previousAe: 'ae1@rr-d.example',
      rerouted: true,
      dueAt: announced[0]?.dueAt,
    });
    const history = await call(core, 'history.list', { leadId });
    expect(
      history.activities.filter((entry) => entry.kind === 'handoff_routed').map((entry) => entry.note),
    ).toEqual(['ae2@rr-d.example', 'ae1@rr-d.example']);
    // Nothing new on the next pull, and nothing went to the outbox for the server's own decision.
    await pullHere();
    expect(announced).toHaveLength(1);
    expect(core.db.prepare("SELECT count(*) FROM outbox WHERE state = 'pending'").pluck().get()).toBe(0);
    stop();
  } finally {
    core.close();
  }
};
