import { describe, expect, it } from 'vitest';
import { HOUR, MINUTE, openHarness, utc } from '../cadence/helpers';

// Monday 2 March 2026, 10:00 in Chicago (the harness's rep zone).
const T = utc('2026-03-02T16:00:00Z');

describe('a due callback', () => {
  it('is listed for its notification and puts its lead at the top of the queue', async () => {
    const h = await openHarness(T);
    const promised = h.lead({ name: 'Callback Carla', timeZone: 'America/Chicago' });
    await h.call('outcomes.log', { leadId: promised, outcome: 'callback', callbackAt: T + 2 * HOUR, at: T });
    // Fresh inbound leads that would otherwise come first (speed to lead).
    const fresh = [h.lead({ name: 'New Nia', timeZone: 'America/Chicago', direction: 'inbound' })];
    fresh.push(h.lead({ name: 'New Noor', timeZone: 'America/Chicago', direction: 'inbound' }));

    const soon = await h.call('callbacks.upcoming', { from: T, to: T + 3 * HOUR });
    expect(soon).toEqual([
      expect.objectContaining({ leadId: promised, name: 'Callback Carla', dueAt: T + 2 * HOUR }),
    ]);
    expect(await h.call('callbacks.upcoming', { from: T + 2 * HOUR + MINUTE, to: T + 4 * HOUR })).toEqual([]);

    const before = await h.call('queue.list', { at: T + HOUR, limit: 10 });
    expect(before.entries[0]?.lead.id).not.toBe(promised);
    const due = await h.call('queue.list', { at: T + 2 * HOUR, limit: 10 });
    expect(due.entries[0]?.lead.id).toBe(promised);
    expect(due.entries.map((e) => e.lead.id)).toEqual(expect.arrayContaining(fresh));
  });
});
