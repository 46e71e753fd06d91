import { describe, expect, it } from 'vitest';
import type { Core } from '../../../src/main/core';
import { HOUR, liveOf, MINUTE, openHarness, outboxRows, phone, utc } from '../cadence/helpers';

// Tuesday 11 March 2025, 15:00 UTC = 11:00 in New York.
const T = utc('2025-03-11T15:00:00Z');
const CALL_A = '0195846a-1111-7000-8000-000000000001';
const CALL_B = '0195846a-1111-7000-8000-000000000002';

/** Everything a logged call can change, straight from the tables. */
const stateOf = (core: Core, leadId: string) => ({
  status: core.db.prepare<[string], { status: string }>('SELECT status FROM leads WHERE id = ?').get(leadId)
    ?.status,
  counters: core.db
    .prepare(
      `SELECT attempts_total, attempts_day, attempts_day_key, connects_total, last_attempt_at, last_outcome
       FROM lead_queue WHERE lead_id = ?`,
    )
    .get(leadId) ?? { attempts_total: 0 },
  live: liveOf(core, leadId),
  enrollments: core.db
    .prepare('SELECT id, state, step_id, step_attempts, finish_reason FROM enrollments WHERE lead_id = ?')
    .all(leadId),
  dnc: core.db.prepare('SELECT kind, value FROM dnc ORDER BY kind, value').all(),
});

describe('one outcome per call', () => {
  it('refuses a second outcome for the same call, and logs nothing', async () => {
    const h = await openHarness(T);
    const lead = h.lead({ name: 'Jo Park' });
    const first = await h.call('outcomes.log', { leadId: lead, outcome: 'no_answer', callId: CALL_A, at: T });
    const after = stateOf(h.core, lead);
    const outbox = outboxRows(h.core).length;
    const refused = await h.fail('outcomes.log', {
      leadId: lead,
      outcome: 'voicemail',
      callId: CALL_A,
      at: T + MINUTE,
    });
    expect(refused).toMatchObject({
      code: 'outcome_already_logged',
      params: { activityId: first.activityId },
    });
    expect(stateOf(h.core, lead)).toEqual(after);
    expect(outboxRows(h.core)).toHaveLength(outbox);
    expect(h.core.db.prepare('SELECT count(*) AS n FROM activities').get()).toEqual({ n: 1 });
  });

  it('refuses a call id made for another lead (the screen moved on)', async () => {
    const h = await openHarness(T);
    const jo = h.lead({ name: 'Jo Park' });
    const ana = h.lead({ name: 'Ana Ruiz', phones: phone('+12025550111') });
    await h.call('outcomes.log', { leadId: jo, outcome: 'no_answer', callId: CALL_A, at: T });
    expect(
      await h.fail('outcomes.log', { leadId: ana, outcome: 'no_answer', callId: CALL_A, at: T }),
    ).toMatchObject({ code: 'call_lead_mismatch' });
    // A new call for Ana is fine.
    await h.call('outcomes.log', { leadId: ana, outcome: 'no_answer', callId: CALL_B, at: T });
  });

  it('frees the call for a new outcome once the first is undone', async () => {
    const h = await openHarness(T);
    const lead = h.lead();
    const first = await h.call('outcomes.log', { leadId: lead, outcome: 'no_answer', callId: CALL_A, at: T });
    await h.call('outcomes.void', { activityId: first.activityId, kind: 'undo', at: T + 5_000 });
    const second = await h.call('outcomes.log', {
      leadId: lead,
      outcome: 'voicemail',
      callId: CALL_A,
      at: T,
    });
    expect(second.outcome).toBe('voicemail');
  });
});

describe('voiding an outcome', () => {
  it('puts back the status, task, cadence step and counters exactly, and keeps the activity marked', async () => {
    const h = await openHarness(T);
    const lead = h.lead({ name: 'Jo Park' });
    const before = stateOf(h.core, lead);
    const logged = await h.call('outcomes.log', {
      leadId: lead,
      outcome: 'no_answer',
      note: 'Rang out',
      at: T,
    });
    expect(stateOf(h.core, lead)).not.toEqual(before);
    const outbox = outboxRows(h.core).length;

    const voided = await h.call('outcomes.void', {
      activityId: logged.activityId,
      reason: 'Wrong lead',
      at: T + HOUR,
    });
    expect(voided).toMatchObject({
      statusBefore: 'working',
      status: 'new',
      reason: 'Wrong lead',
      kind: 'void',
      reversed: { status: true, task: true, counters: true, dncRemoved: [] },
    });
    const now = stateOf(h.core, lead);
    expect(now.status).toBe(before.status);
    expect(now.counters).toEqual({
      attempts_total: 0,
      attempts_day: 0,
      attempts_day_key: null,
      connects_total: 0,
      last_attempt_at: null,
      last_outcome: null,
    });
    expect(now.enrollments).toEqual(before.enrollments);
    // The task the call closed is open again (same id); the one it created is cancelled.
    expect(now.live.tasks.map((t) => t.id)).toEqual(before.live.tasks.map((t) => t.id));
    expect(
      h.core.db.prepare('SELECT state FROM tasks WHERE id = ?').get(logged.nextTask?.id as string),
    ).toEqual({ state: 'cancelled' });

    const history = await h.call('history.list', { leadId: lead });
    expect(history.activities).toHaveLength(1);
    expect(history.activities[0]).toMatchObject({
      id: logged.activityId,
      outcome: 'no_answer',
      note: 'Rang out',
      void: { at: T + HOUR, reason: 'Wrong lead', kind: 'void' },
      voidable: false,
    });

    const rows = outboxRows(h.core).slice(outbox);
    expect(rows.map((r) => r.name)).toEqual(['outcome.void']);
    expect(rows[0]?.args.changes?.map((c) => c.name)).toEqual([
      'activity.void',
      'lead.setStatus',
      'task.put',
      'enrollment.put',
      'task.put',
    ]);
  });

  it('reverses a do-not-contact outcome: the entries it added leave the list and the cadence resumes', async () => {
    const h = await openHarness(T);
    const lead = h.lead({ name: 'Jo Park', email: 'jo@acme.example', phones: phone('+12025550123') });
    const before = stateOf(h.core, lead);
    const logged = await h.call('outcomes.log', { leadId: lead, outcome: 'do_not_contact', at: T });
    expect(logged.dncAdded).toHaveLength(2);
    expect(stateOf(h.core, lead).live.tasks).toEqual([]);

    const voided = await h.call('outcomes.void', { activityId: logged.activityId, at: T + MINUTE });
    expect(voided.reversed.dncRemoved.map((e) => e.value).sort()).toEqual([
      '+12025550123',
      'jo@acme.example',
    ]);
    const now = stateOf(h.core, lead);
    expect(now.dnc).toEqual([]);
    expect(now.status).toBe('new');
    expect(now.enrollments).toEqual(before.enrollments);
    expect(now.live.tasks.map((t) => t.id)).toEqual(before.live.tasks.map((t) => t.id));
    expect(
      (await h.call('queue.why', { leadId: lead, at: T + MINUTE })).blockers.map((b) => b.rule),
    ).not.toContain('do_not_contact');
  });

  it('keeps a do-not-contact entry someone added by hand, and reverses a callback', async () => {
    const h = await openHarness(T);
    const lead = h.lead({ name: 'Jo Park' });
    const before = stateOf(h.core, lead);
    const logged = await h.call('outcomes.log', {
      leadId: lead,
      outcome: 'callback',
      callbackAt: T + 2 * HOUR,
      at: T,
    });
    expect(logged.nextTask?.kind).toBe('callback');
    await h.call('outcomes.void', { activityId: logged.activityId, at: T + MINUTE });
    const now = stateOf(h.core, lead);
    expect(now.live.tasks.map((t) => [t.id, t.kind])).toEqual(before.live.tasks.map((t) => [t.id, t.kind]));
    expect(now.enrollments).toEqual(before.enrollments);
    expect(now.counters).toMatchObject({ attempts_total: 0 });
  });

  it('refuses to void an outcome a later activity depends on, then allows it newest first', async () => {
    const h = await openHarness(T);
    const lead = h.lead({ name: 'Jo Park' });
    const before = stateOf(h.core, lead);
    const first = await h.call('outcomes.log', { leadId: lead, outcome: 'no_answer', at: T });
    h.setNow(T + 5 * HOUR);
    const second = await h.call('outcomes.log', { leadId: lead, outcome: 'voicemail', at: T + 5 * HOUR });
    const mid = stateOf(h.core, lead);

    const refused = await h.fail('outcomes.void', { activityId: first.activityId });
    expect(refused).toMatchObject({
      code: 'outcome_void_superseded',
      params: { activityId: second.activityId },
    });
    expect(stateOf(h.core, lead)).toEqual(mid);
    const history = await h.call('history.list', { leadId: lead });
    expect(history.activities.map((a) => [a.id, a.voidable])).toEqual([
      [second.activityId, true],
      [first.activityId, false],
    ]);

    await h.call('outcomes.void', { activityId: second.activityId });
    expect(stateOf(h.core, lead).counters).toMatchObject({ attempts_total: 1, last_outcome: 'no_answer' });
    await h.call('outcomes.void', { activityId: first.activityId });
    const now = stateOf(h.core, lead);
    expect(now.status).toBe(before.status);
    expect(now.counters).toMatchObject({ attempts_total: 0, last_attempt_at: null });
    expect(now.enrollments).toEqual(before.enrollments);
    expect(now.live.tasks.map((t) => t.id)).toEqual(before.live.tasks.map((t) => t.id));
    expect(await h.fail('outcomes.void', { activityId: first.activityId })).toMatchObject({
      code: 'outcome_already_void',
    });
  });

  it('lets a task step done since the call stand, voiding the call but not the cadence move', async () => {
    const h = await openHarness(T);
    const emailFirst = await h.call('cadences.save', {
      cadence: {
        name: 'Email first',
        rule: null,
        steps: [
          { id: 'email-1', kind: 'email', title: 'Send the intro email' },
          { id: 'call-1', kind: 'call', title: 'Call' },
        ],
      },
    });
    const lead = h.lead({ name: 'Jo Park' }, { enroll: false });
    await h.call('enrollments.enroll', { leadIds: [lead], cadenceId: emailFirst.id });
    // An ad-hoc call during the email step, then the email is sent.
    const call = await h.call('outcomes.log', { leadId: lead, outcome: 'no_answer', at: T });
    const email = liveOf(h.core, lead).tasks[0];
    expect(email?.kind).toBe('email');
    await h.call('tasks.complete', { taskId: email?.id as string, result: 'done', at: T + MINUTE });
    const moved = stateOf(h.core, lead);

    const history = await h.call('history.list', { leadId: lead });
    expect(history.activities.map((a) => [a.kind, a.voidable])).toEqual([
      ['email', false],
      ['call', true],
    ]);
    const voided = await h.call('outcomes.void', { activityId: call.activityId, at: T + HOUR });
    expect(voided.reversed).toMatchObject({ status: true, task: false, counters: true });
    const now = stateOf(h.core, lead);
    expect(now.live).toEqual(moved.live);
    expect(now.enrollments).toEqual(moved.enrollments);
    expect(now.counters).toMatchObject({ attempts_total: 0 });
    expect(await h.fail('outcomes.void', { activityId: history.activities[0]?.id as string })).toMatchObject({
      code: 'outcome_not_voidable',
    });
  });

  it('leaves a status changed by hand since the call, and the cadence moved since, as they are', async () => {
    const h = await openHarness(T);
    const lead = h.lead({ name: 'Jo Park' });
    const logged = await h.call('outcomes.log', { leadId: lead, outcome: 'no_answer', at: T });
    // The rep pauses the cadence after the call: the task and step are no longer the outcome's own.
    await h.call('enrollments.pause', { leadId: lead });
    const paused = stateOf(h.core, lead);
    const voided = await h.call('outcomes.void', { activityId: logged.activityId });
    expect(voided.reversed).toMatchObject({ status: true, task: false, counters: true });
    const now = stateOf(h.core, lead);
    expect(now.live).toEqual(paused.live);
    expect(now.enrollments).toEqual(paused.enrollments);
  });
});

describe('do-not-contact is absolute', () => {
  it('refuses an outcome for a lead on the list, or marked do-not-contact, and changes nothing', async () => {
    const h = await openHarness(T);
    const listed = h.lead({ name: 'Jo Park', phones: phone('+12025550177') });
    const marked = h.lead({ name: 'Ana Ruiz', phones: phone('+12025550178'), status: 'do_not_contact' });
    await h.call('dnc.add', { entries: [{ kind: 'phone', value: '+12025550177' }] });
    const outbox = outboxRows(h.core).length;
    for (const leadId of [listed, marked]) {
      const before = stateOf(h.core, leadId);
      const refused = await h.fail('outcomes.log', { leadId, outcome: 'no_answer', at: T });
      expect(refused.code).toBe('lead_do_not_contact');
      expect(stateOf(h.core, leadId)).toEqual(before);
    }
    expect(outboxRows(h.core)).toHaveLength(outbox);
    expect(h.core.db.prepare('SELECT count(*) AS n FROM activities').get()).toEqual({ n: 0 });
  });

  it('refuses marking an email step done for a listed lead, but lets it be skipped', async () => {
    const h = await openHarness(T);
    const emailFirst = await h.call('cadences.save', {
      cadence: {
        name: 'Email first',
        rule: null,
        steps: [
          { id: 'email-1', kind: 'email', title: 'Send the intro email' },
          { id: 'call-1', kind: 'call', title: 'Call' },
        ],
      },
    });
    const lead = h.lead({ name: 'Jo Park', email: 'jo@acme.example' }, { enroll: false });
    await h.call('enrollments.enroll', { leadIds: [lead], cadenceId: emailFirst.id });
    // An entry that arrived from a teammate (sync), before this lead's cadence noticed it.
    h.core.db
      .prepare(
        "INSERT INTO dnc (id, kind, value, reason, lead_id, created_at) VALUES ('0195846a-4444-7000-8000-000000000001', 'email', 'jo@acme.example', NULL, NULL, ?)",
      )
      .run(T);
    const task = liveOf(h.core, lead).tasks[0];
    expect(task?.kind).toBe('email');
    const refused = await h.fail('tasks.complete', { taskId: task?.id as string, result: 'done', at: T });
    expect(refused.code).toBe('lead_do_not_contact');
    expect(h.core.db.prepare('SELECT count(*) AS n FROM activities').get()).toEqual({ n: 0 });
    await h.call('tasks.complete', { taskId: task?.id as string, result: 'skipped', at: T });
  });

  it('shows the rule once in the explainer, never clearing, whatever else holds the lead', async () => {
    const h = await openHarness(T);
    const lead = h.lead({
      name: 'Jo Park',
      email: 'jo@acme.example',
      phones: phone('+12025550177'),
      status: 'do_not_contact',
    });
    await h.call('dnc.add', {
      entries: [
        { kind: 'phone', value: '+12025550177' },
        { kind: 'email', value: 'jo@acme.example' },
        { kind: 'domain', value: 'acme.example' },
      ],
    });
    // 03:00 in New York: outside the window too, which would clear by itself.
    const why = await h.call('queue.why', { leadId: lead, at: utc('2025-03-11T08:00:00Z') });
    expect(why.blockers.map((b) => [b.rule, b.until])).toEqual([['do_not_contact', null]]);
    expect(why.callable).toBe(false);
    expect(why.callableAt).toBeNull();
  });
});
