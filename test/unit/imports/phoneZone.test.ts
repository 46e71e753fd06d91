import { describe, expect, it } from 'vitest';
import {
  stateOfNumber,
  zoneOfNumber,
  zonesOfNumber,
} from '../../../src/main/core/imports/normalize/phoneZone';

describe('time zones and states of phone numbers (libphonenumber data)', () => {
  it('pins one zone down to the exchange where an area code spans two', () => {
    expect(zoneOfNumber('+18124250100')).toBe('America/Chicago'); // Evansville, IN
    expect(zoneOfNumber('+18123310100')).toBe('America/New_York'); // Bloomington, IN
    expect(zoneOfNumber('+18504320100')).toBe('America/Chicago'); // Pensacola, FL
    expect(zoneOfNumber('+19155550100')).toBe('America/Denver'); // El Paso, TX
    expect(zoneOfNumber('+821020000195')).toBe('Asia/Seoul');
    expect(zoneOfNumber('+8613800138000')).toBe('Asia/Shanghai');
  });

  it('pins none for numbers whose prefix spans zones', () => {
    expect(zonesOfNumber('+18005550100').length).toBeGreaterThan(1); // toll-free
    expect(zoneOfNumber('+18005550100')).toBeNull();
    expect(zoneOfNumber('+19075550100')).toBeNull(); // Alaska: Anchorage and Adak
  });

  it('names the state or province a North American number was assigned in', () => {
    expect(stateOfNumber('+18124250100')).toBe('IN');
    expect(stateOfNumber('+12125550100')).toBe('NY');
    expect(stateOfNumber('+14165550100')).toMatch(/^(ON|Ontario)$/);
    expect(stateOfNumber('+442079460000')).toBeNull();
  });
});
