import { describe, expect, it } from 'vitest';
import { newId } from '../../../src/main/core/ids';
import { createOutbox } from '../../../src/main/core/sync/outbox';
import { type ChangeName, MutationEnvelope, type MutationName, mutations } from '../../../src/shared/sync';
import { DAY, HOUR, openHarness, utc } from '../cadence/helpers';
import { importFile } from '../imports/helpers';
import { checkOutbox } from './outbox-check';

const T = utc('2026-03-02T15:00:00Z');

type StoredRow = { id: string; name: string; args: string; hlc: string };

const csv = (lines: string[]) => `${lines.join('\n')}\n`;

describe('outbox rows are the sync wire format', () => {
  it('every writer records rows that validate, and together they cover every mutation name', async () => {
    const h = await openHarness(T);
    const { core } = h;

    // An import: accounts, leads and research; a second file fills an empty field of a stored lead.
    await importFile(
      core,
      csv(['Name,Company,Phone,Email,Notes', 'Ana Diaz,Acme,+1 202 555 0101,ana@acme.test,Met at the expo']),
    );
    await importFile(core, csv(['Name,Email,Title', 'Ana Diaz,ana@acme.test,VP Sales']), {
      onDuplicate: 'merge',
    });
    const ana = (await h.call('leads.list', { search: 'Ana' }))[0]?.id as string;
    expect(ana).toBeDefined();

    // Single-lead writes and the queue.
    const bo = h.lead({ name: 'Bo Li', company: 'Beta', email: 'bo@beta.test' });
    await h.call('leads.setResearch', { leadId: bo, body: 'Runs a 40-seat SDR team' });
    await h.call('queue.setFit', { leadId: bo, fit: 80 });
    await h.call('queue.setRules', { maxAttemptsPerDay: 4 });
    await h.call('outcomes.log', { leadId: bo, outcome: 'no_answer', at: T });
    const booked = await h.call('outcomes.log', { leadId: bo, outcome: 'meeting_booked', at: T + HOUR });
    await h.call('outcomes.void', { activityId: booked.activityId, reason: 'Logged on the wrong lead' });
    await h.call('outcomes.log', { leadId: ana, outcome: 'do_not_contact', at: T + HOUR });
    const { added } = await h.call('dnc.add', { entries: [{ kind: 'domain', value: 'spam.test' }] });
    await h.call('dnc.remove', { id: added[0]?.id as string });

    // The team's outcome set and cadences.
    await h.call('outcomes.update', { id: 'busy', patch: { label: 'Line busy' } });
    const emailFirst = await h.call('cadences.save', {
      cadence: {
        name: 'Email first',
        rule: null,
        steps: [
          { id: 'email-1', kind: 'email', title: 'Send the intro email' },
          { id: 'call-1', kind: 'call', title: 'Call' },
        ],
      },
    });
    const cy = h.lead({ name: 'Cy Park' }, { enroll: false });
    await h.call('enrollments.enroll', { leadIds: [cy], cadenceId: emailFirst.id });
    const todo = (await h.call('tasks.list', { at: T + DAY })).find((entry) => entry.lead.id === cy);
    expect(todo).toBeDefined();
    await h.call('tasks.complete', { taskId: todo?.task.id as string, result: 'done', at: T + DAY });
    await h.call('enrollments.pause', { leadId: cy });
    await h.call('enrollments.resume', { leadId: cy });
    await h.call('enrollments.remove', { leadId: cy });
    await h.call('cadences.delete', { id: emailFirst.id });

    // A lead fixed on the spot: numbers, the number dialed, time zone, status with a reason, owner.
    await h.call('leads.setPhones', {
      leadId: bo,
      phones: [{ number: '+1 202 555 0143' }, { number: '+1 202 555 0188' }],
    });
    await h.call('leads.setPrimaryPhone', { leadId: bo, e164: '+12025550188' });
    await h.call('leads.setTimeZone', { leadId: bo, timeZone: 'America/Denver' });
    await h.call('leads.setOwner', { leadId: bo, owner: 'dana@team.test' });
    await h.call('leads.setStatus', { leadId: bo, status: 'nurture', reason: 'Budget frozen until Q3' });

    // Qualification and the MQL hand-off.
    const di = h.lead({ name: 'Di Wu', company: 'Delta' });
    await h.call('qualification.setBant', { leadId: di, criterion: 'budget', confirmed: true, note: 'Q3' });
    await h.call('qualification.setProfileItem', { leadId: di, itemId: 'industry', checked: true });
    await h.call('handoffs.create', { leadId: di, summary: 'Ready for a demo', confirm: ['need'] });
    // Scripts and the research facts they are filled from.
    const script = await h.call('scripts.save', {
      script: {
        kind: 'voicemail',
        scope: 'personal',
        name: 'Mine',
        body: 'Hi {{firstName}}',
        language: 'en',
      },
    });
    await h.call('scripts.delete', { id: script.id });
    await h.call('research.setFacts', { leadId: bo, facts: { painPoint: 'manual dialing' } });
    // Email templates for email steps.
    const template = await h.call('emailTemplates.save', {
      template: {
        scope: 'personal',
        name: 'Slides',
        language: 'en',
        subject: '{{company}} slides',
        body: 'Hi {{firstName}}',
      },
    });
    await h.call('emailTemplates.delete', { id: template.id });
    // A calling session's skip and snooze.
    const ed = h.lead({ name: 'Ed Moss', company: 'Echo' });
    await h.call('session.skip', { leadId: ed, reason: 'needs_research', at: T });
    await h.call('session.snooze', {
      leadId: ed,
      until: T + DAY,
      reason: 'out_of_office',
      note: 'Back Monday',
      at: T,
    });

    const { rows, names, failures } = checkOutbox(core.db);
    expect(failures).toEqual([]);
    expect(rows).toBeGreaterThan(20);
    // A mutation no writer records, or a writer this test does not drive, shows up here.
    expect([...names].sort()).toEqual(Object.keys(mutations).sort());
  });
});

describe('Outbox.record', () => {
  it('refuses args that do not match the mutation, and the change rolls back with it', async () => {
    const h = await openHarness(T);
    const outbox = createOutbox(h.core.db, h.now, { validate: true });
    const before = h.core.db.prepare('SELECT count(*) AS n FROM outbox').get() as { n: number };
    const write = h.core.db.transaction(() => {
      h.core.db.prepare("INSERT INTO settings (key, value) VALUES ('probe', '1')").run();
      // A wrong shape cast past the types, as a future writer might build it.
      outbox.record('lead.setFit', { id: newId(), fit: 250, updatedAt: T } as never);
    });
    expect(write).toThrow(/"lead.setFit" does not match its wire schema: fit:/);
    expect(h.core.db.prepare("SELECT 1 FROM settings WHERE key = 'probe'").get()).toBeUndefined();
    expect(h.core.db.prepare('SELECT count(*) AS n FROM outbox').get()).toEqual(before);
  });

  it('writes a matching mutation with a UUIDv7 id and an HLC stamp', async () => {
    const h = await openHarness(T);
    const outbox = createOutbox(h.core.db, h.now, { validate: true });
    const name: MutationName = 'cadence.delete';
    const id = newId();
    h.core.db.transaction(() => outbox.record(name, { id }))();
    const row = h.core.db
      .prepare('SELECT id, name, args, hlc FROM outbox ORDER BY seq DESC LIMIT 1')
      .get() as StoredRow;
    expect(MutationEnvelope.parse({ ...row, args: JSON.parse(row.args) })).toMatchObject({
      name,
      args: { id },
    });
  });

  it('checks the changes inside a batch by their own names', () => {
    const change: ChangeName = 'lead.setFit';
    const bad = MutationEnvelope.safeParse({
      id: newId(),
      name: 'outcome.log',
      args: { changes: [{ name: change, args: { id: newId(), fit: -1, updatedAt: T } }] },
      hlc: '0000000000a:00000:0123456789abcdef',
    });
    expect(bad.success).toBe(false);
  });
});
