import { join } from 'node:path';
import { formatHlc } from '@shared/hlc';
import { AddUserOutput, CreateTeamOutput } from '@shared/server/admin';
import { HANDOFF_SLA_MS, HandoffListOutput, ServerHandoff } from '@shared/server/handoffs';
import { SYNC_PROTOCOL_VERSION } from '@shared/sync';
import Database from 'better-sqlite3';
import pg from 'pg';
import { expect } from 'vitest';
import { openCore } from '../../../src/main/core';
import { applyPulledHandoff } from '../../../src/main/core/sync/pulled/handoffs';
import { handoffChanges } from '../../../src/server/sync/handoffs-pull';
import { tempDir } from '../cadence/helpers';
import { outboundLead } from '../cli-run';
import { request } from './server-process';
import { dialdeck, ok } from './sync-suite';

const HOUR = 3_600_000;

const setUp = async (url: string, adminToken: string) => {
  const team = async (name: string) =>
    CreateTeamOutput.parse((await request(url, 'POST', '/v1/teams', adminToken, { name })).body);
  const user = async (teamId: string, email: string, role: string) =>
    AddUserOutput.parse(
      (await request(url, 'POST', `/v1/teams/${teamId}/users`, adminToken, { email, role })).body,
    );
  const a = await team('Handoffs A');
  const b = await team('Handoffs B');
  const c = await team('Handoffs C');
  return {
    a,
    b,
    c,
    rep: await user(a.teamId, 'rep@ho-a.example', 'rep'),
    ae1: await user(a.teamId, 'ae1@ho-a.example', 'ae'),
    ae2: await user(a.teamId, 'ae2@ho-a.example', 'ae'),
    manager: await user(a.teamId, 'manager@ho-a.example', 'manager'),
    aeB: await user(b.teamId, 'ae@ho-b.example', 'ae'),
    repC: await user(c.teamId, 'rep@ho-c.example', 'rep'),
    managerC: await user(c.teamId, 'manager@ho-c.example', 'manager'),
  };
};

/** A signed-in data folder for `token`; returns it. */
const signIn = async (url: string, token: string, dataDir = tempDir('dialdeck-ho-')): Promise<string> => {
  ok(await dialdeck(['--data-dir', dataDir, 'login', '--server', url, '--token', token]));
  return dataDir;
};

const listOf = async (dataDir: string, status?: string) =>
  HandoffListOutput.parse(
    ok(await dialdeck(['--data-dir', dataDir, 'handoffs', ...(status ? ['--status', status] : [])])),
  ).handoffs;

/** The rep hands `leadId` off (BANT gate met) and syncs; returns the hand-off id. */
const handOff = async (dataDir: string, leadId: string, suggestedAe?: string): Promise<string> => {
  const done = ok(
    await dialdeck([
      '--data-dir',
      dataDir,
      'handoff',
      leadId,
      '--bant',
      'budget,need',
      '--note',
      `Wants a pilot (${leadId.slice(-4)})`,
      '--next-step',
      'Demo on Tuesday',
      ...(suggestedAe ? ['--ae', suggestedAe] : []),
    ]),
  ) as { handoffId: string };
  expect(ok(await dialdeck(['--data-dir', dataDir, 'sync']))).toMatchObject({ rejected: 0, pending: 0 });
  return done.handoffId;
};

const decide = (dataDir: string, decision: 'accept' | 'reject', id: string, reason?: string) =>
  dialdeck([
    '--data-dir',
    dataDir,
    'handoff',
    decision,
    id,
    ...(reason === undefined ? [] : ['--reason', reason]),
  ]);

/**
 * Hand-offs end to end through the built CLI against a running server started with the test routes,
 * with `databaseUrl` its database: a rep's hand-off reaches the AE round-robin (or the AE the rep
 * suggests) with the 48-hour clock; accept → the lead is an SQL; reject needs a reason and sends the
 * lead back to the rep's nurture pool; other AEs and other teams see nothing and cannot decide; the
 * decision reaches the rep's desktop through the pull source and the desktop applier; two misses in a
 * month take an AE out of rotation; a team without an AE keeps the hand-off unassigned for its manager.
 */
export const checkHandoffs = async (url: string, adminToken: string, databaseUrl: string): Promise<void> => {
  const users = await setUp(url, adminToken);
  const { a, rep, ae1, ae2, manager, aeB } = users;
  const db = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  try {
    // The rep's desktop with six leads, signed in and synced.
    const repDir = tempDir('dialdeck-ho-rep-');
    const core = openCore({ dataDir: repDir });
    const at = Date.now() - HOUR;
    const names = ['Jo Park', 'Ana Ruiz', 'Bo Li', 'Cy Diaz', 'Di Moss', 'Ed Kahn'];
    const leads = names.map((name, i) => core.leads.create(outboundLead(name, `+1202555016${i}`), { at }).id);
    core.close();
    await signIn(url, rep.token, repDir);
    ok(await dialdeck(['--data-dir', repDir, 'sync']));
    // The server holds the team's leads (as lead sync writes them): name, status, owner the rep.
    for (const [i, id] of leads.entries()) {
      await db.query(
        `INSERT INTO leads (team_id, id, owner_id, status, fields, created_at, updated_at, change_version)
         VALUES ($1, $2, $3, 'new', $4, $5, $5, 0) ON CONFLICT (team_id, id) DO NOTHING`,
        [a.teamId, id, rep.userId, JSON.stringify({ name: names[i], status: 'new' }), at],
      );
    }
    const [jo, ana, bo, cy, di, ed] = leads as [string, string, string, string, string, string];

    const ae1Dir = await signIn(url, ae1.token);
    const ae2Dir = await signIn(url, ae2.token);
    const managerDir = await signIn(url, manager.token);
    const aeBDir = await signIn(url, aeB.token);

    // Round-robin over the two AEs in the order they joined; a suggested AE takes it without moving it.
    const h1 = await handOff(repDir, jo);
    const h2 = await handOff(repDir, ana);
    const h3 = await handOff(repDir, bo, 'AE1@ho-a.example');
    const h4 = await handOff(repDir, cy, 'ae1@ho-a.example');
    const ae1List = await listOf(ae1Dir);
    expect(ae1List.map((h) => h.id).sort()).toEqual([h1, h3, h4].sort());
    expect((await listOf(ae2Dir)).map((h) => h.id)).toEqual([h2]);
    const first = ae1List.find((h) => h.id === h1) as ServerHandoff;
    expect(first).toMatchObject({
      leadId: jo,
      leadName: 'Jo Park',
      rep: { userId: rep.userId, email: 'rep@ho-a.example' },
      ae: { userId: ae1.userId, email: 'ae1@ho-a.example' },
      summary: `Wants a pilot (${jo.slice(-4)})`,
      nextStep: 'Demo on Tuesday',
      status: 'open',
      decidedAt: null,
      reason: null,
      missed: false,
    });
    expect(
      first.bant
        .filter((b) => b.confirmed)
        .map((b) => b.criterion)
        .sort(),
    ).toEqual(['budget', 'need']);
    expect(first.dueAt - first.createdAt).toBeGreaterThanOrEqual(HANDOFF_SLA_MS);
    expect(first.msLeft).toBeLessThanOrEqual(HANDOFF_SLA_MS);
    expect(first.msLeft).toBeGreaterThan(HANDOFF_SLA_MS - 5 * 60_000);
    // The manager sees the team's; the rep their own; an AE of another team nothing.
    expect((await listOf(managerDir)).map((h) => h.id).sort()).toEqual([h1, h2, h3, h4].sort());
    expect((await listOf(repDir)).map((h) => h.id).sort()).toEqual([h1, h2, h3, h4].sort());
    expect(await listOf(aeBDir, 'all')).toEqual([]);

    // Accept → SQL; a decision is final; only the AE it was routed to decides; other teams: not found.
    const accepted = ServerHandoff.parse(ok(await decide(ae1Dir, 'accept', h1)));
    expect(accepted).toMatchObject({ id: h1, status: 'accepted', msLeft: null, reason: null });
    expect(accepted.decidedAt).toBeGreaterThan(0);
    const leadRow = async (id: string) =>
      (
        await db.query<{ status: string; owner_id: string; fields: { status: string } }>(
          'SELECT status, owner_id, fields FROM leads WHERE team_id = $1 AND id = $2',
          [a.teamId, id],
        )
      ).rows[0];
    expect(await leadRow(jo)).toMatchObject({ status: 'sql', fields: { status: 'sql' } });
    expect((await decide(ae1Dir, 'accept', h1)).error?.code).toBe('handoff_already_decided');
    expect((await decide(ae1Dir, 'reject', h1, 'Changed my mind')).error?.code).toBe(
      'handoff_already_decided',
    );
    expect((await decide(ae2Dir, 'accept', h3)).error?.code).toBe('handoff_not_yours');
    expect((await decide(aeBDir, 'accept', h3)).error?.code).toBe('not_found');
    expect((await decide(repDir, 'accept', h3)).error?.code).toBe('forbidden');
    expect((await decide(managerDir, 'accept', h3)).error?.code).toBe('forbidden');
    const crossTeam = await request(url, 'POST', `/v1/handoffs/${h3}/accept`, aeB.token, {});
    expect(crossTeam).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });
    const notYours = await request(url, 'POST', `/v1/handoffs/${h3}/accept`, ae2.token, {});
    expect(notYours).toMatchObject({ status: 403, body: { error: { code: 'handoff_not_yours' } } });

    // Reject needs a reason (the CLI and the server both say so), then → nurture, owned by the rep.
    expect((await decide(ae2Dir, 'reject', h2)).error?.code).toBe('handoff_reason_required');
    const bare = await request(url, 'POST', `/v1/handoffs/${h2}/reject`, ae2.token, { reason: '  ' });
    expect(bare).toMatchObject({ status: 400, body: { error: { code: 'handoff_reason_required' } } });
    await db.query('UPDATE leads SET owner_id = $3 WHERE team_id = $1 AND id = $2', [
      a.teamId,
      ana,
      ae2.userId,
    ]);
    const rejected = ServerHandoff.parse(ok(await decide(ae2Dir, 'reject', h2, 'No budget until Q3')));
    expect(rejected).toMatchObject({ status: 'rejected', reason: 'No budget until Q3' });
    expect(await leadRow(ana)).toMatchObject({ status: 'nurture', owner_id: rep.userId });
    expect((await listOf(ae2Dir, 'rejected')).map((h) => h.id)).toEqual([h2]);
    expect(await listOf(ae2Dir)).toEqual([]);

    // The decisions reach the rep's desktop: the pull source, then the applier on the real store.
    const client = await db.connect();
    try {
      const repReader = { teamId: a.teamId, userId: rep.userId, role: 'rep' as const };
      const changes = await handoffChanges(client, repReader, 0, 100);
      expect(changes.map((c) => c.data.id).sort()).toEqual([h1, h2, h3, h4].sort());
      const versions = changes.map((c) => c.version);
      expect(versions).toEqual([...versions].sort((x, y) => x - y));
      expect(changes.find((c) => c.data.id === h2)?.data).toMatchObject({
        status: 'rejected',
        reason: 'No budget until Q3',
        ae: 'ae2@ho-a.example',
      });
      const paged = await handoffChanges(client, repReader, versions[1] ?? 0, 1);
      expect(paged).toEqual([changes[2]]);
      const ae1Reader = { teamId: a.teamId, userId: ae1.userId, role: 'ae' as const };
      expect((await handoffChanges(client, ae1Reader, 0, 100)).map((c) => c.data.id).sort()).toEqual(
        [h1, h3, h4].sort(),
      );
      const otherTeam = { teamId: users.b.teamId, userId: aeB.userId, role: 'ae' as const };
      expect(await handoffChanges(client, otherTeam, 0, 100)).toEqual([]);

      const store = new Database(join(repDir, 'dialdeck.sqlite'));
      try {
        const outboxRows = () => store.prepare('SELECT count(*) FROM outbox').pluck().get();
        const before = outboxRows();
        expect(changes.map((c) => applyPulledHandoff(store, c.data)).sort()).toEqual(
          ['applied', 'applied', 'unchanged', 'unchanged'].sort(),
        );
        expect(changes.map((c) => applyPulledHandoff(store, c.data))).toEqual(changes.map(() => 'unchanged'));
        expect(outboxRows()).toBe(before);
        expect(() => applyPulledHandoff(store, { id: h1 })).toThrow(/cannot read/);
      } finally {
        store.close();
      }
    } finally {
      client.release();
    }
    const shown = openCore({ dataDir: repDir });
    try {
      expect(shown.db.prepare('SELECT status FROM leads WHERE id = ?').pluck().get(jo)).toBe('sql');
      expect(shown.db.prepare('SELECT status FROM leads WHERE id = ?').pluck().get(ana)).toBe('nurture');
      expect(shown.db.prepare('SELECT status FROM leads WHERE id = ?').pluck().get(bo)).toBe('mql');
    } finally {
      shown.close();
    }
    const history = ok(await dialdeck(['--data-dir', repDir, 'history', ana])) as {
      activities: { kind: string; note: string | null }[];
    };
    expect(history.activities.find((entry) => entry.kind === 'status_change')).toMatchObject({
      note: 'No budget until Q3',
    });

    // Two misses in a month: ae1 lets h3 and h4 run past 48 hours → out of rotation; the next
    // hand-offs (the round-robin's turn and a suggestion of ae1) go to ae2.
    expect(ok(await dialdeck(['--data-dir', repDir, 'sync']))).toMatchObject({ pending: 0 });
    const clock = await request(url, 'POST', '/v1/test/clock', undefined, { offsetMs: 49 * HOUR });
    expect(clock.status).toBe(200);
    const missed = await listOf(ae1Dir);
    expect(missed.map((h) => [h.id, h.missed, h.msLeft]).sort()).toEqual(
      [
        [h3, true, 0],
        [h4, true, 0],
      ].sort(),
    );
    const { rows: eligibility } = await db.query<{ out_until: string; since: string }>(
      'SELECT out_until, since FROM ae_eligibility WHERE team_id = $1 AND ae_id = $2',
      [a.teamId, ae1.userId],
    );
    const due = missed.map((h) => h.dueAt).sort((x, y) => x - y);
    expect(Number(eligibility[0]?.since)).toBe(due[1]);
    const outFor = Number(eligibility[0]?.out_until) - Number(eligibility[0]?.since);
    expect(outFor).toBeGreaterThanOrEqual(28 * 24 * HOUR);
    expect(outFor).toBeLessThanOrEqual(31 * 24 * HOUR);
    const h5 = await handOff(repDir, di);
    const h6 = await handOff(repDir, ed, 'ae1@ho-a.example');
    expect((await listOf(ae2Dir)).map((h) => h.id).sort()).toEqual([h5, h6].sort());
    expect((await listOf(ae1Dir)).map((h) => h.id).sort()).toEqual([h3, h4].sort());
    // A late decision is still taken; the miss stays counted.
    expect(ServerHandoff.parse(ok(await decide(ae1Dir, 'accept', h3)))).toMatchObject({
      status: 'accepted',
      missed: true,
    });

    // A team with no AE: the hand-off is kept unassigned, and its manager sees it.
    const unassigned = '01966a1c-0000-7000-8000-0000000000c1';
    const lead = '01966a1c-0000-7000-8000-0000000000c2';
    const push = await request(url, 'POST', '/v1/sync/push', users.repC.token, {
      protocolVersion: SYNC_PROTOCOL_VERSION,
      mutations: [
        {
          id: '01966a1c-0000-7000-8000-0000000000c3',
          name: 'handoff.create',
          hlc: formatHlc({ wall: Date.now(), counter: 0 }, '00000000000000c4'),
          args: {
            id: unassigned,
            leadId: lead,
            summary: 'Inbound demo request',
            bant: [{ criterion: 'need', confirmed: true, note: '' }],
            nextStep: '',
            suggestedAe: null,
            profileFilled: 3,
            profileTotal: 15,
            statusBefore: 'working',
            createdAt: Date.now(),
          },
        },
      ],
    });
    expect(push.body).toMatchObject({ results: [{ status: 'applied' }] });
    const managerCDir = await signIn(url, users.managerC.token);
    expect(await listOf(managerCDir)).toMatchObject([{ id: unassigned, status: 'unassigned', ae: null }]);
  } finally {
    await request(url, 'POST', '/v1/test/clock', undefined, { offsetMs: 0 });
    await db.end();
  }
};
