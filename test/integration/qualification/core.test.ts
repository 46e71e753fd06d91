import { describe, expect, it } from 'vitest';
import { HOUR, liveOf, openHarness, outboxRows, utc } from '../cadence/helpers';

const T = utc('2026-03-02T15:00:00Z');

const handoffsOf = (h: Awaited<ReturnType<typeof openHarness>>, leadId: string) =>
  h.core.db.prepare('SELECT * FROM handoffs WHERE lead_id = ?').all(leadId) as Record<string, unknown>[];

const statusOf = (h: Awaited<ReturnType<typeof openHarness>>, leadId: string) =>
  (h.core.db.prepare('SELECT status FROM leads WHERE id = ?').get(leadId) as { status: string }).status;

describe('qualification: BANT and the profile checklist', () => {
  it('stores each BANT answer with its note and records one mutation per change', async () => {
    const h = await openHarness(T);
    const lead = h.lead({ name: 'Ana Diaz' });
    const before = outboxRows(h.core).length;
    const q = await h.call('qualification.setBant', {
      leadId: lead,
      criterion: 'authority',
      confirmed: true,
      note: 'Signs off on tools up to $50k',
    });
    expect(q.bant.map((a) => [a.criterion, a.confirmed])).toEqual([
      ['budget', false],
      ['authority', true],
      ['need', false],
      ['timeline', false],
    ]);
    // A note alone keeps the confirmation.
    const noted = await h.call('qualification.setBant', {
      leadId: lead,
      criterion: 'authority',
      note: 'CFO too',
    });
    expect(noted.bant[1]).toMatchObject({ confirmed: true, note: 'CFO too', updatedAt: T });
    const rows = outboxRows(h.core).slice(before);
    expect(rows.map((r) => r.name)).toEqual(['qualification.setBant', 'qualification.setBant']);
    expect(rows[1]?.args).toEqual({
      leadId: lead,
      criterion: 'authority',
      confirmed: true,
      note: 'CFO too',
      updatedAt: T,
    });
    expect(noted.readiness).toEqual({ confirmed: 1, required: 2, blockedBy: 'handoff_bant_gate' });
  });

  it('fills checklist items from what the lead knows and counts them against two thirds', async () => {
    const h = await openHarness(T);
    const bare = h.lead({ name: 'No Facts', phones: [], timeZone: null });
    const full = h.lead({
      name: 'Bo Li',
      title: 'VP Sales',
      company: 'Beta Corp',
      email: 'bo@beta.test',
      timeZone: 'Asia/Shanghai',
    });
    const q0 = await h.call('qualification.get', { leadId: bare });
    expect(q0.profile).toMatchObject({ filled: 0, total: 15, meetsThreshold: false });

    const q1 = await h.call('qualification.get', { leadId: full });
    const derived = q1.profile.items.filter((i) => i.derived).map((i) => i.id);
    expect(derived).toEqual(['company_name', 'contact_title', 'contact_details', 'time_zone']);

    // BANT confirmations fill their items; hand ticks fill the rest, up to 10 of 15 = two thirds.
    for (const criterion of ['budget', 'authority', 'need', 'timeline'] as const)
      await h.call('qualification.setBant', { leadId: full, criterion, confirmed: true });
    await h.call('qualification.setProfileItem', { leadId: full, itemId: 'industry', checked: true });
    const nine = await h.call('qualification.get', { leadId: full });
    expect(nine.profile).toMatchObject({ filled: 9, meetsThreshold: false });
    const ten = await h.call('qualification.setProfileItem', {
      leadId: full,
      itemId: 'revenue',
      checked: true,
    });
    expect(ten.profile).toMatchObject({ filled: 10, total: 15, meetsThreshold: true });
    const cleared = await h.call('qualification.setProfileItem', {
      leadId: full,
      itemId: 'revenue',
      checked: false,
    });
    expect(cleared.profile.filled).toBe(9);

    const unknown = await h.fail('qualification.setProfileItem', {
      leadId: full,
      itemId: 'shoe_size',
      checked: true,
    });
    expect(unknown.code).toBe('invalid_input');
    expect(unknown.message).toMatch(/not an item of the profile checklist/);
  });

  it('reads the gate, the threshold and the items from the settings registry', async () => {
    const h = await openHarness(T);
    const lead = h.lead();
    await h.call('qualification.setBant', { leadId: lead, criterion: 'need', confirmed: true });
    expect((await h.call('qualification.get', { leadId: lead })).readiness.blockedBy).toBe(
      'handoff_bant_gate',
    );
    await h.call('qualification.setConfig', {
      bantGate: 1,
      profileItems: [
        { id: 'industry', label: null, source: null },
        { id: 'budget_owner', label: 'Budget owner named', source: null },
      ],
    });
    const q = await h.call('qualification.get', { leadId: lead });
    expect(q.readiness).toEqual({ confirmed: 1, required: 1, blockedBy: null });
    expect(q.profile.items.map((i) => i.id)).toEqual(['industry', 'budget_owner']);
    expect((await h.call('qualification.config', {})).profileThreshold).toBeCloseTo(2 / 3);
    const bad = await h.fail('qualification.setConfig', { bantGate: 5 });
    expect(bad.code).toBe('invalid_input');
  });
});

describe('the MQL hand-off', () => {
  it('stores the hand-off, sets the status to mql, finishes the cadence and queues one batch', async () => {
    const h = await openHarness(T);
    const lead = h.lead({ name: 'Cy Park', company: 'Cyan', email: 'cy@cyan.test' });
    expect(liveOf(h.core, lead).enrollments).toHaveLength(1);
    await h.call('qualification.setBant', {
      leadId: lead,
      criterion: 'budget',
      confirmed: true,
      note: '$40k',
    });
    const nextInQueue = (await h.call('queue.next', { at: T + HOUR })).entry?.lead.id;
    const before = outboxRows(h.core).length;
    h.setNow(T + HOUR);
    const result = await h.call('handoffs.create', {
      leadId: lead,
      summary: '40-seat team, replacing spreadsheets',
      nextStep: 'Demo on Tuesday',
      suggestedAe: 'Dana (AE, East)',
      confirm: ['need'],
    });
    expect(result.status).toBe('mql');
    expect(statusOf(h, lead)).toBe('mql');
    expect(handoffsOf(h, lead)).toEqual([
      expect.objectContaining({
        id: result.handoffId,
        summary: '40-seat team, replacing spreadsheets',
        next_step: 'Demo on Tuesday',
        suggested_ae: 'Dana (AE, East)',
        status_before: 'new',
        created_at: T + HOUR,
      }),
    ]);
    expect(JSON.parse(handoffsOf(h, lead)[0]?.bant as string)).toEqual([
      { criterion: 'budget', confirmed: true, note: '$40k' },
      { criterion: 'authority', confirmed: false, note: '' },
      { criterion: 'need', confirmed: true, note: '' },
      { criterion: 'timeline', confirmed: false, note: '' },
    ]);
    // The cadence ends the way a "qualified" outcome ends it: finished for its status, task cancelled.
    expect(liveOf(h.core, lead)).toEqual({ tasks: [], enrollments: [] });
    const enrollment = h.core.db
      .prepare('SELECT state, finish_reason FROM enrollments WHERE lead_id = ?')
      .get(lead);
    expect(enrollment).toEqual({ state: 'finished', finish_reason: 'status' });

    const rows = outboxRows(h.core).slice(before);
    expect(rows.map((r) => r.name)).toEqual(['lead.handoff']);
    expect(rows[0]?.args.changes?.map((c) => c.name)).toEqual([
      'qualification.setBant',
      'handoff.create',
      'lead.setStatus',
      'task.put',
      'enrollment.put',
    ]);

    const q = await h.call('qualification.get', { leadId: lead });
    expect(q.handoff?.id).toBe(result.handoffId);
    expect(q.readiness.blockedBy).toBe('handoff_already_handed_off');
    expect(nextInQueue, 'the lead was due before its hand-off').toBe(lead);
    expect(
      (await h.call('queue.next', { at: T + 2 * HOUR })).entry,
      'an MQL leaves the call queue',
    ).toBeNull();
  });

  it('refuses below the gate, for do-not-contact, twice, and when closed — writing nothing', async () => {
    const h = await openHarness(T);
    const count = () =>
      h.core.db
        .prepare(
          'SELECT (SELECT count(*) FROM outbox) AS o, (SELECT count(*) FROM handoffs) AS h, (SELECT count(*) FROM lead_bant) AS b',
        )
        .get();
    const lead = h.lead({ email: 'x@blocked.test' });
    const start = count();
    const gate = await h.fail('handoffs.create', { leadId: lead, summary: 'Hot', confirm: ['budget'] });
    expect(gate.code).toBe('handoff_bant_gate');
    expect(gate.message).toMatch(/Only 1 of the 4 BANT criteria are confirmed; a hand-off needs 2/);
    expect(count()).toEqual(start);
    expect(statusOf(h, lead)).toBe('new');

    await h.call('dnc.add', { entries: [{ kind: 'domain', value: 'blocked.test' }] });
    const dnc = await h.fail('handoffs.create', {
      leadId: lead,
      summary: 'Hot',
      confirm: ['budget', 'need'],
    });
    expect(dnc.code).toBe('handoff_do_not_contact');

    const other = h.lead({ name: 'Second' });
    await h.call('handoffs.create', { leadId: other, summary: 'Hot', confirm: ['budget', 'need'] });
    const twice = await h.fail('handoffs.create', {
      leadId: other,
      summary: 'Again',
      confirm: ['budget', 'need'],
    });
    expect(twice.code).toBe('handoff_already_handed_off');
    expect(handoffsOf(h, other)).toHaveLength(1);

    const lost = h.lead({ name: 'Lost', status: 'lost' }, { enroll: false });
    expect(
      (await h.fail('handoffs.create', { leadId: lost, summary: 'x', confirm: ['budget', 'need'] })).code,
    ).toBe('handoff_lead_closed');
    const empty = await h.fail('handoffs.create', { leadId: other, summary: '   ' });
    expect(empty.code).toBe('invalid_input');
  });
});
