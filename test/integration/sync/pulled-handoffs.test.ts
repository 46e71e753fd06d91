import type { PulledHandoff } from '@shared/server/handoffs';
import { describe, expect, it } from 'vitest';
import { applyPulledHandoff } from '../../../src/main/core/sync/pulled/handoffs';
import { HOUR, openHarness, outboxRows, utc } from '../cadence/helpers';

const T = utc('2026-03-02T15:00:00Z');

/** A lead handed off on a real store; returns the harness, the lead and the hand-off id. */
const handedOff = async (name: string) => {
  const h = await openHarness(T);
  const lead = h.lead({ name });
  const done = await h.call('handoffs.create', {
    leadId: lead,
    summary: 'Wants a pilot',
    nextStep: 'Demo on Tuesday',
    confirm: ['budget', 'need'],
  });
  return { h, lead, handoffId: done.handoffId };
};

const decision = (id: string, leadId: string, patch: Partial<PulledHandoff>): PulledHandoff => ({
  id,
  leadId,
  repId: '01966a1c-0000-7000-8000-000000000001',
  ae: 'ae1@example.com',
  status: 'open',
  dueAt: T + 48 * HOUR,
  decidedAt: null,
  reason: null,
  missed: false,
  ...patch,
});

const statusOf = (h: Awaited<ReturnType<typeof openHarness>>, leadId: string) =>
  h.core.db.prepare('SELECT status FROM leads WHERE id = ?').pluck().get(leadId);

describe('an AE decision pulled onto the rep desktop', () => {
  it('accepted: the lead becomes an SQL, its history says so, nothing goes to the outbox, once', async () => {
    const { h, lead, handoffId } = await handedOff('Jo Park');
    const before = outboxRows(h.core).length;
    // Still open: the first pull records where the server routed it (history only), a second one nothing.
    expect(applyPulledHandoff(h.core.db, decision(handoffId, lead, {}))).toBe('applied');
    expect(applyPulledHandoff(h.core.db, decision(handoffId, lead, {}))).toBe('unchanged');
    expect(statusOf(h, lead)).toBe('mql');
    const accepted = decision(handoffId, lead, { status: 'accepted', decidedAt: T + 2 * HOUR });
    expect(applyPulledHandoff(h.core.db, accepted)).toBe('applied');
    expect(statusOf(h, lead)).toBe('sql');
    expect(applyPulledHandoff(h.core.db, accepted)).toBe('unchanged');
    expect(outboxRows(h.core).length).toBe(before);
    const history = await h.call('history.list', { leadId: lead });
    const entry = history.activities.find((a) => a.kind === 'status_change');
    expect(entry).toMatchObject({ occurredAt: T + 2 * HOUR, note: null });
  });

  it('rejected: back to nurture with the AE reason in the history', async () => {
    const { h, lead, handoffId } = await handedOff('Ana Ruiz');
    const rejected = decision(handoffId, lead, {
      status: 'rejected',
      decidedAt: T + 3 * HOUR,
      reason: 'No budget until Q3',
    });
    expect(applyPulledHandoff(h.core.db, rejected)).toBe('applied');
    expect(statusOf(h, lead)).toBe('nurture');
    const history = await h.call('history.list', { leadId: lead });
    expect(history.activities.filter((a) => a.kind === 'status_change')).toEqual([
      expect.objectContaining({ note: 'No budget until Q3' }),
    ]);
    const data = h.core.db
      .prepare("SELECT data FROM activities WHERE lead_id = ? AND kind = 'status_change'")
      .pluck()
      .get(lead) as string;
    expect(JSON.parse(data)).toEqual({
      statusBefore: 'mql',
      status: 'nurture',
      handoffId,
      decision: 'rejected',
      ae: 'ae1@example.com',
    });
  });

  it('a lead this store does not hold is unknown; a change it cannot read is a clear error', async () => {
    const { h, handoffId } = await handedOff('Bo Li');
    const elsewhere = decision(handoffId, '01966a1c-0000-7000-8000-0000000000ff', {
      status: 'accepted',
      decidedAt: T,
    });
    expect(applyPulledHandoff(h.core.db, elsewhere)).toBe('unknown');
    expect(() => applyPulledHandoff(h.core.db, { id: handoffId, status: 'accepted' })).toThrow(
      /cannot read.*Update Dialdeck/,
    );
  });
});
