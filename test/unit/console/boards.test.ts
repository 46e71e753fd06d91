import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { csvHref, drillPath } from '../../../src/console/src/features/boards/drill';
import { formatWait, outcomeText } from '../../../src/console/src/features/boards/words';

import { en } from '../../../src/renderer/src/i18n/resources/en';

describe("the manager's boards", () => {
  beforeAll(async () => {
    await i18next.init({ lng: 'en', resources: { en: { translation: en } } });
  });

  it('ask the CSV of the same query and the drill-down of the cell', () => {
    expect(csvHref('/v1/reports/sla')).toBe('/v1/reports/sla?format=csv');
    expect(csvHref('/v1/reports/channels?days=90')).toBe('/v1/reports/channels?days=90&format=csv');
    const path = drillPath({
      metric: 'dials',
      from: '2026-03-09',
      to: '2026-03-14',
      userId: undefined,
      who: 'Team',
    });
    expect(new URL(path, 'http://x').searchParams.get('userId')).toBeNull();
    const rep = new URL(
      drillPath({ metric: 'mqls', from: '2026-03-14', to: '2026-03-14', userId: 'u1', who: 'a' }),
      'http://x',
    );
    expect(Object.fromEntries(rep.searchParams)).toEqual({
      metric: 'mqls',
      from: '2026-03-14',
      to: '2026-03-14',
      limit: '50',
      userId: 'u1',
    });
  });

  it('write figures and waits in words', () => {
    const t = i18next.t;
    expect(formatWait(t, 59_000)).toBe('under a minute');
    expect(formatWait(t, 14 * 60_000)).toBe('14 min');
    expect(formatWait(t, (2 * 60 + 5) * 60_000)).toBe('2 h 05 min');
    expect(formatWait(t, 47 * 3_600_000)).toBe('1 d 23 h');
    expect(outcomeText(t, 'call', 'gatekeeper')).toBe('Reached a gatekeeper');
    expect(outcomeText(t, 'call', 'team_own')).toBe('team_own');
    expect(outcomeText(t, 'handoff', 'accepted')).toBe('Accepted (SQL)');
  });
});
