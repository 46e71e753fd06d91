import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ImportSummary } from '@shared/api/imports';
import type { Lead } from '@shared/domain/lead';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { storeFile } from '../../../src/main/core/paths';
import { openStore } from '../../../src/main/core/store/db';
import { dialdeck, tempDir } from './helpers';

/** A lead's research notes, read from the store file the CLI wrote. */
const researchOf = (data: string, leadId: string): string | undefined => {
  const db = openStore(storeFile(data));
  try {
    const row = db.prepare('SELECT body FROM research WHERE lead_id = ?').get(leadId) as
      | { body: string }
      | undefined;
    return row?.body;
  } finally {
    db.close();
  }
};

/** Real-world lead files (test/fixtures/import-cases, README in the shared case folder), each through the real CLI. */
const CASES = resolve(__dirname, '..', '..', 'fixtures', 'import-cases');

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const importCase = async (file: string, ...flags: string[]) => {
  const dir = tempDir('cases');
  dirs.push(dir);
  const data = join(dir, 'data');
  const run = await dialdeck(['--data-dir', data, '--json', 'import', file, ...flags]);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  const summary = JSON.parse(run.stdout) as ImportSummary;
  const listed = await dialdeck(['--data-dir', data, '--json', 'leads']);
  expect(listed.code).toBe(0);
  const leads = JSON.parse(listed.stdout) as Lead[];
  const byName = (name: string): Lead => {
    const lead = leads.find((l) => l.name === name);
    if (!lead) throw new Error(`no lead named ${name} among ${leads.map((l) => l.name).join(', ')}`);
    return lead;
  };
  return { summary, leads, byName, data };
};

const at = (name: string) => join(CASES, name);

describe('real-world lead files through dialdeck import', () => {
  it('google-contacts.csv: Type/Value pairs, " ::: " cells and Organization 1', async () => {
    const { summary, leads, byName, data } = await importCase(at('google-contacts.csv'), '--region', 'US');
    expect(summary).toMatchObject({ imported: 2, rejected: [], warnings: [] });
    expect(leads).toHaveLength(2);
    expect(byName('Ava Stone')).toMatchObject({
      company: 'Acme Example',
      title: 'VP Sales',
      email: 'ava.stone@example.com',
      phones: [
        { e164: '+14155550170', label: 'mobile' },
        { e164: '+14155550171', label: 'mobile' },
        { e164: '+14155550172', label: 'work' },
      ],
    });
    const ben = byName('Ben Okafor');
    expect(ben).toMatchObject({
      company: 'Globex Example',
      title: 'Head of RevOps',
      email: 'ben.okafor@example.com',
      phones: [{ e164: '+14155550173', label: 'work' }],
    });
    expect(researchOf(data, ben.id)).toContain('ben@example.org');
  });

  it('outlook-contacts.csv: Business State and Business Country/Region give the zone', async () => {
    const { summary, byName } = await importCase(at('outlook-contacts.csv'), '--region', 'US');
    expect(summary).toMatchObject({ imported: 2, rejected: [], warnings: [] });
    expect(byName('Ava Stone')).toMatchObject({
      region: 'CA',
      country: 'US',
      timeZone: 'America/Los_Angeles',
      title: 'VP Sales',
      phones: [
        { e164: '+14155550174', label: 'work' },
        { e164: '+14155550175', label: 'mobile' },
      ],
    });
    expect(byName('Ben Okafor')).toMatchObject({ region: 'NY', timeZone: 'America/New_York' });
  });

  it('country-names.csv: ISO inverted names decide where numbers are read', async () => {
    const { summary, byName } = await importCase(at('country-names.csv'), '--region', 'US');
    expect(summary).toMatchObject({ imported: 2, rejected: [], warnings: [] });
    expect(byName('Min-jun Park')).toMatchObject({
      country: 'KR',
      timeZone: 'Asia/Seoul',
      phones: [{ e164: '+821020000195' }],
    });
    expect(byName('Daan Jansen')).toMatchObject({
      country: 'NL',
      timeZone: 'Europe/Amsterdam',
      phones: [{ e164: '+31207946000' }],
    });
  });

  it('one-bad-phone.csv: the valid number is kept, the invalid one is a warning on its line', async () => {
    const { summary, byName } = await importCase(at('one-bad-phone.csv'), '--region', 'US');
    expect(summary.imported).toBe(1);
    expect(summary.rejected).toEqual([]);
    expect(summary.warnings).toEqual([
      {
        line: 2,
        column: 'Phone',
        code: 'invalid_phone',
        message: expect.stringContaining('+44 7911 65'),
        params: { value: '+44 7911 65', region: 'GB' },
      },
    ]);
    expect(byName('Olivia Hart')).toMatchObject({
      country: 'GB',
      timeZone: 'Europe/London',
      phones: [{ e164: '+442079460000' }],
    });
  });

  it('gb18030-ascii-first.csv (its last rows, as UTF-8): Country 中国 reads the numbers in China', async () => {
    const text = iconv.decode(readFileSync(at('gb18030-ascii-first.csv')), 'gb18030');
    const lines = text.split(/\r?\n/).filter((line) => line !== '');
    const dir = tempDir('cases-cn');
    dirs.push(dir);
    const file = join(dir, 'last-rows.csv');
    writeFileSync(file, [lines[0], ...lines.slice(-3)].join('\n'));
    const { summary, byName } = await importCase(file, '--region', 'US');
    expect(summary).toMatchObject({ imported: 3, rejected: [], warnings: [] });
    expect(byName('张伟')).toMatchObject({
      company: '星辰科技有限公司',
      country: 'CN',
      timeZone: 'Asia/Shanghai',
      phones: [{ e164: '+8613800138000' }],
    });
    expect(byName('王芳')).toMatchObject({
      company: '海蓝贸易(深圳)有限公司',
      country: 'CN',
      phones: [{ e164: '+8675588886666' }],
    });
  });

  it('held out: a Salesforce report with Mailing and Other addresses, a split state and a same-named city', async () => {
    const dir = tempDir('cases-sf');
    dirs.push(dir);
    const file = join(dir, 'salesforce.csv');
    writeFileSync(
      file,
      [
        'First Name,Last Name,Title,Account Name,Mailing City,Mailing State/Province,Mailing Country,Other City,Other State/Province,Other Country,Phone,Mobile,Email,Lead Source',
        // Portland, Maine: never Oregon's clock, whatever the Other address says.
        'Ava,Stone,VP Sales,Acme,Portland,ME,United States,Portland,OR,United States,(207) 555-0180,,ava@example.com,',
        // Evansville is Central time in an Eastern-majority state.
        'Ben,Okafor,CTO,Globex,Evansville,IN,USA,,,,(812) 555-0181,,ben@example.com,Web form',
        // Springfield is not in Tennessee's table and the mobile is from New York: unknown, not guessed.
        'Cara,Lind,COO,Initech,Springfield,TN,U.S.,,,,,(212) 555-0182,cara@example.com,',
        // No Mailing address: the Other one is read, in Korea.
        'Dae,Kim,CEO,Hanbit,,,,Seoul,,"Korea, Republic of",010-2000-0183,,dae@example.kr,',
      ].join('\r\n'),
    );
    const { summary, byName } = await importCase(file, '--region', 'US', '--direction', 'outbound');
    expect(summary).toMatchObject({ imported: 4, rejected: [], warnings: [] });
    expect(byName('Ava Stone')).toMatchObject({
      city: 'Portland',
      region: 'ME',
      timeZone: 'America/New_York',
      direction: 'outbound',
      sourceChannel: 'outbound_list',
    });
    expect(byName('Ben Okafor')).toMatchObject({
      timeZone: 'America/Chicago',
      direction: 'inbound',
      sourceChannel: 'web_form',
    });
    expect(byName('Cara Lind')).toMatchObject({ region: 'TN', timeZone: null });
    expect(byName('Dae Kim')).toMatchObject({
      country: 'KR',
      city: 'Seoul',
      timeZone: 'Asia/Seoul',
      phones: [{ e164: '+821020000183' }],
    });
  });

  it('held out: --source and --override-columns set every row; bad flags say what to write', async () => {
    const dir = tempDir('cases-flags');
    dirs.push(dir);
    const file = join(dir, 'event.csv');
    writeFileSync(
      file,
      'Name,Phone,Lead Source,Direction,Country\nMin Park,010-2000-0190,Cold list,Outbound,대한민국\nLi Wei,138 0013 8000; 12,,,中国\n',
    );
    const { summary, byName } = await importCase(
      file,
      '--source',
      'event',
      '--direction',
      'inbound',
      '--override-columns',
    );
    expect(summary.warnings).toMatchObject([
      { line: 3, column: 'Phone', params: { value: '12', region: 'CN' } },
    ]);
    for (const name of ['Min Park', 'Li Wei']) {
      expect(byName(name)).toMatchObject({ sourceChannel: 'event', direction: 'inbound' });
    }
    expect(byName('Min Park')).toMatchObject({ country: 'KR', timeZone: 'Asia/Seoul' });

    const human = await dialdeck(['--data-dir', join(dir, 'again'), 'import', file]);
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(
      /Left out 1 value of imported leads:\n {2}line 3, Phone: .*"12".*\[invalid_phone\]/,
    );

    const bad = await dialdeck([
      '--data-dir',
      join(dir, 'bad'),
      '--json',
      'import',
      file,
      '--direction',
      'sideways',
    ]);
    expect(bad.code).not.toBe(0);
    expect(JSON.parse(bad.stderr).error).toMatchObject({
      code: 'invalid_input',
      message: expect.stringContaining('outbound or inbound'),
    });
    const source = await dialdeck([
      '--data-dir',
      join(dir, 'bad'),
      '--json',
      'import',
      file,
      '--source',
      'fax',
    ]);
    expect(JSON.parse(source.stderr).error).toMatchObject({ message: expect.stringContaining('web_form') });
    // A two-letter code that names no country is refused before a row is read, not 2 rows rejected.
    const region = await dialdeck([
      '--data-dir',
      join(dir, 'bad'),
      '--json',
      'import',
      file,
      '--region',
      'XX',
    ]);
    expect(region.code).toBe(2);
    expect(JSON.parse(region.stderr).error).toMatchObject({ code: 'invalid_input', params: { value: 'XX' } });
  }, 90_000); // five CLI processes, one after the other

  it('held out: a HubSpot contacts export, split states settled by city or by a number assigned there', async () => {
    const dir = tempDir('cases-hubspot');
    dirs.push(dir);
    const file = join(dir, 'hubspot-contacts.csv');
    writeFileSync(
      file,
      [
        'Record ID,First Name,Last Name,Email,Phone Number,Mobile Phone Number,Company Name,Job Title,City,State/Region,Country/Region,Lead Status,Original Source,Contact owner',
        '101,Ava,Stone,ava@example.com,+1 850 432 0100,,Acme,VP Sales,,Florida,United States,Attempted to Contact,Offline Sources,Sam',
        '102,Ben,Okafor,ben@example.com,(208) 555-0101,,Globex,CTO,Moscow,Idaho,United States,Open,Organic Search,Sam',
        '103,Cara,Lind,cara@example.com,,+1 (212) 555-0102,Initech,COO,Springfield,Kentucky,United States,Bad Timing,Paid Search,Sam',
        '104,Dana,Cruz,dana@example.com,+52 55 1234 5678,,Umbrella,CFO,Ciudad Juárez,Chihuahua,Mexico,New,Referrals,Sam',
      ].join('\n'),
    );
    const { summary, byName } = await importCase(file, '--region', 'US');
    expect(summary).toMatchObject({ imported: 4, rejected: [], warnings: [] });
    // Pensacola's exchange keeps Central time in an Eastern-majority state.
    expect(byName('Ava Stone')).toMatchObject({
      timeZone: 'America/Chicago',
      status: 'working',
      company: 'Acme',
    });
    // Moscow, Idaho: Pacific time, not Moscow, Russia.
    expect(byName('Ben Okafor')).toMatchObject({ timeZone: 'America/Los_Angeles', status: 'new' });
    // Springfield is not in Kentucky's table and a New York mobile says nothing about Kentucky.
    expect(byName('Cara Lind')).toMatchObject({
      timeZone: null,
      status: 'nurture',
      sourceChannel: 'ads',
      direction: 'inbound',
    });
    expect(byName('Dana Cruz')).toMatchObject({
      country: 'MX',
      timeZone: 'America/Ciudad_Juarez',
      sourceChannel: 'referral',
    });
  });
});
