import { describe, expect, it } from 'vitest';
import { isoInZone, offsetMinutes, type WallClock, wallClock } from '../../../src/shared/queue/clock';

const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

/** The wall clock as ICU reads it for this very instant, nothing cached. */
const icuFormats = new Map<string, Intl.DateTimeFormat>();
const icuWall = (zone: string, at: number): WallClock => {
  const format =
    icuFormats.get(zone) ??
    new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      weekday: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  icuFormats.set(zone, format);
  const parts = format.formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return {
    year: Number(part('year')),
    month: Number(part('month')),
    day: Number(part('day')),
    minute: (Number(part('hour')) % 24) * 60 + Number(part('minute')),
    weekday: WEEKDAYS[part('weekday')] ?? 0,
    subMinuteMs: Number(part('second')) * 1000 + (((at % 1000) + 1000) % 1000),
  };
};

// Half-hour and 45-minute offsets, a half-hour DST shift, southern DST, a zone that dropped DST.
const ZONES = [
  'America/New_York',
  'America/St_Johns',
  'Asia/Kathmandu',
  'Australia/Lord_Howe',
  'Australia/Adelaide',
  'Asia/Kolkata',
  'Europe/London',
  'America/Sao_Paulo',
  'Pacific/Chatham',
  'Africa/Monrovia',
];

describe('wallClock', () => {
  it('reads the same wall clock as ICU at every second around DST changes', () => {
    // 2026-03-08 07:00Z is 02:00 in New York (spring forward); 2026-11-01 06:00Z its fall back;
    // 2026-04-04 15:00Z Lord Howe's half-hour shift.
    const changes = [Date.UTC(2026, 2, 8, 7), Date.UTC(2026, 10, 1, 6), Date.UTC(2026, 3, 4, 15)];
    for (const zone of ZONES) {
      for (const change of changes) {
        for (let at = change - 120_000; at <= change + 120_000; at += 1_000 + 7) {
          expect(wallClock(zone, at), `${zone} at ${new Date(at).toISOString()}`).toEqual(icuWall(zone, at));
        }
      }
    }
  });

  it('reads the same wall clock as ICU at random instants, asked twice', () => {
    let seed = 42;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const from = Date.UTC(1960, 0, 1);
    const to = Date.UTC(2100, 0, 1);
    for (let i = 0; i < 3_000; i++) {
      const zone = ZONES[i % ZONES.length] as string;
      const at = Math.floor(from + random() * (to - from));
      const expected = icuWall(zone, at);
      expect(wallClock(zone, at)).toEqual(expected);
      // The second read comes from the minute already read, with this instant's seconds.
      expect(wallClock(zone, at)).toEqual(expected);
      expect(wallClock(zone, at + 17)).toEqual(icuWall(zone, at + 17));
    }
  });

  it('hands out a fresh object each time, so a caller changing it cannot change the next answer', () => {
    const at = Date.UTC(2026, 10, 24, 15, 0, 30);
    const first = wallClock('America/Chicago', at);
    first.minute = 0;
    expect(wallClock('America/Chicago', at).minute).toBe(9 * 60);
  });

  it('keeps offsets and ISO text exact (Kathmandu +05:45, Monrovia −00:44:30 before 1972)', () => {
    expect(offsetMinutes('Asia/Kathmandu', Date.UTC(2026, 0, 1))).toBe(345);
    expect(isoInZone('Asia/Kathmandu', Date.UTC(2026, 0, 1, 0, 0, 5))).toBe('2026-01-01T05:45:05+05:45');
    expect(wallClock('Africa/Monrovia', Date.UTC(1970, 0, 1, 12))).toEqual(
      icuWall('Africa/Monrovia', Date.UTC(1970, 0, 1, 12)),
    );
  });
});
