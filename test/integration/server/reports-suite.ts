import { formatHlc } from '@shared/hlc';
import { AddUserOutput, CreateTeamOutput } from '@shared/server/admin';
import {
  ChannelResults,
  DrillPage,
  ReportSettings,
  SlaBoard,
  SpeedToLead,
  TeamBoard,
  Trend,
} from '@shared/server/reports';
import { SYNC_PROTOCOL_VERSION } from '@shared/sync';
import { DateTime } from 'luxon';
import Papa from 'papaparse';
import pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { expect } from 'vitest';
import { signedPost } from './inbound-suite';
import { request } from './server-process';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** The board's moment: Wednesday 11 March 2026, 13:00 in Los Angeles (PDT, UTC−7, three days after DST began). */
const AT = Date.parse('2026-03-11T20:00:00Z');
const LA = 'America/Los_Angeles';
const SEOUL = 'Asia/Seoul';

/** Outcomes the test counts as a conversation (the built-in outcomes a person answers with). */
const CONVERSATIONS = new Set([
  'meeting_booked',
  'qualified',
  'not_interested',
  'callback',
  'do_not_contact',
]);
/** Outcomes where someone other than the prospect answered: a connect without a conversation. */
const SOMEONE_ELSE = new Set(['gatekeeper', 'wrong_number']);

type Rep = 'rep1' | 'rep2';
type Spec = {
  rep: Rep;
  lead: number;
  kind: 'call' | 'email' | 'skip';
  outcome: string;
  at: number;
  duration?: number;
  talk?: { rep: number; prospect: number };
  voided?: boolean;
  twilio?: boolean;
};

const iso = (text: string) => Date.parse(text);

/**
 * The activities, around the day boundaries of Los Angeles and of Seoul. Notes: `…T06:59:59.999Z` is
 * 23:59:59.999 the day before in LA; `2026-03-12T03:00Z` is still the 11th in LA though the 12th in UTC;
 * `2026-03-09T06:59Z` is Sunday night in LA, outside the week that starts on Monday the 9th.
 */
const SPECS: Spec[] = [
  { rep: 'rep1', lead: 0, kind: 'call', outcome: 'no_answer', at: iso('2026-03-11T07:00:00Z'), duration: 25 },
  {
    rep: 'rep1',
    lead: 0,
    kind: 'call',
    outcome: 'meeting_booked',
    at: iso('2026-03-11T16:30:00Z'),
    duration: 300,
  },
  {
    rep: 'rep1',
    lead: 1,
    kind: 'call',
    outcome: 'gatekeeper',
    at: iso('2026-03-11T17:00:00Z'),
    duration: 40,
  },
  { rep: 'rep1', lead: 1, kind: 'call', outcome: 'voicemail', at: iso('2026-03-11T17:05:00Z'), duration: 18 },
  { rep: 'rep1', lead: 2, kind: 'call', outcome: 'callback', at: iso('2026-03-12T03:00:00Z'), duration: 120 },
  {
    rep: 'rep1',
    lead: 2,
    kind: 'call',
    outcome: 'not_interested',
    at: iso('2026-03-11T18:00:00Z'),
    voided: true,
  },
  { rep: 'rep1', lead: 2, kind: 'email', outcome: 'done', at: iso('2026-03-11T18:10:00Z') },
  { rep: 'rep1', lead: 2, kind: 'skip', outcome: 'not_a_fit', at: iso('2026-03-11T18:20:00Z') },
  {
    rep: 'rep1',
    lead: 3,
    kind: 'call',
    outcome: 'qualified',
    at: iso('2026-03-11T06:59:59.999Z'),
    duration: 600,
  },
  { rep: 'rep1', lead: 3, kind: 'call', outcome: 'busy', at: iso('2026-03-09T06:59:00Z') },
  {
    rep: 'rep1',
    lead: 3,
    kind: 'call',
    outcome: 'wrong_number',
    at: iso('2026-03-09T07:00:00Z'),
    duration: 10,
  },
  {
    rep: 'rep1',
    lead: 4,
    kind: 'call',
    outcome: 'not_interested',
    at: iso('2026-03-11T19:00:00Z'),
    duration: 200,
    talk: { rep: 60, prospect: 140 },
  },
  { rep: 'rep1', lead: 4, kind: 'call', outcome: 'no_answer', at: iso('2026-03-11T19:00:00Z'), twilio: true },
  {
    rep: 'rep2',
    lead: 5,
    kind: 'call',
    outcome: 'do_not_contact',
    at: iso('2026-03-11T15:00:00Z'),
    duration: 90,
    talk: { rep: 45, prospect: 45 },
  },
  { rep: 'rep2', lead: 5, kind: 'call', outcome: 'no_answer', at: iso('2026-03-10T15:00:00Z') },
  { rep: 'rep2', lead: 6, kind: 'email', outcome: 'done', at: iso('2026-03-10T16:00:00Z') },
  { rep: 'rep2', lead: 6, kind: 'email', outcome: 'skipped', at: iso('2026-03-10T16:30:00Z') },
  { rep: 'rep2', lead: 6, kind: 'call', outcome: 'no_answer', at: iso('2026-01-20T16:00:00Z') },
];

type Expected = {
  dials: number;
  connects: number;
  conversations: number;
  talkSeconds: number;
  talkShare: number | null;
  voicemails: number;
  emails: number;
};

/** The figures counted here, by the rules docs/server.md states, for the specs that pass `keep`. */
const count = (keep: (spec: Spec) => boolean): Expected => {
  const counted = SPECS.filter((s) => keep(s) && !s.voided && !s.twilio);
  const calls = counted.filter((s) => s.kind === 'call');
  const talking = calls.filter((s) => s.talk);
  const rep = talking.reduce((sum, s) => sum + (s.talk?.rep ?? 0), 0);
  const prospect = talking.reduce((sum, s) => sum + (s.talk?.prospect ?? 0), 0);
  return {
    dials: calls.length,
    connects: calls.filter((s) => CONVERSATIONS.has(s.outcome) || SOMEONE_ELSE.has(s.outcome)).length,
    conversations: calls.filter((s) => CONVERSATIONS.has(s.outcome)).length,
    talkSeconds: calls.reduce((sum, s) => sum + (s.duration ?? 0), 0),
    talkShare: rep + prospect > 0 ? Math.round((rep / (rep + prospect)) * 10_000) / 10_000 : null,
    voicemails: calls.filter((s) => s.outcome === 'voicemail').length,
    emails: counted.filter((s) => s.kind === 'email' && s.outcome === 'done').length,
  };
};

/** The local calendar day of `at` in `zone`, and the Monday of its week (luxon, not the server's SQL). */
const localDay = (at: number, zone: string) => DateTime.fromMillis(at, { zone }).toISODate() ?? '';
const mondayOf = (at: number, zone: string) =>
  DateTime.fromMillis(at, { zone }).startOf('week').toISODate() ?? '';
const inToday = (zone: string) => (s: Spec) => localDay(s.at, zone) === localDay(AT, zone);
const inWeek = (zone: string) => (s: Spec) =>
  localDay(s.at, zone) >= mondayOf(AT, zone) && localDay(s.at, zone) <= localDay(AT, zone);

const stamp = (i: number) => formatHlc({ wall: Date.now(), counter: i }, '00000000000000aa');

const callData = (spec: Spec) => ({
  callbackAt: null,
  durationSeconds: spec.duration ?? null,
  taskId: null,
  enrollmentId: null,
  stepId: null,
  statusBefore: 'working',
  status: 'working',
});

const setUp = async (url: string, adminToken: string) => {
  const team = async (name: string) =>
    CreateTeamOutput.parse((await request(url, 'POST', '/v1/teams', adminToken, { name })).body);
  const user = async (teamId: string, email: string, role: string) =>
    AddUserOutput.parse(
      (await request(url, 'POST', `/v1/teams/${teamId}/users`, adminToken, { email, role })).body,
    );
  const a = await team('Reports A');
  const b = await team('Reports B');
  return {
    a,
    b,
    rep1: await user(a.teamId, 'ana@rep-a.example', 'rep'),
    rep2: await user(a.teamId, 'bo@rep-a.example', 'rep'),
    ae1: await user(a.teamId, 'ae1@rep-a.example', 'ae'),
    ae2: await user(a.teamId, 'ae2@rep-a.example', 'ae'),
    manager: await user(a.teamId, 'boss@rep-a.example', 'manager'),
    repB: await user(b.teamId, 'cy@rep-b.example', 'rep'),
    managerB: await user(b.teamId, 'boss@rep-b.example', 'manager'),
  };
};

const push = async (url: string, token: string, mutations: unknown[]) => {
  const pushed = await request(url, 'POST', '/v1/sync/push', token, {
    protocolVersion: SYNC_PROTOCOL_VERSION,
    mutations,
  });
  expect(pushed.status, JSON.stringify(pushed.body)).toBe(200);
  const results = (pushed.body as { results: { status: string }[] }).results;
  expect(results.map((r) => r.status)).toEqual(mutations.map(() => 'applied'));
};

const get = async (url: string, token: string, path: string) => {
  const answer = await request(url, 'GET', path, token);
  expect(answer.status, `${path}: ${JSON.stringify(answer.body)}`).toBe(200);
  return answer.body;
};

const csvOf = async (url: string, token: string, path: string, accept?: string) => {
  const response = await fetch(new URL(path, url), {
    headers: { authorization: `Bearer ${token}`, ...(accept ? { accept } : {}) },
  });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
  // Read as bytes: fetch's text() drops a byte-order mark, which spreadsheets need to read UTF-8.
  const bytes = Buffer.from(await response.arrayBuffer());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return Papa.parse<Record<string, string>>(bytes.subarray(3).toString('utf8').trim(), { header: true }).data;
};

/** A JSON figure as the CSV writes it: null is an empty cell. */
const cell = (value: unknown) => (value === null || value === undefined ? '' : String(value));

/**
 * The reports end to end on a running server started with the test routes, with `databaseUrl` its
 * database: a rep's activities pushed through sync (and a few rows written as the other writers do:
 * Twilio's call record, a call with talk/listen figures) give the team board's figures counted here
 * independently, at the day boundaries of the team's time zone, before and after the zone changes;
 * voids take a call away once; the trend, the drill-down (paged) and the CSV exports agree with the
 * board; speed to lead over real inbound posts; the SLA board over real hand-offs and a missed
 * window; results by source channel; and every route refused to reps, AEs, no token and other teams.
 */
export const checkReports = async (url: string, adminToken: string, databaseUrl: string): Promise<void> => {
  const users = await setUp(url, adminToken);
  const { a, rep1, rep2, ae1, manager, managerB, repB } = users;
  const tokenOf: Record<Rep, string> = { rep1: rep1.token, rep2: rep2.token };
  const userOf: Record<Rep, string> = { rep1: rep1.userId, rep2: rep2.userId };
  const db = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  try {
    const leads = Array.from({ length: 8 }, () => uuidv7());
    const channels: [string, string][] = [
      ['outbound_list', 'outbound'],
      ['outbound_list', 'outbound'],
      ['event', 'inbound'],
      ['event', 'inbound'],
      ['outbound_list', 'outbound'],
      ['referral', 'outbound'],
      ['referral', 'outbound'],
      ['outbound_list', 'outbound'],
    ];
    for (const [i, id] of leads.entries()) {
      const [sourceChannel, direction] = channels[i] as [string, string];
      await db.query(
        `INSERT INTO leads (team_id, id, owner_id, status, fields, created_at, updated_at, change_version)
         VALUES ($1, $2, $3, 'working', $4, $5, $5, 0)`,
        [
          a.teamId,
          id,
          i < 5 ? rep1.userId : rep2.userId,
          JSON.stringify({ name: `Lead ${i}`, status: 'working', sourceChannel, direction }),
          AT - 30 * 86_400_000,
        ],
      );
    }

    // The activities: pushed through sync as desktops do, except the two the push schema does not carry.
    const ids = SPECS.map(() => uuidv7());
    for (const [i, spec] of SPECS.entries()) {
      const id = ids[i] as string;
      const leadId = leads[spec.lead] as string;
      if (spec.talk || spec.twilio) {
        const data = spec.twilio
          ? { provider: 'twilio', callSid: `CA${i}`, status: 'no-answer', durationSeconds: 0 }
          : { ...callData(spec), talk: talkOf(spec) };
        await db.query(
          `INSERT INTO activities (team_id, id, lead_id, user_id, mutation_id, kind, outcome, note, data,
             occurred_at, hlc, change_version, received_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, NULL, $8, $9, $10, 0, $9)`,
          [
            a.teamId,
            id,
            leadId,
            userOf[spec.rep],
            uuidv7(),
            spec.kind,
            spec.outcome,
            data,
            spec.at,
            stamp(i),
          ],
        );
        continue;
      }
      const args =
        spec.kind === 'skip'
          ? { id, leadId, reason: spec.outcome, note: null, occurredAt: spec.at }
          : {
              id,
              leadId,
              kind: spec.kind,
              outcome: spec.outcome,
              body: `note ${i}`,
              data:
                spec.kind === 'call'
                  ? callData(spec)
                  : { taskId: uuidv7(), enrollmentId: null, stepId: null },
              occurredAt: spec.at,
            };
      await push(url, tokenOf[spec.rep], [
        { id: uuidv7(), name: spec.kind === 'skip' ? 'lead.skip' : 'activity.create', args, hlc: stamp(i) },
      ]);
    }
    // The voided call, voided twice (an undo, then a void from the history): taken away once.
    const voidedIndex = SPECS.findIndex((s) => s.voided);
    const voidOf = (kind: 'undo' | 'void') => ({
      id: uuidv7(),
      name: 'activity.void',
      args: {
        id: ids[voidedIndex],
        leadId: leads[2],
        kind,
        reason: 'logged on the wrong lead',
        voidedAt: AT,
      },
      hlc: stamp(100),
    });
    await push(url, rep1.token, [voidOf('undo')]);
    await push(url, rep1.token, [voidOf('void')]);

    // Two MQLs handed off by rep1 today (LA), one by rep2 on Monday: pushed hand-offs.
    const handoff = (leadId: string, createdAt: number) => ({
      id: uuidv7(),
      name: 'handoff.create',
      args: {
        id: uuidv7(),
        leadId,
        summary: 'Ready for a demo',
        bant: [{ criterion: 'budget', confirmed: true, note: 'Q2 budget' }],
        nextStep: 'Demo',
        suggestedAe: null,
        profileFilled: 10,
        profileTotal: 15,
        statusBefore: 'working',
        createdAt,
      },
      hlc: stamp(200),
    });
    const h0 = handoff(leads[0] as string, iso('2026-03-11T17:30:00Z'));
    const h3 = handoff(leads[3] as string, iso('2026-03-11T18:30:00Z'));
    const h5 = handoff(leads[5] as string, iso('2026-03-09T17:00:00Z'));
    await push(url, rep1.token, [h0, h3]);
    await push(url, rep2.token, [h5]);

    // The board in Los Angeles time.
    expect(
      ReportSettings.parse(
        (await request(url, 'PUT', '/v1/reports/settings', manager.token, { timeZone: LA })).body,
      ),
    ).toMatchObject({ timeZone: LA, targets: { dials: 60, talkShare: 0.3 } });
    const checkBoard = async (zone: string, mqls: Record<Rep, { today: number; week: number }>) => {
      const board = TeamBoard.parse(await get(url, manager.token, `/v1/reports/team-board?at=${AT}`));
      expect(board.timeZone).toBe(zone);
      expect(board.today.from).toBe(localDay(AT, zone));
      expect(board.week.from).toBe(mondayOf(AT, zone));
      expect(board.reps.map((r) => r.email)).toEqual(['ana@rep-a.example', 'bo@rep-a.example']);
      for (const rep of ['rep1', 'rep2'] as const) {
        const row = board.reps.find((r) => r.userId === userOf[rep]);
        const mine = (s: Spec) => s.rep === rep;
        expect(row?.today).toEqual({
          ...count((s) => mine(s) && inToday(zone)(s)),
          mqls: mqls[rep].today,
        });
        expect(row?.week).toEqual({ ...count((s) => mine(s) && inWeek(zone)(s)), mqls: mqls[rep].week });
      }
      expect(board.team.today).toEqual({
        ...count(inToday(zone)),
        mqls: mqls.rep1.today + mqls.rep2.today,
      });
      return board;
    };
    const board = await checkBoard(LA, { rep1: { today: 2, week: 2 }, rep2: { today: 0, week: 1 } });
    // Figures written out, so a rule the counter above shares with the server cannot hide a mistake.
    expect(board.reps[0]?.today).toEqual({
      dials: 6,
      connects: 4,
      conversations: 3,
      talkSeconds: 25 + 300 + 40 + 18 + 120 + 200,
      talkShare: 0.3,
      voicemails: 1,
      emails: 1,
      mqls: 2,
    });
    expect(board.targets.week).toMatchObject({ dials: 300, talkShare: 0.3 });

    // CSV (by ?format=csv and by Accept) matches the JSON cell by cell.
    for (const [path, accept] of [
      [`/v1/reports/team-board?at=${AT}&format=csv`, undefined],
      [`/v1/reports/team-board?at=${AT}`, 'text/csv'],
    ] as const) {
      const rows = await csvOf(url, manager.token, path, accept);
      for (const rep of board.reps) {
        for (const period of ['today', 'week'] as const) {
          const row = rows.find((r) => r.userId === rep.userId && r.period === period);
          expect(row).toMatchObject(
            Object.fromEntries(Object.entries(rep[period]).map(([key, value]) => [key, cell(value)])),
          );
        }
      }
      expect(rows.find((r) => r.email === 'team' && r.period === 'today')).toMatchObject({
        dials: cell(board.team.today.dials),
      });
    }

    // The drill-down lists exactly the calls behind a cell, newest first, in pages that do not overlap.
    const behind = async (metric: string, rep: Rep, from: string, to: string) => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page = DrillPage.parse(
          await get(
            url,
            manager.token,
            `/v1/reports/activities?metric=${metric}&from=${from}&to=${to}&userId=${userOf[rep]}&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
          ),
        );
        expect(page.items.length).toBeLessThanOrEqual(2);
        seen.push(...page.items.map((item) => item.id));
        cursor = page.nextCursor;
      } while (cursor !== null);
      return seen;
    };
    const today = localDay(AT, LA);
    const rep1Today = (s: Spec) => s.rep === 'rep1' && inToday(LA)(s) && !s.voided && !s.twilio;
    const idsWhere = (keep: (s: Spec) => boolean) =>
      SPECS.flatMap((s, i) => (keep(s) ? [{ id: ids[i] as string, at: s.at }] : []))
        .sort((x, y) => y.at - x.at || (y.id < x.id ? -1 : 1))
        .map((x) => x.id);
    expect(await behind('dials', 'rep1', today, today)).toEqual(
      idsWhere((s) => rep1Today(s) && s.kind === 'call'),
    );
    expect(await behind('connects', 'rep1', today, today)).toEqual(
      idsWhere(
        (s) =>
          rep1Today(s) && s.kind === 'call' && (CONVERSATIONS.has(s.outcome) || SOMEONE_ELSE.has(s.outcome)),
      ),
    );
    expect(await behind('emails', 'rep2', board.week.from, today)).toEqual(
      idsWhere((s) => s.rep === 'rep2' && s.kind === 'email' && s.outcome === 'done'),
    );
    expect(await behind('mqls', 'rep1', today, today)).toEqual([h3.args.id, h0.args.id]);
    const talkRow = DrillPage.parse(
      await get(
        url,
        manager.token,
        `/v1/reports/activities?metric=dials&from=${today}&to=${today}&limit=500`,
      ),
    ).items.find((item) => item.id === ids[11]);
    expect(talkRow).toMatchObject({ durationSeconds: 200, repTalkShare: 0.3, leadName: 'Lead 4' });
    const drillCsv = await csvOf(
      url,
      manager.token,
      `/v1/reports/activities?metric=dials&from=${today}&to=${today}&userId=${rep1.userId}&limit=500&format=csv`,
    );
    expect(drillCsv.map((r) => r.id)).toEqual(idsWhere((s) => rep1Today(s) && s.kind === 'call'));
    // Times on the team's clock: 16:30 UTC is 09:30 in Los Angeles (PDT), with its offset.
    expect(drillCsv.find((r) => r.id === ids[1])?.occurredAt).toBe('2026-03-11T09:30:00.000-07:00');
    expect(
      DrillPage.parse(
        await get(url, manager.token, `/v1/reports/activities?metric=dials&from=${today}&to=${today}`),
      ).timeZone,
    ).toBe(LA);
    const badCursor = await request(
      url,
      'GET',
      `/v1/reports/activities?metric=dials&from=${today}&to=${today}&cursor=nonsense`,
      manager.token,
    );
    expect(badCursor).toMatchObject({ status: 400, body: { error: { code: 'invalid_input' } } });

    // The 90-day trend: every day listed; its days sum to what the board shows for the same days.
    const trend = Trend.parse(await get(url, manager.token, `/v1/reports/trend?at=${AT}`));
    expect(trend.days).toHaveLength(90);
    expect(trend.to).toBe(today);
    const dayOfTrend = (date: string) => trend.days.find((d) => d.date === date);
    expect(dayOfTrend(today)).toMatchObject({ ...board.team.today, date: today });
    expect(dayOfTrend('2026-01-20')).toMatchObject({ dials: 1, connects: 0 });
    expect(trend.days.reduce((sum, d) => sum + d.dials, 0)).toBe(count(() => true).dials);
    const rep2Trend = Trend.parse(
      await get(url, manager.token, `/v1/reports/trend?at=${AT}&days=7&userId=${rep2.userId}`),
    );
    expect(rep2Trend.days.map((d) => d.date)).toEqual(
      Array.from({ length: 7 }, (_, i) =>
        DateTime.fromISO(today)
          .minus({ days: 6 - i })
          .toISODate(),
      ),
    );
    expect(rep2Trend.days.reduce((sum, d) => sum + d.emails, 0)).toBe(1);
    const trendCsv = await csvOf(url, manager.token, `/v1/reports/trend?at=${AT}&format=csv`);
    expect(trendCsv.map((r) => [r.date, r.dials, r.talkShare])).toEqual(
      trend.days.map((d) => [d.date, cell(d.dials), cell(d.talkShare)]),
    );

    // The team moves to Seoul: the days are recounted on Seoul's calendar (the 12th there at AT).
    await request(url, 'PUT', '/v1/reports/settings', manager.token, { timeZone: SEOUL });
    await checkBoard(SEOUL, { rep1: { today: 2, week: 2 }, rep2: { today: 0, week: 1 } });
    // An activity arriving now counts on Seoul's days (rep2's call at 15:00Z is Seoul's midnight: today).
    await push(url, rep2.token, [
      {
        id: uuidv7(),
        name: 'activity.create',
        args: {
          id: uuidv7(),
          leadId: leads[6],
          kind: 'call',
          outcome: 'qualified',
          body: null,
          data: callData({ rep: 'rep2', lead: 6, kind: 'call', outcome: 'qualified', at: 0, duration: 30 }),
          occurredAt: iso('2026-03-11T15:30:00Z'),
        },
        hlc: stamp(300),
      },
    ]);
    const seoul = TeamBoard.parse(await get(url, manager.token, `/v1/reports/team-board?at=${AT}`));
    expect(seoul.reps.find((r) => r.userId === rep2.userId)?.today).toMatchObject({
      dials: 2,
      conversations: 2,
      talkSeconds: 90 + 30,
    });
    await request(url, 'PUT', '/v1/reports/settings', manager.token, { timeZone: LA });

    // Speed to lead over real inbound posts: one called after 4 minutes, one after 20, one waiting.
    const posted: string[] = [];
    for (const [i, name] of ['Di Moss', 'Ed Kahn', 'Fay Wu'].entries()) {
      const sent = await (
        await signedPost(url, a.teamId, a.inboundSecret, {
          name,
          email: `lead${i}@inbound.example`,
          sourceDetail: 'pricing form',
        })
      ).send();
      expect(sent.status, JSON.stringify(sent.body)).toBe(201);
      posted.push((sent.body as { leadId: string }).leadId);
    }
    const arrivals = await db.query<{ lead_id: string; received_at: string }>(
      'SELECT lead_id, received_at FROM inbound_leads WHERE team_id = $1',
      [a.teamId],
    );
    const arrivedAt = new Map(arrivals.rows.map((r) => [r.lead_id, Number(r.received_at)]));
    const callAfter = (leadIndex: number, ms: number, outcome = 'no_answer') => ({
      id: uuidv7(),
      name: 'activity.create',
      args: {
        id: uuidv7(),
        leadId: posted[leadIndex],
        kind: 'call',
        outcome,
        body: null,
        data: callData({ rep: 'rep1', lead: 0, kind: 'call', outcome, at: 0 }),
        occurredAt: (arrivedAt.get(posted[leadIndex] as string) ?? 0) + ms,
      },
      hlc: stamp(400),
    });
    await push(url, rep1.token, [
      callAfter(0, 4 * MINUTE),
      callAfter(0, 9 * MINUTE),
      callAfter(1, 20 * MINUTE),
    ]);
    const now = Date.now() + HOUR;
    const speed = SpeedToLead.parse(await get(url, manager.token, `/v1/reports/speed-to-lead?at=${now}`));
    expect(speed).toMatchObject({
      arrived: 3,
      called: 2,
      waiting: 1,
      percentiles: { p50: 4 * MINUTE, p90: 20 * MINUTE, p95: 20 * MINUTE },
    });
    expect(speed.buckets.map((b) => b.count)).toEqual([1, 0, 1, 0, 0, 0]);
    const waiting = speed.leads.find((l) => l.leadId === posted[2]);
    expect(waiting).toMatchObject({ leadName: 'Fay Wu', firstCallAt: null, sourceChannel: 'web_form' });
    expect(waiting?.waitingMs).toBe(now - (arrivedAt.get(posted[2] as string) ?? 0));
    const speedCsv = await csvOf(url, manager.token, `/v1/reports/speed-to-lead?at=${now}&format=csv`);
    expect(speedCsv.map((r) => [r.leadId, r.msToFirstCall, r.waitingMs])).toEqual(
      speed.leads.map((l) => [l.leadId, cell(l.msToFirstCall), cell(l.waitingMs)]),
    );
    expect(speedCsv.map((r) => r.arrivedAt)).toEqual(
      speed.leads.map((l) => DateTime.fromMillis(l.arrivedAt, { zone: LA }).toISO()),
    );
    // Voiding a first call (pushed as desktops do) makes the lead's next call its first.
    const firstCalls = [callAfter(0, 2 * MINUTE), callAfter(0, 6 * MINUTE)];
    await push(url, rep1.token, firstCalls);
    const firstOf = async () =>
      SpeedToLead.parse(await get(url, manager.token, `/v1/reports/speed-to-lead?at=${now}`)).leads.find(
        (l) => l.leadId === posted[0],
      )?.msToFirstCall;
    expect(await firstOf()).toBe(2 * MINUTE);
    for (const [i, call] of firstCalls.entries()) {
      await push(url, rep1.token, [
        {
          id: uuidv7(),
          name: 'activity.void',
          args: { id: call.args.id, leadId: posted[0], kind: 'undo', reason: null, voidedAt: now },
          hlc: stamp(500 + i),
        },
      ]);
    }
    expect(await firstOf()).toBe(4 * MINUTE);

    // Results by source channel, counted from the leads above.
    const decided = (await get(url, ae1.token, '/v1/handoffs')) as {
      handoffs: { id: string; leadId: string }[];
    };
    const mine = decided.handoffs.map((h) => h.id);
    // Round-robin gave ae1 the first and third hand-off (h0, h5); accept h0, reject h5.
    expect(mine.sort()).toEqual([h0.args.id, h5.args.id].sort());
    expect((await request(url, 'POST', `/v1/handoffs/${h0.args.id}/accept`, ae1.token, {})).status).toBe(200);
    expect(
      (await request(url, 'POST', `/v1/handoffs/${h5.args.id}/reject`, ae1.token, { reason: 'No budget' }))
        .status,
    ).toBe(200);
    const results = ChannelResults.parse(
      await get(url, manager.token, `/v1/reports/channels?at=${now}&days=365`),
    );
    const channel = (source: string, direction: string) =>
      results.channels.find((c) => c.sourceChannel === source && c.direction === direction);
    expect(channel('outbound_list', 'outbound')).toEqual({
      sourceChannel: 'outbound_list',
      direction: 'outbound',
      leads: 4,
      dialed: 3,
      connects: 3,
      mqls: 1,
      sqls: 1,
      rejected: 0,
      acceptanceRate: 1,
    });
    expect(channel('referral', 'outbound')).toMatchObject({
      leads: 2,
      dialed: 2,
      connects: 2,
      mqls: 1,
      sqls: 0,
      rejected: 1,
      acceptanceRate: 0,
    });
    expect(channel('event', 'inbound')).toMatchObject({
      leads: 2,
      dialed: 2,
      connects: 3,
      mqls: 1,
      sqls: 0,
      acceptanceRate: null,
    });
    expect(channel('web_form', 'inbound')).toMatchObject({ leads: 3, dialed: 2, connects: 0 });
    expect(results.directions.find((d) => d.direction === 'inbound')).toMatchObject({ leads: 5, dialed: 4 });
    const channelsCsv = await csvOf(url, manager.token, `/v1/reports/channels?at=${now}&days=365&format=csv`);
    expect(channelsCsv).toHaveLength(results.channels.length);
    expect(channelsCsv[0]).toMatchObject({
      sourceChannel: results.channels[0]?.sourceChannel,
      leads: cell(results.channels[0]?.leads),
      acceptanceRate: cell(results.channels[0]?.acceptanceRate),
    });

    // The SLA board: h3 open with ae2; 49 hours later it is a miss.
    const sla = SlaBoard.parse(await get(url, manager.token, '/v1/reports/sla'));
    expect(sla.aes.map((ae) => ae.email)).toEqual(['ae1@rep-a.example', 'ae2@rep-a.example']);
    const ae2Row = sla.aes[1];
    expect(ae2Row?.open.map((h) => h.handoffId)).toEqual([h3.args.id]);
    expect(ae2Row?.open[0]?.msLeft).toBeGreaterThan(47 * HOUR);
    expect(ae2Row).toMatchObject({ missesThisMonth: 0, missesTotal: 0, outUntil: null });
    expect(sla.aes[0]?.open).toEqual([]);
    expect((await request(url, 'POST', '/v1/test/clock', adminToken, { offsetMs: 49 * HOUR })).status).toBe(
      200,
    );
    const late = SlaBoard.parse(await get(url, manager.token, '/v1/reports/sla'));
    expect(late.aes[1]?.open[0]).toMatchObject({ handoffId: h3.args.id, msLeft: 0, missed: true });
    expect(late.aes[1]).toMatchObject({ missesTotal: 1, outUntil: null });
    const slaCsv = await csvOf(url, manager.token, '/v1/reports/sla?format=csv');
    expect(slaCsv.find((r) => r.handoffId === h3.args.id)).toMatchObject({
      aeEmail: 'ae2@rep-a.example',
      msLeft: '0',
      missed: 'true',
      missesTotal: '1',
    });
    await request(url, 'POST', '/v1/test/clock', adminToken, { offsetMs: 0 });

    // Who may look: managers of the team only, each on their own team, request by request.
    const routes = [
      '/v1/reports/settings',
      `/v1/reports/team-board?at=${AT}`,
      '/v1/reports/trend',
      '/v1/reports/speed-to-lead',
      '/v1/reports/sla',
      '/v1/reports/channels',
      `/v1/reports/activities?metric=dials&from=${today}&to=${today}`,
      `/v1/reports/team-board?at=${AT}&format=csv`,
    ];
    for (const path of routes) {
      for (const token of [rep1.token, ae1.token, repB.token]) {
        expect(await request(url, 'GET', path, token), path).toMatchObject({
          status: 403,
          body: { error: { code: 'forbidden' } },
        });
      }
      expect((await request(url, 'GET', path)).status, path).toBe(401);
      expect((await request(url, 'GET', path, adminToken)).status, path).toBe(403);
    }
    expect((await request(url, 'PUT', '/v1/reports/settings', rep1.token, { timeZone: SEOUL })).status).toBe(
      403,
    );
    // Team B's manager sees team B only: no rep of A, no activity of A, A's zone unchanged.
    const boardB = TeamBoard.parse(await get(url, managerB.token, `/v1/reports/team-board?at=${AT}`));
    expect(boardB.reps.map((r) => r.email)).toEqual(['cy@rep-b.example']);
    expect(boardB.team.week.dials).toBe(0);
    const drillB = DrillPage.parse(
      await get(
        url,
        managerB.token,
        `/v1/reports/activities?metric=dials&from=${board.week.from}&to=${today}&userId=${rep1.userId}`,
      ),
    );
    expect(drillB.items).toEqual([]);
    expect(SpeedToLead.parse(await get(url, managerB.token, '/v1/reports/speed-to-lead')).arrived).toBe(0);
    expect(SlaBoard.parse(await get(url, managerB.token, '/v1/reports/sla')).aes).toEqual([]);
    await request(url, 'PUT', '/v1/reports/settings', managerB.token, { timeZone: SEOUL });
    expect(ReportSettings.parse(await get(url, manager.token, '/v1/reports/settings')).timeZone).toBe(LA);
    // Bad input says what to fix.
    const badZone = await request(url, 'PUT', '/v1/reports/settings', manager.token, {
      timeZone: 'Mars/Olympus',
    });
    expect(badZone).toMatchObject({ status: 400, body: { error: { code: 'invalid_input' } } });
    expect(JSON.stringify(badZone.body)).toMatch(/IANA time zone/);
    const badMetric = await request(
      url,
      'GET',
      `/v1/reports/activities?metric=hugs&from=${today}&to=${today}`,
      manager.token,
    );
    expect(badMetric).toMatchObject({ status: 400, body: { error: { code: 'invalid_input' } } });
    const swapped = await request(
      url,
      'GET',
      `/v1/reports/activities?metric=dials&from=${today}&to=2026-03-01`,
      manager.token,
    );
    expect(swapped).toMatchObject({ status: 400, body: { error: { code: 'invalid_input' } } });
  } finally {
    await db.end();
  }
};

const talkOf = (spec: Spec) => ({
  durationSeconds: spec.duration ?? 0,
  repTalkSeconds: spec.talk?.rep ?? 0,
  prospectTalkSeconds: spec.talk?.prospect ?? 0,
  repTalkShare: spec.talk ? spec.talk.rep / (spec.talk.rep + spec.talk.prospect) : null,
  longestRepMonologueSeconds: 10,
  meanPatienceSeconds: 2.5,
  interruptions: 1,
});
