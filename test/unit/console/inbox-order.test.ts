import type { ServerHandoff } from '@shared/server/handoffs';
import { describe, expect, it } from 'vitest';
import { decidedOrder, hoursAndMinutes, inboxOrder } from '../../../src/console/src/features/inbox/order';

const HOUR = 3_600_000;

const handoff = (id: string, fields: Partial<ServerHandoff>): ServerHandoff => ({
  id: `00000000-0000-7000-8000-00000000000${id}`,
  leadId: '00000000-0000-7000-8000-0000000000aa',
  leadName: `Lead ${id}`,
  rep: { userId: '00000000-0000-7000-8000-0000000000bb', email: 'rep@example.com' },
  ae: null,
  summary: '',
  bant: [],
  nextStep: '',
  profileFilled: 0,
  profileTotal: 15,
  createdAt: 0,
  dueAt: 48 * HOUR,
  msLeft: 48 * HOUR,
  status: 'open',
  decidedAt: null,
  reason: null,
  missed: false,
  ...fields,
});

describe('the AE inbox order', () => {
  it('puts hand-offs under 12 hours left first (least left first), then the rest newest first', () => {
    const list = [
      handoff('1', { createdAt: 1_000, msLeft: 40 * HOUR }),
      handoff('2', { createdAt: 3_000, msLeft: 47 * HOUR }),
      handoff('3', { createdAt: 500, msLeft: 2 * HOUR }),
      handoff('4', { createdAt: 100, msLeft: 0 }),
      handoff('5', { status: 'accepted', msLeft: null, decidedAt: 10 }),
    ];
    expect(inboxOrder(list).map((h) => h.leadName)).toEqual(['Lead 4', 'Lead 3', 'Lead 2', 'Lead 1']);
  });

  it('lists decided hand-offs apart, newest decision first', () => {
    const list = [
      handoff('1', { status: 'accepted', msLeft: null, decidedAt: 10 }),
      handoff('2', { status: 'rejected', msLeft: null, decidedAt: 30, reason: 'No budget' }),
      handoff('3', {}),
    ];
    expect(decidedOrder(list).map((h) => h.leadName)).toEqual(['Lead 2', 'Lead 1']);
  });

  it('shows the countdown in whole hours and minutes, never below zero', () => {
    expect(hoursAndMinutes(47 * HOUR + 59 * 60_000 + 59_999)).toEqual({ hours: 47, minutes: 59 });
    expect(hoursAndMinutes(-5_000)).toEqual({ hours: 0, minutes: 0 });
  });
});
