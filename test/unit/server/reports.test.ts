import { DEFAULT_OUTCOMES } from '@shared/domain/outcome';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { reportsMigration } from '../../../src/server/db/migrations/reports';
import { toCsv } from '../../../src/server/reports/csv';
import { periodOf, todayAndWeek } from '../../../src/server/reports/periods';
import { nearestRank } from '../../../src/server/reports/speed-to-lead';

const at = (iso: string) => Date.parse(iso);

/** The outcome ids of each `outcome IN (…)` list in the figures function's SQL, in order. */
const outcomeLists = (): string[][] => {
  const figures = reportsMigration.sql.slice(reportsMigration.sql.indexOf('CREATE FUNCTION report_figures'));
  const body = figures.slice(0, figures.indexOf('$fn$;'));
  return [...body.matchAll(/outcome IN \(([^)]*)\)/g)].map((m) =>
    [...(m[1] ?? '').matchAll(/'([a-z_]+)'/g)].map((id) => id[1] as string).sort(),
  );
};

describe('reports', () => {
  it('counts as conversations exactly the built-in outcomes marked connected, and as connects those plus gatekeepers and wrong numbers', () => {
    const connected = DEFAULT_OUTCOMES.filter((o) => o.connected).map((o) => o.id);
    // report_figures lists connects first, then conversations.
    expect(outcomeLists()).toEqual([
      [...connected, 'gatekeeper', 'wrong_number'].sort(),
      [...connected].sort(),
    ]);
  });

  it("runs the week from Monday to today on the team's wall clock, across a daylight-saving change", () => {
    // Sunday 8 March 2026, 02:00 in Los Angeles, clocks went forward: that Sunday lasted 23 hours.
    const sunday = todayAndWeek(at('2026-03-09T06:30:00Z'), 'America/Los_Angeles');
    expect(sunday.today).toEqual({
      from: '2026-03-08',
      to: '2026-03-08',
      fromMs: at('2026-03-08T08:00:00Z'),
      toMs: at('2026-03-09T07:00:00Z'),
    });
    expect(sunday.week.from).toBe('2026-03-02');
    const monday = todayAndWeek(at('2026-03-09T07:00:00Z'), 'America/Los_Angeles');
    expect(monday.week).toMatchObject({ from: '2026-03-09', to: '2026-03-09' });
    // Seoul is already on Tuesday when Los Angeles is on Monday afternoon.
    expect(todayAndWeek(at('2026-03-09T22:00:00Z'), 'Asia/Seoul').today.from).toBe('2026-03-10');
    expect(periodOf('2026-03-09', '2026-03-15', 'Asia/Kolkata')).toMatchObject({
      fromMs: at('2026-03-08T18:30:00Z'),
      toMs: at('2026-03-15T18:30:00Z'),
    });
  });

  it('takes percentiles by nearest rank', () => {
    expect(nearestRank([], 0.5)).toBeNull();
    expect(nearestRank([10], 0.95)).toBe(10);
    expect(nearestRank([1, 2, 3, 4], 0.5)).toBe(2);
    expect(nearestRank([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBe(9);
    expect(nearestRank([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.95)).toBe(10);
  });

  it('writes CSV with a byte-order mark, quoted as needed, and text that would start a formula made inert', () => {
    const csv = toCsv(
      ['name', 'note', 'count'],
      [
        ['=HYPERLINK("x")', 'a, "quoted" note', -3],
        ['박지민', null, 0.25],
      ],
    );
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(Papa.parse(csv.slice(1).trim()).data).toEqual([
      ['name', 'note', 'count'],
      ['\'=HYPERLINK("x")', 'a, "quoted" note', '-3'],
      ['박지민', '', '0.25'],
    ]);
  });
});
