import { describe, expect, it } from 'vitest';
import type { CreatedLead } from '../../../src/main/core/cadence/bulk-enroll';
import type { NewLead } from '../../../src/main/core/leads/repo';
import { DAY, type Harness, HOUR, MINUTE, openHarness, phone, utc } from './helpers';

// Friday 7 March 2025, 16:00 UTC: a business-day wait from here crosses a weekend and, in the US,
// the start of daylight saving time (Sunday 9 March).
const T = utc('2025-03-07T16:00:00Z');
const EVENT_CADENCE_ID = '0190a000-0000-7000-8000-0000000e0e01';

type Spec = { name: string; lead: Partial<NewLead>; ageMinutes: number };

/** Leads of every kind the first step depends on: zone, country, channel, direction, status, phones. */
const SPECS: Spec[] = [
  ['America/New_York', null],
  ['Europe/London', null],
  ['Asia/Shanghai', null],
  [null, 'AU'],
  [null, 'US'],
  [null, null],
  ['Not/AZone', 'GB'],
].flatMap(([timeZone, country], z) =>
  (
    [
      ['outbound', 'outbound_list', 'new'],
      ['inbound', 'web_form', 'new'],
      ['inbound', 'hotline', 'working'],
      ['inbound', 'event', 'new'],
      ['outbound', 'referral', 'working'],
      ['outbound', 'outbound_list', 'won'],
      ['inbound', 'web_form', 'nurture'],
    ] as const
  ).map(([direction, sourceChannel, status], k) => ({
    name: `Lead ${z}-${k}`,
    lead: {
      timeZone,
      country,
      direction,
      sourceChannel,
      status,
      phones: (z + k) % 4 === 0 ? [] : phone(`+1202555${String(1000 + z * 10 + k)}`),
    },
    ageMinutes: (z * 7 + k) * 37,
  })),
);

/** A store with the built-in cadences, one more whose first step waits two business days, and the leads. */
const store = async (): Promise<{ h: Harness; ids: Map<string, string> }> => {
  const h = await openHarness(T, { maxAttemptsPerDay: 1 });
  await h.call('cadences.save', {
    cadence: {
      id: EVENT_CADENCE_ID,
      name: 'Event follow-up',
      rule: { sourceChannels: ['event'] },
      priority: 5,
      limits: { minRetryGapMinutes: 90 },
      steps: [
        {
          id: 'email-1',
          kind: 'email',
          title: 'Thanks for visiting',
          wait: { amount: 2, unit: 'business_days' },
        },
        { id: 'call-1', kind: 'call', title: 'Call after the event' },
      ],
    },
  });
  const ids = new Map(
    SPECS.map((spec) => [
      spec.name,
      h.lead({ name: spec.name, ...spec.lead }, { enroll: false, at: T - spec.ageMinutes * MINUTE }),
    ]),
  );
  return { h, ids };
};

/**
 * Gives some leads a history before they join a cadence: a call logged (counters, and a daily limit
 * reached) and a callback booked (a live task the cadence must adopt).
 */
const withHistory = async ({ h, ids }: { h: Harness; ids: Map<string, string> }) => {
  for (const name of ['Lead 0-2', 'Lead 1-4', 'Lead 3-2']) {
    await h.call('outcomes.log', { leadId: ids.get(name) as string, outcome: 'no_answer', at: T - HOUR });
  }
  for (const name of ['Lead 2-1', 'Lead 4-0']) {
    await h.call('outcomes.log', {
      leadId: ids.get(name) as string,
      outcome: 'callback',
      at: T - 2 * HOUR,
      callbackAt: T + DAY,
    });
  }
  await h.call('queue.setFit', { leadId: ids.get('Lead 5-3') as string, fit: 85 });
};

/** Every enrollment and live task, and every enrollment mutation, by lead name, with ids left out. */
const snapshot = ({ h, ids }: { h: Harness; ids: Map<string, string> }) => {
  const names = new Map([...ids].map(([name, id]) => [id, name]));
  const blind = (value: unknown): unknown =>
    JSON.parse(JSON.stringify(value), (key, v) => {
      if (typeof v !== 'string') return v;
      if (key === 'leadId') return names.get(v) ?? v;
      return key === 'id' || key === 'enrollmentId' ? 'id' : v;
    });
  const rows = (sql: string) =>
    h.core.db
      .prepare<[], Record<string, unknown> & { lead_id: string }>(sql)
      .all()
      .map(({ id: _id, enrollment_id: _e, lead_id, ...row }) => ({ lead: names.get(lead_id), ...row }))
      .sort((a, b) => String(a.lead).localeCompare(String(b.lead)));
  const mutations = h.core.db
    .prepare<[], { args: string }>("SELECT args FROM outbox WHERE name = 'lead.enroll' ORDER BY seq")
    .all()
    .map((row) => blind(JSON.parse(row.args)));
  return {
    enrollments: rows('SELECT * FROM enrollments'),
    tasks: rows("SELECT * FROM tasks WHERE state IN ('open', 'paused')"),
    mutations,
  };
};

describe('enrolling many leads at once', () => {
  it('writes the same enrollments, tasks and outbox mutations as enrolling them one by one', async () => {
    const one = await store();
    const bulk = await store();
    await withHistory(one);
    await withHistory(bulk);
    const order = SPECS.map((spec) => spec.name);

    const at = T + 5 * MINUTE;
    // One by one, as an explicit enrollment does it, for the leads a bulk enrollment takes: new or working.
    const statusOf = one.h.core.db.prepare<[string], string>('SELECT status FROM leads WHERE id = ?').pluck();
    for (const name of order) {
      const id = one.ids.get(name) as string;
      if (['new', 'working'].includes(statusOf.get(id) as string))
        one.h.core.dialing.engine.enroll([id], undefined, at);
    }
    // Unknown ids, repeats and leads already on a cadence are passed over.
    const result = bulk.h.core.dialing.enrollNewLeads(
      [
        'no-such-lead',
        ...order.map((name) => bulk.ids.get(name) as string),
        bulk.ids.get('Lead 0-0') as string,
      ],
      at,
    );

    const expected = snapshot(one);
    expect(expected.enrollments.length).toBeGreaterThan(30);
    const tasks = expected.tasks as Array<{ kind?: unknown; step_id?: unknown; due_at?: unknown }>;
    expect(tasks.some((t) => t.kind === 'callback' && t.step_id === 'call-1')).toBe(true);
    expect(tasks.some((t) => t.kind === 'email' && t.due_at !== at)).toBe(true);
    expect(snapshot(bulk)).toEqual(expected);
    expect(result).toEqual({
      enrolled: expected.enrollments.length,
      skipped: order.length + 2 - expected.enrollments.length,
    });
    // A second pass finds nothing left to do.
    expect(bulk.h.core.dialing.enrollNewLeads([...bulk.ids.values()], at).enrolled).toBe(0);
  });

  it('enrolls leads just written from the facts their writer holds, as if it had read them back', async () => {
    const read = await store();
    const given = await store();
    const at = T + 5 * MINUTE;
    read.h.core.dialing.enrollNewLeads([...read.ids.values()], at);
    const leads: CreatedLead[] = SPECS.map((spec) => ({
      id: given.ids.get(spec.name) as string,
      status: spec.lead.status ?? 'new',
      direction: spec.lead.direction ?? 'outbound',
      sourceChannel: spec.lead.sourceChannel ?? 'outbound_list',
      timeZone: spec.lead.timeZone ?? null,
      country: spec.lead.country ?? null,
      createdAt: T - spec.ageMinutes * MINUTE,
      hasPhone: (spec.lead.phones ?? []).length > 0,
    }));
    const enrolled = given.h.core.db.transaction(() =>
      given.h.core.dialing.engine.enrollCreated(leads, at),
    )();
    expect(snapshot(given)).toEqual(snapshot(read));
    expect(enrolled).toBe(snapshot(read).enrollments.length);
  });

  it('adopts callbacks booked before the leads joined, anywhere in a long list', async () => {
    const h = await openHarness(T);
    const ids = Array.from({ length: 300 }, (_, i) =>
      h.lead({ name: `Lead ${i}`, phones: phone(`+1202555${String(1000 + i)}`) }, { enroll: false }),
    );
    const booked = ids.filter((_, i) => i % 7 === 3);
    for (const leadId of booked) {
      await h.call('outcomes.log', { leadId, outcome: 'callback', at: T - HOUR, callbackAt: T + HOUR });
    }
    expect(h.core.dialing.enrollNewLeads(ids, T)).toEqual({ enrolled: 300, skipped: 0 });
    const count = (sql: string) => h.core.db.prepare<[], number>(sql).pluck().get();
    expect(count("SELECT count(*) FROM enrollments WHERE state = 'active'")).toBe(300);
    expect(count("SELECT count(*) FROM tasks WHERE state = 'open' AND enrollment_id IS NOT NULL")).toBe(300);
    expect(count("SELECT count(*) FROM tasks WHERE kind = 'callback' AND step_id = 'call-1'")).toBe(
      booked.length,
    );
    expect(h.core.db.pragma('foreign_key_check')).toEqual([]);
  });

  it('leaves nothing behind when the transaction around it fails, and the next run starts clean', async () => {
    const { h, ids } = await store();
    const all = [...ids.values()];
    expect(() =>
      h.core.db.transaction(() => {
        h.core.dialing.enrollNewLeads(all, T);
        throw new Error('the import failed after enrolling');
      })(),
    ).toThrow('the import failed after enrolling');
    expect(snapshot({ h, ids })).toMatchObject({ enrollments: [], tasks: [], mutations: [] });
    const { enrolled } = h.core.dialing.enrollNewLeads(all, T);
    expect(snapshot({ h, ids }).enrollments).toHaveLength(enrolled);
  });
});
