import { describe, expect, it } from 'vitest';
import { suggestMapping } from '../../../src/main/core/imports/map/headers';
import { splitPhoneCell } from '../../../src/main/core/imports/normalize/phone';
import {
  createRowNormalizer,
  type LeadOrigin,
  type RowResult,
} from '../../../src/main/core/imports/normalize/row';

/** Reads one row of a file with these headers, mapped as Dialdeck proposes. */
const read = (
  headers: readonly string[],
  cells: Partial<Record<string, string>>,
  region = 'US',
  origin: LeadOrigin = {},
): RowResult =>
  createRowNormalizer(
    headers,
    suggestMapping(headers),
    region,
    origin,
  )(
    headers.map((header) => cells[header] ?? ''),
    2,
  );
const accepted = (result: RowResult) => {
  if (!result.ok) throw new Error(`rejected: ${result.rejection.message}`);
  return result;
};

const SALESFORCE = [
  'First Name',
  'Last Name',
  'Phone',
  'Mailing City',
  'Mailing State/Province',
  'Mailing Country',
  'Other City',
  'Other State/Province',
  'Other Country',
  'Billing State',
];

describe('prefixed addresses', () => {
  it('reads the Mailing address before the Other and Billing ones, all parts from one address', () => {
    const lead = accepted(
      read(SALESFORCE, {
        'First Name': 'Ava',
        'Last Name': 'Stone',
        Phone: '+1 503 555 0100',
        'Mailing City': 'Portland',
        'Mailing State/Province': 'OR',
        'Mailing Country': 'United States',
        'Other City': 'Portland',
        'Other State/Province': 'ME',
        'Other Country': 'USA',
        'Billing State': 'TX',
      }),
    ).lead;
    expect(lead).toMatchObject({
      city: 'Portland',
      region: 'OR',
      country: 'US',
      timeZone: 'America/Los_Angeles',
    });
  });

  it('falls back to the Other address when the Mailing one is empty, never mixing the two', () => {
    const lead = accepted(
      read(SALESFORCE, {
        'First Name': 'Ben',
        'Last Name': 'Okafor',
        Phone: '+1 207 555 0101',
        'Other City': 'Portland',
        'Other State/Province': 'ME',
        'Other Country': 'US',
        'Billing State': 'OR',
      }),
    ).lead;
    expect(lead).toMatchObject({ city: 'Portland', region: 'ME', timeZone: 'America/New_York' });
  });

  it('prefers Business over Billing and Shipping in an Outlook-style file', () => {
    const headers = ['Name', 'Phone', 'Shipping State', 'Billing State', 'Business State', 'Country'];
    const lead = accepted(
      read(headers, {
        Name: 'Cara',
        Phone: '+1 312 555 0102',
        'Shipping State': 'CA',
        'Billing State': 'NY',
        'Business State': 'IL',
        Country: 'US',
      }),
    ).lead;
    expect(lead).toMatchObject({ region: 'IL', timeZone: 'America/Chicago' });
  });
});

describe('numbered Type/Value columns and multi-value cells', () => {
  const GOOGLE = ['Name', 'Phone 1 - Type', 'Phone 1 - Value', 'E-mail 1 - Type', 'E-mail 1 - Value'];

  it('labels each value of a " ::: " cell from its Type cell, value by value', () => {
    const lead = accepted(
      read(GOOGLE, {
        Name: 'Ava',
        'Phone 1 - Type': 'Mobile ::: Work ::: Home',
        'Phone 1 - Value': '+1 415 555 0170 ::: +1 415 555 0171 ::: +1 415 555 0172',
      }),
    ).lead;
    expect(lead.phones.map((phone) => [phone.e164, phone.label])).toEqual([
      ['+14155550170', 'mobile'],
      ['+14155550171', 'work'],
      ['+14155550172', 'home'],
    ]);
  });

  it('keeps the second address of a " ::: " email cell in the notes', () => {
    const lead = accepted(
      read(GOOGLE, { Name: 'Ben', 'E-mail 1 - Value': 'ben@example.com ::: ben@example.org' }),
    ).lead;
    expect(lead.email).toBe('ben@example.com');
    expect(lead.research).toContain('ben@example.org');
  });

  it.each([
    ['+1 415 555 0170; +1 415 555 0171'],
    ['+1 415 555 0170, +1 415 555 0171'],
    ['+1 415 555 0170 / +1 415 555 0171'],
    ['+1 415 555 0170/+1 415 555 0171'],
    ['+1 415 555 0170 ::: +1 415 555 0171'],
    ['+1 415 555 0170\n+1 415 555 0171'],
  ])('splits %j into two numbers', (cell) => {
    expect(splitPhoneCell(cell)).toHaveLength(2);
  });

  it('keeps a number with a comma before its extension, or a slash inside it, whole', () => {
    expect(splitPhoneCell('+1 415 555 0170, ext. 12')).toEqual(['+1 415 555 0170, ext. 12']);
    expect(splitPhoneCell('030/1234567')).toEqual(['030/1234567']);
  });
});

describe('bad numbers among good ones', () => {
  const HEADERS = ['Name', 'Phone', 'Mobile', 'Country'];

  it('keeps the good numbers and warns, per bad number, with its value', () => {
    const result = accepted(
      read(HEADERS, {
        Name: 'Olivia',
        Phone: '+44 20 7946 0000, 12345678901234 / 020 7946 0001',
        Country: 'UK',
      }),
    );
    expect(result.lead.phones.map((phone) => phone.e164)).toEqual(['+442079460000', '+442079460001']);
    expect(result.warnings).toEqual([
      expect.objectContaining({
        line: 2,
        column: 'Phone',
        code: 'invalid_phone',
        params: { value: '12345678901234', region: 'GB' },
      }),
    ]);
  });

  it('keeps a lead whose bad number is in another column than its good one', () => {
    const result = accepted(
      read(HEADERS, { Name: 'Olivia', Phone: '+44 20 7946 0000', Mobile: '07911 65' }, 'GB'),
    );
    expect(result.lead.phones).toHaveLength(1);
    expect(result.warnings).toMatchObject([{ column: 'Mobile', params: { value: '07911 65' } }]);
  });

  it('rejects a row whose every number is bad, so no number is dropped unseen', () => {
    const result = read(HEADERS, { Name: 'Olivia', Phone: '12; 34' });
    expect(result).toMatchObject({
      ok: false,
      rejection: { code: 'invalid_phone', params: { value: '12' } },
    });
  });
});

describe('the import’s direction and source', () => {
  const HEADERS = ['Name', 'Email', 'Lead Source', 'Direction'];
  const lead = (cells: Partial<Record<string, string>>, origin: LeadOrigin = {}) =>
    accepted(read(HEADERS, { Name: 'A', Email: 'a@example.com', ...cells }, 'US', origin)).lead;

  it('makes a list without a source an outbound list', () => {
    expect(lead({})).toMatchObject({ direction: 'outbound', sourceChannel: 'outbound_list' });
  });

  it('applies the chosen direction and source where a row names none', () => {
    expect(lead({}, { direction: 'inbound', sourceChannel: 'web_form' })).toMatchObject({
      direction: 'inbound',
      sourceChannel: 'web_form',
    });
    expect(lead({}, { sourceChannel: 'event' })).toMatchObject({
      direction: 'inbound',
      sourceChannel: 'event',
    });
    expect(lead({}, { direction: 'inbound' })).toMatchObject({
      direction: 'inbound',
      sourceChannel: 'other',
    });
  });

  it('lets a row’s own Source and Direction win, unless the import overrides them', () => {
    const cells = { 'Lead Source': 'Web form', Direction: 'Inbound' };
    expect(lead(cells, { direction: 'outbound', sourceChannel: 'outbound_list' })).toMatchObject({
      direction: 'inbound',
      sourceChannel: 'web_form',
    });
    expect(
      lead(cells, { direction: 'outbound', sourceChannel: 'outbound_list', overrideColumns: true }),
    ).toMatchObject({ direction: 'outbound', sourceChannel: 'outbound_list' });
  });
});

describe('a lead whose addresses lie on two clocks', () => {
  const OUTLOOK = [
    'First Name',
    'Last Name',
    'Business City',
    'Business State',
    'Business Country/Region',
    'Home State',
    'Business Phone',
  ];

  it('has no known zone, so it is never called by the earlier clock', () => {
    const lead = accepted(
      read(OUTLOOK, {
        'First Name': 'Ava',
        'Last Name': 'Stone',
        'Business City': 'Seattle',
        'Business State': 'WA',
        'Business Country/Region': 'United States',
        'Home State': 'NY',
        'Business Phone': '(206) 555-0100',
      }),
    ).lead;
    expect(lead.timeZone).toBeNull();
  });

  it('keeps the zone when every address keeps one clock', () => {
    const lead = accepted(
      read(OUTLOOK, {
        'First Name': 'Ben',
        'Last Name': 'Okafor',
        'Business City': 'Chicago',
        'Business State': 'IL',
        'Business Country/Region': 'United States',
        'Home State': 'Wisconsin',
        'Business Phone': '(312) 555-0101',
      }),
    ).lead;
    expect(lead.timeZone).toBe('America/Chicago');
  });
});
