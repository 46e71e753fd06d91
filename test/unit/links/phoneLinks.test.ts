import { describe, expect, it } from 'vitest';
import { asciiDigits, csvFileInArgs, parsePhoneLink, phoneLinkInArgs } from '../../../src/shared/phoneLinks';

const link = (url: string) => {
  const result = parsePhoneLink(url);
  if (!result.ok) throw new Error(`${url}: ${result.problem}`);
  return result.link;
};
const problem = (url: string) => {
  const result = parsePhoneLink(url);
  return result.ok ? null : result.problem;
};

describe('tel: links (RFC 3966)', () => {
  it('reads the RFC’s own examples', () => {
    // RFC 3966 section 6.
    expect(link('tel:+1-201-555-0123')).toEqual({
      scheme: 'tel',
      digits: '+12015550123',
      global: true,
      ext: null,
      isub: null,
      phoneContext: null,
    });
    expect(link('tel:7042;phone-context=example.com')).toMatchObject({
      digits: '7042',
      global: false,
      phoneContext: 'example.com',
    });
    expect(link('tel:863-1234;phone-context=+1-914-555')).toMatchObject({
      digits: '8631234',
      global: false,
      phoneContext: '+1914555',
    });
  });

  it('keeps the extension and the ISDN subaddress apart, in any parameter case and order', () => {
    expect(link('tel:+1-212-555-0101;ext=1234')).toMatchObject({ digits: '+12125550101', ext: '1234' });
    expect(link('tel:+1.212.555.0101;ISUB=1411;EXT=12-34')).toMatchObject({ ext: '1234', isub: '1411' });
    expect(link('tel:+1-212-555-0101;foo=bar;ext=7')).toMatchObject({ ext: '7' });
  });

  it('reads what real links carry: tel://, spaces, %-encoding, full-width digits, vanity letters, queries', () => {
    expect(link('tel://+15551234567').digits).toBe('+15551234567');
    expect(link('tel:+1 (555) 123-4567').digits).toBe('+15551234567');
    expect(link('tel:+1%20(555)%20123-4567').digits).toBe('+15551234567');
    expect(link('tel:%2B442079460958').digits).toBe('+442079460958');
    expect(link('TEL:+44 (0)20 7946 0958').digits).toBe('+442079460958');
    expect(link('tel:＋８６ １３８ ００１３ ８０００').digits).toBe('+8613800138000');
    expect(link('tel:+1-800-FLOWERS').digits).toBe('+18003569377');
    expect(link('tel:+12015550123?call').digits).toBe('+12015550123');
    expect(link('tel:555-1234')).toMatchObject({ digits: '5551234', global: false, phoneContext: null });
    // RFC 3966 3: "#" is written %23 in a URI; a bare one starts a fragment.
    expect(link('tel:*67%23')).toMatchObject({ digits: '*67#', global: false });
  });

  it('keeps digits dialled after the call connects and written extensions as the extension', () => {
    for (const url of [
      'tel:+12015550123,,1234',
      'tel:+12015550123p1234',
      'tel:+12015550123w1234',
      'tel:+12015550123x1234',
      'tel:+1 (201) 555-0123 ext. 1234',
      'tel:+1-201-555-0123%3Bext%3D1234',
    ]) {
      expect(link(url), url).toMatchObject({ digits: '+12015550123', ext: '1234' });
    }
    // The parameter wins over digits written into the number.
    expect(link('tel:+12015550123,,99;ext=7').ext).toBe('7');
    // A caller-id code dialled first is not part of the number.
    expect(link('tel:*67+12015550123')).toMatchObject({ digits: '+12015550123', ext: null });
    // Vanity letters are not an extension.
    expect(link('tel:+1-800-FLOWERS')).toMatchObject({ digits: '+18003569377', ext: null });
  });

  it('drops a marker with nothing after it instead of dialling it as a keypad digit', () => {
    for (const [url, digits] of [
      ['tel:+49 30 1234567 x', '+49301234567'],
      ['tel:+49 30 1234567 ext', '+49301234567'],
      ['tel:+49 30 1234567 ext.', '+49301234567'],
      ['tel:+49 30 1234567 extension', '+49301234567'],
      ['tel:+4930123456 p', '+4930123456'],
      ['tel:+4930123456p', '+4930123456'],
      ['tel:+4930123456w', '+4930123456'],
      ['tel:+4930123456,,', '+4930123456'],
      ['tel:+1 (201) 555-0123 X', '+12015550123'],
      ['tel:555-1234 x', '5551234'],
    ] as const) {
      expect(link(url), url).toMatchObject({ digits, ext: null });
    }
    // With digits after it, the marker still starts the extension.
    expect(link('tel:+49 30 1234567 x 89')).toMatchObject({ digits: '+49301234567', ext: '89' });
    expect(link('tel:+1-800-FLOWERS x12')).toMatchObject({ digits: '+18003569377', ext: '12' });
  });

  it('reads letters only in a plausible vanity number, and refuses a guess', () => {
    expect(link('tel:+1-800-FLOWERS').digits).toBe('+18003569377');
    expect(link('tel:+1 800 GO FEDEX').digits).toBe('+18004633339');
    expect(link('tel:+1-800-4MY-HOME').digits).toBe('+18004694663');
    // "PW" is pause-and-wait, not a word; "+1800" is no number to dial an extension behind.
    expect(problem('tel:+1 800 PW12345')).toBe('not_a_number');
    expect(problem('tel:+1 800 W 12345')).toBe('not_a_number');
    // A letter or two is a typo, not a vanity word; letters before the area code are no number.
    expect(problem('tel:+4930123456q')).toBe('not_a_number');
    expect(problem('tel:+49 30 12345 AB')).toBe('not_a_number');
    expect(problem('tel:+1ABCDEFG')).toBe('not_a_number');
    // More than E.164's 15 digits.
    expect(problem('tel:+1800FLOWERSANDMORE')).toBe('not_a_number');
  });

  it('reads decimal digits of any script as ASCII digits', () => {
    expect(link('tel:+٩٧١٥٠١٢٣٤٥٦٧').digits).toBe('+971501234567');
    expect(link('tel:+۹۸۹۱۲۳۴۵۶۷۸۹').digits).toBe('+989123456789');
    expect(link('tel:+९१ ९८७६५ ४३२१०').digits).toBe('+919876543210');
    expect(link('tel:+49 30 123456;ext=٤٢').ext).toBe('42');
    expect(asciiDigits('+𝟏𝟐𝟑 ০৯')).toBe('+123 09');
  });

  it('reads callto: with a number, and refuses a Skype name', () => {
    expect(link('callto:+15551234567')).toMatchObject({ scheme: 'callto', digits: '+15551234567' });
    expect(link('callto://+1-555-123-4567')).toMatchObject({ scheme: 'callto', digits: '+15551234567' });
    expect(problem('callto:jane.doe')).toBe('not_a_number');
  });

  it('says why a link is not a number', () => {
    expect(problem('mailto:a@example.com')).toBe('not_a_phone_link');
    expect(problem('https://example.com/tel:+1')).toBe('not_a_phone_link');
    expect(problem('tel:')).toBe('no_digits');
    expect(problem('tel:+')).toBe('no_digits');
    expect(problem('tel:+1-555-CALL-NOW;ext=')).toBe('bad_extension');
    expect(problem('tel:+12015550123;ext=12a')).toBe('bad_extension');
    expect(problem('tel:1234;phone-context=+1-x')).toBe('bad_context');
    expect(problem('tel:1234;phone-context=not a domain')).toBe('bad_context');
    expect(problem('tel:%E0%A4%A')).toBe('bad_encoding');
    expect(problem(`tel:+1${'2'.repeat(3000)}`)).toBe('not_a_phone_link');
  });
});

describe('launch arguments', () => {
  it('finds the phone link a second launch forwards, past the app path and flags', () => {
    expect(phoneLinkInArgs(['/opt/Dialdeck/dialdeck', '--data-dir=/x', 'tel:+12015550123'])).toBe(
      'tel:+12015550123',
    );
    expect(phoneLinkInArgs(['C:\\Dialdeck.exe', '--', 'CALLTO:+1555'])).toBe('CALLTO:+1555');
    expect(phoneLinkInArgs(['/opt/Dialdeck/dialdeck', '--data-dir', '/x'])).toBeNull();
  });

  it('finds the CSV file "Open with Dialdeck" passes, never a flag', () => {
    expect(csvFileInArgs(['/opt/Dialdeck/dialdeck', '/home/rep/leads.CSV'])).toBe('/home/rep/leads.CSV');
    expect(csvFileInArgs(['dialdeck', '--out=x.csv'])).toBeNull();
    expect(csvFileInArgs(['dialdeck', 'a.csv', 'b.csv'])).toBe('b.csv');
  });
});
