import pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, describe, expect, it } from 'vitest';
import { migrate } from '../../../src/server/db/migrate';
import { serverMigrations } from '../../../src/server/db/migrations';
import { channelResults } from '../../../src/server/reports/channels';
import { speedToLead } from '../../../src/server/reports/speed-to-lead';
import { dropDatabases, externalDatabase, freshDatabase } from './server-process';

// Debian's PostgreSQL (TEST_DATABASE_URL, set by .ci/run); skipped without it outside CI.
const adminUrl = externalDatabase();

afterAll(async () => {
  await dropDatabases();
});

const MINUTE = 60_000;
const DAY = 86_400_000;
const T0 = Date.parse('2026-03-01T12:00:00Z');

/**
 * Results by source channel as schema 9 counted them, from every lead's fields and every hand-off:
 * the definition the per-lead rollup of schema 12 must keep.
 */
const CHANNELS_FROM_LEADS = `
  WITH decided AS (
    SELECT lead_id, bool_or(decision = 'accepted') AS accepted, bool_or(decision = 'rejected') AS rejected
      FROM handoffs WHERE team_id = $1 GROUP BY lead_id)
  SELECT coalesce(l.fields->>'sourceChannel', 'other') AS source_channel,
         coalesce(l.fields->>'direction', 'outbound') AS direction,
         count(*)::int AS leads, (count(*) FILTER (WHERE t.dials > 0))::int AS dialed,
         coalesce(sum(t.connects), 0)::int AS connects, count(h.lead_id)::int AS mqls,
         (count(*) FILTER (WHERE h.accepted))::int AS sqls,
         (count(*) FILTER (WHERE h.rejected AND NOT h.accepted))::int AS rejected
    FROM leads l
    LEFT JOIN report_lead_totals t ON t.team_id = l.team_id AND t.lead_id = l.id
    LEFT JOIN decided h ON h.lead_id = l.id
   WHERE l.team_id = $1 AND l.created_at >= $2 AND l.created_at <= $3
   GROUP BY 1, 2 ORDER BY count(*) DESC, 1, 2`;

/** Speed to lead's arrivals as schema 9 found them: one probe of the lead's activities per arrival. */
const ARRIVALS_BY_PROBE = `
  SELECT i.lead_id, l.fields->>'name' AS lead_name, i.source_channel, l.owner_id, i.received_at::float8,
         fc.occurred_at::float8 AS first_call_at
    FROM inbound_leads i
    LEFT JOIN leads l ON l.team_id = i.team_id AND l.id = i.lead_id
    LEFT JOIN LATERAL (
      SELECT a.occurred_at FROM activities a
       WHERE a.team_id = i.team_id AND a.lead_id = i.lead_id AND a.occurred_at >= i.received_at
         AND a.occurred_at <= $3 AND a.kind = 'call'
         AND NOT EXISTS (SELECT 1 FROM activity_voids v WHERE v.team_id = a.team_id AND v.activity_id = a.id)
       ORDER BY a.occurred_at LIMIT 1) fc ON true
   WHERE i.team_id = $1 AND NOT i.duplicate AND i.received_at >= $2 AND i.received_at <= $3
   ORDER BY i.received_at DESC, i.lead_id`;

/** A small seeded generator (mulberry32), so a failing run can be repeated from its seed. */
const generator = (seed: number) => {
  let state = seed;
  const next = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)] as T;
  return { next, int, pick };
};

const OUTCOMES = [
  'no_answer',
  'voicemail',
  'busy',
  'gatekeeper',
  'meeting_booked',
  'qualified',
  'wrong_number',
];
const CHANNELS = ['web_form', 'event', 'referral', 'outbound_list'];

type Activity = {
  id: string;
  lead: string;
  user: string;
  kind: string;
  outcome: string;
  at: number;
  twilio?: boolean;
};

/** Writes rows straight into a team's tables, as the server's writers do, several per statement. */
const writer = (pool: pg.Pool, team: string) => {
  let version = 0;
  const v = () => ++version;
  return {
    lead: (id: string, owner: string, createdAt: number, channel?: string, direction?: string) =>
      pool.query(
        `INSERT INTO leads (team_id, id, owner_id, status, fields, created_at, updated_at, change_version)
         VALUES ($1, $2, $3, 'working', $4, $5, $5, $6)`,
        [
          team,
          id,
          owner,
          JSON.stringify({
            name: `Lead ${id.slice(-4)}`,
            ...(channel ? { sourceChannel: channel } : {}),
            ...(direction ? { direction } : {}),
          }),
          createdAt,
          v(),
        ],
      ),
    /** Sets a lead's channel and direction (an edit through sync merges fields the same way). */
    channel: (id: string, channel: string | null, direction: string) =>
      pool.query(
        `UPDATE leads SET fields = jsonb_strip_nulls(fields || jsonb_build_object('sourceChannel', $3::text,
           'direction', $4::text)), change_version = $5 WHERE team_id = $1 AND id = $2`,
        [team, id, channel, direction, v()],
      ),
    /** A lead moved to another rep (reassigned), with its `lead_moves` row. */
    move: async (id: string, to: string) => {
      const version = v();
      await pool.query('UPDATE leads SET owner_id = $3, change_version = $4 WHERE team_id = $1 AND id = $2', [
        team,
        id,
        to,
        version,
      ]);
      await pool.query(
        'INSERT INTO lead_moves (team_id, lead_id, from_user_id, to_user_id, change_version) VALUES ($1, $2, NULL, $3, $4)',
        [team, id, to, version],
      );
    },
    activities: (rows: readonly Activity[]) =>
      pool.query(
        `INSERT INTO activities (team_id, id, lead_id, user_id, mutation_id, kind, outcome, data, occurred_at, hlc,
           change_version, received_at)
         SELECT $1, r.id, r.lead, r.user, gen_random_uuid(), r.kind, r.outcome, r.data, r.at, 'h', $3, r.at
           FROM jsonb_to_recordset($2::jsonb) AS r(id uuid, lead uuid, "user" uuid, kind text, outcome text,
                data jsonb, at bigint)`,
        [
          team,
          JSON.stringify(
            rows.map((r) => ({
              ...r,
              data: r.twilio
                ? { provider: 'twilio', durationSeconds: 0 }
                : r.kind === 'call'
                  ? { durationSeconds: 30 }
                  : {},
            })),
          ),
          v(),
        ],
      ),
    void: (activityId: string, lead: string, user: string) =>
      pool.query(
        `INSERT INTO activity_voids (team_id, mutation_id, activity_id, lead_id, user_id, kind, reason, voided_at,
           hlc, change_version, received_at) VALUES ($1, $2, $3, $4, $5, 'void', NULL, 0, 'h', $6, 0)`,
        [team, uuidv7(), activityId, lead, user, v()],
      ),
    handoff: (id: string, lead: string, rep: string, at: number) =>
      pool.query(
        `INSERT INTO handoffs (team_id, id, lead_id, rep_id, summary, bant, next_step, profile_filled,
           profile_total, status_before, created_at, received_at, due_at, change_version)
         VALUES ($1, $2, $3, $4, 'Ready', '[]', 'Demo', 10, 15, 'working', $5::bigint, $5::bigint, $5::bigint + 172800000, $6)`,
        [team, id, lead, rep, at, v()],
      ),
    decide: (id: string, decision: 'accepted' | 'rejected', by: string) =>
      pool.query(
        `UPDATE handoffs SET decision = $3, decided_at = 1, decided_by = $4, reason = $5, change_version = $6
          WHERE team_id = $1 AND id = $2`,
        [team, id, decision, by, decision === 'rejected' ? 'No budget' : null, v()],
      ),
    miss: (id: string) =>
      pool.query(
        'UPDATE handoffs SET missed_at = due_at, change_version = $3 WHERE team_id = $1 AND id = $2',
        [team, id, v()],
      ),
    arrival: (lead: string, at: number, duplicate = false, channel = 'web_form') =>
      pool.query(
        `INSERT INTO inbound_leads (team_id, id, lead_id, duplicate, owner_id, routed, source_channel, source_detail,
           payload, received_at, change_version) VALUES ($1, $2, $3, $4, NULL, 'unassigned', $5, NULL, '{}', $6, $7)`,
        [team, uuidv7(), lead, duplicate, channel, at, v()],
      ),
  };
};

const newTeam = async (pool: pg.Pool, name: string) => {
  const team = uuidv7();
  const users = [uuidv7(), uuidv7(), uuidv7()];
  await pool.query('INSERT INTO teams VALUES ($1, $2, $3, 0)', [team, name, 'secret']);
  for (const [i, user] of users.entries()) {
    await pool.query('INSERT INTO users (id, team_id, email, role, created_at) VALUES ($1, $2, $3, $4, 0)', [
      user,
      team,
      `u${i}@${name.toLowerCase().replace(/\W/g, '')}.example`,
      i === 2 ? 'ae' : 'rep',
    ]);
  }
  return { team, reps: users.slice(0, 2) as string[], ae: users[2] as string };
};

/** The figures the channel report gives now must be those counted from every lead (schema 9's query). */
const expectChannelsAsBefore = async (pool: pg.Pool, team: string, at: number, days: number) => {
  const before = await pool.query(CHANNELS_FROM_LEADS, [team, at - days * DAY, at]);
  const now = await channelResults(pool, team, at, days);
  expect(
    now.channels.map(({ acceptanceRate: _, sourceChannel, direction, ...figures }) => ({
      source_channel: sourceChannel,
      direction,
      ...figures,
    })),
    `channels at ${at} over ${days} days`,
  ).toEqual(before.rows);
  return now;
};

/** The arrivals speed to lead lists now must be those a probe per arrival finds (schema 9's query). */
const expectArrivalsAsBefore = async (pool: pg.Pool, team: string, at: number, days: number) => {
  const before = await pool.query(ARRIVALS_BY_PROBE, [team, at - days * DAY, at]);
  const now = await speedToLead(pool, team, at, days);
  expect(
    now.leads.map((lead) => ({
      lead_id: lead.leadId,
      lead_name: lead.leadName,
      source_channel: lead.sourceChannel,
      owner_id: lead.owner?.userId ?? null,
      received_at: lead.arrivedAt,
      first_call_at: lead.firstCallAt,
    })),
    `arrivals at ${at} over ${days} days`,
  ).toEqual(before.rows);
  return now;
};

/**
 * Random work on a team: leads (some only after their activities), calls and emails in batches and
 * out of time order, voids (some before the activity they void), hand-offs decided either way or
 * missed, channel edits, reassignments, inbound arrivals (some returning).
 */
const randomWork = async (
  pool: pg.Pool,
  ids: Awaited<ReturnType<typeof newTeam>>,
  seed: number,
  steps: number,
) => {
  const rnd = generator(seed);
  const write = writer(pool, ids.team);
  const leads: string[] = [];
  const pending: string[] = Array.from({ length: 12 }, () => uuidv7());
  const activities: Activity[] = [];
  const handoffs: string[] = [];
  const at = () => T0 - 20 * DAY + rnd.int(30 * DAY);
  const someLead = () => rnd.pick([...leads, ...pending]);
  for (let step = 0; step < steps; step++) {
    const roll = rnd.int(100);
    if ((roll < 15 || leads.length < 3) && pending.length > 0) {
      const id = pending.pop() as string;
      leads.push(id);
      const channel = rnd.int(5) === 0 ? undefined : rnd.pick(CHANNELS);
      await write.lead(
        id,
        rnd.pick(ids.reps),
        at(),
        channel,
        rnd.int(4) === 0 ? undefined : rnd.pick(['inbound', 'outbound']),
      );
    } else if (roll < 50) {
      const batch = Array.from({ length: 1 + rnd.int(4) }, () => {
        const kind = rnd.int(6) === 0 ? 'email' : 'call';
        return {
          id: uuidv7(),
          lead: someLead(),
          user: rnd.pick(ids.reps),
          kind,
          outcome: kind === 'email' ? 'done' : rnd.pick(OUTCOMES),
          at: at(),
          twilio: kind === 'call' && rnd.int(8) === 0,
        };
      });
      activities.push(...batch);
      await write.activities(batch);
    } else if (roll < 60 && activities.length > 0) {
      const a = rnd.pick(activities);
      await write.void(a.id, a.lead, a.user);
    } else if (roll < 63) {
      // A void that arrives before the activity it voids.
      const a: Activity = {
        id: uuidv7(),
        lead: someLead(),
        user: rnd.pick(ids.reps),
        kind: 'call',
        outcome: 'qualified',
        at: at(),
      };
      await write.void(a.id, a.lead, a.user);
      activities.push(a);
      await write.activities([a]);
    } else if (roll < 72) {
      const id = uuidv7();
      handoffs.push(id);
      await write.handoff(id, someLead(), rnd.pick(ids.reps), at());
    } else if (roll < 80 && handoffs.length > 0) {
      const id = rnd.pick(handoffs);
      if (rnd.int(5) === 0) await write.miss(id);
      else await write.decide(id, rnd.int(3) === 0 ? 'rejected' : 'accepted', ids.ae);
    } else if (roll < 85 && leads.length > 0) {
      await write.channel(
        rnd.pick(leads),
        rnd.int(4) === 0 ? null : rnd.pick(CHANNELS),
        rnd.pick(['inbound', 'outbound']),
      );
    } else if (roll < 90 && leads.length > 0) {
      await write.move(rnd.pick(leads), rnd.pick(ids.reps));
    } else {
      await write.arrival(someLead(), at(), rnd.int(5) === 0, rnd.pick(CHANNELS));
    }
  }
  return write;
};

const moments = [T0, T0 - 5 * DAY, T0 - 12 * DAY + 7 * MINUTE, T0 + 20 * DAY];
const spans = [1, 7, 30, 365];

describe.skipIf(adminUrl === null)(
  'server schema 12 (per-lead channel results, first calls of arrivals)',
  () => {
    it('counts what a server held before it, then keeps the same figures as counting from every row', async () => {
      const pool = new pg.Pool({ connectionString: await freshDatabase(adminUrl ?? ''), max: 2 });
      try {
        await migrate(
          pool,
          serverMigrations.filter((m) => m.version < 12),
        );
        const teams = [await newTeam(pool, 'Rollups A'), await newTeam(pool, 'Rollups B')];
        const seed = Date.now() % 100_000;
        for (const [i, ids] of teams.entries()) await randomWork(pool, ids, seed + i, 150);

        // Schema 12 and every later one apply over the data a server held before it.
        expect(await migrate(pool)).toEqual(
          serverMigrations.filter((m) => m.version >= 12).map((m) => m.version),
        );
        for (const ids of teams) {
          for (const at of moments) {
            for (const days of spans) {
              await expectChannelsAsBefore(pool, ids.team, at, days);
              await expectArrivalsAsBefore(pool, ids.team, at, days);
            }
          }
        }
        // The triggers from here on, with the seed in the message of a failure.
        for (const [i, ids] of teams.entries()) await randomWork(pool, ids, seed + 10 + i, 300);
        for (const ids of teams) {
          for (const at of moments) {
            for (const days of spans) {
              await expectChannelsAsBefore(pool, ids.team, at, days);
              await expectArrivalsAsBefore(pool, ids.team, at, days);
            }
          }
        }
        // Neither team's figures hold the other's leads.
        const a = await channelResults(pool, teams[0]?.team ?? '', T0 + 20 * DAY, 365);
        const leadsOfA = await pool.query('SELECT count(*)::int AS n FROM leads WHERE team_id = $1', [
          teams[0]?.team,
        ]);
        expect(a.channels.reduce((sum, c) => sum + c.leads, 0)).toBe(leadsOfA.rows[0]?.n);
      } finally {
        await pool.end();
      }
    });

    it('takes a voided call out, follows a channel change, a reassignment and hand-off decisions, and falls back to the next call', async () => {
      const pool = new pg.Pool({ connectionString: await freshDatabase(adminUrl ?? ''), max: 2 });
      try {
        await migrate(pool);
        const ids = await newTeam(pool, 'Rollup paths');
        const [rep, other] = ids.reps as [string, string];
        const write = writer(pool, ids.team);
        const at = T0 + DAY;
        const channel = async (source: string, direction: string) =>
          (await expectChannelsAsBefore(pool, ids.team, at, 30)).channels.find(
            (c) => c.sourceChannel === source && c.direction === direction,
          );

        // A call logged before its lead reached the server counts once the lead does.
        const lead = uuidv7();
        const early: Activity = {
          id: uuidv7(),
          lead,
          user: rep,
          kind: 'call',
          outcome: 'meeting_booked',
          at: T0 + 5 * MINUTE,
        };
        await write.activities([early]);
        await write.lead(lead, rep, T0, 'web_form', 'inbound');
        await write.arrival(lead, T0);
        expect(await channel('web_form', 'inbound')).toMatchObject({
          leads: 1,
          dialed: 1,
          connects: 1,
          mqls: 0,
        });

        // First call: the earliest call at or after the arrival; a later-synced earlier call lowers it;
        // one before the arrival and an email do not count.
        const second: Activity = {
          id: uuidv7(),
          lead,
          user: rep,
          kind: 'call',
          outcome: 'no_answer',
          at: T0 + 9 * MINUTE,
        };
        await write.activities([
          second,
          { id: uuidv7(), lead, user: rep, kind: 'call', outcome: 'no_answer', at: T0 - MINUTE },
          { id: uuidv7(), lead, user: rep, kind: 'email', outcome: 'done', at: T0 + MINUTE },
        ]);
        const firstCall = async () =>
          (await expectArrivalsAsBefore(pool, ids.team, at, 30)).leads[0]?.msToFirstCall;
        expect(await firstCall()).toBe(5 * MINUTE);
        const third: Activity = {
          id: uuidv7(),
          lead,
          user: rep,
          kind: 'call',
          outcome: 'busy',
          at: T0 + 2 * MINUTE,
        };
        await write.activities([third]);
        expect(await firstCall()).toBe(2 * MINUTE);

        // Voids: the first call falls back to the next, then the one after; the lead's figures lose the call.
        await write.void(third.id, lead, rep);
        expect(await firstCall()).toBe(5 * MINUTE);
        await write.void(early.id, lead, rep);
        expect(await firstCall()).toBe(9 * MINUTE);
        expect(await channel('web_form', 'inbound')).toMatchObject({ dialed: 1, connects: 0 });
        await write.void(second.id, lead, rep);
        const waiting = await expectArrivalsAsBefore(pool, ids.team, at, 30);
        expect(waiting).toMatchObject({ arrived: 1, called: 0, waiting: 1 });
        expect(waiting.leads[0]?.waitingMs).toBe(at - T0);
        // Still dialed: the call before the arrival.
        expect(await channel('web_form', 'inbound')).toMatchObject({ dialed: 1, connects: 0 });
        // Read before the call: still waiting at that moment.
        const call: Activity = {
          id: uuidv7(),
          lead,
          user: rep,
          kind: 'call',
          outcome: 'qualified',
          at: T0 + 3 * MINUTE,
        };
        await write.activities([call]);
        expect(
          (await expectArrivalsAsBefore(pool, ids.team, T0 + 2 * MINUTE, 1)).leads[0]?.firstCallAt,
        ).toBeNull();
        expect(await firstCall()).toBe(3 * MINUTE);

        // Hand-offs: open is an MQL; rejected counts as rejected; accepted later makes it an SQL.
        const h1 = uuidv7();
        await write.handoff(h1, lead, rep, T0 + HOUR_MS);
        expect(await channel('web_form', 'inbound')).toMatchObject({
          mqls: 1,
          sqls: 0,
          rejected: 0,
          acceptanceRate: null,
        });
        await write.decide(h1, 'rejected', ids.ae);
        expect(await channel('web_form', 'inbound')).toMatchObject({
          mqls: 1,
          sqls: 0,
          rejected: 1,
          acceptanceRate: 0,
        });
        const h2 = uuidv7();
        await write.handoff(h2, lead, rep, T0 + 2 * HOUR_MS);
        await write.miss(h2);
        await write.decide(h2, 'accepted', ids.ae);
        expect(await channel('web_form', 'inbound')).toMatchObject({
          mqls: 1,
          sqls: 1,
          rejected: 0,
          acceptanceRate: 1,
        });

        // A reassignment changes nothing here; a channel edit moves the lead's figures to its new channel.
        await write.move(lead, other);
        expect(await channel('web_form', 'inbound')).toMatchObject({
          leads: 1,
          dialed: 1,
          connects: 1,
          sqls: 1,
        });
        await write.channel(lead, 'event', 'outbound');
        expect(await channel('web_form', 'inbound')).toBeUndefined();
        expect(await channel('event', 'outbound')).toMatchObject({
          leads: 1,
          dialed: 1,
          connects: 1,
          mqls: 1,
          sqls: 1,
        });
        await write.channel(lead, null, 'inbound');
        expect(await channel('other', 'inbound')).toMatchObject({ leads: 1, connects: 1 });
      } finally {
        await pool.end();
      }
    });
  },
);

const HOUR_MS = 60 * MINUTE;
