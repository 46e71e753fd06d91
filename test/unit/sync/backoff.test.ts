import { describe, expect, it } from 'vitest';
import { backoffDelay } from '../../../src/main/core/sync/backoff';

describe('backoffDelay (exponential, full jitter)', () => {
  const policy = { baseMs: 1_000, maxMs: 60_000 };

  it('doubles the ceiling per attempt up to the cap, and draws below it', () => {
    const top = () => 0.999_999;
    expect([0, 1, 2, 3, 4, 5, 6, 7, 10].map((n) => backoffDelay(n, policy, top))).toEqual([
      999, 1_999, 3_999, 7_999, 15_999, 31_999, 59_999, 59_999, 59_999,
    ]);
    expect(backoffDelay(3, policy, () => 0)).toBe(0);
    expect(backoffDelay(3, policy, () => 0.5)).toBe(4_000);
  });

  it('spreads clients that failed together across the window', () => {
    const waits = Array.from({ length: 200 }, () => backoffDelay(4, policy));
    expect(Math.min(...waits)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...waits)).toBeLessThan(16_000);
    expect(new Set(waits).size).toBeGreaterThan(150);
  });
});
