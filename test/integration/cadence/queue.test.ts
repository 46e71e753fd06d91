import { describe, expect, it } from 'vitest';
import { DAY, HOUR, liveOf, MINUTE, openHarness, phone, utc } from './helpers';

// Tuesday 11 March 2025, 15:00 UTC: 11:00 in New York (EDT), 15:00 in London, 23:00 in Shanghai.
const T = utc('2025-03-11T15:00:00Z');

describe('the call queue', () => {
  it('ranks due callbacks first, then new inbound leads by arrival, then cadence steps', async () => {
    const h = await openHarness(T);
    const outbound = h.lead({ name: 'Old outbound', phones: phone('+12025550101') }, { at: T - 3 * DAY });
    const inboundLate = h.lead(
      {
        name: 'Inbound 5 min',
        direction: 'inbound',
        sourceChannel: 'web_form',
        phones: phone('+12025550102'),
      },
      { at: T - 5 * MINUTE },
    );
    const inboundEarly = h.lead(
      {
        name: 'Inbound 40 min',
        direction: 'inbound',
        sourceChannel: 'hotline',
        phones: phone('+12025550103'),
      },
      { at: T - 40 * MINUTE },
    );
    const callback = h.lead({ name: 'Callback', phones: phone('+12025550104') }, { at: T - 2 * DAY });
    await h.call('outcomes.log', {
      leadId: callback,
      outcome: 'callback',
      at: T - DAY,
      callbackAt: T - 10 * MINUTE,
    });

    const { entries } = await h.call('queue.list', { at: T });
    expect(entries.map((e) => e.lead.id)).toEqual([callback, inboundEarly, inboundLate, outbound]);
    expect(entries.map((e) => e.tier)).toEqual(['callback', 'speed_to_lead', 'speed_to_lead', 'cadence']);
    expect(entries[1]?.reasons[0]).toMatchObject({ code: 'speed_to_lead', value: 40 });
    expect(entries[3]?.reasons.map((r) => r.code)).toEqual(['priority', 'fit', 'attempts', 'step_due']);
    const next = await h.call('queue.next', { at: T });
    expect(next.entry?.lead.id).toBe(callback);
    expect(next.entry?.zone).toMatchObject({
      timeZone: 'America/New_York',
      localTime: '2025-03-11T11:00:00-04:00',
    });
    // The same store and instant always give the same order.
    expect((await h.call('queue.list', { at: T })).entries.map((e) => e.lead.id)).toEqual(
      entries.map((e) => e.lead.id),
    );
  });

  it('ranks cadence steps by fit, then attempts, then how long they have waited', async () => {
    const h = await openHarness(T);
    const older = h.lead({ name: 'Waited longer' }, { at: T - 5 * DAY });
    const newer = h.lead({ name: 'Waited less' }, { at: T - DAY });
    const fit = h.lead({ name: 'High fit' }, { at: T - HOUR });
    await h.call('queue.setFit', { leadId: fit, fit: 90 });
    const names = (await h.call('queue.list', { at: T })).entries.map((e) => e.lead.id);
    expect(names).toEqual([fit, older, newer]);
  });

  it('keeps a lead out until its local calling window opens, and says when', async () => {
    const h = await openHarness(T);
    const lead = h.lead({
      name: 'Shanghai',
      timeZone: 'Asia/Shanghai',
      country: 'CN',
      phones: phone('+8613800138000'),
    });
    expect((await h.call('queue.list', { at: T })).entries).toEqual([]);
    const why = await h.call('queue.why', { leadId: lead, at: T });
    expect(why.callable).toBe(false);
    expect(why.blockers).toEqual([
      expect.objectContaining({ rule: 'calling_window', until: utc('2025-03-12T00:00:00Z') }),
    ]);
    expect(why.callableAt).toBe(utc('2025-03-12T00:00:00Z'));
    expect((await h.call('queue.next', { at: utc('2025-03-12T00:00:00Z') })).entry?.lead.id).toBe(lead);
  });

  it('never surfaces a lead on the do-not-contact list, by phone, email or email domain', async () => {
    const h = await openHarness(T);
    const byPhone = h.lead({ name: 'Phone', phones: phone('+12025550111') });
    const byDomain = h.lead({ name: 'Domain', email: 'cfo@blocked.example', phones: phone('+12025550112') });
    const fine = h.lead({ name: 'Fine', email: 'a@ok.example', phones: phone('+12025550113') });
    const added = await h.call('dnc.add', {
      entries: [
        { kind: 'phone', value: '+1 202 555 0111' },
        { kind: 'domain', value: '@Blocked.example' },
      ],
    });
    expect(added.added.map((e) => e.value)).toEqual(['+12025550111', 'blocked.example']);
    expect(added.leadsAffected).toBe(2);
    expect((await h.call('queue.list', { at: T })).entries.map((e) => e.lead.id)).toEqual([fine]);
    for (const lead of [byPhone, byDomain]) {
      const why = await h.call('queue.why', { leadId: lead, at: T });
      expect(why.blockers).toEqual(
        expect.arrayContaining([expect.objectContaining({ rule: 'do_not_contact', until: null })]),
      );
      expect(why.callableAt).toBeNull();
      expect(liveOf(h.core, lead)).toEqual({ tasks: [], enrollments: [] });
    }
  });

  it('waits out the retry gap and the daily limit, and stops at the total limit', async () => {
    const h = await openHarness(T, { minRetryGapMinutes: 90, maxAttemptsPerDay: 2, maxAttemptsTotal: 3 });
    const lead = h.lead({ name: 'Busy line' }, { at: T - DAY });
    await h.call('outcomes.log', { leadId: lead, outcome: 'busy', at: T });
    // busy retries after 1 hour; the 90-minute gap holds it longer.
    const gap = await h.call('queue.why', { leadId: lead, at: T + HOUR });
    expect(gap.blockers).toEqual([expect.objectContaining({ rule: 'retry_gap', until: T + 90 * MINUTE })]);
    expect(gap.callableAt).toBe(T + 90 * MINUTE);

    await h.call('outcomes.log', { leadId: lead, outcome: 'busy', at: T + 2 * HOUR });
    const daily = await h.call('queue.why', { leadId: lead, at: T + 5 * HOUR });
    // Two dials today (the limit): clear at local midnight, callable when the window opens next morning.
    expect(daily.blockers).toEqual([
      expect.objectContaining({ rule: 'daily_limit', until: utc('2025-03-12T04:00:00Z') }),
    ]);
    expect(daily.callableAt).toBe(utc('2025-03-12T12:00:00Z'));
    expect((await h.call('queue.list', { at: T + 5 * HOUR })).entries).toEqual([]);

    await h.call('outcomes.log', { leadId: lead, outcome: 'busy', at: utc('2025-03-12T12:00:00Z') });
    const total = await h.call('queue.why', { leadId: lead, at: utc('2025-03-13T15:00:00Z') });
    expect(total.blockers).toEqual(
      expect.arrayContaining([expect.objectContaining({ rule: 'attempt_limit', until: null })]),
    );
    expect(total.callableAt).toBeNull();
  });

  it('skips a lead another rep holds, until the hold ends', async () => {
    const h = await openHarness(T);
    const held = h.lead({ name: 'Held', phones: phone('+12025550121') });
    h.core.db
      .prepare(
        'INSERT INTO lead_queue (lead_id, reserved_by, reserved_until, updated_at) VALUES (?, ?, ?, ?)',
      )
      .run(held, 'rep-2', T + 15 * MINUTE, T);
    expect((await h.call('queue.list', { at: T })).entries).toEqual([]);
    expect((await h.call('queue.why', { leadId: held, at: T })).blockers).toEqual([
      expect.objectContaining({ rule: 'reserved', until: T + 15 * MINUTE }),
    ]);
    expect((await h.call('queue.next', { at: T + 15 * MINUTE })).entry?.lead.id).toBe(held);
    // The rep holding it is not blocked by their own hold.
    h.core.db.prepare("INSERT INTO settings (key, value) VALUES ('sync.userId', '\"rep-2\"')").run();
    expect((await h.call('queue.next', { at: T })).entry?.lead.id).toBe(held);
  });

  it('flags a lead with no time zone and calls it only when every zone it could be in is open', async () => {
    const h = await openHarness(T);
    const us = h.lead({
      name: 'Somewhere in the US',
      timeZone: null,
      country: 'US',
      phones: phone('+12025550131'),
    });
    const nowhere = h.lead({
      name: 'Anywhere',
      timeZone: null,
      country: null,
      phones: phone('+12025550132'),
    });
    const bogus = h.lead({
      name: 'Bad zone',
      timeZone: 'Mars/Olympus',
      country: 'US',
      phones: phone('+12025550133'),
    });
    // 11:00 in New York is 05:00 in Honolulu: not every US zone is open.
    expect((await h.call('queue.list', { at: T })).entries).toEqual([]);
    const why = await h.call('queue.why', { leadId: us, at: T });
    expect(why.zone).toMatchObject({ timeZoneUnknown: true, localTime: null });
    expect(why.blockers).toEqual([
      expect.objectContaining({
        rule: 'calling_window',
        data: expect.objectContaining({ timeZoneUnknown: true }),
      }),
    ]);
    // Honolulu (UTC−10) reaches 08:00 at 18:00 UTC; Adak (UTC−9 in summer time) earlier.
    expect(why.callableAt).toBe(utc('2025-03-11T18:00:00Z'));
    const later = (await h.call('queue.list', { at: utc('2025-03-11T18:00:00Z') })).entries;
    expect(later.map((e) => e.lead.id).sort()).toEqual([us, bogus].sort());
    expect(later.every((e) => e.zone.timeZoneUnknown)).toBe(true);
    expect((await h.call('queue.why', { leadId: nowhere, at: T })).callableAt).toBeNull();
  });

  it('takes a lead out when its status leaves the working funnel, even if changed elsewhere', async () => {
    const h = await openHarness(T);
    const lead = h.lead({ name: 'Won elsewhere' });
    h.core.db.prepare("UPDATE leads SET status = 'won' WHERE id = ?").run(lead);
    expect((await h.call('queue.list', { at: T })).entries).toEqual([]);
    expect((await h.call('queue.why', { leadId: lead, at: T })).blockers).toEqual(
      expect.arrayContaining([expect.objectContaining({ rule: 'status', until: null })]),
    );
    // The read noticed, and the lead's cadence ended.
    expect(liveOf(h.core, lead)).toEqual({ tasks: [], enrollments: [] });
  });

  it('follows a change of the calling rules at once', async () => {
    const h = await openHarness(T, { minRetryGapMinutes: 120 });
    const lead = h.lead({ name: 'Busy line' }, { at: T - DAY });
    await h.call('outcomes.log', { leadId: lead, outcome: 'busy', at: T });
    expect((await h.call('queue.next', { at: T + HOUR })).entry).toBeNull();
    await h.call('queue.setRules', { minRetryGapMinutes: 30 });
    expect((await h.call('queue.next', { at: T + HOUR })).entry?.lead.id).toBe(lead);
  });

  it('follows a lead edited elsewhere once told to refresh it', async () => {
    const h = await openHarness(T);
    const lead = h.lead({ name: 'Moved', timeZone: 'Asia/Shanghai', country: 'CN' });
    expect((await h.call('queue.next', { at: T })).entry).toBeNull();
    h.core.db
      .prepare("UPDATE leads SET time_zone = 'America/New_York', country = 'US' WHERE id = ?")
      .run(lead);
    h.core.dialing.refreshLeads([lead]);
    expect((await h.call('queue.next', { at: T })).entry?.lead.id).toBe(lead);
  });

  it('announces queue changes so views refresh', async () => {
    const h = await openHarness(T);
    const lead = h.lead({ name: 'Announce' });
    const seen: unknown[] = [];
    h.core.events.on('queue:changed', (payload) => seen.push(payload));
    await h.call('outcomes.log', { leadId: lead, outcome: 'no_answer', at: T });
    await h.call('enrollments.pause', { leadId: lead });
    expect(seen).toEqual([
      { leadIds: [lead], reason: 'outcome' },
      { leadIds: [lead], reason: 'enrollment' },
    ]);
  });

  it('answers errors a caller can act on', async () => {
    const h = await openHarness(T);
    expect(
      await h.fail('queue.why', { leadId: '0190a000-0000-7000-8000-000000000099', at: T }),
    ).toMatchObject({
      code: 'not_found',
    });
    expect(await h.fail('queue.why', { leadId: 'not-a-lead' })).toMatchObject({ code: 'invalid_input' });
  });
});
