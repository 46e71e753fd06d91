import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { filterLeads } from '@shared/leadSearch/filter';
import { buildLeadTable, rowAt } from '@shared/leadSearch/table';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Core, openCore } from '../../src/main/core';
import { dispatch } from '../../src/main/core/dispatch';
import type { NewLead } from '../../src/main/core/leads/repo';

// The lead list as the workspace reads it from a real store: a first window with the total, the
// packed index it filters in the browser, and fresh rows after a change. The window, the index and
// the CLI's list must agree on order and on what a search finds.

const lead = (name: string, extra: Partial<NewLead> = {}): NewLead => ({
  name,
  title: null,
  company: null,
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
  ...extra,
});

const phone = (e164: string) => [{ e164, ext: null, label: null, raw: e164 }];

const call = async <T>(core: Core, method: string, input: unknown): Promise<T> => {
  const result = await dispatch(core.handlers, method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value as T;
};

describe('the lead list read by the workspace', () => {
  let dataDir: string;
  let core: Core;

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'dialdeck-list-'));
    let clock = 1_700_000_000_000;
    core = openCore({ dataDir, now: () => clock++ });
    core.db.transaction(() => {
      core.leads.create(
        lead('Nadia Rahman', {
          title: 'VP Revenue',
          company: 'Quillfeather Analytics',
          email: 'nadia@quillfeather.example',
          phones: phone('+14155550101'),
          timeZone: 'America/Los_Angeles',
        }),
      );
      core.leads.create(
        lead('Omar Haddad', { title: 'IT Director', company: 'Quillfeather Analytics', status: 'working' }),
      );
      core.leads.create(lead('陈晓明', { company: '华东精密制造', phones: phone('+8613800138001') }));
      core.leads.create(lead('Tab\tIn Name', { title: 'Line\nBreak', email: 'tabs@example.com' }));
      for (let i = 0; i < 40; i++)
        core.leads.create(lead(`Filler ${i}`, { email: `filler${i}@example.com` }));
      // Leads written in one moment (an import) are ordered by id.
      for (const name of ['Same Moment A', 'Same Moment B', 'Same Moment C']) {
        core.leads.create(lead(name, { email: `${name.replace(/ /g, '.')}@example.com` }), {
          at: 1_600_000_000_000,
        });
      }
    })();
  });

  afterEach(() => {
    core.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('gives the first window newest first, with the total', async () => {
    const page = await call<{ rows: { name: string }[]; total: number }>(core, 'leads.page', { limit: 5 });
    expect(page.total).toBe(47);
    expect(page.rows.map((row) => row.name)).toEqual([
      'Filler 39',
      'Filler 38',
      'Filler 37',
      'Filler 36',
      'Filler 35',
    ]);
    const next = await call<{ rows: { name: string }[] }>(core, 'leads.page', { limit: 10, offset: 40 });
    expect(next.rows.map((row) => row.name)).toEqual([
      'Tab\tIn Name',
      '陈晓明',
      'Omar Haddad',
      'Nadia Rahman',
      'Same Moment C',
      'Same Moment B',
      'Same Moment A',
    ]);
    const working = await call<{ rows: { name: string }[]; total: number }>(core, 'leads.page', {
      status: 'working',
    });
    expect(working).toMatchObject({ total: 1, rows: [{ name: 'Omar Haddad' }] });
  });

  it('packs an index that reads back as the list rows, in the same order', async () => {
    const index = await call<Parameters<typeof buildLeadTable>[0]>(core, 'leads.index', {});
    const table = await buildLeadTable(index);
    const list = core.leads.list({});
    expect(table.count).toBe(list.length);
    list.forEach((row, i) => {
      // Tabs and newlines separate the packed fields, so inside a value they travel as spaces.
      const packed = {
        ...row,
        name: row.name.replace(/[\t\n]/g, ' '),
        title: row.title?.replace(/[\t\n]/g, ' ') ?? null,
      };
      expect(rowAt(table, i)).toEqual(packed);
    });
  });

  it('finds the same leads in the core and in the workspace', async () => {
    const table = await buildLeadTable(await call(core, 'leads.index', {}));
    for (const search of [
      'quill rev',
      'QUILLFEATHER',
      '415 555',
      '(415) 555-01',
      '华东',
      'filler 1',
      'nobody',
    ]) {
      const inCore = (await call<{ rows: { id: string }[] }>(core, 'leads.page', { search, limit: 1000 }))
        .rows;
      const inBrowser = filterLeads(table, { query: search, status: null }, null);
      expect(
        [...inBrowser.positions].map((i) => rowAt(table, i).id),
        search,
      ).toEqual(inCore.map((row) => row.id));
    }
  });

  it('returns fresh rows of changed leads, and none for removed ones', async () => {
    const [nadia] = core.leads.list({ search: 'nadia' });
    expect(nadia).toBeDefined();
    const rows = await call<{ name: string }[]>(core, 'leads.summaries', {
      ids: [nadia?.id, '00000000-0000-7000-8000-000000000000'],
    });
    expect(rows).toEqual([nadia]);
  });
});
