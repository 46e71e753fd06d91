import type { LeadDetail, LeadIndex } from '@shared/api/leads';
import type { Lead, LeadSummary } from '@shared/domain/lead';
import { type MutationName, mutations } from '@shared/sync';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core';
import type { NewLead } from '../../src/main/core/leads/repo';
import { call, freshCore, importFile } from './imports/helpers';

// The import and the single-lead path (leads.create, used by demo seeding and hand entry) write through
// one lead writer. These tests hold the two paths to the same result, read back and on the wire.

const FILE = [
  'Name,Company,Phone,Mobile,Email,Country,State,City,Time Zone,Lead Source,Status,Notes',
  'Ana Lima,  Acme   Corp ,(415) 555-0132,+1 415 555 0177,ana@example.com,US,CA,San Francisco,,Web form,,Asked about SSO',
  '王芳,华东精密制造,138 0013 8000,,wang.fang@example.cn,中国,,上海,,展会,跟进中,"调研: 关注价格\n下周回电"',
  'Bo Kim,Beta,+1 212 555 0101 ext. 12,,bo@example.com,US,NY,,America/New_York,Cold list,MQL,',
].join('\r\n');

let cleanup: (() => void)[] = [];
const open = () => {
  const fresh = freshCore();
  cleanup.push(fresh.done);
  return fresh.core;
};
afterEach(() => {
  for (const done of cleanup) done();
  cleanup = [];
});

type OutboxRow = { name: MutationName; args: Record<string, unknown> };
const outboxOf = (core: Core): OutboxRow[] =>
  (
    core.db.prepare('SELECT name, args FROM outbox ORDER BY seq').all() as {
      name: MutationName;
      args: string;
    }[]
  ).map((row) => ({ name: row.name, args: JSON.parse(row.args) as Record<string, unknown> }));

/** What the file said about a lead: everything but what the store made up (ids and times). */
const asNew = (lead: Lead): NewLead => {
  const { id, accountId, createdAt, updatedAt, ...rest } = lead;
  return rest;
};
const withoutStoreMade = ({ id, accountId, createdAt, updatedAt, ...rest }: Lead) => rest;

/** The index row of one lead: its text line and status code (ids differ between stores). */
const indexLine = (index: LeadIndex, id: string) => {
  const at = index.ids.split('\n').indexOf(id);
  return {
    text: index.rows.split('\n')[at],
    status: index.statuses[at],
    zone: index.timeZones[index.zoneOf[at] ?? -1] ?? null,
    demo: index.demo.includes(at),
  };
};

const expectOnWire = (row: OutboxRow | undefined) => {
  expect(row).toBeDefined();
  const parsed = mutations[(row as OutboxRow).name].safeParse((row as OutboxRow).args);
  expect(parsed.error?.issues ?? []).toEqual([]);
};

describe('one lead writer for the import and single leads', () => {
  it('a lead imported and the same lead created directly read back the same, field by field', async () => {
    const imported = open();
    const summary = await importFile(imported, FILE, { region: 'US' });
    expect(summary.imported).toBe(3);
    const leads = await call<Lead[]>(imported, 'leads.listFull', {});
    expect(leads).toHaveLength(3);

    const typed = open();
    const created = typed.db.transaction(() => leads.map((lead) => typed.leads.create(asNew(lead))))();
    for (const [i, lead] of leads.entries()) {
      const research = (await call<LeadDetail>(imported, 'leads.get', { id: lead.id })).research;
      if (research) await call(typed, 'leads.setResearch', { leadId: created[i]?.id, body: research.body });
    }

    for (const [i, fromFile] of leads.entries()) {
      const byHand = created[i] as Lead;
      const a = await call<LeadDetail>(imported, 'leads.get', { id: fromFile.id });
      const b = await call<LeadDetail>(typed, 'leads.get', { id: byHand.id });
      // What the writer hands back is what a read gives.
      expect(byHand).toEqual(b.lead);
      expect(withoutStoreMade(b.lead)).toEqual(withoutStoreMade(a.lead));
      expect(b.lead.phones).toEqual(a.lead.phones);
      expect(b.account?.name).toBe(a.account?.name);
      expect(b.research?.body).toBe(a.research?.body);
      expect(a.lead.accountId === null).toBe(b.lead.accountId === null);

      const first = a.lead.phones[0]?.e164.slice(-7) ?? a.lead.name;
      const found = (core: Core) => call<LeadSummary[]>(core, 'leads.list', { search: first });
      expect((await found(typed)).map((s) => s.name)).toEqual((await found(imported)).map((s) => s.name));
      expect(indexLine(await call(typed, 'leads.index', {}), byHand.id)).toEqual(
        indexLine(await call(imported, 'leads.index', {}), fromFile.id),
      );
      const facts = (core: Core, id: string) => {
        const { id: _id, createdAt: _at, ...rest } = core.dialing.svc.leads.mustFacts(id);
        return rest;
      };
      expect(facts(typed, byHand.id)).toEqual(facts(imported, fromFile.id));
    }
    // The file's company cell had stray spaces: the account is stored trimmed, once per company.
    expect(leads[0]?.company).toBe('Acme   Corp');
    expect(leads.map((lead) => lead.timeZone)).toEqual(created.map((lead) => lead.timeZone));
    expect(leads.map((lead) => [lead.direction, lead.sourceChannel])).toEqual(
      created.map((lead) => [lead.direction, lead.sourceChannel]),
    );
  });

  it('links a lead to the stored account under its folded name and hands back the stored name', async () => {
    const core = open();
    const [first, second] = core.db.transaction(() => [
      core.leads.create(lead('Jo Park', 'Park Labs')),
      core.leads.create(lead('Lee Kim', '  PARK   labs ')),
    ])();
    expect(second?.accountId).toBe(first?.accountId);
    expect(second?.company).toBe('Park Labs');
    expect(core.leads.getLead(second?.id as string)).toEqual(second);
    await importFile(core, 'Name,Company,Email\r\nSam Rivera,park labs,sam@example.com\r\n');
    const sam = (await call<Lead[]>(core, 'leads.listFull', { search: 'Sam' }))[0];
    expect(sam?.accountId).toBe(first?.accountId);
    expect(sam?.company).toBe('Park Labs');
    expect(outboxOf(core).filter((row) => row.name === 'account.create')).toHaveLength(1);
  });

  it('records the same mutation shapes for a lead and its research, whichever path wrote them', async () => {
    const imported = open();
    await importFile(imported, FILE, { region: 'US' });
    const typed = open();
    const leads = await call<Lead[]>(imported, 'leads.listFull', {});
    const ana = leads.find((lead) => lead.name === 'Ana Lima') as Lead;
    const created = typed.db.transaction(() => typed.leads.create(asNew(ana)))();
    await call(typed, 'leads.setResearch', { leadId: created.id, body: 'Asked about SSO' });

    const fromImport = outboxOf(imported);
    const fromHand = outboxOf(typed);
    for (const name of ['account.create', 'lead.create', 'research.set'] as const) {
      const a = fromImport.find((row) => row.name === name && JSON.stringify(row.args).includes(ana.id));
      const fallback = fromImport.find((row) => row.name === name);
      const b = fromHand.find((row) => row.name === name);
      expectOnWire(a ?? fallback);
      expectOnWire(b);
      expect(Object.keys(b?.args ?? {}).sort()).toEqual(Object.keys((a ?? fallback)?.args ?? {}).sort());
    }
    // lead.create carries the lead exactly as it reads back, on both paths.
    const create = (rows: OutboxRow[], id: string) =>
      rows.find((row) => row.name === 'lead.create' && row.args.id === id)?.args;
    expect(create(fromImport, ana.id)).toEqual(ana);
    expect(create(fromHand, created.id)).toEqual(typed.leads.getLead(created.id));
    expect(withoutStoreMade(create(fromHand, created.id) as Lead)).toEqual(withoutStoreMade(ana));
  });

  it('an import merging into a lead typed in by hand writes through the same writer: lead.update on the wire, phones appended in order', async () => {
    const core = open();
    const jo = core.db.transaction(() =>
      core.leads.create({
        ...lead('Jo Park', null),
        email: 'jo@example.com',
        phones: [{ e164: '+14155550100', ext: null, label: 'work', raw: '(415) 555-0100' }],
      }),
    )();
    const summary = await importFile(
      core,
      'Name,Company,Email,Phone,Title,Notes\r\nJo Park,Park Labs,JO@example.com,+1 415 555 0199,CTO,Met at the expo\r\n',
      { region: 'US', onDuplicate: 'merge' },
    );
    expect(summary.merged).toBe(1);
    const after = core.leads.getLead(jo.id);
    expect(after.title).toBe('CTO');
    expect(after.company).toBe('Park Labs');
    expect(after.phones.map((phone) => phone.e164)).toEqual(['+14155550100', '+14155550199']);
    const positions = core.db
      .prepare('SELECT position FROM lead_phones WHERE lead_id = ? ORDER BY position')
      .pluck()
      .all(jo.id);
    expect(positions).toEqual([0, 1]);
    const update = outboxOf(core).find((row) => row.name === 'lead.update');
    expectOnWire(update);
    expect(update?.args).toMatchObject({
      id: jo.id,
      changes: { title: 'CTO', company: 'Park Labs', accountId: after.accountId, phones: after.phones },
    });
    const research = outboxOf(core).find((row) => row.name === 'research.set');
    expectOnWire(research);
    expect(research?.args).toMatchObject({ leadId: jo.id, body: 'Met at the expo' });
  });
});

const lead = (name: string, company: string | null): NewLead => ({
  name,
  title: null,
  company,
  email: null,
  phones: [],
  timeZone: null,
  country: null,
  region: null,
  city: null,
  sourceChannel: 'web_form',
  sourceDetail: null,
  direction: 'inbound',
  status: 'new',
});
