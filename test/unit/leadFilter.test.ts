import type { LeadIndex } from '@shared/api/leads';
import { LEAD_STATUSES, type LeadStatus, type LeadSummary } from '@shared/domain/lead';
import { type FilterResult, filterLeads } from '@shared/leadSearch/filter';
import { foldForSearch } from '@shared/leadSearch/fold';
import { buildLeadTable, patchLeadTable, positionOf, rowAt } from '@shared/leadSearch/table';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

// The workspace filters 100k leads in the browser with a gram index and one long search text; these
// properties hold it to the plain definition: every word appears in one of the lead's list fields.

const pieces = [
  'an',
  'na',
  'Chen',
  'José',
  'ÉLODIE',
  '王芳',
  '김민준',
  'acme',
  'ＡＣＭＥ',
  "o'neil",
  'x-1',
  '415',
  '555',
];
const text = fc
  .array(fc.constantFrom(...pieces, ' ', 'a', 'e', '7'), { maxLength: 5 })
  .map((p) => p.join(''));
const nullable = fc.option(text, { nil: null });
const phone = fc.option(fc.stringMatching(/^\+1[2-9]\d{9}$/), { nil: null });
const lead = fc.record({
  name: text,
  title: nullable,
  company: nullable,
  email: nullable,
  phone,
  status: fc.constantFrom(...LEAD_STATUSES),
});

/** Packs leads the way the core's `leads.index` does. */
const indexOf = (leads: Array<Omit<LeadSummary, 'id' | 'timeZone' | 'isDemo'>>): LeadIndex => {
  const clean = (value: string | null) => (value ?? '').replace(/[\t\n]/g, ' ');
  return {
    count: leads.length,
    ids: leads.map((_, i) => `00000000-0000-7000-8000-${String(i).padStart(12, '0')}\n`).join(''),
    rows: leads
      .map(
        (l) =>
          `${clean(l.name)}\t${clean(l.title)}\t${clean(l.company)}\t${clean(l.email)}\t${clean(l.phone)}\n`,
      )
      .join(''),
    statuses: leads.map((l) => LEAD_STATUSES.indexOf(l.status)),
    timeZones: ['Europe/Paris'],
    zoneOf: leads.map((_, i) => (i % 2 ? 0 : -1)),
    demo: leads.flatMap((_, i) => (i % 5 === 0 ? [i] : [])),
  };
};

/** The definition, written plainly. */
type Source = Omit<LeadSummary, 'id' | 'timeZone' | 'isDemo'>;

const matches = (row: Source, query: string, status: LeadStatus | null): boolean => {
  if (status && row.status !== status) return false;
  const fields = [row.name, row.company, row.title, row.email].map((f) => foldForSearch(f ?? ''));
  const digits = (row.phone ?? '').replace(/\D/g, '');
  return foldForSearch(query)
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => {
      const phoneLike = /^[\d\s()+\-.]+$/.test(word) && /\d/.test(word);
      const needle = phoneLike ? word.replace(/\D/g, '') : word;
      return fields.some((f) => f.includes(needle)) || digits.includes(needle);
    });
};

const queryStep = fc.tuple(text, fc.option(fc.constantFrom(...LEAD_STATUSES), { nil: null }));

describe('lead list filter', () => {
  it('finds exactly the leads whose fields contain every word, typed letter by letter', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(lead, { minLength: 1, maxLength: 80 }),
        fc.array(queryStep, { maxLength: 4 }),
        async (leads, steps) => {
          const table = await buildLeadTable(indexOf(leads), undefined, 7);
          let previous: FilterResult | null = null;
          for (const [query, status] of steps) {
            for (let end = 0; end <= query.length; end++) {
              const typed = query.slice(0, end);
              previous = filterLeads(table, { query: typed, status }, previous);
              const expected = leads.flatMap((source, i) => (matches(source, typed, status) ? [i] : []));
              expect([...previous.positions]).toEqual(expected);
            }
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('stays exact after rows are patched in place', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(lead, { minLength: 2, maxLength: 40 }),
        lead,
        text,
        async (leads, replacement, query) => {
          const table = await buildLeadTable(indexOf(leads));
          const target = rowAt(table, leads.length - 1);
          const patched = patchLeadTable(table, [{ ...target, ...replacement }]);
          expect(patched).not.toBeNull();
          if (!patched) return;
          const result = filterLeads(patched, { query, status: null }, null);
          const expected = leads.flatMap((_, i) => (matches(rowAt(patched, i), query, null) ? [i] : []));
          expect([...result.positions]).toEqual(expected);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('patched in place, equals the table built from the patched leads', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(lead, { minLength: 1, maxLength: 40 }),
        fc.array(fc.tuple(fc.nat(), lead, fc.boolean()), { minLength: 1, maxLength: 6 }),
        async (leads, edits) => {
          const table = await buildLeadTable(indexOf(leads), undefined, 7);
          const after = [...leads];
          const updates = new Map<number, LeadSummary>();
          for (const [at, replacement, keepText] of edits) {
            const i = at % leads.length;
            const source = after[i] as Source;
            const next = keepText ? { ...source, status: replacement.status } : replacement;
            after[i] = next;
            updates.set(i, {
              ...rowAt(table, i),
              ...next,
              title: next.title || null,
              company: next.company || null,
              email: next.email || null,
            });
          }
          const patched = patchLeadTable(table, [...updates.values()]);
          const rebuilt = await buildLeadTable(indexOf(after));
          expect(patched).not.toBeNull();
          if (!patched) return;
          expect(patched.rows).toBe(rebuilt.rows);
          expect(patched.text).toBe(rebuilt.text);
          expect([...patched.fieldOffsets]).toEqual([...rebuilt.fieldOffsets]);
          expect([...patched.offsets]).toEqual([...rebuilt.offsets]);
          expect([...patched.statuses]).toEqual([...rebuilt.statuses]);
          expect(patched.demoCount).toBe(rebuilt.demoCount);
          for (let i = 0; i < after.length; i++) expect(rowAt(patched, i)).toEqual(rowAt(rebuilt, i));
          for (const query of ['a', 'an', 'chen 555', '7']) {
            const expected = after.flatMap((source, i) => (matches(source, query, null) ? [i] : []));
            expect([...filterLeads(patched, { query, status: null }, null).positions]).toEqual(expected);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('reads every row back as it was packed', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(lead, { maxLength: 60 }), async (leads) => {
        const table = await buildLeadTable(indexOf(leads), undefined, 9);
        leads.forEach((source, i) => {
          const row = rowAt(table, i);
          const blank = (value: string | null) => (value === '' ? null : value);
          expect(row).toEqual({
            id: `00000000-0000-7000-8000-${String(i).padStart(12, '0')}`,
            name: source.name,
            title: blank(source.title),
            company: blank(source.company),
            email: blank(source.email),
            phone: source.phone,
            status: source.status,
            timeZone: i % 2 ? 'Europe/Paris' : null,
            isDemo: i % 5 === 0,
          });
          expect(positionOf(table, row.id)).toBe(i);
        });
        expect(positionOf(table, '00000000-0000-7000-8000-999999999999')).toBe(-1);
      }),
      { numRuns: 60 },
    );
  });

  it('tells a new lead apart from a changed one', async () => {
    const table = await buildLeadTable(
      indexOf([{ name: 'Avery', title: null, company: null, email: null, phone: null, status: 'new' }]),
    );
    const stranger: LeadSummary = { ...rowAt(table, 0), id: '00000000-0000-7000-8000-999999999999' };
    expect(patchLeadTable(table, [stranger])).toBeNull();
    expect(patchLeadTable(table, [rowAt(table, 0)])).toBe(table);
  });
});
