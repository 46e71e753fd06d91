import type { LeadPhone } from '@shared/domain/lead';
import { describe, expect, it } from 'vitest';
import type { ImportedLead } from '../../../src/main/core/imports/normalize/row';
import { type ContactIndex, planImport, planImportInTurns } from '../../../src/main/core/imports/write/plan';

const phone = (e164: string, ext: string | null = null): LeadPhone => ({ e164, ext, label: null, raw: e164 });
let line = 1;
const lead = (fields: Partial<ImportedLead>): ImportedLead => ({
  name: 'Lead',
  title: null,
  company: null,
  email: null,
  phones: [],
  timeZone: null,
  country: null,
  region: null,
  city: null,
  sourceChannel: 'other',
  sourceDetail: null,
  direction: 'inbound',
  status: 'new',
  research: null,
  line: ++line,
  ...fields,
});
const empty = (): ContactIndex => ({ emails: new Map(), phones: new Map() });

describe('duplicates', () => {
  it('skips rows whose email (any case) or phone is already in the store', () => {
    const store: ContactIndex = {
      emails: new Map([['ana@example.com', 'lead-1']]),
      phones: new Map([['+14155550100', 'lead-2']]),
    };
    const plan = planImport(
      [
        lead({ name: 'Ana', email: 'ANA@Example.com' }),
        lead({ name: 'Bo', phones: [phone('+14155550100')] }),
        lead({ name: 'Cy', phones: [phone('+14155550101')] }),
      ],
      store,
      'skip',
    );
    expect(plan.creates.map((l) => l.name)).toEqual(['Cy']);
    expect(plan).toMatchObject({ skipped: 2, merged: 0 });
  });

  it('skips later rows of the file that repeat an earlier one', () => {
    const plan = planImport(
      [
        lead({ name: 'Ana', email: 'ana@example.com' }),
        lead({ name: 'Ana again', email: 'Ana@example.com' }),
        lead({ name: 'Bo', phones: [phone('+14155550100')] }),
        lead({ name: 'Bo again', phones: [phone('+14155550199'), phone('+14155550100')] }),
      ],
      empty(),
      'skip',
    );
    expect(plan.creates.map((l) => l.name)).toEqual(['Ana', 'Bo']);
    expect(plan.skipped).toBe(2);
  });

  it('treats one switchboard number with different extensions as different people', () => {
    const plan = planImport(
      [lead({ phones: [phone('+14155550100', '12')] }), lead({ phones: [phone('+14155550100', '13')] })],
      empty(),
      'skip',
    );
    expect(plan.creates).toHaveLength(2);
  });

  it('merges file duplicates into the first row: fills empty fields and adds new phones', () => {
    const plan = planImport(
      [
        lead({ name: 'Ana', email: 'ana@example.com', phones: [phone('+14155550100')] }),
        lead({
          name: 'Ana L.',
          email: 'ana@example.com',
          title: 'CFO',
          phones: [phone('+14155550100'), phone('+14155550199')],
          research: 'met at expo',
        }),
      ],
      empty(),
      'merge',
    );
    expect(plan).toMatchObject({ merged: 1, skipped: 0 });
    expect(plan.creates).toHaveLength(1);
    expect(plan.creates[0]).toMatchObject({
      name: 'Ana',
      title: 'CFO',
      research: 'met at expo',
      phones: [phone('+14155550100'), phone('+14155550199')],
    });
  });

  it('does not move a phone another row already owns when merging', () => {
    const plan = planImport(
      [
        lead({ name: 'Ana', email: 'ana@example.com' }),
        lead({ name: 'Bo', phones: [phone('+14155550100')] }),
        lead({ name: 'Ana', email: 'ana@example.com', phones: [phone('+14155550100')] }),
      ],
      empty(),
      'merge',
    );
    expect(plan.creates.map((l) => [l.name, l.phones.length])).toEqual([
      ['Ana', 0],
      ['Bo', 1],
    ]);
  });

  it('sends store duplicates to their stored lead, in file order, without contacts other rows claimed', () => {
    const store: ContactIndex = { emails: new Map([['ana@example.com', 'lead-1']]), phones: new Map() };
    const plan = planImport(
      [
        lead({ name: 'Bo', phones: [phone('+14155550100')] }),
        lead({
          name: 'Ana',
          email: 'ana@example.com',
          title: 'CFO',
          phones: [phone('+14155550100'), phone('+14155550199')],
        }),
        lead({ name: 'Ana', email: 'ana@example.com', city: 'Oakland' }),
      ],
      store,
      'merge',
    );
    expect(plan.creates.map((l) => l.name)).toEqual(['Bo']);
    expect(plan.merged).toBe(2);
    const rows = plan.merges.get('lead-1') ?? [];
    expect(rows.map((r) => [r.title, r.city, r.phones.map((p) => p.e164)])).toEqual([
      ['CFO', null, ['+14155550199']],
      [null, 'Oakland', []],
    ]);
  });
});

describe('planning a large file in turns', () => {
  it('sorts rows exactly as planning them at once, across the turns it yields between', async () => {
    // Rows repeat an email every 7 rows and a phone every 11, so duplicates cross turn boundaries.
    const rows = Array.from({ length: 20_000 }, (_, i) =>
      lead({
        name: `Lead ${i}`,
        email: `lead${i % 16_000}@example.com`,
        phones: [phone(`+1415555${String(i % 9_000).padStart(4, '0')}`)],
        title: i % 2 ? 'CFO' : null,
      }),
    );
    const store: ContactIndex = {
      emails: new Map([['lead7@example.com', 'stored-1']]),
      phones: new Map([['+14155550011', 'stored-2']]),
    };
    for (const mode of ['skip', 'merge'] as const) {
      let turns = 0;
      const counting = setInterval(() => turns++, 0);
      const inTurns = await planImportInTurns(rows, store, mode);
      clearInterval(counting);
      expect(inTurns).toEqual(planImport(rows, store, mode));
      expect(inTurns.creates.length).toBeGreaterThan(0);
      expect(inTurns.merged + inTurns.skipped).toBeGreaterThan(0);
      expect(turns).toBeGreaterThan(0);
    }
  });
});
