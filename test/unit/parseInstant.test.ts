import { describe, expect, it } from 'vitest';
import { parseInstant } from '../../src/shared/queue/instant';

describe('reading an ISO 8601 date-time', () => {
  it('reads offsets in use, from UTC−12:00 to UTC+14:00', () => {
    expect(parseInstant('2026-12-01T10:00:00Z')).toBe(Date.UTC(2026, 11, 1, 10));
    expect(parseInstant('2026-12-01T10:00:00+14:00')).toBe(Date.UTC(2026, 11, 1, -4));
    expect(parseInstant('2026-12-01T10:00:00-12:00')).toBe(Date.UTC(2026, 11, 1, 22));
    expect(parseInstant('2026-12-01T10:00:00.123+05:30')).toBe(Date.UTC(2026, 11, 1, 4, 30, 0, 123));
    expect(parseInstant('2026-12-01T10:00:00+0530')).toBe(Date.UTC(2026, 11, 1, 4, 30));
  });

  it.each(['+25:00', '+99:99', '-13:00', '+14:30', '+05:60'])('refuses the offset %s', (offset) => {
    expect(parseInstant(`2026-12-01T10:00:00${offset}`)).toBeNull();
  });

  it('refuses text that is not a complete date-time', () => {
    expect(parseInstant('2026-12-01')).toBeNull();
    expect(parseInstant('tomorrow 9am')).toBeNull();
    expect(parseInstant('2026-13-01T10:00:00Z')).toBeNull();
  });
});
