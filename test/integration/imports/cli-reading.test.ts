import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ImportSummary } from '@shared/api/imports';
import type { Lead } from '@shared/domain/lead';
import { afterAll, describe, expect, it } from 'vitest';
import { openCore } from '../../../src/main/core';
import { type CliRun, call, dialdeck, tempDir } from './helpers';

const CASES = join(import.meta.dirname, '../../fixtures/import-cases');

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** Runs `dialdeck --data-dir D --json import FILE --region US …` on a fresh data dir. */
const importWithCli = async (file: string, ...flags: string[]) => {
  const dir = tempDir('cli-read');
  dirs.push(dir);
  const data = join(dir, 'data');
  const run = await dialdeck(['--data-dir', data, '--json', 'import', file, '--region', 'US', ...flags]);
  return { run, data, dir };
};

const summaryOf = (run: CliRun): ImportSummary => {
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as ImportSummary;
};

/** The leads the store holds, read by opening it as the app does. */
const storedLeads = async (data: string): Promise<Lead[]> => {
  const core = openCore({ dataDir: data });
  try {
    return await call<Lead[]>(core, 'leads.listFull', {});
  } finally {
    core.close();
  }
};

describe('dialdeck import with files from the field', () => {
  it('sep-hint-line.csv: 3 leads, companies with their commas', async () => {
    const { run, data } = await importWithCli(join(CASES, 'sep-hint-line.csv'));
    expect(summaryOf(run)).toEqual({ imported: 3, merged: 0, skipped: 0, rejected: [], warnings: [] });
    const leads = await storedLeads(data);
    expect(leads.map((l) => [l.phones[0]?.e164, l.country, l.company]).sort()).toEqual([
      ['+33199001234', 'FR', 'Dupont, Fils & Cie'],
      ['+33199001235', 'FR', 'Bernard, Petit SARL'],
      ['+493012345678', 'DE', 'Berg, Lund AB'],
    ]);
  });

  it('title-line.csv: 3 leads with LA, New York and Chicago zones; --header-row 3 reads the same', async () => {
    for (const flags of [[], ['--header-row', '3']]) {
      const { run, data } = await importWithCli(join(CASES, 'title-line.csv'), ...flags);
      expect(summaryOf(run)).toEqual({ imported: 3, merged: 0, skipped: 0, rejected: [], warnings: [] });
      const zones = (await storedLeads(data)).map((l) => [l.name, l.timeZone]).sort();
      expect(zones).toEqual([
        ['Ava Stone', 'America/Los_Angeles'],
        ['Ben Okafor', 'America/New_York'],
        ['Cara Lind', 'America/Chicago'],
      ]);
    }
  });

  it('says in its human summary which line the column names came from', async () => {
    const dir = tempDir('cli-read');
    dirs.push(dir);
    const run = await dialdeck([
      '--data-dir',
      join(dir, 'data'),
      'import',
      join(CASES, 'title-line.csv'),
      '--region',
      'US',
    ]);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toMatch(/^Imported 3 leads from .*title-line\.csv\.$/m);
    expect(run.stdout).toContain('Column names read from line 3; the lines above it were not imported');
  });

  it('mixed-line-endings.csv: all 40 leads, nothing rejected', async () => {
    const { run, data } = await importWithCli(join(CASES, 'mixed-line-endings.csv'));
    expect(summaryOf(run)).toEqual({ imported: 40, merged: 0, skipped: 0, rejected: [], warnings: [] });
    expect(await storedLeads(data)).toHaveLength(40);
  });

  it('gb18030-ascii-first.csv: 2,002 leads, 张伟 and 王芳 decoded with their companies, numbers read in China', async () => {
    const { run, data } = await importWithCli(join(CASES, 'gb18030-ascii-first.csv'));
    expect(summaryOf(run)).toEqual({ imported: 2002, merged: 0, skipped: 0, rejected: [], warnings: [] });
    const leads = await storedLeads(data);
    expect(leads).toHaveLength(2002);
    const byName = new Map(leads.map((l) => [l.name, l]));
    expect(byName.get('张伟')).toMatchObject({
      company: '星辰科技有限公司',
      country: 'CN',
      timeZone: 'Asia/Shanghai',
      phones: [expect.objectContaining({ e164: '+8613800138000' })],
    });
    expect(byName.get('王芳')).toMatchObject({
      company: '海蓝贸易(深圳)有限公司',
      country: 'CN',
      phones: [expect.objectContaining({ e164: '+8675588886666' })],
    });
  });

  it('--header-row picks another row; a bad value or a blank line is refused with invalid_input', async () => {
    const dir = tempDir('cli-read');
    dirs.push(dir);
    const file = join(dir, 'list.csv');
    writeFileSync(
      file,
      'Name,Phone,Email\nMaster list (do not edit),,\nName,Phone,Email\nAna Ng,(212) 555-0100,ana@example.com\n',
    );
    const { run, data } = await importWithCli(file, '--header-row', '3');
    expect(summaryOf(run)).toEqual({ imported: 1, merged: 0, skipped: 0, rejected: [], warnings: [] });
    expect((await storedLeads(data)).map((l) => l.name)).toEqual(['Ana Ng']);

    const bad = await importWithCli(file, '--header-row', 'two');
    expect(bad.run.code).toBe(2);
    expect(JSON.parse(bad.run.stderr).error).toMatchObject({
      code: 'invalid_input',
      message: expect.stringContaining('--header-row'),
    });
    writeFileSync(file, 'Leads\n\nName,Phone\nAna Ng,(212) 555-0100\n');
    const blank = await importWithCli(file, '--header-row', '2');
    expect(blank.run.code).toBe(2);
    expect(JSON.parse(blank.run.stderr).error.message).toContain('line 2');
  });

  it('reads pipes, detected or named with --delimiter pipe', async () => {
    const dir = tempDir('cli-read');
    dirs.push(dir);
    const file = join(dir, 'pipes.csv');
    writeFileSync(
      file,
      'Name|Company|Phone\nAna Ng|Acme, Inc.|(212) 555-0100\nBo Li|Globex|(212) 555-0101\n',
    );
    for (const flags of [[], ['--delimiter', 'pipe']]) {
      const { run, data } = await importWithCli(file, ...flags);
      expect(summaryOf(run)).toEqual({ imported: 2, merged: 0, skipped: 0, rejected: [], warnings: [] });
      expect((await storedLeads(data)).map((l) => l.company).sort()).toEqual(['Acme, Inc.', 'Globex']);
    }
  });

  it('an unterminated quote mid-file: one lead rejected on its line, the rest imported', async () => {
    const dir = tempDir('cli-read');
    dirs.push(dir);
    const file = join(dir, 'quote.csv');
    const rows = Array.from({ length: 8 }, (_, i) => `Lead ${i}|(212) 555-010${i}`);
    rows.splice(4, 0, 'Bad "Lead|"(212) 555-0199');
    writeFileSync(file, `sep=|\r\nName|Phone\r\n${rows.join('\r\n')}\r\n`);
    const { run } = await importWithCli(file);
    const summary = summaryOf(run);
    expect(summary.imported).toBe(8);
    expect(summary.rejected).toEqual([expect.objectContaining({ line: 7, code: 'unterminated_quote' })]);
  });
});
