import { describe, expect, it } from 'vitest';
import {
  isKnownBeyondAreaCode,
  stateOfNumber,
  zoneOfNumber,
  zonesOfNumber,
} from '../../../src/main/core/imports/normalize/phoneZone';
import { zoneFromPlace } from '../../../src/main/core/imports/normalize/timeZone';

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

  it('tells a number known by its exchanges from one known only by its area code', () => {
    expect(isKnownBeyondAreaCode('+12199380100')).toBe(true); // Gary, IN
    expect(isKnownBeyondAreaCode('+12195550100')).toBe(false);
    expect(isKnownBeyondAreaCode('+442079460000')).toBe(false);
  });

  // An area code's main zone is wrong for its parts on another clock: +1 219 555 is "New York" in
  // the data, though Gary keeps Chicago's clock. A lead without a place gets no zone from such a
  // number where the number's state is split, so it is never called at 7 a.m. its time.
  it.each([
    ['+12195550100', 'Gary, IN (Central) whose area says Eastern'],
    ['+18125550100', 'south-west Indiana'],
    ['+18505550100', 'the Florida panhandle'],
    ['+12705550100', 'western Kentucky'],
    ['+19065550100', "Michigan's Upper Peninsula"],
    ['+13085550100', 'western Nebraska (Mountain)'],
    ['+16205550100', 'south-west Kansas (Mountain)'],
    ['+14235550100', 'east Tennessee'],
  ])('no zone from %s, known only by its area code in a split state (%s)', (e164) => {
    expect(zoneFromPlace('US', null, null, [e164])).toBeNull();
  });

  it('a zone from a number known by its exchanges, or by its area code in a one-zone state', () => {
    expect(zoneFromPlace('US', null, null, ['+12199380100'])).toBe('America/Chicago'); // Gary, IN
    expect(zoneFromPlace('US', null, null, ['+18504320100'])).toBe('America/Chicago'); // Pensacola
    expect(zoneFromPlace('US', null, null, ['+14155550100'])).toBe('America/Los_Angeles');
    expect(zoneFromPlace('US', null, null, ['+12125550100'])).toBe('America/New_York');
  });
});
