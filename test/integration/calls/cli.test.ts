import { describe, expect, it } from 'vitest';
import { openCore } from '../../../src/main/core';
import { tempDir, utc } from '../cadence/helpers';
import { dialdeck, errorOf, outboundLead } from '../cli-run';

const AT = '2025-03-11T15:00:00Z';
const CALL = '0195846a-2222-7000-8000-000000000001';

/** Jo (callable at AT), Ana (marked do-not-contact) and Bo (whose number is on the list). */
const seedStore = () => {
  const dataDir = tempDir('dialdeck-cli-calls-');
  const core = openCore({ dataDir });
  const at = utc('2025-03-10T15:00:00Z');
  const jo = core.leads.create(outboundLead('Jo Park', '+12025550143'), { at }).id;
  const ana = core.leads.create(outboundLead('Ana Ruiz', '+12025550144', { status: 'do_not_contact' }), {
    at,
  }).id;
  const bo = core.leads.create(outboundLead('Bo Li', '+12025550145'), { at }).id;
  core.dialing.enrollNewLeads([jo, ana, bo], at);
  core.close();
  return { dataDir, jo, ana, bo };
};

describe('dialdeck outcome void and history', () => {
  it('logs one outcome per call, voids it back, and shows both in the history', () => {
    const { dataDir, jo } = seedStore();
    const logged = dialdeck(
      dataDir,
      'log',
      jo,
      'no_answer',
      '--call-id',
      CALL,
      '--note',
      'Rang out',
      '--at',
      AT,
    );
    expect(logged.status).toBe(0);
    const { activityId } = logged.json as { activityId: string };
    expect(logged.json).toMatchObject({ statusBefore: 'new', status: 'working' });

    const again = dialdeck(dataDir, 'log', jo, 'voicemail', '--call-id', CALL, '--at', AT);
    expect(again.status).toBe(1);
    expect(errorOf(again)).toMatchObject({ code: 'outcome_already_logged' });
    expect(errorOf(again).message).toContain(activityId);

    const before = dialdeck(dataDir, 'history', jo);
    expect(before.status).toBe(0);
    expect(before.json).toMatchObject({
      leadId: jo,
      activities: [{ id: activityId, outcome: 'no_answer', note: 'Rang out', void: null, voidable: true }],
    });

    const voided = dialdeck(dataDir, 'outcome', 'void', activityId, '--reason', 'Dialled the wrong lead');
    expect(voided.status).toBe(0);
    expect(voided.json).toMatchObject({
      activityId,
      statusBefore: 'working',
      status: 'new',
      reason: 'Dialled the wrong lead',
      reversed: { status: true, task: true, counters: true },
    });

    const after = dialdeck(dataDir, 'history', jo).json as {
      activities: { id: string; void: { reason: string; kind: string } | null; voidable: boolean }[];
    };
    expect(after.activities).toEqual([
      expect.objectContaining({
        id: activityId,
        void: expect.objectContaining({ reason: 'Dialled the wrong lead', kind: 'void' }),
        voidable: false,
      }),
    ]);
    expect(dialdeck(dataDir, 'why', jo, '--at', AT).json).toMatchObject({ callable: true });

    const twice = dialdeck(dataDir, 'outcome', 'void', activityId);
    expect(twice.status).toBe(1);
    expect(errorOf(twice).code).toBe('outcome_already_void');
    const unknown = dialdeck(dataDir, 'outcome', 'void', '0195846a-3333-7000-8000-000000000009');
    expect(errorOf(unknown).code).toBe('not_found');
    const newestFirst = dialdeck(dataDir, 'log', jo, 'busy', '--at', AT);
    expect(newestFirst.status).toBe(0);
  });
});

describe('do-not-contact from the command line', () => {
  it('refuses log for a marked lead and a listed number, never offers them next, and explains once', () => {
    const { dataDir, jo, ana, bo } = seedStore();
    expect(dialdeck(dataDir, 'dnc', 'add', 'phone', '+12025550145').status).toBe(0);
    for (const leadId of [ana, bo]) {
      const refused = dialdeck(dataDir, 'log', leadId, 'no_answer', '--at', AT);
      expect(refused.status).toBe(1);
      expect(errorOf(refused).code).toBe('lead_do_not_contact');
      expect(dialdeck(dataDir, 'history', leadId).json).toMatchObject({ activities: [] });
      const why = dialdeck(dataDir, 'why', leadId, '--at', AT).json as {
        callable: boolean;
        callableAt: number | null;
        blockers: { rule: string; until: number | null }[];
      };
      expect(why.callable).toBe(false);
      expect(why.callableAt).toBeNull();
      expect(why.blockers.map((b) => [b.rule, b.until])).toEqual([['do_not_contact', null]]);
    }
    const queue = dialdeck(dataDir, 'queue', '--at', AT).json as { entries: { lead: { id: string } }[] };
    expect(queue.entries.map((e) => e.lead.id)).toEqual([jo]);
    const next = dialdeck(dataDir, 'next', '--at', AT).json as { entry: { lead: { id: string } } };
    expect(next.entry.lead.id).toBe(jo);
  });
});
