import { describe, expect, it } from 'vitest';
import { INBOUND_CADENCE_ID, NEW_LEAD_CADENCE_ID } from '../../../src/main/core/cadence/defaults';
import { DAY, liveOf, openHarness, utc } from './helpers';

const T = utc('2025-03-11T15:00:00Z');

const eventCadence = {
  name: 'Event follow-up',
  rule: { sourceChannels: ['event' as const] },
  priority: 5,
  steps: [
    {
      id: 'call',
      kind: 'call' as const,
      title: 'Call about the event',
      on: { no_answer: { action: 'retry' as const, wait: { amount: 1, unit: 'days' as const } } },
    },
    { id: 'mail', kind: 'email' as const, title: 'Send the slides' },
  ],
};

describe('cadences as data', () => {
  it('starts with the playbook cadence and the inbound one, in rule order', async () => {
    const h = await openHarness(T);
    const list = await h.call('cadences.list', {});
    expect(list.map((c) => [c.id, c.builtin])).toEqual([
      [INBOUND_CADENCE_ID, true],
      [NEW_LEAD_CADENCE_ID, true],
    ]);
  });

  it('enrolls by rule: the first matching cadence in priority order takes the lead', async () => {
    const h = await openHarness(T);
    const saved = await h.call('cadences.save', { cadence: eventCadence });
    const fromEvent = h.lead({ name: 'Booth visitor', sourceChannel: 'event', direction: 'inbound' });
    const fromForm = h.lead({ name: 'Form', sourceChannel: 'web_form', direction: 'inbound' });
    const cold = h.lead({ name: 'Cold', sourceChannel: 'outbound_list' });
    const closed = h.lead({ name: 'Closed', status: 'won' });
    const cadenceOf = async (leadId: string) =>
      (await h.call('enrollments.get', { leadId })).current?.cadenceId;
    expect(await cadenceOf(fromEvent)).toBe(saved.id);
    expect(await cadenceOf(fromForm)).toBe(INBOUND_CADENCE_ID);
    expect(await cadenceOf(cold)).toBe(NEW_LEAD_CADENCE_ID);
    expect(await cadenceOf(closed)).toBeUndefined();
  });

  it('exports and imports cadences as JSON without duplicating them', async () => {
    const h = await openHarness(T);
    await h.call('cadences.save', { cadence: eventCadence });
    const { json, file } = await h.call('cadences.export', {});
    expect(file.format).toBe('dialdeck.cadences');
    expect(file.cadences).toHaveLength(3);

    const other = await openHarness(T);
    const { saved } = await other.call('cadences.import', { json });
    expect(saved.map((c) => c.name).sort()).toEqual([
      'Event follow-up',
      'Inbound: speed to lead',
      'New lead',
    ]);
    expect((await other.call('cadences.list', {})).map((c) => c.id)).toEqual(
      (await h.call('cadences.list', {})).map((c) => c.id),
    );
    await other.call('cadences.import', { json });
    expect(await other.call('cadences.list', {})).toHaveLength(3);
  });

  it('rejects a bad file with the path of the bad field', async () => {
    const h = await openHarness(T);
    const file = (steps: unknown[]) =>
      JSON.stringify({ format: 'dialdeck.cadences', version: 1, cadences: [{ name: 'Broken', steps }] });
    expect(
      (
        await h.fail('cadences.import', {
          json: file([
            {
              id: 'call-1',
              kind: 'call',
              title: 'Call',
              on: { voicemail: { action: 'goto', step: 'email-9' } },
            },
          ]),
        })
      ).message,
    ).toContain('cadences[0].steps[0].on.voicemail.step: no step "email-9" in this cadence');
    expect(
      (
        await h.fail('cadences.import', {
          json: file([{ id: 'call-1', kind: 'call', title: 'Call', on: { hung_up: { action: 'exit' } } }]),
        })
      ).message,
    ).toContain('cadences[0].steps[0].on.hung_up: no outcome "hung_up"');
    expect(
      (
        await h.fail('cadences.import', {
          json: file([{ id: 'call-1', kind: 'call', title: 'Call', wait: { amount: -1, unit: 'hours' } }]),
        })
      ).message,
    ).toContain('cadences[0].steps[0].wait.amount');
    expect((await h.fail('cadences.import', { json: '{ not json' })).message).toContain('not JSON');
    expect(await h.call('cadences.list', {})).toHaveLength(2);
  });

  it('keeps steps that leads are on, and retires a cadence by ending its enrollments', async () => {
    const h = await openHarness(T);
    const saved = await h.call('cadences.save', { cadence: eventCadence });
    const lead = h.lead({ name: 'On it', sourceChannel: 'event' });
    const trimmed = { ...eventCadence, id: saved.id, steps: eventCadence.steps.slice(1) };
    expect(await h.fail('cadences.save', { cadence: trimmed })).toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('step "call" has 1 lead(s) on it'),
    });
    expect(await h.call('cadences.delete', { id: saved.id })).toEqual({ id: saved.id, finished: 1 });
    expect(liveOf(h.core, lead)).toEqual({ tasks: [], enrollments: [] });
    expect((await h.call('cadences.list', {})).map((c) => c.id)).not.toContain(saved.id);
  });

  it('pauses, resumes and removes a lead’s enrollment, and enrolls by hand', async () => {
    const h = await openHarness(T);
    const lead = h.lead({ name: 'Manual' }, { enroll: false });
    expect(await h.call('enrollments.get', { leadId: lead })).toMatchObject({ current: null, task: null });
    const enrolled = await h.call('enrollments.enroll', { leadIds: [lead], cadenceId: INBOUND_CADENCE_ID });
    expect(enrolled.enrolled[0]).toMatchObject({ cadenceId: INBOUND_CADENCE_ID, stepId: 'call-1' });
    expect((await h.call('enrollments.enroll', { leadIds: [lead] })).skipped).toEqual([
      { leadId: lead, reason: 'already_enrolled' },
    ]);
    await h.call('enrollments.pause', { leadId: lead });
    expect((await h.call('queue.why', { leadId: lead, at: T })).blockers).toEqual([
      expect.objectContaining({ rule: 'paused', until: null }),
    ]);
    await h.call('enrollments.resume', { leadId: lead });
    expect((await h.call('queue.next', { at: T })).entry?.lead.id).toBe(lead);
    const removed = await h.call('enrollments.remove', { leadId: lead });
    expect(removed).toMatchObject({ state: 'finished', finishReason: 'removed' });
    expect((await h.call('queue.why', { leadId: lead, at: T + DAY })).blockers).toEqual([
      expect.objectContaining({ rule: 'not_enrolled' }),
    ]);
    expect(await h.call('enrollments.get', { leadId: lead })).toMatchObject({
      current: null,
      history: [removed],
    });
  });
});
