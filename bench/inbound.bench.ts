// Inbound lead webhook: from the signed POST to the lead row committed with its owner, p50/p95/p99,
// on a real server process (the built CLI: needs `npm run build` first). The server answers after the
// transaction that inserts the lead and routes it has committed, so the response time bounds the
// commit from above; with a database URL (DIALDECK_BENCH_DATABASE_URL or TEST_DATABASE_URL, a role
// that may create databases) the commit is also observed from another connection, by LISTENing to the
// change version the transaction announces (pg_notify is delivered at commit). Otherwise the built-in
// PostgreSQL runs in a temporary folder. The loopback round trip of GET /health in the same run is
// the ceiling beside it.
// `endToEnd` is the figure: from the signed POST to the lead at the top of the rep's queue on
// a desktop that follows the live stream — two reps on shift, each with a real desktop core (its own
// SQLite store, signed in, background sync running, `GET /v1/events` open), the lead read back through
// the core's API (`queue.next`) each time the core says its queue changed. After each lead arrives the
// rep logs a call on it (so the next inbound lead is the one on top, as in a day's work) and the bench
// waits for that outcome to be pushed before the next post, so one post is measured at a time.
import { createHmac } from 'node:crypto';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { AddUserOutput, CreateTeamOutput } from '@shared/server/admin';
import { InboundLeadOutput } from '@shared/server/inbound';
import pg from 'pg';
import { z } from 'zod';
import { type Core, openCore } from '../src/main/core';
import { dispatch } from '../src/main/core/dispatch';
import { TEAM_CHANGE_CHANNEL } from '../src/server/sync/versions';
import {
  dropDatabases,
  freshDatabase,
  removeDirs,
  request,
  startServerProcess,
  stopServer,
  tempDir,
} from '../test/integration/server/server-process';

const POSTS = Number(process.env.DIALDECK_BENCH_INBOUND_POSTS ?? 300);
const CONCURRENCY = Number(process.env.DIALDECK_BENCH_INBOUND_CONCURRENCY ?? 8);
const WARMUP = 20;
/** Posts measured end to end (POST → on top of the rep's desktop queue), one at a time. */
const E2E_POSTS = Number(process.env.DIALDECK_BENCH_INBOUND_E2E_POSTS ?? 120);
const E2E_WARMUP = 5;
const TARGETS = { postToCommittedP95Ms: 1000, postToQueueTopP95Ms: 1000 };

const percentile = (samples: number[], p: number): number => {
  const sorted = [...samples].sort((a, b) => a - b);
  return Number((sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0).toFixed(2));
};

const summary = (samples: number[]) => ({
  n: samples.length,
  p50Ms: percentile(samples, 50),
  p95Ms: percentile(samples, 95),
  p99Ms: percentile(samples, 99),
});

const utcClock = (hours: number): string => {
  const date = new Date(Date.now() + hours * 3_600_000);
  return `${String(date.getUTCHours()).padStart(2, '0')}:${String(date.getUTCMinutes()).padStart(2, '0')}`;
};

type Team = { teamId: string; inboundSecret: string };

/** What the bench reads of `queue.next`'s answer: the lead on top, if any. */
const QueueTop = z.object({ entry: z.object({ lead: z.object({ id: z.string() }) }).nullable() });

/** Posts one signed inbound lead (the n-th) to `team`: when it was sent and answered, and the answer. */
const postInbound = async (url: string, team: Team, n: number, tag: string) => {
  const body = JSON.stringify({
    name: `Bench Lead ${tag}${n}`,
    phone: `+1202555${String(n % 10_000).padStart(4, '0')}`,
    email: `lead${tag}${n}@bench.example`,
    company: `Company ${n % 50}`,
    sourceDetail: 'bench form',
  });
  const timestamp = String(Math.floor(Date.now() / 1000));
  const signature = createHmac('sha256', team.inboundSecret).update(`${timestamp}.${body}`).digest('hex');
  const started = performance.now();
  const response = await fetch(new URL('/v1/leads/inbound', url), {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-dialdeck-team': team.teamId,
      'x-dialdeck-timestamp': timestamp,
      'x-dialdeck-signature': `v1=${signature}`,
    },
    body,
  });
  const answer = InboundLeadOutput.parse(await response.json());
  const answered = performance.now();
  if (response.status !== 201 || answer.ownerId === null || answer.duplicate)
    throw new Error(`bench post ${tag}${n} answered ${response.status} ${JSON.stringify(answer)}`);
  return { started, answered, leadId: answer.leadId, ownerId: answer.ownerId };
};

/** Resolves once `check` holds, trying every `everyMs`; throws `what` after `timeoutMs`. */
const until = async (check: () => boolean, what: string, timeoutMs = 20_000, everyMs = 10): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`bench: ${what} did not happen within ${timeoutMs} ms`);
    await new Promise((done) => setTimeout(done, everyMs));
  }
};

/** A rep's desktop: a real core on its own store, signed in, syncing in the background with the live stream open. */
const openDesktop = async (url: string, token: string): Promise<Core> => {
  const core = openCore({ dataDir: tempDir('dialdeck-bench-inbound-desktop-') });
  // The bench runs at any hour and on any day: the rep's calling window is the whole day, every day.
  const rules = await dispatch(core.handlers, 'queue.setRules', {
    window: { start: '00:00', end: '23:59' },
    businessDays: [1, 2, 3, 4, 5, 6, 7],
  });
  if (!rules.ok) throw new Error(`queue.setRules: ${rules.error.message}`);
  await core.sync.signIn(url, token);
  core.sync.start();
  await until(() => core.sync.status().state === 'online', 'the desktop coming online');
  return core;
};

/**
 * POST → the lead on top of the rep's desktop queue, one post at a time: `E2E_POSTS` measured after
 * `E2E_WARMUP`, on a team of its own with two reps on shift and both desktops live.
 */
const endToEnd = async (url: string, admin: string) => {
  const team = CreateTeamOutput.parse(
    (await request(url, 'POST', '/v1/teams', admin, { name: 'Bench live' })).body,
  );
  const desktops = new Map<string, Core>();
  // When each lead was first seen on top of its owner's queue, from the cores' `queue:changed` events.
  const onTop = new Map<string, number>();
  try {
    for (const email of ['cy@bench.example', 'di@bench.example']) {
      const rep = AddUserOutput.parse(
        (await request(url, 'POST', `/v1/teams/${team.teamId}/users`, admin, { email, role: 'rep' })).body,
      );
      await request(url, 'POST', `/v1/teams/${team.teamId}/shifts`, admin, {
        email,
        days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'],
        from: utcClock(-3),
        to: utcClock(3),
        timeZone: 'UTC',
      });
      const core = await openDesktop(url, rep.token);
      core.events.on('queue:changed', () => {
        void dispatch(core.handlers, 'queue.next', { at: Date.now() }).then((next) => {
          const top = next.ok ? QueueTop.parse(next.value).entry?.lead.id : undefined;
          if (top !== undefined && !onTop.has(top)) onTop.set(top, performance.now());
        });
      });
      desktops.set(rep.userId, core);
    }
    const toTop: number[] = [];
    const toAnswer: number[] = [];
    for (let n = 0; n < E2E_WARMUP + E2E_POSTS; n++) {
      const posted = await postInbound(url, team, n, 'live');
      const core = desktops.get(posted.ownerId);
      if (!core)
        throw new Error(`bench: lead ${posted.leadId} went to ${posted.ownerId}, who has no desktop here`);
      await until(() => onTop.has(posted.leadId), `lead ${n} reaching the top of its rep's queue`, 10_000, 1);
      if (n >= E2E_WARMUP) {
        toTop.push((onTop.get(posted.leadId) ?? 0) - posted.started);
        toAnswer.push(posted.answered - posted.started);
      }
      // The rep calls the lead: it leaves the top, and the outcome is pushed before the next post.
      const logged = await dispatch(core.handlers, 'outcomes.log', {
        leadId: posted.leadId,
        outcome: 'no_answer',
        note: 'Rang out',
      });
      if (!logged.ok) throw new Error(`outcomes.log: ${logged.error.message}`);
      await until(() => core.sync.status().pending === 0, 'the outcome being pushed');
      await new Promise((done) => setTimeout(done, 100 + Math.random() * 200));
    }
    return {
      posts: toTop.length,
      desktops: desktops.size,
      postToQueueTop: {
        ...summary(toTop),
        note: "signed POST sent → the lead is queue.next's entry on its rep's desktop core (live stream, pull, placed on its cadence)",
      },
      postToAnswered: summary(toAnswer),
    };
  } finally {
    for (const core of desktops.values()) core.close();
  }
};

export const run = async (): Promise<Record<string, unknown>> => {
  const adminDb = process.env.DIALDECK_BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? null;
  const databaseUrl = adminDb ? await freshDatabase(adminDb) : null;
  const server = await startServerProcess(
    databaseUrl
      ? ['--database-url', databaseUrl]
      : ['--data-dir', join(tempDir('dialdeck-bench-inbound-'), 'server')],
    { DIALDECK_SERVER_INBOUND_LIMIT: String(1_000_000), DIALDECK_SERVER_LOG_LEVEL: 'warn' },
  );
  const listener = databaseUrl ? new pg.Client({ connectionString: databaseUrl }) : null;
  try {
    const admin = server.adminToken ?? '';
    const team = CreateTeamOutput.parse(
      (await request(server.url, 'POST', '/v1/teams', admin, { name: 'Bench' })).body,
    );
    const reps: string[] = [];
    for (const email of ['ana@bench.example', 'bo@bench.example']) {
      const rep = AddUserOutput.parse(
        (await request(server.url, 'POST', `/v1/teams/${team.teamId}/users`, admin, { email, role: 'rep' }))
          .body,
      );
      reps.push(rep.userId);
      const shift = {
        email,
        days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'],
        from: utcClock(-3),
        to: utcClock(3),
        timeZone: 'UTC',
      };
      await request(server.url, 'POST', `/v1/teams/${team.teamId}/shifts`, admin, shift);
    }

    const committed = new Map<number, number>();
    if (listener) {
      await listener.connect();
      listener.on('notification', (message) => {
        const [teamId, version] = (message.payload ?? '').split(':');
        if (teamId === team.teamId) committed.set(Number(version), performance.now());
      });
      await listener.query(`LISTEN ${TEAM_CHANGE_CHANNEL}`);
    }

    let serial = 0;
    const post = () => postInbound(server.url, team, serial++, '');

    const health: number[] = [];
    for (let i = 0; i < 200; i++) {
      const started = performance.now();
      await fetch(new URL('/health', server.url)).then((r) => r.text());
      health.push(performance.now() - started);
    }

    for (let i = 0; i < WARMUP; i++) await post();
    // One at a time: each post's own latency. Versions are one per post, in order, so the n-th
    // post after the warm-up carries version (reps' set-up made none) WARMUP + n + 1.
    const sequential: { started: number; answered: number; ownerId: string }[] = [];
    for (let i = 0; i < POSTS; i++) sequential.push(await post());
    const versionOffset = WARMUP + 1;
    await new Promise((done) => setTimeout(done, 200));
    const toNotify = listener
      ? sequential.flatMap((s, i) => {
          const at = committed.get(versionOffset + i);
          return at === undefined ? [] : [at - s.started];
        })
      : [];

    // Several senders at once (forms on a busy campaign): latency under contention and throughput.
    const concurrentLatency: number[] = [];
    const burstStarted = performance.now();
    let remaining = POSTS;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (remaining-- > 0) {
          const s = await post();
          concurrentLatency.push(s.answered - s.started);
        }
      }),
    );
    const burstSeconds = (performance.now() - burstStarted) / 1000;

    const live = await endToEnd(server.url, admin);

    const owners = sequential.map((s) => s.ownerId);
    const postToCommitted = summary(sequential.map((s) => s.answered - s.started));
    const healthP95 = percentile(health, 95);
    return {
      database: databaseUrl ? 'external PostgreSQL (DATABASE_URL)' : 'built-in PostgreSQL',
      loadAverage1m: Number((loadavg()[0] ?? 0).toFixed(2)),
      posts: POSTS,
      postToCommitted: {
        ...postToCommitted,
        note: 'signed POST sent → 201 received; the server answers after the commit',
      },
      postToCommitSeenByListener: listener
        ? {
            ...summary(toNotify),
            note: 'signed POST sent → its change version NOTIFY received on another connection (delivered at commit)',
          }
        : 'no database URL: set DIALDECK_BENCH_DATABASE_URL or TEST_DATABASE_URL to measure',
      concurrent: {
        senders: CONCURRENCY,
        ...summary(concurrentLatency),
        leadsPerSecond: Number((POSTS / burstSeconds).toFixed(1)),
      },
      ceiling: {
        healthRoundTripP95Ms: healthP95,
        ratioPostToHealthP95: Number((postToCommitted.p95Ms / healthP95).toFixed(1)),
      },
      roundRobin: {
        [reps[0] ?? 'a']: owners.filter((o) => o === reps[0]).length,
        [reps[1] ?? 'b']: owners.filter((o) => o === reps[1]).length,
      },
      endToEnd: live,
      targets: TARGETS,
      met: {
        postToCommittedP95Ms: postToCommitted.p95Ms < TARGETS.postToCommittedP95Ms,
        postToQueueTopP95Ms: live.postToQueueTop.p95Ms < TARGETS.postToQueueTopP95Ms,
      },
    };
  } finally {
    await listener?.end().catch(() => {});
    await stopServer(server);
    await dropDatabases();
    removeDirs();
  }
};
