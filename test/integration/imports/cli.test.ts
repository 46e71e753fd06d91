import { closeSync, existsSync, openSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { storeFile } from '../../../src/main/core/paths';
import { openStore } from '../../../src/main/core/store/db';
import { dialdeck, simpleCsv, tempDir } from './helpers';

const dirs: string[] = [];
const workspace = () => {
  const dir = tempDir('cli');
  dirs.push(dir);
  return { dir, data: join(dir, 'data'), file: (name: string) => join(dir, name) };
};
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const leadCount = (data: string): number => {
  const db = openStore(storeFile(data));
  try {
    return (db.prepare('SELECT count(*) AS n FROM leads').get() as { n: number }).n;
  } finally {
    db.close();
  }
};

describe('dialdeck import', () => {
  it('prints the summary with --json, per-row report included', async () => {
    const w = workspace();
    const csv = `${simpleCsv(3)}Broken,Acme,12,broken@example.com,NY\r\nLead 0,Company 0,(212) 200-0000,lead0@example.com,NY\r\n`;
    writeFileSync(w.file('leads.csv'), csv);
    const run = await dialdeck([
      '--data-dir',
      w.data,
      '--json',
      'import',
      w.file('leads.csv'),
      '--region',
      'US',
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      imported: 3,
      merged: 0,
      skipped: 1,
      rejected: [
        {
          line: 5,
          column: 'Phone',
          code: 'invalid_phone',
          message: expect.stringContaining('"12"'),
          params: { value: '12', region: 'US' },
        },
      ],
      warnings: [],
    });
    expect(leadCount(w.data)).toBe(3);
  });

  it('prints a human summary, honours --encoding, --delimiter and --on-duplicate', async () => {
    const w = workspace();
    writeFileSync(
      w.file('first.csv'),
      iconv.encode('이름;전화;이메일\n김민수;010-1234-5678;kim@example.kr\n', 'cp949'),
    );
    const first = await dialdeck([
      '--data-dir',
      w.data,
      'import',
      w.file('first.csv'),
      '--region',
      'KR',
      '--encoding',
      'cp949',
      '--delimiter',
      'semicolon',
    ]);
    expect(first).toMatchObject({ code: 0, stderr: '' });
    expect(first.stdout).toMatch(/^Imported 1 lead from .*first\.csv\.$/m);

    writeFileSync(w.file('again.csv'), '이름,직함,이메일\n김민수,팀장,KIM@example.kr\n');
    const again = await dialdeck([
      '--data-dir',
      w.data,
      'import',
      w.file('again.csv'),
      '--on-duplicate',
      'merge',
    ]);
    expect(again).toMatchObject({ code: 0 });
    expect(again.stdout).toMatch(/merged 1 into leads you already had/);
    expect(leadCount(w.data)).toBe(1);
  });

  it('refuses a file over 100 MB before reading it, with a code on stderr and a failing exit', async () => {
    const w = workspace();
    // A sparse 200 MB file: reading it would take a while; checking its size does not.
    closeSync(openSync(w.file('huge.csv'), 'w'));
    truncateSync(w.file('huge.csv'), 200 * 1024 * 1024);
    const run = await dialdeck(['--data-dir', w.data, '--json', 'import', w.file('huge.csv')]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(JSON.parse(run.stderr)).toEqual({
      error: { code: 'import_too_large', message: expect.stringContaining('200 MB') },
    });
  });

  it('refuses spreadsheets, missing files and bad options, writing nothing', async () => {
    const w = workspace();
    writeFileSync(
      w.file('leads.xlsx'),
      Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(1000, 1)]),
    );
    const xlsx = await dialdeck(['--data-dir', w.data, 'import', w.file('leads.xlsx')]);
    expect(xlsx.code).toBe(1);
    expect(xlsx.stderr).toMatch(/save it as "CSV UTF-8.*\[import_not_csv\]/);

    const missing = await dialdeck(['--data-dir', w.data, '--json', 'import', w.file('nope.csv')]);
    expect(missing.code).toBe(1);
    expect(JSON.parse(missing.stderr).error.code).toBe('file_not_found');

    writeFileSync(w.file('ok.csv'), simpleCsv(1));
    const badFlag = await dialdeck([
      '--data-dir',
      w.data,
      '--json',
      'import',
      w.file('ok.csv'),
      '--on-duplicate',
      'replace',
    ]);
    expect(badFlag.code).toBe(2);
    expect(JSON.parse(badFlag.stderr).error.code).toBe('invalid_input');
    expect(leadCount(w.data)).toBe(0);
  });
});

describe('dialdeck export', () => {
  it('writes the CSV, prints what it wrote, and the file re-imports as the same leads', async () => {
    const w = workspace();
    writeFileSync(
      w.file('leads.csv'),
      '姓名,公司,手机,邮箱,国家,备注\n王芳,华东精密制造,138 0013 8000,wang@example.cn,中国,"下周回电, 关注价格"\nAna,Acme,+1 212 555 0100 x12,ana@example.com,US,\n',
    );
    expect((await dialdeck(['--data-dir', w.data, 'import', w.file('leads.csv')])).code).toBe(0);
    const exported = await dialdeck(['--data-dir', w.data, '--json', 'export', w.file('out.csv')]);
    expect(exported.code).toBe(0);
    expect(JSON.parse(exported.stdout)).toEqual({ exported: 2, file: w.file('out.csv') });
    const text = readFileSync(w.file('out.csv'), 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(existsSync(`${w.file('out.csv')}.partial`)).toBe(false);

    const other = join(w.dir, 'other');
    const again = await dialdeck(['--data-dir', other, '--json', 'import', w.file('out.csv')]);
    expect(JSON.parse(again.stdout)).toMatchObject({ imported: 2, rejected: [] });
    const list = await dialdeck(['--data-dir', other, '--json', 'leads']);
    const leads = JSON.parse(list.stdout) as {
      name: string;
      phones: { e164: string; ext: string | null }[];
    }[];
    expect(leads.map((lead) => [lead.name, lead.phones.map((p) => `${p.e164}/${p.ext}`)]).sort()).toEqual([
      ['Ana', ['+12125550100/12']],
      ['王芳', ['+8613800138000/null']],
    ]);
  });
});
