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
