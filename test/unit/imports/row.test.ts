import type { ColumnMapping } from '@shared/api/imports';
import { describe, expect, it } from 'vitest';
import { suggestMapping } from '../../../src/main/core/imports/map/headers';
import {
  createRowNormalizer,
  type ImportedLead,
  type RowResult,
} from '../../../src/main/core/imports/normalize/row';

const HEADERS = [
  'Name',
  'Company',
  'Phone',
  'Mobile',
  'Email',
  'Country',
  'State',
  'City',
  'Time Zone',
  'Lead Source',
  'Direction',
  'Status',
  'Notes',
];

/** Normalizes one row given as a record of header → cell. */
const row = (
  cells: Partial<Record<string, string>>,
  region = 'US',
  headers = HEADERS,
  mapping?: ColumnMapping,
): RowResult =>
  createRowNormalizer(
    headers,
    mapping ?? suggestMapping(headers),
    region,
  )(
    headers.map((h) => cells[h] ?? ''),
    7,
  );
const lead = (result: RowResult): ImportedLead => {
  if (!result.ok) throw new Error(`rejected: ${result.rejection.code} ${result.rejection.message}`);
  return result.lead;
};
const rejection = (result: RowResult) => {
  if (result.ok) throw new Error('accepted');
  return result.rejection;
};

describe('reading a row', () => {
  it('builds a lead from every mapped column', () => {
    const result = lead(
      row({
        Name: ' Ana Lima ',
        Company: 'Acme',
        Phone: '(415) 555-0132 x7',
        Mobile: '+1 415 555 0199',
        Email: 'ana@example.com',
        Country: 'United States',
        State: 'CA',
        City: 'San Francisco',
        'Lead Source': 'Webinar',
        Status: 'Working',
        Notes: 'Asked about pricing',
      }),
    );
    expect(result).toEqual({
      name: 'Ana Lima',
      title: null,
      company: 'Acme',
      email: 'ana@example.com',
      phones: [
        { e164: '+14155550132', ext: '7', label: null, raw: '(415) 555-0132 x7' },
        { e164: '+14155550199', ext: null, label: 'mobile', raw: '+1 415 555 0199' },
      ],
      timeZone: 'America/Los_Angeles',
      country: 'US',
      region: 'CA',
      city: 'San Francisco',
      sourceChannel: 'event',
      sourceDetail: null,
      direction: 'inbound',
      status: 'working',
      research: 'Asked about pricing',
      line: 7,
    });
  });

  it('keeps an explicit IANA zone exactly and rejects anything else', () => {
    expect(
      lead(row({ Name: 'A', Phone: '+1 212 555 0100', Country: 'US', 'Time Zone': 'America/Chicago' }))
        .timeZone,
    ).toBe('America/Chicago');
    expect(lead(row({ Name: 'A', Email: 'a@example.com', 'Time Zone': 'Asia/Calcutta' })).timeZone).toBe(
      'Asia/Calcutta',
    );
    expect(rejection(row({ Name: 'A', Email: 'a@example.com', 'Time Zone': 'EST5' }))).toEqual({
      line: 7,
      column: 'Time Zone',
      code: 'invalid_time_zone',
      message: expect.stringContaining('IANA'),
      params: { value: 'EST5' },
    });
  });

  it('takes the country from the phone when there is no country, and reads numbers in the row’s country', () => {
    expect(lead(row({ Name: '김민수', Phone: '+82 10-1234-5678' }))).toMatchObject({
      country: 'KR',
      timeZone: 'Asia/Seoul',
    });
    expect(lead(row({ Name: '王芳', Phone: '138 0013 8000', Country: '中国' }, 'US'))).toMatchObject({
      country: 'CN',
      timeZone: 'Asia/Shanghai',
      phones: [{ e164: '+8613800138000' }],
    });
  });

  it('takes the zone of a multi-zone country from its state, else from a number that pins one', () => {
    expect(lead(row({ Name: 'A', Phone: '+1 800 555 0100' }))).toMatchObject({
      country: 'US',
      timeZone: null,
    });
    expect(lead(row({ Name: 'A', Phone: '+1 212 555 0100' })).timeZone).toBe('America/New_York');
    expect(lead(row({ Name: 'A', Phone: '+1 212 555 0100', State: 'New York' })).timeZone).toBe(
      'America/New_York',
    );
    expect(
      lead(row({ Name: 'A', Phone: '+61 2 9374 4000', Country: 'Australia', State: 'Victoria' })).timeZone,
    ).toBe('Australia/Melbourne');
  });

  it("never stores a country it cannot name: the number's country stands in, with a warning", () => {
    expect(lead(row({ Name: 'A', Email: 'a@example.com', Country: 'Atlantis' }))).toMatchObject({
      country: null,
      timeZone: null,
    });
    const result = row({ Name: 'A', Phone: '(415) 555-0199', Country: 'Narnia' });
    expect(lead(result)).toMatchObject({ country: 'US', timeZone: 'America/Los_Angeles' });
    expect(result.ok && result.warnings).toEqual([
      expect.objectContaining({ code: 'unknown_country', column: 'Country', params: { value: 'Narnia' } }),
    ]);
  });

  it('needs a name and a way to reach the lead', () => {
    expect(rejection(row({ Phone: '+1 212 555 0100' }))).toMatchObject({
      code: 'missing_name',
      column: 'Name',
    });
    expect(rejection(row({ Name: 'A', Company: 'Acme' }))).toMatchObject({ code: 'missing_contact' });
    expect(lead(row({ Name: 'A', Email: 'a@example.com' })).phones).toEqual([]);
  });

  it('rejects a bad phone or email, naming the column', () => {
    expect(rejection(row({ Name: 'A', Mobile: '12', Email: 'a@example.com' }))).toMatchObject({
      code: 'invalid_phone',
      column: 'Mobile',
      params: { value: '12', region: 'US' },
    });
    expect(rejection(row({ Name: 'A', Phone: '+1 212 555 0100', Email: 'a@' }))).toMatchObject({
      code: 'invalid_email',
      column: 'Email',
    });
  });

  it('rejects unknown statuses; an unknown direction is a warning and the lead keeps its default', () => {
    expect(rejection(row({ Name: 'A', Email: 'a@example.com', Status: 'Hot' }))).toMatchObject({
      code: 'invalid_status',
      column: 'Status',
    });
    const result = row({ Name: 'A', Email: 'a@example.com', Direction: 'up' });
    expect(lead(result).direction).toBe('outbound');
    expect(result.ok && result.warnings).toEqual([
      expect.objectContaining({ code: 'invalid_direction', column: 'Direction', params: { value: 'up' } }),
    ]);
  });

  it('makes cold lists outbound unless a direction says otherwise, and keeps unknown sources as detail', () => {
    expect(lead(row({ Name: 'A', Email: 'a@example.com', 'Lead Source': 'Cold list' }))).toMatchObject({
      sourceChannel: 'outbound_list',
      direction: 'outbound',
    });
    expect(
      lead(row({ Name: 'A', Email: 'a@example.com', 'Lead Source': 'Cold list', Direction: 'Inbound' }))
        .direction,
    ).toBe('inbound');
    expect(
      lead(row({ Name: 'A', Email: 'a@example.com', 'Lead Source': 'LinkedIn Sales Navigator' })),
    ).toMatchObject({
      sourceChannel: 'other',
      sourceDetail: 'LinkedIn Sales Navigator',
      direction: 'inbound',
    });
    expect(lead(row({ Name: 'A', Email: 'a@example.com' }))).toMatchObject({
      sourceChannel: 'outbound_list',
      direction: 'outbound',
      status: 'new',
    });
  });

  it('rejects rows with the wrong number of cells, but not a trailing empty cell', () => {
    const normalize = createRowNormalizer(['Name', 'Email'], ['name', 'email'], 'US');
    expect(normalize(['A'], 3)).toMatchObject({
      ok: false,
      rejection: { code: 'ragged_row', line: 3, column: null },
    });
    expect(normalize(['A', 'a@example.com', 'extra'], 3)).toMatchObject({
      ok: false,
      rejection: { code: 'ragged_row' },
    });
    expect(normalize(['A', 'a@example.com', ''], 3)).toMatchObject({ ok: true });
  });

  it('joins first and last names, family name first for Chinese and Korean', () => {
    const headers = ['First Name', 'Last Name', 'Email'];
    expect(
      lead(row({ 'First Name': 'Ana', 'Last Name': 'Lima', Email: 'a@example.com' }, 'US', headers)).name,
    ).toBe('Ana Lima');
    expect(
      lead(row({ 'First Name': '芳', 'Last Name': '王', Email: 'a@example.com' }, 'US', headers)).name,
    ).toBe('王芳');
    expect(
      lead(row({ 'First Name': '민수', 'Last Name': '김', Email: 'a@example.com' }, 'US', headers)).name,
    ).toBe('김민수');
  });

  it('splits several numbers in one cell into several phones, and drops repeats', () => {
    const result = lead(
      row({ Name: 'A', Phone: '138 0013 8000; 139 1234 5678', Mobile: '+86 138 0013 8000', Country: 'CN' }),
    );
    expect(result.phones.map((p) => p.e164)).toEqual(['+8613800138000', '+8613912345678']);
  });

  it('keeps extra email addresses in the research notes', () => {
    expect(lead(row({ Name: 'A', Email: 'a@example.com, b@example.com', Notes: 'VIP' })).research).toBe(
      'VIP\n\nOther emails: b@example.com',
    );
  });

  it('undoes the quote that spreadsheet-safe exports put before formula-like cells', () => {
    expect(lead(row({ Name: "'=Ana", Email: 'a@example.com' })).name).toBe('=Ana');
  });

  it('lets a manual mapping override the headers', () => {
    const headers = ['Contact', 'Number', 'Misc'];
    const mapping: ColumnMapping = ['name', 'phone', 'company'];
    expect(
      lead(row({ Contact: 'Ana', Number: '+1 212 555 0100', Misc: 'Acme' }, 'US', headers, mapping)),
    ).toMatchObject({
      name: 'Ana',
      company: 'Acme',
    });
  });
});
