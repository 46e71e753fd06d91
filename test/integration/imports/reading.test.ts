import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ImportSummary } from '@shared/api/imports';
import iconv from 'iconv-lite';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../src/main/core';
import { call, counts, freshCore, importFile, leadsOf, preview } from './helpers';

const CASES = join(import.meta.dirname, '../../fixtures/import-cases');
const caseFile = (name: string): Buffer => readFileSync(join(CASES, name));

let open: { core: Core; done: () => void } | undefined;
const core = (): Core => {
  open = freshCore();
  return open.core;
};
afterEach(() => {
  open?.done();
  open = undefined;
});

const utf16leWithBom = (text: string): Buffer =>
  Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);

describe('files from the field, through the core', () => {
  it('sep-hint-line.csv: the sep=; line picks the delimiter and the header is on line 2', async () => {
    const c = core();
    const file = caseFile('sep-hint-line.csv');
    const shown = await preview(c, file);
    expect(shown).toMatchObject({ delimiter: ';', headerLine: 2, rowCount: 3 });
    expect(shown.headers).toEqual(['Name', 'Company', 'Phone', 'Email', 'Country']);
    const summary = await importFile(c, file, { region: 'US' });
    expect(summary).toMatchObject({ imported: 3, rejected: [] });
    const leads = await leadsOf(c);
    expect(leads.map((l) => [l.company, l.country, l.phones[0]?.e164]).sort()).toEqual([
      ['Berg, Lund AB', 'DE', '+493012345678'],
      ['Bernard, Petit SARL', 'FR', '+33199001235'],
      ['Dupont, Fils & Cie', 'FR', '+33199001234'],
    ]);
  });

  it('title-line.csv: the header below the title and blank line is found, and shown with the top rows', async () => {
    const c = core();
    const shown = await preview(c, caseFile('title-line.csv'));
    expect(shown.headerLine).toBe(3);
    expect(shown.headers[0]).toBe('Name');
    expect(shown.topRows.map((row) => row.line)).toEqual([1, 3, 4, 5, 6]);
    expect(shown.topRows[0]?.cells[0]).toMatch(/^Q4 outbound list/);
    const summary = await importFile(c, caseFile('title-line.csv'), { region: 'US' });
    expect(summary).toMatchObject({ imported: 3, rejected: [] });
    const zones = Object.fromEntries((await leadsOf(c)).map((l) => [l.name, l.timeZone]));
    expect(zones).toEqual({
      'Ava Stone': 'America/Los_Angeles',
      'Ben Okafor': 'America/New_York',
      'Cara Lind': 'America/Chicago',
    });
  });

  it('title-line.csv: --header-row style choice of the found line imports the same; a blank line is refused', async () => {
    const c = core();
    const chosen = await preview(c, caseFile('title-line.csv'), { headerRow: 3 });
    expect(chosen).toMatchObject({ headerLine: 3, rowCount: 3 });
    await expect(preview(c, caseFile('title-line.csv'), { headerRow: 2 })).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringContaining('line 2'),
    });
    await expect(preview(c, caseFile('title-line.csv'), { headerRow: 99 })).rejects.toMatchObject({
      code: 'invalid_input',
    });
  });

  it('mixed-line-endings.csv: all 40 leads, nothing rejected', async () => {
    const c = core();
    const shown = await preview(c, caseFile('mixed-line-endings.csv'));
    expect(shown.rowCount).toBe(40);
    const summary = await importFile(c, caseFile('mixed-line-endings.csv'), { region: 'US' });
    expect(summary).toMatchObject({ imported: 40, rejected: [] });
    expect(counts(c.db).leads).toBe(40);
  });

  it('gb18030-ascii-first.csv: decoded as GB18030 and its Chinese rows shown in the preview', async () => {
    const c = core();
    const file = caseFile('gb18030-ascii-first.csv');
    const shown = await preview(c, file);
    expect(shown.encoding).toBe('gb18030');
    expect(shown.rowCount).toBe(2002);
    expect(shown.textRows.map((row) => row.cells.slice(0, 2))).toEqual([
      ['张伟', '星辰科技有限公司'],
      ['王芳', '海蓝贸易(深圳)有限公司'],
    ]);
    expect(shown.textRows.map((row) => row.line)).toEqual([2002, 2003]);
    const summary = await importFile(c, file, { region: 'US' });
    expect(summary.imported + summary.rejected.length).toBe(2002);
    const byName = new Map((await leadsOf(c)).map((l) => [l.name, l]));
    expect(byName.get('张伟')?.company).toBe('星辰科技有限公司');
    expect(byName.get('王芳')?.company).toBe('海蓝贸易(深圳)有限公司');
  });
});

describe('held-out files of the same kinds', () => {
  it.each([
    ['tab', '\\t', '\t'],
    ['pipe', '|', '|'],
    ['semicolon', ';', ';'],
  ])('a sep= line for %s in UTF-16LE with a byte-order mark', async (_name, written, delimiter) => {
    const c = core();
    const rows = [
      'Name{d}Company{d}Phone',
      'Zoé Martin{d}Dupont, Fils & Cie{d}+33 1 99 00 12 34',
      '김민수{d}한빛소프트{d}+82 10-2000-0195',
    ].map((row) => row.replaceAll('{d}', delimiter));
    const file = utf16leWithBom(`sep=${written}\r\n${rows.join('\r\n')}\r\n`);
    const shown = await preview(c, file);
    expect(shown).toMatchObject({ encoding: 'utf-16le', delimiter, headerLine: 2, rowCount: 2 });
    const summary = await importFile(c, file, { region: 'US' });
    expect(summary).toMatchObject({ imported: 2, rejected: [] });
    expect((await leadsOf(c)).map((l) => l.company).sort()).toEqual(['Dupont, Fils & Cie', '한빛소프트']);
  });

  it('a header the rule cannot tell from the title above it: the user chooses its line, the run follows', async () => {
    const c = core();
    const file =
      'Vertriebsliste,Q4,2026\nKontakt,Firma,Nummer\nAnna Becker,Beispiel GmbH,+49 30 1234567\nJonas Berg,Lund AB,+49 30 7654321\n';
    const found = await preview(c, file);
    expect(found.headerLine).toBe(1);
    expect(found.topRows.map((row) => row.line)).toEqual([1, 2, 3, 4]);
    const chosen = await preview(c, file, { headerRow: 2 });
    expect(chosen).toMatchObject({ headerLine: 2, headers: ['Kontakt', 'Firma', 'Nummer'], rowCount: 2 });
    // Previewed with the found header, run with the chosen one: the run reads the file again.
    const summary = await call<ImportSummary>(c, 'imports.run', {
      token: found.token,
      options: { region: 'DE', headerRow: 2, mapping: ['name', 'company', 'phone'] },
    });
    expect(summary).toMatchObject({ imported: 2, rejected: [] });
    expect((await leadsOf(c)).map((l) => l.name).sort()).toEqual(['Anna Becker', 'Jonas Berg']);
  });

  it.each([
    ['UTF-8 with a byte-order mark', 'utf-8', (text: string) => Buffer.from(`\uFEFF${text}`, 'utf8')],
    ['CP949', 'cp949', (text: string) => iconv.encode(text, 'cp949')],
  ] as const)('a sep=| line in %s', async (_name, encoding, encode) => {
    const c = core();
    const file = encode('sep=|\r\n이름|회사|전화\r\n김민수|한빛, 소프트|+82 10-2000-0195\r\n');
    expect(await preview(c, file)).toMatchObject({ encoding, delimiter: '|', headerLine: 2, rowCount: 1 });
    expect(await importFile(c, file, { region: 'KR' })).toMatchObject({ imported: 1, rejected: [] });
    expect((await leadsOf(c))[0]).toMatchObject({ name: '김민수', company: '한빛, 소프트' });
  });

  it('a sep= line that names the wrong mark is set aside for the delimiter the rows use', async () => {
    const c = core();
    const shown = await preview(c, 'sep=,\nName;Phone\nAna;+12125550100\nBo;+12125550101\n');
    expect(shown).toMatchObject({ delimiter: ';', headerLine: 2, headers: ['Name', 'Phone'], rowCount: 2 });
  });

  it('two title lines and a blank line above a semicolon header', async () => {
    const c = core();
    const file =
      'Salon des entrepreneurs\r\nListe exportée le 02/04\r\n\r\nName;Company;Phone\r\nZoé;Dupont;+33199001234\r\nLuc;Petit;+33199001235\r\n';
    const shown = await preview(c, file);
    expect(shown).toMatchObject({ delimiter: ';', headerLine: 4, rowCount: 2 });
    const summary = await importFile(c, file);
    expect(summary).toMatchObject({ imported: 2, rejected: [] });
  });

  it('a file whose lines end in a lone CR', async () => {
    const c = core();
    const rows = Array.from({ length: 12 }, (_, i) => `Lead ${i},+1212555${String(i).padStart(4, '0')}`);
    const summary = await importFile(c, `Name,Phone\r${rows.join('\r')}\r`, { region: 'US' });
    expect(summary).toMatchObject({ imported: 12, rejected: [] });
  });

  it('a quoted multi-line note inside a mixed-ending file: every lead, lines reported as the file shows them', async () => {
    const c = core();
    const file =
      'Name,Research,Phone\r\nAna,"met at expo\rwants a call\nin May",+12125550100\nBo,,12\r\nCy,"one\r\ntwo",+12125550102\r';
    const summary = await importFile(c, file, { region: 'US' });
    expect(summary.imported).toBe(2);
    expect(summary.rejected).toEqual([
      expect.objectContaining({ line: 5, column: 'Phone', code: 'invalid_phone' }),
    ]);
  });

  it('an unterminated quote in the middle: caught in the preview with its line, one lead rejected, the rest imported', async () => {
    const c = core();
    const rows = Array.from({ length: 20 }, (_, i) => `Lead ${i},+1212555${String(i).padStart(4, '0')}`);
    rows.splice(9, 0, '"Broken Lead,+12125559999');
    const file = `Name,Phone\n${rows.join('\n')}\n`;
    const shown = await preview(c, file);
    expect(shown.rowCount).toBe(21);
    expect(shown.warningCount).toBe(1);
    expect(shown.warnings).toEqual([
      expect.objectContaining({
        line: 11,
        code: 'unterminated_quote',
        message: expect.stringContaining('line 11'),
      }),
    ]);
    const summary = await importFile(c, file, { region: 'US' });
    expect(summary.imported).toBe(20);
    expect(summary.rejected).toEqual([expect.objectContaining({ line: 11, code: 'unterminated_quote' })]);
  });

  it.each([
    ['gb18030', '张伟', '星辰科技有限公司'],
    ['cp949', '김민수', '한빛소프트(주)'],
  ] as const)('a %s file whose first 200 KB are ASCII', async (encoding, name, company) => {
    const c = core();
    const rows = ['Name,Company,Phone'];
    for (let i = 0; rows.length * 40 < 200 * 1024; i++) {
      rows.push(`Lead ${i},Example Co ${i},+1 212 555 ${String(i % 10_000).padStart(4, '0')}`);
    }
    rows.push(`${name},${company},+1 212 555 9999`);
    const file = iconv.encode(`${rows.join('\r\n')}\r\n`, encoding);
    const shown = await preview(c, file);
    expect(shown.encoding).toBe(encoding);
    expect(shown.textRows).toEqual([{ line: rows.length, cells: [name, company, '+1 212 555 9999'] }]);
    const summary = await importFile(c, file, { region: 'US' });
    expect(summary.imported + summary.rejected.length).toBe(rows.length - 1);
    const leads = await leadsOf(c);
    expect(leads.find((l) => l.name === name)?.company).toBe(company);
  });
});
