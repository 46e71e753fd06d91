import { describe, expect, it } from 'vitest';
import { openCore } from '../../../src/main/core';
import { dispatch } from '../../../src/main/core/dispatch';
import { mutationIssues } from '../../../src/shared/sync';
import { HOUR, tempDir, utc } from '../cadence/helpers';
import { dialdeck, errorOf, outboundLead } from '../cli-run';

const AT = '2025-03-11T15:00:00Z';

/** Jo and Bo (both callable at AT, Jo first), and Ana (do-not-contact). */
const seedStore = () => {
  const dataDir = tempDir('dialdeck-cli-session-');
  const core = openCore({ dataDir });
  const at = utc('2025-03-10T15:00:00Z');
  const jo = core.leads.create(outboundLead('Jo Park', '+12025550143'), { at }).id;
  const bo = core.leads.create(outboundLead('Bo Li', '+12025550145'), { at: at + 1000 }).id;
  const ana = core.leads.create(outboundLead('Ana Ruiz', '+12025550144', { status: 'do_not_contact' }), {
    at,
  }).id;
  core.dialing.enrollNewLeads([jo, bo, ana], at);
  core.close();
  return { dataDir, jo, bo, ana };
};

const outboxOf = (dataDir: string, name: string) => {
  const core = openCore({ dataDir });
  try {
    return core.db
      .prepare<[string], { args: string }>('SELECT args FROM outbox WHERE name = ? ORDER BY seq')
      .all(name)
      .map((row) => JSON.parse(row.args) as Record<string, unknown>);
  } finally {
    core.close();
  }
};

const nextLeadId = (dataDir: string, at: string): string | null =>
  (dialdeck(dataDir, 'next', '--at', at).json as { entry: { lead: { id: string } } | null }).entry?.lead.id ??
  null;

describe('dialdeck skip and snooze', () => {
  it('records a skip with its reason, in the history and the outbox, and leaves the queue order alone', () => {
    const { dataDir, jo } = seedStore();
    expect(nextLeadId(dataDir, AT)).toBe(jo);
    const skipped = dialdeck(dataDir, 'skip', jo, '--reason', 'needs research', '--at', AT);
    expect(skipped.status).toBe(0);
    expect(skipped.json).toMatchObject({
      leadId: jo,
      reason: 'needs_research',
      note: null,
      skippedAt: utc(AT),
    });

    // Free text is kept as the note of an `other` reason.
    const own = dialdeck(dataDir, 'skip', jo, '--reason', 'Her assistant said Friday', '--at', AT);
    expect(own.json).toMatchObject({ reason: 'other', note: 'Her assistant said Friday' });

    const history = dialdeck(dataDir, 'history', jo).json as {
      activities: { kind: string; outcome: string; note: string | null }[];
    };
    expect(history.activities.filter((a) => a.kind === 'skip')).toEqual([
      expect.objectContaining({ outcome: 'other', note: 'Her assistant said Friday' }),
      expect.objectContaining({ outcome: 'needs_research', note: null }),
    ]);
    const pushed = outboxOf(dataDir, 'lead.skip');
    expect(pushed).toHaveLength(2);
    for (const args of pushed) expect(mutationIssues('lead.skip', args)).toBeNull();
    // A skip is for the session only: the queue still puts Jo first.
    expect(nextLeadId(dataDir, AT)).toBe(jo);
  });

  it('snoozes a lead out of the queue, explains why, and brings it back when the snooze ends', () => {
    const { dataDir, jo, bo } = seedStore();
    const snoozed = dialdeck(dataDir, 'snooze', jo, '--for', '2h', '--reason', 'out of office', '--at', AT);
    expect(snoozed.status).toBe(0);
    const until = utc(AT) + 2 * HOUR;
    expect(snoozed.json).toMatchObject({ leadId: jo, reason: 'out_of_office', until });

    expect(nextLeadId(dataDir, AT)).toBe(bo);
    const why = dialdeck(dataDir, 'why', jo, '--at', AT).json as {
      callable: boolean;
      callableAt: number;
      blockers: { rule: string; until: number; message: string }[];
    };
    expect(why.callable).toBe(false);
    expect(why.callableAt).toBe(until);
    expect(why.blockers).toEqual([
      expect.objectContaining({ rule: 'snoozed', until, message: expect.stringContaining('out_of_office') }),
    ]);

    // At the snooze's end Jo is back, ahead of Bo as before.
    expect(nextLeadId(dataDir, new Date(until - 60_000).toISOString())).toBe(bo);
    expect(nextLeadId(dataDir, new Date(until).toISOString())).toBe(jo);
    const pushed = outboxOf(dataDir, 'lead.snooze');
    expect(pushed).toEqual([expect.objectContaining({ leadId: jo, until, reason: 'out_of_office' })]);
    expect(mutationIssues('lead.snooze', pushed[0])).toBeNull();

    // A later snooze replaces the earlier one.
    const later = '2025-03-12T14:00:00Z';
    expect(
      dialdeck(dataDir, 'snooze', jo, '--until', later, '--reason', 'asked_later', '--at', AT).status,
    ).toBe(0);
    expect(
      (
        dialdeck(dataDir, 'why', jo, '--at', new Date(until + HOUR).toISOString()).json as {
          callableAt: number;
        }
      ).callableAt,
    ).toBeGreaterThanOrEqual(utc(later));
  });

  it('refuses a do-not-contact lead, a snooze in the past, and a snooze with no end or two', () => {
    const { dataDir, jo, ana } = seedStore();
    for (const args of [
      ['skip', ana, '--reason', 'duplicate'],
      ['snooze', ana, '--for', '1h', '--reason', 'asked_later'],
    ]) {
      const run = dialdeck(dataDir, ...args);
      expect(run.status).toBe(1);
      expect(errorOf(run).code).toBe('lead_do_not_contact');
    }
    const past = dialdeck(
      dataDir,
      'snooze',
      jo,
      '--until',
      '2025-03-11T14:00:00Z',
      '--reason',
      'x',
      '--at',
      AT,
    );
    expect(errorOf(past).code).toBe('snooze_not_future');
    const neither = dialdeck(dataDir, 'snooze', jo, '--reason', 'asked_later');
    expect(neither.status).toBe(2);
    expect(errorOf(neither).message).toMatch(/exactly one of --until .* or --for/);
    const both = dialdeck(dataDir, 'snooze', jo, '--for', '1h', '--until', AT, '--reason', 'x');
    expect(errorOf(both).code).toBe('invalid_input');
    const badFor = dialdeck(dataDir, 'snooze', jo, '--for', 'a while', '--reason', 'x');
    expect(errorOf(badFor).message).toContain('"a while" is not a duration');
    const noReason = dialdeck(dataDir, 'skip', jo);
    expect(errorOf(noReason).message).toContain('--reason is required');
    // Nothing was written by the refusals.
    expect(outboxOf(dataDir, 'lead.snooze')).toEqual([]);
    expect(outboxOf(dataDir, 'lead.skip')).toEqual([]);
  });
});

describe('dialdeck stats', () => {
  it("counts the day's calls in the rep's time zone, across their midnight", async () => {
    const { dataDir, jo, bo } = seedStore();
    const core = openCore({ dataDir });
    const call = async (input: Record<string, unknown>) => {
      const result = await dispatch(core.handlers, 'outcomes.log', input as never);
      if (!result.ok) throw new Error(result.error.message);
    };
    try {
      // Seoul is UTC+9 all year: 14:59 UTC is 23:59 there, 15:01 UTC is 00:01 the next day.
      const rules = await dispatch(core.handlers, 'queue.setRules', {
        repTimeZone: 'Asia/Seoul',
        dailyDialTarget: 4,
      });
      expect(rules.ok).toBe(true);
      await call({ leadId: jo, outcome: 'voicemail', durationSeconds: 18, at: utc('2025-03-11T01:00:00Z') });
      await call({ leadId: bo, outcome: 'gatekeeper', durationSeconds: 40, at: utc('2025-03-11T14:59:00Z') });
      await call({
        leadId: jo,
        outcome: 'meeting_booked',
        durationSeconds: 300,
        at: utc('2025-03-11T15:01:00Z'),
      });
      await call({
        leadId: bo,
        outcome: 'not_interested',
        durationSeconds: 95,
        at: utc('2025-03-11T15:30:00Z'),
      });
      await call({ leadId: bo, outcome: 'no_answer', at: utc('2025-03-11T16:00:00Z') });
    } finally {
      core.close();
    }
    const dialdeckSkip = dialdeck(
      dataDir,
      'skip',
      bo,
      '--reason',
      'wrong_time',
      '--at',
      '2025-03-11T16:05:00Z',
    );
    expect(dialdeckSkip.status).toBe(0);

    const before = dialdeck(dataDir, 'stats', '--at', '2025-03-11T14:59:30Z');
    expect(before.status).toBe(0);
    expect(before.json).toMatchObject({
      timeZone: 'Asia/Seoul',
      dayStart: utc('2025-03-10T15:00:00Z'),
      dayEnd: utc('2025-03-11T15:00:00Z'),
      dials: 2,
      connects: 1,
      conversations: 0,
      talkSeconds: 58,
      voicemails: 1,
      mqls: 0,
      skips: 0,
      target: 4,
      progress: 0.5,
    });
    const after = dialdeck(dataDir, 'stats', '--at', '2025-03-11T20:00:00Z');
    expect(after.json).toMatchObject({
      dayStart: utc('2025-03-11T15:00:00Z'),
      dials: 3,
      connects: 2,
      conversations: 2,
      talkSeconds: 395,
      voicemails: 0,
      mqls: 1,
      skips: 1,
      progress: 0.75,
    });
  });

  it('leaves a voided call out of the day', async () => {
    const { dataDir, jo } = seedStore();
    const logged = dialdeck(dataDir, 'log', jo, 'meeting_booked', '--at', AT);
    const { activityId } = logged.json as { activityId: string };
    expect((dialdeck(dataDir, 'stats', '--at', AT).json as { dials: number; mqls: number }).dials).toBe(1);
    expect(dialdeck(dataDir, 'outcome', 'void', activityId, '--reason', 'wrong lead').status).toBe(0);
    expect(dialdeck(dataDir, 'stats', '--at', AT).json).toMatchObject({
      dials: 0,
      mqls: 0,
      conversations: 0,
    });
  });
});
