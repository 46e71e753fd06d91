import { formatHlc } from '@shared/hlc';
import type { PulledChange, PulledLead } from '@shared/sync/pull';
import { afterEach, describe, expect, it } from 'vitest';
import { type Core, openCore } from '../../../src/main/core';
import { leadWriterFor } from '../../../src/main/core/leads/writer';
import { writeNow } from '../../../src/main/core/store/write-lock';
import { applyPulledPage } from '../../../src/main/core/sync/pulled';
import { outboundLead } from '../cli-run';
import { freshCore } from '../imports/helpers';

// A pull page applied to a real store file: leads under the server's id with its owner, per-field LWW
// against local edits still in the outbox, no outbox rows written, applying twice changes nothing.

let cleanup: (() => void)[] = [];
const open = (): Core => {
  const fresh = freshCore();
  cleanup.push(fresh.done);
  return fresh.core;
};
afterEach(() => {
  for (const done of cleanup) done();
  cleanup = [];
});

const REP = '01966a1c-0000-7000-8000-0000000000a1';
const stamp = (wall: number) => formatHlc({ wall, counter: 0 }, 'ffffffffffffff02');
const outboxCount = (core: Core): number =>
  core.db.prepare<[], number>('SELECT count(*) FROM outbox').pluck().get() ?? 0;

const serverLead = (id: string, over: Partial<PulledLead> = {}): PulledLead => ({
  ...outboundLead('Jo Park', '+12025550143', {
    company: 'Acme Corp',
    timeZone: 'Europe/Berlin',
    status: 'working',
  }),
  id,
  accountId: '01966a1c-0000-7000-8000-0000000000c1',
  company: 'Acme Corp',
  ownerId: REP,
  isDemo: false,
  createdAt: 1_700_000_000_000,
  updatedAt: 1_700_000_000_000,
  research: 'Runs ops at Acme',
  fieldHlcs: {},
  ...over,
});

const find = (core: Core, id: string) => leadWriterFor(core.db, core.outbox).find(id);

const apply = (core: Core, changes: PulledChange[]) =>
  writeNow(core.db, () => applyPulledPage(core.db, changes, Date.now()));

describe('applying a pull page', () => {
  it('writes a new lead under the server id and owner, with its account and research, and records nothing', () => {
    const core = open();
    const before = outboxCount(core);
    const id = '01966a1c-0000-7000-8000-0000000000f1';
    const page: PulledChange[] = [
      {
        version: 1,
        kind: 'account',
        data: { id: '01966a1c-0000-7000-8000-0000000000c1', name: 'Acme Corp', createdAt: 1 },
      },
      { version: 2, kind: 'lead', data: serverLead(id) },
      {
        version: 3,
        kind: 'activity',
        data: {
          id: '01966a1c-0000-7000-8000-0000000000e1',
          leadId: id,
          userId: REP,
          kind: 'call',
          outcome: 'no_answer',
          note: 'Rang out',
          data: {},
          occurredAt: 5,
        },
      },
      {
        version: 4,
        kind: 'activity.void',
        data: {
          activityId: '01966a1c-0000-7000-8000-0000000000e1',
          leadId: id,
          kind: 'void',
          reason: 'Wrong lead',
          voidedAt: 6,
        },
      },
    ];
    expect(apply(core, page)).toMatchObject({ applied: 4, skipped: 0, leadIds: [id] });
    const lead = find(core, id);
    expect(lead).toMatchObject({
      ownerId: REP,
      company: 'Acme Corp',
      timeZone: 'Europe/Berlin',
      status: 'working',
    });
    expect(lead?.accountId).toBe('01966a1c-0000-7000-8000-0000000000c1');
    const activity = core.db
      .prepare('SELECT body, void_reason FROM activities WHERE id = ?')
      .get('01966a1c-0000-7000-8000-0000000000e1');
    expect(activity).toEqual({ body: 'Rang out', void_reason: 'Wrong lead' });
    expect(outboxCount(core)).toBe(before);
    // Applied again (a page pulled twice after a crash): the same store.
    apply(core, page);
    expect(find(core, id)).toEqual(lead);
    expect(core.db.prepare('SELECT count(*) FROM activities WHERE lead_id = ?').pluck().get(id)).toBe(1);
    expect(outboxCount(core)).toBe(before);
  });

  it('keeps a field whose local edit waits in the outbox with a newer stamp, and takes the rest', () => {
    const core = open();
    const local = core.leads.create(outboundLead('Jo Park', '+12025550143'), { at: Date.now() });
    // The lead's creation reached the server; only the time zone edit waits.
    core.db.prepare("UPDATE outbox SET state = 'sent'").run();
    writeNow(core.db, () =>
      leadWriterFor(core.db, core.outbox).setTimeZone(local.id, 'Asia/Tokyo', { at: Date.now() }),
    );
    const pending = core.db
      .prepare<[], string>("SELECT hlc FROM outbox WHERE name = 'lead.setTimeZone'")
      .pluck()
      .get() as string;
    const older = stamp(Date.now() - 60_000);
    apply(core, [
      {
        version: 9,
        kind: 'lead',
        data: serverLead(local.id, { fieldHlcs: { timeZone: older, status: older } }),
      },
    ]);
    expect(find(core, local.id)).toMatchObject({ timeZone: 'Asia/Tokyo', status: 'working', ownerId: REP });
    // A server value stamped after the local edit wins.
    const newer = `${pending.slice(0, 11)}:zzzzz:ffffffffffffffff`;
    apply(core, [
      {
        version: 10,
        kind: 'lead',
        data: serverLead(local.id, { timeZone: 'America/Denver', fieldHlcs: { timeZone: newer } }),
      },
    ]);
    expect(find(core, local.id)?.timeZone).toBe('America/Denver');
  });

  it('removes a lead that left this user, and skips kinds it does not know', () => {
    const core = open();
    const id = '01966a1c-0000-7000-8000-0000000000f2';
    apply(core, [{ version: 1, kind: 'lead', data: serverLead(id) }]);
    expect(find(core, id)).toBeDefined();
    const result = writeNow(core.db, () =>
      applyPulledPage(
        core.db,
        [
          { version: 2, kind: 'lead.unassigned', data: { id, ownerId: null } },
          { version: 3, kind: 'handoff.future', data: {} },
        ],
        Date.now(),
      ),
    );
    expect(result).toMatchObject({ applied: 1, skipped: 1 });
    expect(find(core, id)).toBeUndefined();
  });

  it('an open window on the same store hears of pulled leads within a second', async () => {
    const fresh = freshCore();
    const writer = fresh.core;
    const window = openCore({ dataDir: fresh.dir, watchOtherWriters: true });
    cleanup.push(() => window.close());
    cleanup.push(fresh.done);
    const heard: string[] = [];
    cleanup.push(window.events.onAny((name) => heard.push(name)));
    const id = '01966a1c-0000-7000-8000-0000000000f3';
    apply(writer, [{ version: 1, kind: 'lead', data: serverLead(id) }]);
    const started = Date.now();
    while (!heard.includes('leads:changed') && Date.now() - started < 1_000) {
      await new Promise((done) => setTimeout(done, 20));
    }
    expect(heard).toContain('leads:changed');
    expect(leadWriterFor(window.db, window.outbox).find(id)?.ownerId).toBe(REP);
  });
});
