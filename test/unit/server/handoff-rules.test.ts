import { describe, expect, it } from 'vitest';
import { dueAtOf, monthOf, nextInRotation, oneMonthAfter } from '../../../src/server/handoffs/rules';

const at = (iso: string) => Date.parse(iso);

describe('hand-off rules', () => {
  it('gives the AE 48 hours from when the server has the hand-off', () => {
    expect(dueAtOf(at('2026-03-10T15:00:00Z'))).toBe(at('2026-03-12T15:00:00Z'));
  });

  it('counts a miss in its calendar month, in UTC', () => {
    expect(monthOf(at('2026-03-31T23:59:59Z'))).toBe('2026-03');
    expect(monthOf(at('2026-04-01T00:00:00Z'))).toBe('2026-04');
  });

  it('keeps an AE out of rotation for one calendar month, clipped to a shorter month', () => {
    expect(oneMonthAfter(at('2026-03-10T15:00:00Z'))).toBe(at('2026-04-10T15:00:00Z'));
    expect(oneMonthAfter(at('2026-01-31T08:00:00Z'))).toBe(at('2026-02-28T08:00:00Z'));
    expect(oneMonthAfter(at('2028-01-31T08:00:00Z'))).toBe(at('2028-02-29T08:00:00Z'));
    expect(oneMonthAfter(at('2026-12-15T00:00:00Z'))).toBe(at('2027-01-15T00:00:00Z'));
  });

  it('picks the next eligible AE in joining order, wrapping, skipping one out of rotation', () => {
    const ana = { id: 'b0000000-0000-7000-8000-000000000000', createdAt: 1 };
    const bo = { id: 'a0000000-0000-7000-8000-000000000000', createdAt: 2 };
    const cy = { id: 'c0000000-0000-7000-8000-000000000000', createdAt: 2 };
    expect(nextInRotation([cy, bo, ana], null)).toBe(ana);
    expect(nextInRotation([cy, bo, ana], ana)).toBe(bo);
    expect(nextInRotation([cy, bo, ana], bo)).toBe(cy);
    expect(nextInRotation([cy, bo, ana], cy)).toBe(ana);
    // bo is out of rotation: after ana comes cy; the pointer may name an AE no longer eligible.
    expect(nextInRotation([cy, ana], ana)).toBe(cy);
    expect(nextInRotation([cy, ana], bo)).toBe(cy);
    expect(nextInRotation([], ana)).toBeNull();
  });
});
