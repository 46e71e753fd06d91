import type { ImportProgress, ImportSummary } from '@shared/api/imports';
import { MAX_UPLOAD_BASE64_CHARS } from '@shared/api/limits';
import iconv from 'iconv-lite';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_IMPORT_BYTES } from '../../../src/main/core/imports/limits';
import { call, counts, freshCore, importFile, leadsOf, outboxCount, preview, simpleCsv } from './helpers';

const HEADER = 'Name,Company,Phone,Mobile,Email,Country,State,Time Zone,Lead Source,Status,Notes';
const MIXED = [
  HEADER,
  'Ana Lima,Acme,(415) 555-0132,,ana@example.com,US,CA,,Web form,,',
  '王芳,华东精密制造,138 0013 8000,,wang.fang@example.cn,中国,,,展会,跟进中,"调研: 关注价格\n下周回电"',
  '김민수,삼성전자,010-1234-5678 내선 12,,kim@example.kr,한국,,,웨비나,,',
  'Bad Phone,Acme,12,,,US,,,,,',
  ',NoName Inc,+1 212 555 0100,,,US,,,,,',
  'Zed,Acme,+44 20 7946 0958,,zed@example.co.uk,,,PST,,,',
  'Ragged,Acme',
  'Ana Again,Acme,,,ANA@example.com,US,CA,,,,',
  'Bo,Beta,+1 212 555 0101,+1 212 555 0102,bo@example.com,US,NY,America/New_York,Cold list,MQL,',
  'Cy,Beta,+1 (312) 555-0123,,,US,TX,,,Maybe,',
].join('\r\n');

let cleanup: (() => void)[] = [];
const open = () => {
  const fresh = freshCore();
  cleanup.push(fresh.done);
  return fresh;
};
afterEach(() => {
  for (const done of cleanup) done();
  cleanup = [];
});

describe('importing through the core', () => {
  it('imports the good rows and reports every rejected one with its line, column and code', async () => {
    const { core } = open();
    const summary = await importFile(core, MIXED, { region: 'US' });
    expect(summary).toEqual({
      imported: 4,
      merged: 0,
      skipped: 1,
      rejected: [
        {
          line: 6,
          column: 'Phone',
          code: 'invalid_phone',
          message: expect.stringContaining('"12"'),
          params: { value: '12', region: 'US' },
        },
        { line: 7, column: 'Name', code: 'missing_name', message: expect.any(String) },
        {
          line: 8,
          column: 'Time Zone',
          code: 'invalid_time_zone',
          message: expect.stringContaining('"PST"'),
          params: { value: 'PST' },
        },
        {
          line: 9,
          column: null,
          code: 'ragged_row',
          message: expect.stringContaining('2 cells'),
          params: { value: 2, expected: 11 },
        },
        {
          line: 12,
          column: 'Status',
          code: 'invalid_status',
          message: expect.stringContaining('"Maybe"'),
          params: { value: 'Maybe' },
        },
      ],
      warnings: [],
    });

    const leads = await leadsOf(core);
    const byName = new Map(leads.map((lead) => [lead.name, lead]));
    expect([...byName.keys()].sort()).toEqual(['Ana Lima', 'Bo', '王芳', '김민수'].sort());
    expect(byName.get('王芳')).toMatchObject({
      company: '华东精密制造',
      phones: [{ e164: '+8613800138000', ext: null }],
      country: 'CN',
      timeZone: 'Asia/Shanghai',
      sourceChannel: 'event',
      status: 'working',
    });
    expect(byName.get('김민수')).toMatchObject({
      phones: [{ e164: '+821012345678', ext: '12' }],
      timeZone: 'Asia/Seoul',
      sourceChannel: 'event',
    });
    expect(byName.get('Bo')).toMatchObject({
      phones: [{ e164: '+12125550101' }, { e164: '+12125550102', label: 'mobile' }],
      timeZone: 'America/New_York',
      sourceChannel: 'outbound_list',
      direction: 'outbound',
      status: 'mql',
    });
    expect(byName.get('Ana Lima')).toMatchObject({
      timeZone: 'America/Los_Angeles',
      sourceChannel: 'web_form',
      direction: 'inbound',
    });
    const detail = await call<{ research: { body: string } | null }>(core, 'leads.get', {
      id: byName.get('王芳')?.id,
    });
    expect(detail.research?.body).toBe('调研: 关注价格\n下周回电');

    expect(counts(core.db)).toMatchObject({ leads: 4, accounts: 4, research: 1, imports: 1 });
    expect(outboxCount(core.db, 'lead.create')).toBe(4);
    expect(outboxCount(core.db, 'account.create')).toBe(4);
    expect(outboxCount(core.db, 'research.set')).toBe(1);
    const record = core.db
      .prepare('SELECT file_name, imported, merged, skipped, rejected FROM imports')
      .get();
    expect(record).toEqual({ file_name: 'leads.csv', imported: 4, merged: 0, skipped: 1, rejected: 5 });
    const tagged = core.db.prepare('SELECT count(*) AS n FROM leads WHERE import_id IS NOT NULL').get() as {
      n: number;
    };
    expect(tagged.n).toBe(4);
  });

  it('puts the new leads on their cadence in the same transaction, each with one open task', async () => {
    const { core } = open();
    const queued: string[] = [];
    core.events.on('queue:changed', ({ reason }) => queued.push(reason));
    await importFile(core, simpleCsv(1_200));
    expect(counts(core.db)).toMatchObject({ leads: 1_200, enrollments: 1_200, openTasks: 1_200 });
    const onCadence = core.db
      .prepare(
        `SELECT count(*) AS n FROM leads l
         JOIN enrollments e ON e.lead_id = l.id AND e.state = 'active'
         JOIN tasks t ON t.enrollment_id = e.id AND t.state = 'open' AND t.step_id = e.step_id`,
      )
      .get() as { n: number };
    expect(onCadence.n).toBe(1_200);
    expect(outboxCount(core.db, 'lead.enroll')).toBe(1_200);
    expect(queued).toEqual(['enrollment']);
  });

  it('writes all accepted rows or none: a failure midway leaves the store as it was', async () => {
    const { core } = open();
    await importFile(core, simpleCsv(3));
    const before = counts(core.db);
    core.db.exec(`CREATE TRIGGER refuse_lead BEFORE INSERT ON leads WHEN NEW.name = 'Lead 1500'
      BEGIN SELECT RAISE(ABORT, 'disk full'); END;`);
    const csv = simpleCsv(2_000)
      .replace(/Lead (\d+),/g, (_, n) => `Lead ${Number(n) + 1000},`)
      .replace(/lead(\d+)@/g, 'other$1@');
    await expect(importFile(core, csv.replace(/\(212\)/g, '(718)'))).rejects.toMatchObject({
      code: 'internal',
    });
    expect(counts(core.db)).toEqual(before);
  });

  it('writes the leads and their places on the call queue together: a failure while enrolling leaves neither', async () => {
    const { core } = open();
    await importFile(core, simpleCsv(3));
    const before = counts(core.db);
    core.db.exec(`CREATE TRIGGER refuse_task BEFORE INSERT ON tasks
      WHEN (SELECT count(*) FROM tasks) >= 1500 BEGIN SELECT RAISE(ABORT, 'disk full'); END;`);
    const csv = simpleCsv(2_000)
      .replace(/Lead (\d+),/g, (_, n) => `Lead ${Number(n) + 1000},`)
      .replace(/lead(\d+)@/g, 'other$1@')
      .replace(/\(212\)/g, '(718)');
    await expect(importFile(core, csv)).rejects.toMatchObject({ code: 'internal' });
    expect(counts(core.db)).toEqual(before);
    expect(outboxCount(core.db, 'lead.create')).toBe(3);
    expect(outboxCount(core.db, 'lead.enroll')).toBe(3);

    // The same file goes in whole once the store accepts it.
    core.db.exec('DROP TRIGGER refuse_task');
    await importFile(core, csv);
    expect(counts(core.db)).toMatchObject({ leads: 2_003, enrollments: 2_003, openTasks: 2_003 });
  });

  it('reads Chinese and Korean spreadsheets saved in GB18030 and CP949, and UTF-16', async () => {
    const { core } = open();
    const zh = iconv.encode(
      '姓名,公司,手机,邮箱,国家\n王芳,华东精密制造,13800138000,wang@example.cn,中国\n',
      'gb18030',
    );
    const ko = iconv.encode(
      '이름,회사,전화,이메일,국가\n김민수,삼성전자,010-1234-5678,kim@example.kr,대한민국\n',
      'cp949',
    );
    const utf16 = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from('Name\tPhone\nAna\t+1 212 555 0100\n', 'utf16le'),
    ]);
    expect((await preview(core, zh)).encoding).toBe('gb18030');
    expect(await importFile(core, zh)).toMatchObject({ imported: 1, rejected: [] });
    expect(await importFile(core, ko)).toMatchObject({ imported: 1, rejected: [] });
    expect(await importFile(core, utf16)).toMatchObject({ imported: 1, rejected: [] });
    expect((await leadsOf(core)).map((lead) => lead.name).sort()).toEqual(['Ana', '王芳', '김민수'].sort());
  });

  it('previews without writing: encoding, delimiter, headers, suggested mapping, sample and row count', async () => {
    const { core } = open();
    const before = counts(core.db);
    const result = await preview(
      core,
      MIXED.replaceAll(',', ';').replace('"调研: 关注价格\n下周回电"', 'note'),
    );
    expect(result).toMatchObject({
      encoding: 'utf-8',
      delimiter: ';',
      headers: HEADER.split(','),
      suggestedMapping: [
        'name',
        'company',
        'phone',
        'phone',
        'email',
        'country',
        'region',
        'timeZone',
        'sourceChannel',
        'status',
        'research',
      ],
      rowCount: 10,
    });
    expect(result.sampleRows[0]?.[0]).toBe('Ana Lima');
    expect(counts(core.db)).toEqual(before);
  });

  it('uses a manual mapping over the headers, and refuses one of the wrong length', async () => {
    const { core } = open();
    const csv = 'Who,Digits,Where\nAna,2125550100,NY\n';
    const first = await preview(core, csv);
    expect(first.suggestedMapping).toEqual([null, null, null]);
    await expect(call(core, 'imports.run', { token: first.token, options: {} })).rejects.toMatchObject({
      code: 'import_no_name_column',
    });
    await expect(
      call(core, 'imports.run', { token: first.token, options: { mapping: ['name'] } }),
    ).rejects.toMatchObject({
      code: 'invalid_input',
    });
    const summary = await call<ImportSummary>(core, 'imports.run', {
      token: first.token,
      options: { mapping: ['name', 'phone', 'region'], region: 'US' },
    });
    expect(summary.imported).toBe(1);
    expect((await leadsOf(core))[0]).toMatchObject({
      name: 'Ana',
      region: 'NY',
      phones: [{ e164: '+12125550100' }],
    });
  });

  it('reads national numbers in the chosen region, else in the settings’ default region', async () => {
    const { core } = open();
    await call(core, 'settings.update', { defaultRegion: 'CN' });
    expect(await importFile(core, 'Name,Phone\n王芳,138 0013 8000\n')).toMatchObject({ imported: 1 });
    expect(await importFile(core, 'Name,Phone\n김민수,010-1234-5678\n', { region: 'KR' })).toMatchObject({
      imported: 1,
    });
    expect((await leadsOf(core)).flatMap((lead) => lead.phones.map((p) => p.e164)).sort()).toEqual([
      '+821012345678',
      '+8613800138000',
    ]);
  });

  it('reports progress through reading, checking and writing, and keeps the event loop turning', async () => {
    const { core } = open();
    const events: ImportProgress[] = [];
    core.events.on('import:progress', (progress) => events.push(progress));
    let ticks = 0;
    let checking = false;
    let ticksWhileChecking = 0;
    const timer = setInterval(() => {
      ticks++;
      if (checking) ticksWhileChecking++;
    }, 0);
    core.events.on('import:progress', (progress) => {
      checking = progress.phase === 'checking';
    });
    const summary = await importFile(core, simpleCsv(20_000));
    clearInterval(timer);
    expect(summary.imported).toBe(20_000);
    const phases = events.map((e) => e.phase).filter((phase, i, all) => phase !== all[i - 1]);
    expect(phases).toEqual(['reading', 'checking', 'writing', 'done']);
    const lastCheck = events.filter((e) => e.phase === 'checking').at(-1);
    expect(lastCheck).toMatchObject({ done: 20_000, total: 20_000 });
    expect(events.filter((e) => e.phase === 'checking').length).toBeGreaterThan(5);
    expect(ticksWhileChecking).toBeGreaterThan(3);
    expect(ticks).toBeGreaterThan(ticksWhileChecking);
  });

  it('holds a previewed file until it is imported or discarded, and runs one import at a time', async () => {
    const { core } = open();
    const first = await preview(core, simpleCsv(5_000));
    const second = await preview(core, simpleCsv(2));
    const running = call(core, 'imports.run', { token: first.token, options: {} });
    await expect(call(core, 'imports.run', { token: second.token, options: {} })).rejects.toMatchObject({
      code: 'import_busy',
    });
    await running;
    await expect(call(core, 'imports.run', { token: first.token, options: {} })).rejects.toMatchObject({
      code: 'not_found',
    });
    await call(core, 'imports.discard', { token: second.token });
    await expect(call(core, 'imports.run', { token: second.token, options: {} })).rejects.toMatchObject({
      code: 'not_found',
    });
  });
});

describe('duplicates', () => {
  const FIRST =
    'Name,Title,Phone,Email,City\nAna Lima,,+1 415 555 0132,ana@example.com,\nBo,CTO,+1 212 555 0101,,New York\n';
  const AGAIN =
    'Name,Title,Phone,Email,City,Notes\nAna L.,CFO,+1 415 555 0199,ANA@EXAMPLE.COM,Oakland,Met at expo\nBo B.,VP,+1 212 555 0101,bo@example.com,Boston,\nCy,,+1 212 555 0177,,,\n';

  it('skips rows matching a stored lead by email (any case) or phone', async () => {
    const { core } = open();
    await importFile(core, FIRST);
    const before = await leadsOf(core);
    expect(await importFile(core, AGAIN, { onDuplicate: 'skip' })).toMatchObject({
      imported: 1,
      skipped: 2,
      merged: 0,
    });
    const after = await leadsOf(core);
    expect(after.filter((lead) => lead.name !== 'Cy')).toEqual(before);
  });

  it('merges them on request: fills empty fields, adds phones, keeps what was there, records the update', async () => {
    const { core } = open();
    await importFile(core, FIRST);
    const outboxBefore = outboxCount(core.db, 'lead.update');
    expect(await importFile(core, AGAIN, { onDuplicate: 'merge' })).toMatchObject({
      imported: 1,
      skipped: 0,
      merged: 2,
    });
    const leads = new Map((await leadsOf(core)).map((lead) => [lead.email ?? lead.name, lead]));
    expect(leads.get('ana@example.com')).toMatchObject({
      name: 'Ana Lima',
      title: 'CFO',
      city: 'Oakland',
      phones: [{ e164: '+14155550132' }, { e164: '+14155550199' }],
    });
    expect(leads.get('bo@example.com')).toMatchObject({
      name: 'Bo',
      title: 'CTO',
      city: 'New York',
      phones: [{ e164: '+12125550101' }],
    });
    expect(outboxCount(core.db, 'lead.update')).toBe(outboxBefore + 2);
    const update = core.db
      .prepare("SELECT args FROM outbox WHERE name = 'lead.update' ORDER BY seq LIMIT 1")
      .get() as { args: string };
    expect(JSON.parse(update.args)).toMatchObject({ changes: { title: 'CFO', city: 'Oakland' } });
    const ana = leads.get('ana@example.com');
    const detail = await call<{ research: { body: string } | null }>(core, 'leads.get', { id: ana?.id });
    expect(detail.research?.body).toBe('Met at expo');
  });

  it('moves a merged lead in the call queue in the same transaction: a phone added makes its call due', async () => {
    const { core } = open();
    await importFile(core, 'Name,Email,State\r\nNo Phone,nophone@example.com,NY\r\n');
    const task = () =>
      core.db
        .prepare(
          `SELECT t.ready_at, t.due_at FROM tasks t JOIN leads l ON l.id = t.lead_id
           WHERE l.email = 'nophone@example.com' AND t.state = 'open'`,
        )
        .get() as { ready_at: number; due_at: number };
    const before = task();
    expect(before.ready_at).toBeGreaterThan(before.due_at);
    await importFile(core, 'Name,Email,Phone,State\r\nNo Phone,nophone@example.com,(212) 555-0147,NY\r\n', {
      onDuplicate: 'merge',
    });
    expect(task()).toEqual({ ready_at: before.due_at, due_at: before.due_at });
  });
});

describe('files Dialdeck refuses, leaving the store as it was', () => {
  const refused: [string, string, Buffer | string, Record<string, unknown>?][] = [
    ['an empty file', 'import_empty_file', Buffer.alloc(0)],
    ['a byte-order mark and blank lines', 'import_empty_file', '\ufeff\r\n\r\n'],
    ['a header without rows', 'import_empty_file', 'Name,Phone,Email\r\n'],
    [
      'an Excel workbook',
      'import_not_csv',
      Buffer.concat([Buffer.from('PK\x03\x04\x14\x00\x06\x00', 'latin1'), Buffer.alloc(2000, 7)]),
    ],
    [
      'a PNG image',
      'import_not_csv',
      Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(500, 3)]),
    ],
    [
      'binary garbage',
      'import_unreadable',
      Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7919 + 13) % 256)),
    ],
    ['a file split by carets', 'import_wrong_delimiter', 'Name^Phone\nAna^+12125550100\nBo^+12125550101\n'],
    [
      'a semicolon file read with commas',
      'import_wrong_delimiter',
      'Name;Phone\nAna;+12125550100\n',
      { delimiter: ',' },
    ],
    [
      'rows that mostly disagree with the header',
      'import_ragged_rows',
      'Name,Phone,Email\nAna,+12125550100\nBo,+12125550101\nCy,+12125550102,c@example.com\n',
    ],
    [
      'a file without a header row',
      'import_no_header',
      'Ana Lima,+1 212 555 0100,ana@example.com\nBo,+1 212 555 0101,bo@example.com\n',
    ],
    ['a file without a name column', 'import_no_name_column', 'Phone,Email\n+12125550100,ana@example.com\n'],
  ];

  it.each(refused)('refuses %s with %s', async (_label, code, file, options = {}) => {
    const { core } = open();
    await importFile(core, simpleCsv(2));
    const before = counts(core.db);
    const error = await importFile(core, file, options).catch((e: { code: string; message: string }) => e);
    expect(error).toMatchObject({ code, message: expect.any(String) });
    expect(counts(core.db)).toEqual(before);
    // The core is still answering.
    expect((await leadsOf(core)).length).toBe(2);
  });

  it('refuses a file over the size limit before decoding it', async () => {
    const { core } = open();
    const before = counts(core.db);
    // Longer than the contract's base64 field allows: refused by validation, with what to do.
    const huge = 'A'.repeat(MAX_UPLOAD_BASE64_CHARS + 4);
    await expect(
      call(core, 'imports.preview', { fileName: 'big.csv', dataBase64: huge }),
    ).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringMatching(/100 MB.*Split it into smaller files/),
    });
    // Within the field's length but decoding to 2 bytes over the limit (no padding): the import says so.
    const edge = 'A'.repeat(MAX_UPLOAD_BASE64_CHARS);
    expect(MAX_UPLOAD_BASE64_CHARS % 4).toBe(0);
    expect((MAX_UPLOAD_BASE64_CHARS / 4) * 3).toBeGreaterThan(MAX_IMPORT_BYTES);
    await expect(
      call(core, 'imports.preview', { fileName: 'big.csv', dataBase64: edge }),
    ).rejects.toMatchObject({
      code: 'import_too_large',
      message: expect.stringContaining('100 MB'),
    });
    expect(counts(core.db)).toEqual(before);
  });
});

describe('export', () => {
  const RICH = [
    'Name,Title,Company,Email,Phone,Mobile,Country,State,City,Time Zone,Lead Source,Source Detail,Direction,Status,Notes',
    'Ana Lima,CFO,Acme,ana@example.com,(415) 555-0132 x7,+1 415 555 0199,US,CA,San Francisco,,Web form,Pricing page,,MQL,"Asked about ""pricing""\nCall back Monday"',
    '王芳,采购经理,华东精密制造,wang@example.cn,010-62345678转8012,138 0013 8000,中国,上海,上海,,展会,,,跟进中,=SUM(A1)',
    '김민수,영업 팀장,삼성전자,,010-1234-5678,,한국,,서울,,Cold list,,,new,',
    'Zed,,,zed@example.co.uk,,,GB,,London,Europe/London,LinkedIn Sales Navigator,,outbound,nurture,- bullet',
    'Nia,,,,+1 212 555 0100,,,,,America/New_York,,,,do not contact,',
  ].join('\n');

  it('writes UTF-8 with a byte-order mark, one row per lead, phones in Phone, Phone 2…', async () => {
    const { core } = open();
    await importFile(core, RICH, { region: 'US' });
    const { csv, count } = await call<{ csv: string; count: number }>(core, 'imports.exportCsv', {});
    expect(count).toBe(5);
    expect(
      csv.startsWith(
        '\ufeffID,Name,Title,Company,Email,Phone,Phone 2,Time Zone,Country,Region,City,Source Channel',
      ),
    ).toBe(true);
    // Phones with an extension or a label start like a formula: quoted (see export.test.ts).
    expect(csv).toContain(`"'+14155550132 ext. 7","'+14155550199 (mobile)"`);
    expect(csv).toContain("'=SUM(A1)");
  });

  it('re-imports into an empty store as the same leads', async () => {
    const source = open();
    expect(await importFile(source.core, RICH, { region: 'US' })).toMatchObject({
      imported: 5,
      rejected: [],
    });
    const { csv } = await call<{ csv: string }>(source.core, 'imports.exportCsv', {});
    const target = open();
    expect(await importFile(target.core, Buffer.from(csv, 'utf8'), { region: 'KR' })).toMatchObject({
      imported: 5,
      rejected: [],
    });

    const comparable = async (core: typeof source.core) => {
      const leads = await leadsOf(core);
      return Promise.all(
        leads.map(async ({ id, accountId: _a, createdAt: _c, updatedAt: _u, phones, ...rest }) => ({
          ...rest,
          phones: phones.map(({ raw: _raw, ...phone }) => phone),
          research:
            (await call<{ research: { body: string } | null }>(core, 'leads.get', { id })).research?.body ??
            null,
        })),
      );
    };
    const before = await comparable(source.core);
    expect(await comparable(target.core)).toEqual(before);
    expect(before.find((lead) => lead.name === '王芳')).toMatchObject({
      phones: [
        { e164: '+861062345678', ext: '8012' },
        { e164: '+8613800138000', label: 'mobile' },
      ],
      research: '=SUM(A1)',
      timeZone: 'Asia/Shanghai',
    });
  });
});
