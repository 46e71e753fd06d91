import { describe, expect, it } from 'vitest';
import { countryCode } from '../../../src/main/core/imports/normalize/countries';
import { isIanaZone, zoneFromPlace, zoneOfCountry } from '../../../src/main/core/imports/normalize/timeZone';

describe('countries', () => {
  it.each([
    ['US', 'US'],
    ['us', 'US'],
    ['USA', 'US'],
    ['United States', 'US'],
    ['美国', 'US'],
    ['미국', 'US'],
    ['China', 'CN'],
    ['中国', 'CN'],
    ['중국', 'CN'],
    ['South Korea', 'KR'],
    ['韩国', 'KR'],
    ['한국', 'KR'],
    ['대한민국', 'KR'],
    ['Japan', 'JP'],
    ['日本', 'JP'],
    ['United Kingdom', 'GB'],
    ['UK', 'GB'],
    ['英国', 'GB'],
    ['영국', 'GB'],
    ['Deutschland', 'DE'],
    ['Hong Kong', 'HK'],
    ['香港', 'HK'],
    ['Brasil', 'BR'],
    ['Côte d’Ivoire', 'CI'],
  ])('reads %j as %s', (text, code) => {
    expect(countryCode(text)).toBe(code);
  });

  it('does not invent a country', () => {
    expect(countryCode('Narnia')).toBeUndefined();
    expect(countryCode('')).toBeUndefined();
  });
});

describe('time zone names', () => {
  it('accepts IANA names exactly as the database spells them', () => {
    for (const zone of [
      'America/New_York',
      'Asia/Shanghai',
      'Asia/Seoul',
      'Europe/London',
      'UTC',
      'Etc/GMT-8',
      'Asia/Calcutta',
      'US/Eastern',
    ]) {
      expect(isIanaZone(zone)).toBe(true);
    }
  });

  it('rejects abbreviations, offsets, wrong case and made-up names', () => {
    for (const zone of [
      'PST',
      'CST',
      'GMT+8',
      'UTC+08:00',
      'america/new_york',
      'Asia/Beijing',
      'Beijing Time',
      ' Asia/Tokyo',
    ]) {
      expect(isIanaZone(zone)).toBe(false);
    }
  });
});

describe('time zone from place', () => {
  it('uses the zone of a country that keeps one clock', () => {
    expect(zoneOfCountry('KR')).toBe('Asia/Seoul');
    expect(zoneOfCountry('JP')).toBe('Asia/Tokyo');
    expect(zoneOfCountry('GB')).toBe('Europe/London');
    expect(zoneOfCountry('IN')).toBe('Asia/Kolkata');
    expect(zoneOfCountry('CN')).toBe('Asia/Shanghai');
    // Germany's Büsingen keeps Zurich's clock, which is Berlin's.
    expect(zoneOfCountry('DE')).toBe('Europe/Berlin');
    expect(zoneOfCountry('NL')).toBe('Europe/Amsterdam');
  });

  it('leaves a country of several clocks unknown without its state or province', () => {
    for (const country of ['US', 'CA', 'AU', 'BR', 'RU', 'MX', 'ID'])
      expect(zoneFromPlace(country, null, null)).toBeNull();
  });

  it.each([
    ['US', 'California', 'America/Los_Angeles'],
    ['US', 'CA', 'America/Los_Angeles'],
    ['US', 'NY', 'America/New_York'],
    ['US', 'illinois', 'America/Chicago'],
    ['US', 'Arizona', 'America/Phoenix'],
    ['US', 'Hawaii', 'Pacific/Honolulu'],
    ['CA', 'BC', 'America/Vancouver'],
    ['CA', 'Alberta', 'America/Edmonton'],
    ['AU', 'Queensland', 'Australia/Brisbane'],
    ['AU', 'WA', 'Australia/Perth'],
    ['CN', '广东省', 'Asia/Shanghai'],
  ])('reads %s %j as %s', (country, region, zone) => {
    expect(zoneFromPlace(country, region, null)).toBe(zone);
  });

  it('leaves a state that itself spans zones unknown, unless the city settles it', () => {
    for (const region of ['Texas', 'TX', 'Florida', 'Indiana', 'Kentucky', 'Tennessee', 'Nebraska']) {
      expect(zoneFromPlace('US', region, null)).toBeNull();
    }
    expect(zoneFromPlace('CA', 'Nunavut', null)).toBeNull();
    expect(zoneFromPlace('US', 'Texas', 'Houston')).toBe('America/Chicago');
    expect(zoneFromPlace('US', 'TX', 'El Paso')).toBe('America/Denver');
    expect(zoneFromPlace('US', 'IN', 'Indianapolis')).toBe('America/Indiana/Indianapolis');
    expect(zoneFromPlace('US', 'TX', 'Smallville')).toBeNull();
  });

  it('reads a split state’s city with or without accents, and no city without its state', () => {
    expect(zoneFromPlace('MX', 'Chihuahua', 'Ciudad Juárez')).toBe('America/Ciudad_Juarez');
    expect(zoneFromPlace('MX', 'CHH', 'Ciudad Juarez')).toBe('America/Ciudad_Juarez');
    expect(zoneFromPlace('BR', 'Amazonas', 'Eirunepé')).toBe('America/Eirunepe');
    expect(zoneFromPlace('BR', 'AM', 'Eirunepe')).toBe('America/Eirunepe');
    // Without its state a city lends nothing: Melbourne is also in Florida, Chicago Heights… a guess.
    expect(zoneFromPlace('BR', null, 'São Paulo')).toBeNull();
    expect(zoneFromPlace('AU', null, 'Melbourne')).toBeNull();
    expect(zoneFromPlace('US', null, 'Chicago')).toBeNull();
  });

  it('knows nothing without a country', () => {
    expect(zoneFromPlace(null, 'California', 'Los Angeles')).toBeNull();
  });
});

describe('time zone in split states: city within its own state, else a number assigned there', () => {
  const ET = 'America/New_York';
  const CT = 'America/Chicago';
  const MT = 'America/Denver';

  it.each([
    ['IN', 'Evansville', CT],
    ['IN', 'Indianapolis', 'America/Indiana/Indianapolis'],
    ['IN', 'Gary', CT],
    ['TN', 'Knoxville', ET],
    ['TN', 'Memphis', CT],
    ['FL', 'Pensacola', CT],
    ['FL', 'Miami', ET],
    ['KY', 'Paducah', CT],
    ['KY', 'Louisville', ET],
    ['ID', 'Boise', 'America/Boise'],
    ['ID', "Coeur d'Alene", 'America/Los_Angeles'],
    ['TX', 'El Paso', MT],
    ['TX', 'Houston', CT],
    ['KS', 'Goodland', MT],
    ['KS', 'Wichita', CT],
    ['NE', 'Scottsbluff', MT],
    ['NE', 'Omaha', CT],
    ['ND', 'Dickinson', MT],
    ['ND', 'Fargo', CT],
    ['SD', 'Rapid City', MT],
    ['SD', 'Sioux Falls', CT],
    ['MI', 'Iron Mountain', 'America/Menominee'],
    ['MI', 'Detroit', 'America/Detroit'],
  ])('US %s, %s → %s', (state, city, zone) => {
    expect(zoneFromPlace('US', state, city)).toBe(zone);
  });

  it('leaves a split state unknown without a city or a number assigned there', () => {
    for (const state of ['IN', 'TN', 'FL', 'KY', 'ID', 'TX', 'KS', 'NE', 'ND', 'SD', 'MI', 'AK']) {
      expect([state, zoneFromPlace('US', state, null)]).toEqual([state, null]);
    }
  });

  it('never takes a same-named city from another state', () => {
    expect(zoneFromPlace('US', 'OR', 'Portland')).toBe('America/Los_Angeles');
    expect(zoneFromPlace('US', 'ME', 'Portland')).toBe(ET);
    // Portland, Texas and Springfield, Tennessee are not in their split state's table: unknown.
    expect(zoneFromPlace('US', 'TX', 'Portland')).toBeNull();
    expect(zoneFromPlace('US', 'TN', 'Springfield')).toBeNull();
    // Richmond, Kansas is not Richmond, Indiana or Richmond, Kentucky.
    expect(zoneFromPlace('US', 'KS', 'Richmond')).toBeNull();
    expect(zoneFromPlace('US', 'KY', 'Richmond')).toBe(ET);
    // Kansas City, Kansas and Columbus, Nebraska: their own state's clock, not Missouri's or Ohio's.
    expect(zoneFromPlace('US', 'KS', 'Kansas City')).toBe(CT);
    expect(zoneFromPlace('US', 'NE', 'Columbus')).toBe(CT);
    expect(zoneFromPlace('US', 'IN', 'El Paso')).toBeNull();
    expect(zoneFromPlace('US', 'FL', 'Memphis')).toBeNull();
  });

  it('takes the zone a number pins where it was assigned in the same split state', () => {
    // +1 812 42x is Evansville (Central); +1 812 33x is Bloomington (Eastern).
    expect(zoneFromPlace('US', 'IN', 'Springfield', ['+18124250100'])).toBe(CT);
    // +1 812 331 is not listed apart from its area code: the area's main zone is a guess there.
    expect(zoneFromPlace('US', 'IN', null, ['+18123310100'])).toBeNull();
    // +1 850 43x is Pensacola (Central). +1 915 555 is known only by its area code, whose main zone
    // the data gives for every part of the area: in a split state that is no proof of the clock.
    expect(zoneFromPlace('US', 'FL', 'Springfield', ['+18504320100'])).toBe(CT);
    expect(zoneFromPlace('US', 'TX', null, ['+19155550100'])).toBeNull();
    expect(zoneFromPlace('US', 'TX', 'El Paso', ['+19155550100'])).toBe(MT);
    // A New York or Chicago number says nothing about where in Indiana the lead is.
    expect(zoneFromPlace('US', 'IN', null, ['+12125550100'])).toBeNull();
    expect(zoneFromPlace('US', 'IN', null, ['+13125550100'])).toBeNull();
    // Numbers that disagree leave it unknown: Evansville (Central) and New York City (Eastern).
    expect(zoneFromPlace('US', null, null, ['+18124250100', '+12125550100'])).toBeNull();
    // The city settles it before any number.
    expect(zoneFromPlace('US', 'IN', 'Indianapolis', ['+18124250100'])).toBe('America/Indiana/Indianapolis');
  });

  it('takes a number’s zone for a lead with no state, but never another country’s', () => {
    expect(zoneFromPlace('US', null, null, ['+13125550100'])).toBe(CT);
    expect(zoneFromPlace('US', null, null, ['+18005550100'])).toBeNull();
    expect(zoneFromPlace('US', null, null, ['+14165550100'])).toBeNull();
    // Ontario keeps two clocks (Kenora is Central), and +1 416 555 is known only by its area code.
    expect(zoneFromPlace('CA', null, null, ['+14165550100'])).toBeNull();
    expect(zoneFromPlace('CA', 'ON', 'Toronto', ['+14165550100'])).toBe('America/Toronto');
  });

  it.each([
    ['CA', 'Ontario', 'Kenora', 'America/Winnipeg'],
    ['CA', 'ON', 'Toronto', 'America/Toronto'],
    ['CA', 'ON', null, null],
    ['CA', 'Saskatchewan', 'Lloydminster', 'America/Edmonton'],
    ['CA', 'SK', 'Saskatoon', 'America/Regina'],
    ['CA', 'Nunavut', 'Iqaluit', 'America/Iqaluit'],
    ['AU', 'NSW', 'Broken Hill', 'Australia/Broken_Hill'],
    ['AU', 'New South Wales', 'Sydney', 'Australia/Sydney'],
    ['AU', 'NSW', null, null],
    ['AU', 'Western Australia', null, 'Australia/Perth'],
    ['MX', 'Jalisco', null, 'America/Mexico_City'],
    ['MX', 'Baja California', null, 'America/Tijuana'],
    ['MX', 'Quintana Roo', null, 'America/Cancun'],
    ['MX', 'Chihuahua', null, null],
    ['MX', 'Tamaulipas', 'Reynosa', 'America/Matamoros'],
    ['BR', 'São Paulo', null, 'America/Sao_Paulo'],
    ['BR', 'Acre', null, 'America/Rio_Branco'],
    ['BR', 'MT', null, 'America/Cuiaba'],
    ['BR', 'Amazonas', null, null],
    ['BR', 'Amazonas', 'Manaus', 'America/Manaus'],
    ['RU', 'Moscow', null, 'Europe/Moscow'],
    ['RU', 'Novosibirsk Oblast', null, 'Asia/Novosibirsk'],
    ['RU', 'Primorsky Krai', null, 'Asia/Vladivostok'],
    ['RU', 'Sverdlovsk', null, 'Asia/Yekaterinburg'],
    ['RU', 'Свердловская область', null, 'Asia/Yekaterinburg'],
  ])('%s %s, %s → %s', (country, state, city, zone) => {
    expect(zoneFromPlace(country, state, city)).toBe(zone);
  });
});
