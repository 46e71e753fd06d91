import { describe, expect, it } from 'vitest';
import { planDay } from '../../../src/main/core/queue/plan';
import { DAY, HOUR, MINUTE, openHarness, phone, utc } from './helpers';

// Tuesday 11 March 2025, 15:00 UTC = 10:00 in Chicago (the rep) and 11:00 in New York (the leads).
const T = utc('2025-03-11T15:00:00Z');

const leads = (h: Awaited<ReturnType<typeof openHarness>>, n: number) =>
  Array.from({ length: n }, (_, i) =>
    h.lead(
      { name: `Lead ${i}`, phones: phone(`+120255502${String(i).padStart(2, '0')}`) },
      { at: T - HOUR - i * MINUTE },
    ),
  );

describe("the day's plan", () => {
  it('plans the target at the default pace when the rep has no history', async () => {
    const h = await openHarness(T, { dailyDialTarget: 3, defaultPaceSeconds: 240 });
    leads(h, 5);
    const plan = await h.call('queue.plan', { at: T });
    expect(plan).toMatchObject({ target: 3, dialsToday: 0, remaining: 3, shortfall: 0 });
    expect(plan.pace).toEqual({ secondsPerDial: 240, source: 'default', samples: 0 });
    expect(plan.items.map((i) => i.plannedAt)).toEqual([T, T + 4 * MINUTE, T + 8 * MINUTE]);
    expect(plan.estimatedFinishAt).toBe(T + 12 * MINUTE);
    expect(plan.dayStart).toBe(utc('2025-03-11T05:00:00Z'));
  });

  it("uses the rep's own pace today, and re-plans as calls are logged", async () => {
    const h = await openHarness(T, { dailyDialTarget: 6 });
    const ids = leads(h, 8);
    for (const [i, id] of ids.slice(0, 3).entries()) {
      await h.call('outcomes.log', {
        leadId: id,
        outcome: 'no_answer',
        at: T - 30 * MINUTE + i * 2 * MINUTE,
      });
    }
    const plan = await h.call('queue.plan', { at: T });
    expect(plan).toMatchObject({
      dialsToday: 3,
      remaining: 3,
      pace: { secondsPerDial: 120, source: 'today', samples: 2 },
    });
    expect(plan.items).toHaveLength(3);
    expect(plan.items.map((i) => i.entry.lead.id)).not.toContain(ids[0]);
    expect(plan.estimatedFinishAt).toBe(T + 6 * MINUTE);

    await h.call('outcomes.log', {
      leadId: plan.items[0]?.entry.lead.id as string,
      outcome: 'no_answer',
      at: T,
    });
    const again = await h.call('queue.plan', { at: T + 2 * MINUTE });
    expect(again).toMatchObject({ dialsToday: 4, remaining: 2 });
    expect(again.items.map((i) => i.entry.lead.id)).not.toContain(plan.items[0]?.entry.lead.id);
  });

  it('shows the shortfall when there are not enough callable leads before the day ends', async () => {
    const h = await openHarness(T, { dailyDialTarget: 10 });
    const ids = leads(h, 2);
    const plan = await h.call('queue.plan', { at: T });
    // Each lead three times: the new-lead cadence retries an unanswered first call after 4 hours, at
    // most three times, and the window closes at 21:00 in New York.
    expect(plan).toMatchObject({ remaining: 10, shortfall: 4, estimatedFinishAt: null });
    expect(plan.items.map((i) => [i.entry.lead.id, i.plannedAt])).toEqual([
      [ids[1], T],
      [ids[0], T + 3 * MINUTE],
      [ids[1], T + 4 * HOUR],
      [ids[0], T + 4 * HOUR + 3 * MINUTE],
      [ids[1], T + 8 * HOUR],
      [ids[0], T + 8 * HOUR + 3 * MINUTE],
    ]);
  });

  it('plans a lead again when the queue will offer it again after an unanswered dial', async () => {
    const h = await openHarness(T, { dailyDialTarget: 5 });
    const [id] = leads(h, 1) as [string];
    const plan = await h.call('queue.plan', { at: T });
    expect(plan.items.map((i) => i.plannedAt)).toEqual([T, T + 4 * HOUR, T + 8 * HOUR]);
    expect(plan.shortfall).toBe(2);

    // The queue follows the same rule: the unanswered lead is gone until the plan said it comes back.
    await h.call('outcomes.log', { leadId: id, outcome: 'no_answer', at: T });
    const listed = async (at: number) =>
      (await h.call('queue.list', { at, limit: 10 })).entries.map((e) => e.lead.id);
    expect(await listed(T + 4 * HOUR - MINUTE)).toEqual([]);
    expect(await listed(T + 4 * HOUR)).toEqual([id]);
    const later = await h.call('queue.plan', { at: T + 4 * HOUR - MINUTE });
    expect(later.items.map((i) => i.plannedAt)).toEqual([T + 4 * HOUR, T + 8 * HOUR]);
    // With the lead listed as callable, the plan never says no lead is callable for the next dial.
    expect(later.items[0]?.entry.lead.id).toBe(id);
  });

  it('does not plan a lead again once its step moves on to an email', async () => {
    // A day cap high enough that only the step's own three attempts stop it.
    const h = await openHarness(T, { dailyDialTarget: 5, maxAttemptsPerDay: 10 });
    const [id] = leads(h, 1) as [string];
    for (const at of [T - 9 * HOUR, T - 8 * HOUR]) {
      h.setNow(at);
      await h.call('outcomes.log', { leadId: id, outcome: 'no_answer', at });
    }
    h.setNow(T);
    // The third and last attempt on the first call; a fourth unanswered one would move on to the email.
    const plan = await h.call('queue.plan', { at: T });
    expect(plan.items.map((i) => [i.entry.lead.id, i.plannedAt])).toEqual([[id, T]]);
  });

  it('plans leads whose window opens later in the day at the time it opens', async () => {
    const h = await openHarness(utc('2025-03-11T11:00:00Z'), { dailyDialTarget: 1 });
    // 06:00 in Chicago; the New York lead opens at 08:00 EDT = 12:00 UTC.
    h.lead({ name: 'Early bird' }, { at: utc('2025-03-10T15:00:00Z') });
    const plan = await h.call('queue.plan', { at: utc('2025-03-11T11:00:00Z') });
    expect(plan.items.map((i) => i.plannedAt)).toEqual([utc('2025-03-11T12:00:00Z')]);
  });
});

describe("the day's plan over many leads", () => {
  it('reusing earlier steps’ reads plans exactly what reading afresh at every step plans', async () => {
    // A rep in Chicago at 07:00: New York is open, Chicago opens at 08:00, Los Angeles at 11:00 local
    // time, so windows open while the plan runs; earlier unanswered calls bring leads back through the
    // day, and new inbound leads age out of speed to lead.
    const start = utc('2025-03-11T12:00:00Z');
    const h = await openHarness(start, { dailyDialTarget: 400, defaultPaceSeconds: 60 });
    const zones = ['America/New_York', 'America/Chicago', 'America/Los_Angeles'];
    const ids: string[] = [];
    for (let i = 0; i < 45; i++) {
      const inbound = i % 5 === 0;
      ids.push(
        h.lead(
          {
            name: `Lead ${i}`,
            phones: phone(`+1202555${String(1000 + i)}`),
            timeZone: zones[i % zones.length] as string,
            direction: inbound ? 'inbound' : 'outbound',
            sourceChannel: inbound ? 'web_form' : 'outbound_list',
          },
          { at: start - (inbound ? (i % 7) * HOUR : DAY + i * MINUTE) },
        ),
      );
    }
    for (const [i, id] of ids.slice(0, 27).entries()) {
      if (i % 3 === 2) continue;
      const at = start - 2 * HOUR + i * 3 * MINUTE;
      h.setNow(at);
      await h.call('outcomes.log', { leadId: id, outcome: 'no_answer', at });
    }
    h.setNow(start);
    const { svc } = h.core.dialing;
    const { selector } = h.core.dialing;
    for (const at of [start, start + 2 * HOUR + 7 * MINUTE, start + 6 * HOUR]) {
      const reused = planDay(svc, selector, at);
      const fresh = planDay(svc, selector, at, { reuseReads: false });
      expect(reused.items.length).toBeGreaterThan(40);
      expect(reused.shortfall).toBeGreaterThan(0);
      expect(new Set(reused.items.map((i) => i.entry.zone?.timeZone)).size).toBe(3);
      expect(reused).toEqual(fresh);
    }
  });
});

describe("the queue's reads shared while the store is unchanged", () => {
  it('see a call logged through this connection and one logged by another process on the same store', async () => {
    const h = await openHarness(T, { dailyDialTarget: 8 });
    leads(h, 6);
    const listed = async (at: number) =>
      (await h.call('queue.list', { at, limit: 10 })).entries.map((e) => e.lead.id);
    const first = await listed(T);
    expect(first).toHaveLength(6);
    // The plan reuses what the list read; asked again with nothing written, both answer the same.
    const plan = await h.call('queue.plan', { at: T });
    expect(await listed(T)).toEqual(first);
    expect(await h.call('queue.plan', { at: T })).toEqual(plan);

    // Another connection on the same data dir (the CLI, a second window) logs a call.
    const other = await openHarness(T, { dailyDialTarget: 8 }, h.dataDir);
    await other.call('outcomes.log', { leadId: first[0] as string, outcome: 'no_answer', at: T });
    expect(await listed(T + MINUTE)).toEqual(first.slice(1));
    expect((await h.call('queue.next', { at: T + MINUTE })).entry?.lead.id).toBe(first[1]);

    // This connection logs one.
    await h.call('outcomes.log', { leadId: first[1] as string, outcome: 'no_answer', at: T + MINUTE });
    expect(await listed(T + 2 * MINUTE)).toEqual(first.slice(2));
    const { svc, selector } = h.core.dialing;
    const after = await h.call('queue.plan', { at: T + 2 * MINUTE });
    expect(after.items[0]?.entry.lead.id).toBe(first[2]);
    expect(after).toEqual(planDay(svc, selector, T + 2 * MINUTE, { reuseReads: false }));
  });
});
