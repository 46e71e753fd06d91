import { SKIP_REASONS } from '@shared/domain/session';
import { formatHlc } from '@shared/hlc';
import { AddUserOutput, CreateTeamOutput } from '@shared/server/admin';
import { SYNC_PROTOCOL_VERSION } from '@shared/sync';
import pg from 'pg';
import { v7 } from 'uuid';
import { expect } from 'vitest';
import { AppError } from '../../../src/main/core/errors';
import { followTeamChanges, type LiveEvent } from '../../../src/main/core/sync/live';
import { request } from './server-process';

/** Ends every server process's listening connection on the database, as a restart or failover would. */
const dropListeners = async (databaseUrl: string): Promise<number> => {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ ended: boolean }>(
      `SELECT pg_terminate_backend(pid) AS ended FROM pg_stat_activity
        WHERE datname = current_database() AND query LIKE 'LISTEN%' AND pid <> pg_backend_pid()`,
    );
    return rows.filter((row) => row.ended).length;
  } finally {
    await client.end();
  }
};

export type Follower = {
  events: LiveEvent[];
  /** Resolves when the stream ended (by the server or `stop`); rejects with the client's AppError. */
  ended: Promise<void>;
  stop: () => void;
};

/** Follows `GET /v1/events` on `url` with `token` through the desktop's own client. */
export const follow = (url: string, token: string, after?: number): Follower => {
  const controller = new AbortController();
  const events: LiveEvent[] = [];
  const ended = followTeamChanges(
    { server: url, token },
    { after, signal: controller.signal, onEvent: (event) => events.push(event) },
  );
  ended.catch(() => {});
  return { events, ended, stop: () => controller.abort() };
};

export const changes = (follower: Follower) =>
  follower.events.flatMap((event) => (event.kind === 'change' ? [event.change] : []));

/** One skip pushed straight to the server's push route (an activity, so the team's version moves). */
const pushSkip = async (url: string, token: string): Promise<void> => {
  const at = Date.now();
  const response = await request(url, 'POST', '/v1/sync/push', token, {
    protocolVersion: SYNC_PROTOCOL_VERSION,
    mutations: [
      {
        id: v7(),
        name: 'lead.skip',
        args: {
          id: v7(),
          leadId: v7(),
          reason: SKIP_REASONS[0],
          note: 'Pushed to wake the team',
          occurredAt: at,
        },
        hlc: formatHlc({ wall: at, counter: 0 }, '00000000000e7e57'),
      },
    ],
  });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  expect(JSON.stringify(response.body)).toContain('"applied"');
};

/**
 * Live changes across two server processes over one database: a rep following process B hears of a
 * push made through process A within a second, with the team's new version; another team's rep hears
 * nothing of it; `?after=` reports a change made while away; a revoked token's stream is ended by the
 * server and a new one is refused; the administrator has no team to follow.
 */
export const checkLiveEvents = async (
  urlA: string,
  urlB: string,
  adminToken: string,
  databaseUrl: string,
): Promise<void> => {
  const team = async (name: string) =>
    CreateTeamOutput.parse((await request(urlA, 'POST', '/v1/teams', adminToken, { name })).body);
  const user = async (teamId: string, email: string) =>
    AddUserOutput.parse(
      (await request(urlA, 'POST', `/v1/teams/${teamId}/users`, adminToken, { email, role: 'rep' })).body,
    );
  const teamA = await team('Live A');
  const teamB = await team('Live B');
  const repA = await user(teamA.teamId, 'rep@live-a.example');
  const rep2A = await user(teamA.teamId, 'rep2@live-a.example');
  const repB = await user(teamB.teamId, 'rep@live-b.example');

  const onB = follow(urlB, repA.token);
  const otherTeam = follow(urlB, repB.token);
  await expect.poll(() => onB.events[0]?.kind, { timeout: 5_000 }).toBe('ready');
  await expect.poll(() => otherTeam.events[0]?.kind, { timeout: 5_000 }).toBe('ready');
  const start = onB.events[0]?.kind === 'ready' ? onB.events[0].change.version : -1;
  expect(start).toBeGreaterThanOrEqual(0);

  // A push through process A wakes the follower on process B within a second.
  const latencies: number[] = [];
  for (let i = 0; i < 3; i++) {
    const before = changes(onB).length;
    const pushedAt = performance.now();
    await pushSkip(urlA, rep2A.token);
    await expect.poll(() => changes(onB).length, { timeout: 1_000, interval: 5 }).toBeGreaterThan(before);
    latencies.push(performance.now() - pushedAt);
  }
  expect(Math.max(...latencies)).toBeLessThan(1_000);
  process.stdout.write(
    `push → wake-up on the other process: ${latencies.map((ms) => Math.round(ms)).join(', ')} ms\n`,
  );
  const seen = changes(onB);
  expect(seen.every((change) => change.teamId === teamA.teamId)).toBe(true);
  expect(seen.at(-1)?.version).toBeGreaterThan(start);
  // Team B's rep heard nothing of team A.
  await new Promise((done) => setTimeout(done, 300));
  expect(changes(otherTeam)).toEqual([]);

  // The database drops process B's listening connection: it listens again by itself, and the
  // follower is woken with the team's version then (a change in the gap is not lost), then by new pushes.
  const killed = await dropListeners(databaseUrl);
  expect(killed).toBeGreaterThanOrEqual(2);
  const beforeDrop = changes(onB).length;
  await pushSkip(urlA, rep2A.token);
  await expect.poll(() => changes(onB).length, { timeout: 15_000 }).toBeGreaterThan(beforeDrop);
  const afterReconnect = changes(onB).length;
  await expect
    .poll(
      async () => {
        await pushSkip(urlA, rep2A.token);
        return changes(onB).length;
      },
      { timeout: 15_000, interval: 500 },
    )
    .toBeGreaterThan(afterReconnect + 1);

  // Resuming from an older version: the change made while away is reported at once.
  const resumed = follow(urlA, repA.token, start);
  await expect.poll(() => changes(resumed).length, { timeout: 5_000 }).toBe(1);
  const ready = resumed.events[0]?.kind === 'ready' ? resumed.events[0].change.version : -1;
  expect(changes(resumed)[0]?.version).toBe(ready);
  expect(ready).toBeGreaterThanOrEqual(changes(onB).at(-1)?.version ?? Number.POSITIVE_INFINITY);
  resumed.stop();

  // Revoking the token (through process A) ends its stream on process B; a new stream is refused.
  expect((await request(urlA, 'DELETE', '/v1/me/token', repA.token)).status).toBe(204);
  await expect(
    Promise.race([onB.ended.then(() => 'ended'), new Promise((d) => setTimeout(() => d('open'), 2_000))]),
  ).resolves.toBe('ended');
  expect(onB.events.at(-1)?.kind).toBe('revoked');
  const refused = follow(urlB, repA.token);
  await expect(refused.ended).rejects.toSatisfy(
    (error) => error instanceof AppError && error.code === 'unauthorized',
  );

  // The administrator belongs to no team.
  const admin = follow(urlB, adminToken);
  await expect(admin.ended).rejects.toSatisfy(
    (error) => error instanceof AppError && error.code === 'forbidden',
  );
  otherTeam.stop();
  await otherTeam.ended;
};

/** Follows `url` with a fresh rep token and returns the follower (for shutdown checks). */
export const openFollower = async (url: string, adminToken: string): Promise<Follower> => {
  const made = CreateTeamOutput.parse(
    (await request(url, 'POST', '/v1/teams', adminToken, { name: `Live ${Date.now()}` })).body,
  );
  const rep = AddUserOutput.parse(
    (
      await request(url, 'POST', `/v1/teams/${made.teamId}/users`, adminToken, {
        email: `rep${Date.now()}@live.example`,
        role: 'rep',
      })
    ).body,
  );
  const follower = follow(url, rep.token);
  await expect.poll(() => follower.events[0]?.kind, { timeout: 5_000 }).toBe('ready');
  return follower;
};
