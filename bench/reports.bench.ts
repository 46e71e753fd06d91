// The manager's boards on a team of REPS reps with DAYS days of activity (about ACTIVITIES activities,
// seeded straight into PostgreSQL with generate_series, so the rollup triggers run as they do for
// pushes, a statement at a time), against a real server process (the built CLI's `server start` on
// the built-in PostgreSQL, or DIALDECK_BENCH_DATABASE_URL when set). Figures: seconds to seed, to
// recount the rollup after a time-zone change, and per route p50/p95 latency (ms) over ROUNDS requests
// through HTTP with a manager's token (target: every route's p95 < 200 ms), plus the latency of a push of
// one call while the team holds that many activities. Needs `npm run build` first.
import { join } from 'node:path';
import { formatHlc } from '@shared/hlc';
import { AddUserOutput, CreateTeamOutput } from '@shared/server/admin';
import { SYNC_PROTOCOL_VERSION } from '@shared/sync/protocol';
import { DateTime } from 'luxon';
import pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import {
  embeddedDatabaseUrl,
  removeDirs,
  request,
  startServerProcess,
  stopServer,
  tempDir,
} from '../test/integration/server/server-process';

const REPS = Number(process.env.DIALDECK_BENCH_REPORTS_REPS ?? 50);
const DAYS = Number(process.env.DIALDECK_BENCH_REPORTS_DAYS ?? 90);
const ACTIVITIES = Number(process.env.DIALDECK_BENCH_REPORTS_ACTIVITIES ?? 2_000_000);
const LEADS = Number(process.env.DIALDECK_BENCH_REPORTS_LEADS ?? 40_000);
const ROUNDS = Number(process.env.DIALDECK_BENCH_REPORTS_ROUNDS ?? 40);
/** Rows per seeding statement: each is one run of the rollup trigger. */
const CHUNK = 100_000;
const DAY = 86_400_000;
const TARGET_P95_MS = 200;
const ZONE = 'America/New_York';

const stats = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)] ?? 0;
  const round = (n: number) => Math.round(n * 10) / 10;
  return { p50Ms: round(at(0.5)), p95Ms: round(at(0.95)), maxMs: round(at(1)) };
};

/** Seeds the team's leads, activities, hand-offs and inbound arrivals, spread evenly over DAYS days before `now`. */
export const seed = async (
  db: pg.Pool,
  teamId: string,
  reps: string[],
  aes: string[],
  now: number,
): Promise<number> => {
  const start = now - DAYS * DAY;
  await db.query(
    `INSERT INTO leads (team_id, id, owner_id, status, fields, created_at, updated_at, change_version)
     SELECT $1, md5('lead' || i)::uuid, ($2::uuid[])[1 + i % cardinality($2::uuid[])], 'working',
            jsonb_build_object('name', 'Lead ' || i, 'status', 'working',
              'sourceChannel', (ARRAY['outbound_list', 'web_form', 'event', 'content_download', 'referral', 'ads'])[1 + i % 6],
              'direction', CASE WHEN i % 6 IN (1, 2, 3) THEN 'inbound' ELSE 'outbound' END),
            $3 + i::bigint * $4 / $5, $3 + i::bigint * $4 / $5, 0
       FROM generate_series(0, $5 - 1) i`,
    [teamId, reps, start, DAYS * DAY, LEADS],
  );
  for (let from = 0; from < ACTIVITIES; from += CHUNK) {
    const to = Math.min(ACTIVITIES, from + CHUNK) - 1;
    await db.query(
      `INSERT INTO activities (team_id, id, lead_id, user_id, mutation_id, kind, outcome, note, data,
         occurred_at, hlc, change_version, received_at)
       SELECT $1, gen_random_uuid(), md5('lead' || (g % $5))::uuid,
              ($2::uuid[])[1 + g % cardinality($2::uuid[])], gen_random_uuid(),
              CASE WHEN g % 20 < 17 THEN 'call' WHEN g % 20 < 19 THEN 'email' ELSE 'skip' END,
              CASE WHEN g % 20 < 17 THEN (ARRAY['no_answer', 'no_answer', 'no_answer', 'voicemail', 'busy',
                     'gatekeeper', 'meeting_booked', 'not_interested', 'callback', 'qualified', 'wrong_number'])[1 + (g / 20) % 11]
                   WHEN g % 20 < 19 THEN 'done' ELSE 'not_a_fit' END,
              CASE WHEN g % 3 = 0 THEN 'Spoke briefly; follow up next week' END,
              CASE WHEN g % 20 < 17 THEN jsonb_build_object('durationSeconds', g % 300, 'callbackAt', NULL,
                     'taskId', NULL, 'enrollmentId', NULL, 'stepId', NULL, 'statusBefore', 'working', 'status', 'working')
                     || CASE WHEN g % 5 = 0 THEN jsonb_build_object('talk', jsonb_build_object('durationSeconds', g % 300,
                          'repTalkSeconds', g % 90, 'prospectTalkSeconds', g % 170 + 1, 'repTalkShare', NULL,
                          'longestRepMonologueSeconds', 12, 'meanPatienceSeconds', 2.1, 'interruptions', 1))
                        ELSE '{}'::jsonb END
                   WHEN g % 20 < 19 THEN jsonb_build_object('taskId', gen_random_uuid(), 'enrollmentId', NULL, 'stepId', NULL)
              END,
              $3 + g::bigint * $4 / $6, '0000000000000:00000:00000000000000aa', 0, $3 + g::bigint * $4 / $6
         FROM generate_series($7::bigint, $8::bigint) g`,
      [teamId, reps, start, DAYS * DAY, LEADS, ACTIVITIES, from, to],
    );
  }
  const handoffs = REPS * DAYS * 2;
  await db.query(
    `INSERT INTO handoffs (team_id, id, lead_id, rep_id, ae_id, summary, bant, next_step, profile_filled,
       profile_total, status_before, created_at, received_at, due_at, decided_at, decided_by, decision, reason,
       change_version)
     SELECT $1, gen_random_uuid(), md5('lead' || (i * 7 % $5::int))::uuid, ($2::uuid[])[1 + i % cardinality($2::uuid[])],
            ($3::uuid[])[1 + i % cardinality($3::uuid[])], 'Ready for a demo', '[]'::jsonb, 'Demo', 10, 15, 'working',
            t, t, t + 172800000,
            CASE WHEN t < $7::bigint - 172800000 THEN t + 3600000 END,
            CASE WHEN t < $7::bigint - 172800000 THEN ($3::uuid[])[1 + i % cardinality($3::uuid[])] END,
            CASE WHEN t < $7::bigint - 172800000 THEN (CASE WHEN i % 4 = 0 THEN 'rejected' ELSE 'accepted' END) END,
            CASE WHEN t < $7::bigint - 172800000 AND i % 4 = 0 THEN 'No budget' END, 0
       FROM generate_series(0, $6::int - 1) i, LATERAL (SELECT $4::bigint + i::bigint * ($7::bigint - $4::bigint) / $6::int AS t) AS at`,
    [teamId, reps, aes, start, LEADS, handoffs, now],
  );
  const arrivals = Math.round(LEADS / 6);
  await db.query(
    `INSERT INTO inbound_leads (team_id, id, lead_id, duplicate, owner_id, routed, source_channel, source_detail,
       payload, received_at, change_version)
     SELECT $1, gen_random_uuid(), md5('lead' || (i * 6 + 1))::uuid, false, ($2::uuid[])[1 + i % cardinality($2::uuid[])],
            'on_shift', 'web_form', 'pricing form', '{}'::jsonb, $3 + i::bigint * $4 / $5, 0
       FROM generate_series(0, $5 - 1) i`,
    [teamId, reps, start, DAYS * DAY, arrivals],
  );
  await db.query('ANALYZE');
  return handoffs;
};

/**
 * A real server process (on `DIALDECK_BENCH_DATABASE_URL`, or the built-in PostgreSQL in a temp
 * folder) with one team of REPS reps, 5 AEs and a manager, seeded by `seed` at `now`. `close` stops it.
 */
export const startSeededTeam = async (name: string) => {
  const database = process.env.DIALDECK_BENCH_DATABASE_URL;
  const dataDir = join(tempDir('dialdeck-bench-reports-'), 'server');
  // 56 users are added at once: above the token routes' default limit of 30 a minute.
  const server = await startServerProcess(database ? ['--database-url', database] : ['--data-dir', dataDir], {
    DIALDECK_SERVER_TOKEN_ROUTE_LIMIT: '1000',
  });
  const db = new pg.Pool({ connectionString: database ?? embeddedDatabaseUrl(dataDir), max: 2 });
  const close = async () => {
    await db.end();
    await stopServer(server);
    removeDirs();
  };
  try {
    const admin = server.adminToken ?? '';
    const team = CreateTeamOutput.parse(
      (await request(server.url, 'POST', '/v1/teams', admin, { name })).body,
    );
    const add = async (email: string, role: string) =>
      AddUserOutput.parse(
        (await request(server.url, 'POST', `/v1/teams/${team.teamId}/users`, admin, { email, role })).body,
      );
    const reps = [];
    for (let i = 0; i < REPS; i++) reps.push(await add(`rep${i}@bench.example`, 'rep'));
    const aes = [];
    for (let i = 0; i < 5; i++) aes.push(await add(`ae${i}@bench.example`, 'ae'));
    const manager = await add('manager@bench.example', 'manager');
    const now = Date.now();
    const seedStarted = performance.now();
    const handoffs = await seed(
      db,
      team.teamId,
      reps.map((r) => r.userId),
      aes.map((a) => a.userId),
      now,
    );
    const seedSeconds = (performance.now() - seedStarted) / 1000;
    return { database, server, db, team, reps, manager, now, handoffs, seedSeconds, close };
  } catch (error) {
    await close();
    throw error;
  }
};

export const run = async (): Promise<Record<string, unknown>> => {
  const { database, server, db, team, reps, manager, now, handoffs, seedSeconds, close } =
    await startSeededTeam('Reports bench');
  try {
    const zoneStarted = performance.now();
    const zone = await request(server.url, 'PUT', '/v1/reports/settings', manager.token, { timeZone: ZONE });
    if (zone.status !== 200) throw new Error(`PUT /v1/reports/settings: ${JSON.stringify(zone.body)}`);
    const recountSeconds = (performance.now() - zoneStarted) / 1000;
    const counted = await db.query<{ activities: string; days: string; lead_totals: string }>(
      `SELECT (SELECT count(*) FROM activities WHERE team_id = $1) AS activities,
              (SELECT count(*) FROM report_rep_days WHERE team_id = $1) AS days,
              (SELECT count(*) FROM report_lead_totals WHERE team_id = $1) AS lead_totals`,
      [team.teamId],
    );

    const today = DateTime.fromMillis(now, { zone: ZONE }).toISODate() ?? '';
    const monday = DateTime.fromMillis(now, { zone: ZONE }).startOf('week').toISODate() ?? today;
    const rep0 = reps[0]?.userId ?? '';
    const routes: Record<string, string> = {
      teamBoard: '/v1/reports/team-board',
      teamBoardCsv: '/v1/reports/team-board?format=csv',
      trendTeam90: '/v1/reports/trend?days=90',
      trendRep90: `/v1/reports/trend?days=90&userId=${rep0}`,
      speedToLead30: '/v1/reports/speed-to-lead?days=30',
      sla: '/v1/reports/sla',
      channels90: '/v1/reports/channels?days=90',
      drillRepToday: `/v1/reports/activities?metric=dials&from=${today}&to=${today}&userId=${rep0}`,
      drillTeamWeekConnects: `/v1/reports/activities?metric=connects&from=${monday}&to=${today}`,
    };
    const latency: Record<string, ReturnType<typeof stats>> = {};
    for (const [name, path] of Object.entries(routes)) {
      const times: number[] = [];
      for (let round = -3; round < ROUNDS; round++) {
        const started = performance.now();
        const response = await fetch(new URL(path, server.url), {
          headers: { authorization: `Bearer ${manager.token}` },
        });
        await response.arrayBuffer();
        if (response.status !== 200) throw new Error(`${path}: ${response.status}`);
        if (round >= 0) times.push(performance.now() - started);
      }
      latency[name] = stats(times);
    }

    // A call pushed while the team holds every activity above: the rollup triggers' cost in a push.
    const pushTimes: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const rep = reps[i % reps.length];
      const started = performance.now();
      const pushed = await request(server.url, 'POST', '/v1/sync/push', rep?.token, {
        protocolVersion: SYNC_PROTOCOL_VERSION,
        mutations: [
          {
            id: uuidv7(),
            name: 'activity.create',
            args: {
              id: uuidv7(),
              leadId: uuidv7(),
              kind: 'call',
              outcome: 'no_answer',
              body: null,
              data: {
                callbackAt: null,
                durationSeconds: 12,
                taskId: null,
                enrollmentId: null,
                stepId: null,
                statusBefore: 'working',
                status: 'working',
              },
              occurredAt: Date.now(),
            },
            hlc: formatHlc({ wall: Date.now(), counter: i }, '00000000000000bb'),
          },
        ],
      });
      if (pushed.status !== 200) throw new Error(`push: ${JSON.stringify(pushed.body)}`);
      pushTimes.push(performance.now() - started);
    }

    const board = latency.teamBoard;
    const slowest = Object.entries(latency).sort(([, a], [, b]) => b.p95Ms - a.p95Ms)[0];
    return {
      reps: REPS,
      days: DAYS,
      activities: Number(counted.rows[0]?.activities),
      leads: LEADS,
      handoffs,
      rollupRepDays: Number(counted.rows[0]?.days),
      rollupLeads: Number(counted.rows[0]?.lead_totals),
      seedSeconds: Number(seedSeconds.toFixed(1)),
      activitiesSeededPerSecond: Math.round(ACTIVITIES / seedSeconds),
      timeZoneRecountSeconds: Number(recountSeconds.toFixed(2)),
      rounds: ROUNDS,
      latency,
      pushOneCall: stats(pushTimes),
      targetP95Ms: TARGET_P95_MS,
      teamBoardMeetsTarget: (board?.p95Ms ?? Number.POSITIVE_INFINITY) < TARGET_P95_MS,
      slowestRoute: slowest ? { route: slowest[0], p95Ms: slowest[1].p95Ms } : null,
      everyRouteMeetsTarget: Object.values(latency).every((route) => route.p95Ms < TARGET_P95_MS),
      database: database ? 'external' : 'embedded',
    };
  } finally {
    await close();
  }
};
