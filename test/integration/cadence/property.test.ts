import ct from 'countries-and-timezones';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../../src/main/core';
import { toTask } from '../../../src/main/core/queue/lead-state';
import { toEnrollment } from '../../../src/main/core/queue/services';
import type { Enrollment } from '../../../src/shared/domain/cadence';
import type { CallingRules, QueueEntry, Task } from '../../../src/shared/domain/queue';
import { DAY, type Harness, HOUR, MINUTE, openHarness } from './helpers';

/**
 * Random leads, zones, do-not-contact entries, rules, outcomes and instants, checked against an oracle
 * that reads the raw tables and the wall clock (luxon) instead of the engine's own counters.
 */
const ZONES = [
  'America/New_York',
  'America/New_York',
  'America/Chicago',
  'America/Los_Angeles',
  'Europe/London',
  'Europe/Berlin',
  'Asia/Shanghai',
  'Asia/Seoul',
  'Australia/Sydney',
  null,
] as const;
const COUNTRIES = ['US', 'AU', 'GB', null] as const;
const STATUSES = [
  'new',
  'new',
  'new',
  'new',
  'working',
  'working',
  'nurture',
  'won',
  'disqualified',
] as const;
const OUTCOMES = [
  'no_answer',
  'no_answer',
  'voicemail',
  'busy',
  'gatekeeper',
  'callback',
  'not_interested',
  'meeting_booked',
  'wrong_number',
  'bad_number',
  'do_not_contact',
];
const CHANNELS = ['web_form', 'hotline', 'event', 'outbound_list', 'referral'] as const;

const leadSpec = fc.record({
  zone: fc.constantFrom(...ZONES),
  country: fc.constantFrom(...COUNTRIES),
  inbound: fc.boolean(),
  channel: fc.constantFrom(...CHANNELS),
  status: fc.constantFrom(...STATUSES),
  hasPhone: fc.double({ min: 0, max: 1, noNaN: true }).map((p) => p < 0.9),
  domain: fc.constantFrom('a.example', 'b.example', 'c.example'),
  ageMinutes: fc.integer({ min: 0, max: 7 * 24 * 60 }),
  fit: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
});

const rulesSpec = fc
  .record({
    start: fc.integer({ min: 6, max: 10 }),
    end: fc.integer({ min: 17, max: 22 }),
    days: fc.subarray([1, 2, 3, 4, 5, 6, 7], { minLength: 1 }),
    gap: fc.integer({ min: 0, max: 180 }),
    perDay: fc.integer({ min: 1, max: 4 }),
    total: fc.integer({ min: 2, max: 8 }),
  })
  .map(
    (r): Partial<CallingRules> => ({
      window: { start: `${String(r.start).padStart(2, '0')}:00`, end: `${r.end}:00` },
      businessDays: r.days,
      holidays: ['2025-07-04', '2025-12-25'],
      minRetryGapMinutes: r.gap,
      maxAttemptsPerDay: r.perDay,
      maxAttemptsTotal: r.total,
    }),
  );

const actionSpec = fc.record({
  advance: fc.oneof(
    { arbitrary: fc.integer({ min: 0, max: 90 }), weight: 4 },
    { arbitrary: fc.integer({ min: 60, max: 3 * 24 * 60 }), weight: 1 },
  ),
  op: fc.constantFrom('next', 'next', 'next', 'random', 'todos', 'reserve'),
  outcome: fc.constantFrom(...OUTCOMES),
  pick: fc.nat(),
  callbackMinutes: fc.integer({ min: 0, max: 2 * 24 * 60 }),
});

const scenario = fc.record({
  // Any day of a year with both DST changes, mostly while the Americas and Europe are at work.
  start: fc
    .record({
      day: fc.integer({ min: 0, max: 364 }),
      minute: fc.integer({ min: 0, max: 24 * 60 - 1 }),
      work: fc.boolean(),
    })
    .map(
      ({ day, minute, work }) =>
        Date.parse('2025-01-01T00:00:00Z') + day * DAY + (work ? 13 * 60 + (minute % 420) : minute) * MINUTE,
    ),
  leads: fc.array(leadSpec, { minLength: 3, maxLength: 16, size: 'medium' }),
  dncPhones: fc.array(fc.nat({ max: 15 }), { maxLength: 3 }),
  dncDomain: fc.boolean(),
  rules: rulesSpec,
  actions: fc.array(actionSpec, { minLength: 5, maxLength: 30, size: 'medium' }),
});
type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

const phoneOf = (i: number) => `+1202555${String(1000 + i)}`;

const build = async (s: Scenario): Promise<{ h: Harness; ids: string[] }> => {
  const h = await openHarness(s.start, s.rules);
  // Outbound leads get a cadence that retries within minutes, so the retry gap and the daily and
  // total limits are what holds them back.
  await h.call('cadences.save', {
    cadence: {
      name: 'Rapid redial',
      rule: { direction: 'outbound' },
      priority: 1,
      steps: [
        {
          id: 'dial',
          kind: 'call',
          title: 'Dial again',
          maxAttempts: 20,
          on: Object.fromEntries(
            ['no_answer', 'busy', 'voicemail', 'gatekeeper'].map((id) => [
              id,
              { action: 'retry', wait: { amount: 5, unit: 'minutes' } },
            ]),
          ),
        },
        { id: 'mail', kind: 'email', title: 'Email' },
      ],
    },
  });
  const ids = s.leads.map((spec, i) =>
    h.lead(
      {
        name: `L${i}`,
        email: `l${i}@${spec.domain}`,
        phones: spec.hasPhone ? [{ e164: phoneOf(i), ext: null, label: null, raw: phoneOf(i) }] : [],
        timeZone: spec.zone,
        country: spec.zone ? null : spec.country,
        direction: spec.inbound ? 'inbound' : 'outbound',
        sourceChannel: spec.channel,
        status: spec.status,
      },
      { at: s.start - spec.ageMinutes * MINUTE },
    ),
  );
  for (const [i, spec] of s.leads.entries()) {
    if (spec.fit !== null) await h.call('queue.setFit', { leadId: ids[i] as string, fit: spec.fit });
  }
  const entries = [
    ...s.dncPhones.map((i) => ({ kind: 'phone' as const, value: phoneOf(i) })),
    ...(s.dncDomain ? [{ kind: 'domain' as const, value: 'b.example' }] : []),
  ];
  if (entries.length) await h.call('dnc.add', { entries });
  return { h, ids };
};

type Limits = { minRetryGapMinutes: number; maxAttemptsPerDay: number; maxAttemptsTotal: number };

/** Independent reading of the rules for a surfaced lead, from the raw tables and luxon. */
const assertCallable = (core: Core, rules: CallingRules, entry: QueueEntry, at: number) => {
  const db = core.db;
  const lead = db
    .prepare<
      [string],
      { status: string; email: string | null; time_zone: string | null; country: string | null }
    >('SELECT status, email, time_zone, country FROM leads WHERE id = ?')
    .get(entry.lead.id);
  if (!lead) throw new Error('surfaced a lead that does not exist');
  expect(['new', 'working', 'nurture']).toContain(lead.status);

  const phones = db
    .prepare<[string], string>('SELECT e164 FROM lead_phones WHERE lead_id = ?')
    .pluck()
    .all(entry.lead.id);
  expect(phones.length).toBeGreaterThan(0);
  const email = lead.email?.toLowerCase() ?? '';
  const dnc = db.prepare<[], { kind: string; value: string }>('SELECT kind, value FROM dnc').all();
  for (const d of dnc) {
    const hit =
      (d.kind === 'phone' && phones.includes(d.value)) ||
      (d.kind === 'email' && d.value === email) ||
      (d.kind === 'domain' && email.endsWith(`@${d.value}`));
    expect(hit, `on the do-not-contact list: ${d.kind} ${d.value}`).toBe(false);
  }

  const zones = lead.time_zone
    ? [lead.time_zone]
    : lead.country
      ? (ct.getTimezonesForCountry(lead.country) ?? []).map((z) => z.name)
      : ['?'];
  expect(zones).not.toContain('?');
  const [startH = 0, startM = 0] = rules.window.start.split(':').map(Number);
  const [endH = 0, endM = 0] = rules.window.end.split(':').map(Number);
  for (const zone of zones) {
    const local = DateTime.fromMillis(at, { zone });
    const minute = local.hour * 60 + local.minute;
    expect(rules.businessDays, `business day in ${zone}`).toContain(local.weekday);
    expect(rules.holidays).not.toContain(local.toISODate());
    expect(minute, `inside the window in ${zone}`).toBeGreaterThanOrEqual(startH * 60 + startM);
    expect(minute, `inside the window in ${zone}`).toBeLessThan(endH * 60 + endM);
  }

  const task = db
    .prepare<[string], { kind: string; due_at: number; state: string; enrollment_id: string | null }>(
      "SELECT kind, due_at, state, enrollment_id FROM tasks WHERE lead_id = ? AND state IN ('open', 'paused')",
    )
    .get(entry.lead.id);
  expect(task?.state).toBe('open');
  expect(task?.due_at).toBeLessThanOrEqual(at);
  expect(['call', 'voicemail', 'callback']).toContain(task?.kind);

  const own = db
    .prepare<[string], { limits: string }>(
      "SELECT c.limits FROM enrollments e JOIN cadences c ON c.id = e.cadence_id WHERE e.lead_id = ? AND e.state IN ('active', 'paused')",
    )
    .get(entry.lead.id);
  const limits: Limits = { ...rules, ...(own ? (JSON.parse(own.limits) as Partial<Limits>) : {}) };
  if (task?.kind !== 'callback') {
    const calls = db
      .prepare<[string], number>(
        "SELECT occurred_at FROM activities WHERE lead_id = ? AND kind = 'call' ORDER BY occurred_at",
      )
      .pluck()
      .all(entry.lead.id);
    const last = calls.at(-1);
    if (last !== undefined)
      expect(last + limits.minRetryGapMinutes * MINUTE, 'retry gap').toBeLessThanOrEqual(at);
    expect(calls.length, 'total attempts').toBeLessThan(limits.maxAttemptsTotal);
    const dayZone = lead.time_zone ?? (rules.repTimeZone as string);
    const today = DateTime.fromMillis(at, { zone: dayZone }).toISODate();
    const todays = calls.filter((c) => DateTime.fromMillis(c, { zone: dayZone }).toISODate() === today);
    expect(todays.length, 'attempts today').toBeLessThan(limits.maxAttemptsPerDay);
  }
  const held = db
    .prepare<[string], { reserved_by: string | null; reserved_until: number | null }>(
      'SELECT reserved_by, reserved_until FROM lead_queue WHERE lead_id = ?',
    )
    .get(entry.lead.id);
  if (held?.reserved_by) expect(held.reserved_until ?? 0).toBeLessThanOrEqual(at);
};

/** After an outcome: exactly one next task on a live enrollment, or a finished one with none. */
const assertOneNextStep = (core: Core, leadId: string, enrollment: { id: string; state: string } | null) => {
  const live = core.db
    .prepare<[string], { enrollment_id: string | null; kind: string }>(
      "SELECT enrollment_id, kind FROM tasks WHERE lead_id = ? AND state IN ('open', 'paused')",
    )
    .all(leadId);
  const enrollments = core.db
    .prepare<[string], string>(
      "SELECT id FROM enrollments WHERE lead_id = ? AND state IN ('active', 'paused')",
    )
    .pluck()
    .all(leadId);
  expect(enrollments.length).toBeLessThanOrEqual(1);
  if (enrollment && enrollment.state !== 'finished') {
    expect(live).toEqual([expect.objectContaining({ enrollment_id: enrollment.id })]);
  } else if (enrollment) {
    expect(live.filter((t) => t.enrollment_id === enrollment.id)).toEqual([]);
    expect(enrollments).toEqual([]);
  }
  // Without a cadence a lead can only hold a callback.
  if (enrollments.length === 0)
    expect(live.every((t) => t.kind === 'callback' && t.enrollment_id === null)).toBe(true);
};

/**
 * What an outcome answers is what the store now holds, and the outbox row it wrote tells the server
 * each task and enrollment exactly as stored.
 */
const assertReported = (
  core: Core,
  leadId: string,
  logged: { nextTask: Task | null; enrollment: Enrollment | null },
) => {
  const now = core.dialing.engine.status(leadId);
  expect(logged.nextTask).toEqual(now.task);
  if (logged.enrollment)
    expect(now.history.find((e) => e.id === logged.enrollment?.id)).toEqual(logged.enrollment);
  const row = core.db
    .prepare<[], { name: string; args: string }>('SELECT name, args FROM outbox ORDER BY seq DESC LIMIT 1')
    .get();
  if (row?.name !== 'outcome.log' && row?.name !== 'task.complete') return;
  const latest = new Map<string, { name: string; args: { id: string } }>();
  for (const change of (JSON.parse(row.args) as { changes: { name: string; args: { id: string } }[] })
    .changes)
    latest.set(`${change.name}:${change.args.id}`, change);
  for (const { name, args } of latest.values()) {
    if (name === 'task.put') {
      const stored = core.dialing.svc.tasks.byId(args.id);
      expect(args).toEqual(stored ? toTask(stored) : null);
    } else if (name === 'enrollment.put') {
      const stored = core.dialing.svc.leads.enrollmentById(args.id);
      expect(args).toEqual(stored ? toEnrollment(stored) : null);
    }
  }
};

describe('the queue under random leads, zones, outcomes and instants', () => {
  it('never surfaces a blocked lead, agrees with the explainer, and leaves one next step per outcome', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async (s) => {
        const a = await build(s);
        const b = await build(s);
        const rules = await a.h.call('queue.rules', {});
        let at = s.start;
        for (const action of s.actions) {
          at += action.advance * MINUTE;
          a.h.setNow(at);
          b.h.setNow(at);
          const list = (await a.h.call('queue.list', { at, limit: 100 })).entries;
          // The same inputs give the same order: the same store asked twice, and a twin store.
          expect((await a.h.call('queue.list', { at, limit: 100 })).entries).toEqual(list);
          const twin = (await b.h.call('queue.list', { at, limit: 100 })).entries;
          expect(twin.map((e) => e.lead.name)).toEqual(list.map((e) => e.lead.name));

          for (const entry of list) assertCallable(a.h.core, rules, entry, at);
          const listed = new Set(list.map((e) => e.lead.id));
          for (const id of a.ids) {
            const why = await a.h.call('queue.why', { leadId: id, at });
            expect(why.callable, `why agrees with the queue for ${id}`).toBe(listed.has(id));
            if (!why.callable && why.callableAt !== null) {
              expect(why.callableAt).toBeGreaterThan(at);
              expect((await a.h.call('queue.why', { leadId: id, at: why.callableAt })).callable).toBe(true);
            }
          }

          if (action.op === 'todos') {
            for (const [store, other] of [
              [a, b],
              [b, a],
            ] as const) {
              const due = await store.h.call('tasks.list', { at });
              for (const todo of due.slice(0, 3)) {
                const done = await store.h.call('tasks.complete', {
                  taskId: todo.task.id,
                  result: 'done',
                  at,
                });
                assertReported(store.h.core, todo.lead.id, done);
              }
              void other;
            }
            continue;
          }
          if (action.op === 'reserve') {
            const index = action.pick % a.ids.length;
            for (const store of [a, b]) {
              store.h.core.db
                .prepare(`INSERT INTO lead_queue (lead_id, reserved_by, reserved_until, updated_at) VALUES (?, 'rep-9', ?, ?)
                  ON CONFLICT(lead_id) DO UPDATE SET reserved_by = excluded.reserved_by, reserved_until = excluded.reserved_until`)
                .run(store.ids[index], at + action.callbackMinutes * MINUTE, at);
            }
            continue;
          }
          const index =
            action.op === 'next'
              ? list.length > 0
                ? a.ids.indexOf(list[0]?.lead.id as string)
                : -1
              : action.pick % a.ids.length;
          if (index < 0) continue;
          for (const store of [a, b]) {
            const leadId = store.ids[index] as string;
            const facts = store.h.core.dialing.svc.leads.mustFacts(leadId);
            if (
              facts.status === 'do_not_contact' ||
              store.h.core.dialing.svc.leads.dncMatches(facts).length > 0
            ) {
              // Do-not-contact is absolute: the outcome is refused and nothing is written.
              const activities = store.h.core.db.prepare('SELECT count(*) AS n FROM activities').get();
              const refused = await store.h.fail('outcomes.log', { leadId, outcome: action.outcome, at });
              expect(refused.code).toBe('lead_do_not_contact');
              expect(store.h.core.db.prepare('SELECT count(*) AS n FROM activities').get()).toEqual(
                activities,
              );
              continue;
            }
            const logged = await store.h.call('outcomes.log', {
              leadId,
              outcome: action.outcome,
              at,
              callbackAt: action.outcome === 'callback' ? at + action.callbackMinutes * MINUTE : undefined,
            });
            assertOneNextStep(store.h.core, leadId, logged.enrollment);
            assertReported(store.h.core, leadId, logged);
            if (logged.enrollment?.state === 'finished')
              expect(logged.nextTask?.enrollmentId ?? null).not.toBe(logged.enrollment.id);
          }
        }
        a.h.core.close();
        b.h.core.close();
      }),
      { numRuns: Number(process.env.DIALDECK_PROPERTY_RUNS ?? 30), endOnFailure: true },
    );
  }, 240_000);

  it('keeps answers stable across instants near DST changes', async () => {
    const starts = [
      '2025-03-09T06:30:00Z',
      '2025-03-30T00:30:00Z',
      '2025-11-02T05:30:00Z',
      '2025-10-26T00:30:00Z',
    ];
    for (const iso of starts) {
      const s: Scenario = {
        start: Date.parse(iso),
        leads: ZONES.map((zone, i) => ({
          zone,
          country: 'US',
          inbound: i % 2 === 0,
          channel: 'web_form',
          status: 'new',
          hasPhone: true,
          domain: 'a.example',
          ageMinutes: 60,
          fit: null,
        })),
        dncPhones: [],
        dncDomain: false,
        rules: {
          window: { start: '00:30', end: '02:30' },
          businessDays: [1, 2, 3, 4, 5, 6, 7],
          holidays: [],
          minRetryGapMinutes: 0,
          maxAttemptsPerDay: 50,
          maxAttemptsTotal: 500,
        },
        actions: [],
      };
      const { h } = await build(s);
      const rules = await h.call('queue.rules', {});
      for (let at = s.start; at < s.start + 3 * HOUR; at += 5 * MINUTE) {
        for (const entry of (await h.call('queue.list', { at, limit: 100 })).entries)
          assertCallable(h.core, rules, entry, at);
      }
      expect(s.start + DAY).toBeGreaterThan(s.start);
    }
  });
});
