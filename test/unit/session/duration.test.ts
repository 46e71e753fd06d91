import { describe, expect, it } from 'vitest';
import { MAX_DURATION_MS, parseDuration } from '../../../src/shared/queue/duration';

describe('parseDuration', () => {
  it('reads minutes, hours, days and weeks, alone or together', () => {
    expect(parseDuration('30m')).toBe(30 * 60_000);
    expect(parseDuration('1h')).toBe(3_600_000);
    expect(parseDuration(' 1H 30m ')).toBe(90 * 60_000);
    expect(parseDuration('2d')).toBe(2 * 86_400_000);
    expect(parseDuration('1w1d')).toBe(8 * 86_400_000);
  });

  it('refuses text, bare numbers, zero and more than a year', () => {
    for (const text of ['', 'soon', '15', '1.5h', '-1h', '0m', '1y', 'h1'])
      expect(parseDuration(text)).toBeNull();
    expect(parseDuration('52w')).toBe(52 * 7 * 86_400_000);
    expect(parseDuration('367d')).toBeNull();
    expect(parseDuration('366d')).toBe(MAX_DURATION_MS);
  });
});
