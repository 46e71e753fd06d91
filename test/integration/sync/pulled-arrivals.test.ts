import type { EventPayload } from '@shared/api';
import type { PulledChange, PulledLead } from '@shared/sync/pull';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../src/main/core';
import { writeNow } from '../../../src/main/core/store/write-lock';
import { placePulledLeads } from '../../../src/main/core/sync/place-pulled';
import { applyPulledPage } from '../../../src/main/core/sync/pulled';
import { outboundLead } from '../cli-run';
import { freshCore } from '../imports/helpers';

// Leads that reach the rep's queue through sync, on a real store file: an inbound lead assigned to the
// signed-in rep is announced once (`leads:arrived`, what the rep's notification is made from); another
// rep's lead, an outbound list lead and a lead pulled again are not.

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
const OTHER_REP = '01966a1c-0000-7000-8000-0000000000a2';
let version = 0;

const pulledLead = (id: string, over: Partial<PulledLead> = {}): PulledLead => ({
  ...outboundLead('Jo Park', `+1202555${id.slice(-4).replace(/\D/g, '1')}`, { company: 'Acme Corp' }),
  id,
  accountId: null,
  ownerId: REP,
  isDemo: false,
  createdAt: Date.now() - 60_000,
  updatedAt: Date.now() - 60_000,
  research: null,
  fieldHlcs: {},
  ...over,
});

/** Applies the leads as one pull page, then places them as the sync client does; returns the announcements. */
const pull = (
  core: Core,
  leads: PulledLead[],
  accounts: { id: string; name: string }[] = [],
): EventPayload<'leads:arrived'>[] => {
  const changes: PulledChange[] = [
    ...accounts.map(
      (data): PulledChange => ({ version: ++version, kind: 'account', data: { ...data, createdAt: 1 } }),
    ),
    ...leads.map((data): PulledChange => ({ version: ++version, kind: 'lead', data })),
  ];
  const { leadIds } = writeNow(core.db, () => applyPulledPage(core.db, changes, Date.now()));
  const heard: EventPayload<'leads:arrived'>[] = [];
  const stop = core.events.on('leads:arrived', (payload) => heard.push(payload));
  try {
    placePulledLeads(core, leadIds, REP);
  } finally {
    stop();
  }
  return heard;
};

describe('inbound leads arriving through sync', () => {
  it("announces the rep's new inbound lead once, with its name, company and channel", () => {
    const core = open();
    const id = '01966a1c-0000-7000-8000-000000001001';
    const account = { id: '01966a1c-0000-7000-8000-0000000010c1', name: 'Hanbit Logistics' };
    const inbound = pulledLead(id, {
      name: 'Mina Cho',
      accountId: account.id,
      company: account.name,
      direction: 'inbound',
      sourceChannel: 'web_form',
    });
    expect(pull(core, [inbound], [account])).toEqual([
      { leads: [{ id, name: 'Mina Cho', company: 'Hanbit Logistics', sourceChannel: 'web_form' }] },
    ]);
    // It is on the rep's queue now; the same lead pulled again (an edit on the server) is not news.
    expect(core.dialing.svc.leads.liveEnrollment(id)).toBeDefined();
    expect(pull(core, [{ ...inbound, title: 'COO', updatedAt: Date.now() }])).toEqual([]);
  });

  it("announces neither another rep's lead nor an outbound list lead, and names only the new ones", () => {
    const core = open();
    const theirs = pulledLead('01966a1c-0000-7000-8000-000000002001', {
      direction: 'inbound',
      ownerId: OTHER_REP,
    });
    const list = pulledLead('01966a1c-0000-7000-8000-000000002002', { direction: 'outbound' });
    const mine = pulledLead('01966a1c-0000-7000-8000-000000002003', {
      name: 'Ava Reyes',
      company: null,
      direction: 'inbound',
      sourceChannel: 'event',
    });
    expect(pull(core, [theirs, list, mine])).toEqual([
      { leads: [{ id: mine.id, name: 'Ava Reyes', company: null, sourceChannel: 'event' }] },
    ]);
  });

  it('does not announce an inbound lead that cannot be called (won, so no cadence takes it)', () => {
    const core = open();
    const won = pulledLead('01966a1c-0000-7000-8000-000000003001', { direction: 'inbound', status: 'won' });
    expect(pull(core, [won])).toEqual([]);
  });
});
