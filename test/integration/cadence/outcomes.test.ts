import { describe, expect, it } from 'vitest';
import { INBOUND_CADENCE_ID, NEW_LEAD_CADENCE_ID } from '../../../src/main/core/cadence/defaults';
import { HOUR, liveOf, MINUTE, openHarness, outboxRows, phone, utc } from './helpers';

// Tuesday 11 March 2025, 15:00 UTC = 11:00 in New York.
const T = utc('2025-03-11T15:00:00Z');

describe('logging a call outcome', () => {
  it('writes the activity, counters, status, the one next task and one outbox mutation in one go', async () => {
    const h = await openHarness(T);
    const lead = h.lead({ name: 'Jo Park' });
    const before = outboxRows(h.core).length;
    const logged = await h.call('outcomes.log', {
      leadId: lead,
      outcome: 'no_answer',
      note: 'Rang out',
      at: T,
    });

    expect(logged).toMatchObject({ outcome: 'no_answer', statusBefore: 'new', status: 'working' });
    expect(logged.nextTask).toMatchObject({
      kind: 'call',
      stepId: 'call-1',
      dueAt: T + 4 * HOUR,
      state: 'open',
    });
    expect(h.core.db.prepare('SELECT kind, outcome, body, occurred_at FROM activities').all()).toEqual([
      { kind: 'call', outcome: 'no_answer', body: 'Rang out', occurred_at: T },
    ]);
    expect(h.core.db.prepare('SELECT status FROM leads WHERE id = ?').get(lead)).toEqual({
      status: 'working',
    });
    expect(
      h.core.db
        .prepare('SELECT attempts_total, attempts_day, last_attempt_at FROM lead_queue WHERE lead_id = ?')
        .get(lead),
    ).toEqual({ attempts_total: 1, attempts_day: 1, last_attempt_at: T });
    expect(liveOf(h.core, lead).tasks).toHaveLength(1);

    const rows = outboxRows(h.core).slice(before);
    expect(rows.map((r) => r.name)).toEqual(['outcome.log']);
    expect(rows[0]?.args.changes?.map((c) => c.name)).toEqual([
      'activity.create',
      'lead.setStatus',
      'task.put',
      'enrollment.put',
      'task.put',
    ]);
  });

  it('is all or nothing: a failing outcome leaves no trace', async () => {
    const h = await openHarness(T);
    const lead = h.lead({ name: 'Jo Park' });
    const before = outboxRows(h.core).length;
    expect(await h.fail('outcomes.log', { leadId: lead, outcome: 'callback', at: T })).toMatchObject({
      code: 'invalid_input',
      message: expect.stringContaining('needs the time'),
    });
    expect(await h.fail('outcomes.log', { leadId: lead, outcome: 'hung_up', at: T })).toMatchObject({
      code: 'invalid_input',
      message: expect.stringContaining('Use one of: meeting_booked'),
    });
    expect(
      await h.fail('outcomes.log', { leadId: lead, outcome: 'no_answer', callbackAt: T + HOUR, at: T }),
    ).toMatchObject({ code: 'invalid_input' });
    expect(
      await h.fail('outcomes.log', { leadId: '0190a000-0000-7000-8000-000000000099', outcome: 'no_answer' }),
    ).toMatchObject({ code: 'not_found' });
    expect(h.core.db.prepare('SELECT count(*) AS n FROM activities').get()).toEqual({ n: 0 });
    expect(outboxRows(h.core)).toHaveLength(before);
  });

  it('books a callback at the time asked, which comes first once due (the retry gap does not hold it)', async () => {
    const h = await openHarness(T);
    const lead = h.lead({ name: 'Call me at 11:20' });
    const other = h.lead({ name: 'Other', phones: phone('+12025550199') });
    const logged = await h.call('outcomes.log', {
      leadId: lead,
      outcome: 'callback',
      callbackAt: T + 20 * MINUTE,
      at: T,
    });
    expect(logged.nextTask).toMatchObject({ kind: 'callback', lane: 'callback', dueAt: T + 20 * MINUTE });
    expect((await h.call('queue.next', { at: T + 10 * MINUTE })).entry?.lead.id).toBe(other);
    expect((await h.call('queue.next', { at: T + 20 * MINUTE })).entry).toMatchObject({
      tier: 'callback',
      lead: { id: lead },
    });
    // After the callback the cadence carries on from its step.
    const after = await h.call('outcomes.log', { leadId: lead, outcome: 'voicemail', at: T + 21 * MINUTE });
    expect(after.nextTask).toMatchObject({ kind: 'email', stepId: 'email-1' });
  });

  it('puts do-not-contact leads on the list by phone and email, and ends their cadence', async () => {
    const h = await openHarness(T);
    const lead = h.lead({
      name: 'Stop calling',
      email: 'Stop@Example.com',
      phones: [...phone('+12025550141'), ...phone('+12025550142')],
    });
    const logged = await h.call('outcomes.log', { leadId: lead, outcome: 'do_not_contact', at: T });
    expect(logged).toMatchObject({ status: 'do_not_contact', nextTask: null });
    expect(logged.enrollment).toMatchObject({ state: 'finished', finishReason: 'do_not_contact' });
    expect(h.core.db.prepare('SELECT kind, value FROM dnc ORDER BY value').all()).toEqual([
      { kind: 'phone', value: '+12025550141' },
      { kind: 'phone', value: '+12025550142' },
      { kind: 'email', value: 'stop@example.com' },
    ]);
    // Another lead sharing the number is blocked too.
    const twin = h.lead({ name: 'Same number', phones: phone('+12025550142') });
    expect((await h.call('queue.why', { leadId: twin, at: T + HOUR })).blockers).toEqual(
      expect.arrayContaining([expect.objectContaining({ rule: 'do_not_contact', until: null })]),
    );
  });

  it('hands off a booked meeting as an MQL and ends the cadence', async () => {
    const h = await openHarness(T);
    const lead = h.lead({ name: 'Booked' });
    const logged = await h.call('outcomes.log', { leadId: lead, outcome: 'meeting_booked', at: T });
    expect(logged).toMatchObject({
      status: 'mql',
      nextTask: null,
      enrollment: { state: 'finished', finishReason: 'exited' },
    });
    expect(liveOf(h.core, lead)).toEqual({ tasks: [], enrollments: [] });
  });

  it('runs the whole default cadence: call, voicemail, same-day email, call in two business days…', async () => {
    const h = await openHarness(T);
    const lead = h.lead({ name: 'Walkthrough' }, { at: T - HOUR });
    expect((await h.call('enrollments.get', { leadId: lead })).current).toMatchObject({
      cadenceId: NEW_LEAD_CADENCE_ID,
      stepId: 'call-1',
    });
    const vm = await h.call('outcomes.log', { leadId: lead, outcome: 'voicemail', at: T });
    expect(vm.nextTask).toMatchObject({ kind: 'email', stepId: 'email-1', dueAt: T });
    const todo = await h.call('tasks.list', { at: T });
    expect(todo.map((t) => t.task.id)).toEqual([vm.nextTask?.id]);
    expect((await h.call('queue.why', { leadId: lead, at: T })).blockers).toEqual(
      expect.arrayContaining([expect.objectContaining({ rule: 'step_not_call', until: null })]),
    );

    // Email sent at 11:30 Tuesday → the second call is due Thursday 11:30 New York time.
    const emailed = await h.call('tasks.complete', {
      taskId: vm.nextTask?.id as string,
      result: 'done',
      at: T + 30 * MINUTE,
    });
    expect(emailed.nextTask).toMatchObject({
      kind: 'call',
      stepId: 'call-2',
      dueAt: utc('2025-03-13T15:30:00Z'),
    });

    const second = await h.call('outcomes.log', {
      leadId: lead,
      outcome: 'voicemail',
      at: utc('2025-03-13T16:00:00Z'),
    });
    expect(second.nextTask).toMatchObject({ kind: 'linkedin', stepId: 'linkedin-1' });
    const linked = await h.call('tasks.complete', {
      taskId: second.nextTask?.id as string,
      result: 'skipped',
      at: utc('2025-03-13T16:05:00Z'),
    });
    // Three business days from Thursday is Tuesday.
    expect(linked.nextTask).toMatchObject({ stepId: 'call-3', dueAt: utc('2025-03-18T16:05:00Z') });
    const third = await h.call('outcomes.log', {
      leadId: lead,
      outcome: 'voicemail',
      at: utc('2025-03-18T17:00:00Z'),
    });
    expect(third.nextTask).toMatchObject({ kind: 'email', stepId: 'email-2' });
    const last = await h.call('tasks.complete', {
      taskId: third.nextTask?.id as string,
      result: 'done',
      at: utc('2025-03-18T17:10:00Z'),
    });
    expect(last.nextTask).toBeNull();
    expect(last.enrollment).toMatchObject({ state: 'finished', finishReason: 'completed' });
  });

  it('asks for a working number after a bad one, then brings the call back', async () => {
    const h = await openHarness(T);
    const lead = h.lead({ name: 'Disconnected' });
    const bad = await h.call('outcomes.log', { leadId: lead, outcome: 'bad_number', at: T });
    expect(bad.nextTask).toMatchObject({ kind: 'task', title: 'Find a working number', stepId: 'call-1' });
    const found = await h.call('tasks.complete', {
      taskId: bad.nextTask?.id as string,
      result: 'done',
      at: T + HOUR,
    });
    expect(found.nextTask).toMatchObject({ kind: 'call', stepId: 'call-1', dueAt: T + HOUR });
  });

  it('puts web-form leads on the fast inbound cadence: retried 15 minutes after no answer', async () => {
    const h = await openHarness(T);
    const lead = h.lead({ name: 'Form fill', direction: 'inbound', sourceChannel: 'web_form' });
    expect((await h.call('enrollments.get', { leadId: lead })).current?.cadenceId).toBe(INBOUND_CADENCE_ID);
    const logged = await h.call('outcomes.log', { leadId: lead, outcome: 'no_answer', at: T });
    expect(logged.nextTask?.dueAt).toBe(T + 15 * MINUTE);
    expect((await h.call('queue.next', { at: T + 15 * MINUTE })).entry?.lead.id).toBe(lead);
  });

  it('lets a team relabel outcomes and add its own', async () => {
    const h = await openHarness(T);
    const lead = h.lead({ name: 'Custom' });
    await h.call('outcomes.update', { id: 'gatekeeper', patch: { label: 'Spoke to the assistant' } });
    await h.call('outcomes.create', {
      id: 'sent_to_voicemail_box_full',
      label: 'Voicemail box full',
      active: true,
      status: null,
      transition: { action: 'retry', wait: { amount: 1, unit: 'days' } },
      effect: 'none',
      connected: false,
    });
    const list = await h.call('outcomes.list', {});
    expect(list.find((o) => o.id === 'gatekeeper')?.label).toBe('Spoke to the assistant');
    const logged = await h.call('outcomes.log', {
      leadId: lead,
      outcome: 'sent_to_voicemail_box_full',
      at: T,
    });
    expect(logged.nextTask?.dueAt).toBe(T + 24 * HOUR);
    expect(
      await h.fail('outcomes.update', { id: 'callback', patch: { transition: null, label: '' } }),
    ).toMatchObject({
      code: 'invalid_input',
    });
  });

  it('keeps the opt-out outcome working: its status and transition stay, and it stays active', async () => {
    const h = await openHarness(T);
    for (const patch of [
      { status: 'working' as const },
      { transition: { action: 'next' as const } },
      { active: false },
    ]) {
      const refused = await h.fail('outcomes.update', { id: 'do_not_contact', patch });
      expect(refused).toMatchObject({ code: 'invalid_input' });
      expect(refused.message).toContain('"do_not_contact"');
    }
    expect(
      await h.fail('outcomes.update', { id: 'no_answer', patch: { transition: { action: 'next' } } }),
    ).toMatchObject({ code: 'invalid_input' });
    await h.call('outcomes.update', {
      id: 'do_not_contact',
      patch: { label: 'Opted out', connected: false },
    });
    const optOut = (await h.call('outcomes.list', {})).find((o) => o.id === 'do_not_contact');
    expect(optOut).toMatchObject({ label: 'Opted out', effect: 'do_not_contact', active: true });
    const lead = h.lead({ name: 'Opt-out', phones: phone('+14155550188') });
    await h.call('outcomes.log', { leadId: lead, outcome: 'do_not_contact', at: T });
    expect(JSON.stringify(await h.call('dnc.list', {}))).toContain('+14155550188');
  });

  it('keeps demo leads out of the outbox', async () => {
    const h = await openHarness(T);
    const lead = h.lead({ name: 'Demo lead', isDemo: true });
    const before = outboxRows(h.core).length;
    await h.call('outcomes.log', { leadId: lead, outcome: 'no_answer', at: T });
    expect(outboxRows(h.core)).toHaveLength(before);
  });
});
