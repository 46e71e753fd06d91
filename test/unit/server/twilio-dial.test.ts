import { DEFAULT_ALL_PARTY_CONSENT_REGIONS, RecordingSettings } from '@shared/server/twilio';
import { describe, expect, it } from 'vitest';
import { callerIdFor, placeOf, recordingFor } from '../../../src/server/twilio/dial';

const presence = [
  { country: 'US', areaCode: '415', number: '+14155550100' },
  { country: 'US', areaCode: '212', number: '+12125550100' },
  { country: 'CA', areaCode: '604', number: '+16045550100' },
  { country: 'GB', areaCode: '20', number: '+442079460100' },
  { country: 'GB', areaCode: '2079', number: '+442079460999' },
];
const TEAM = '+13125550100';

describe('caller ID by local presence', () => {
  it("picks the number of the lead's country and area code, else the team's number", () => {
    expect(callerIdFor('+14155551234', presence, TEAM).callerId).toBe('+14155550100');
    expect(callerIdFor('+12125551234', presence, TEAM).callerId).toBe('+12125550100');
    expect(callerIdFor('+13055551234', presence, TEAM)).toEqual({ callerId: TEAM, localPresence: null });
  });

  it('tells NANP countries apart: a Vancouver 604 number is Canada, not the US', () => {
    expect(callerIdFor('+16045551234', presence, TEAM).callerId).toBe('+16045550100');
    expect(callerIdFor('+16045551234', presence.slice(0, 2), TEAM).callerId).toBe(TEAM);
  });

  it('takes the longest matching area code where codes differ in length', () => {
    expect(callerIdFor('+442079461234', presence, TEAM).callerId).toBe('+442079460999');
    expect(callerIdFor('+442071234567', presence, TEAM).callerId).toBe('+442079460100');
  });

  it("falls back to the team's number for a number no country claims", () => {
    expect(callerIdFor('+999123', presence, TEAM).callerId).toBe(TEAM);
  });
});

describe('recording by the consent rule', () => {
  const settings = (patch: Partial<RecordingSettings>) =>
    RecordingSettings.parse({ enabled: true, ...patch });

  it('records nothing when the team has not enabled recording', () => {
    expect(recordingFor(settings({ enabled: false }), { country: 'US', region: 'NY' })).toEqual({
      record: false,
      announce: false,
      reason: 'disabled',
    });
  });

  it('records in one-party regions, and skips or announces in all-party ones as the team chose', () => {
    expect(recordingFor(settings({}), { country: 'US', region: 'NY' }).reason).toBe('one_party');
    expect(recordingFor(settings({}), { country: 'US', region: 'CA' })).toEqual({
      record: false,
      announce: false,
      reason: 'all_party_skipped',
    });
    expect(recordingFor(settings({ allPartyConsent: 'announce' }), { country: 'US', region: 'FL' })).toEqual({
      record: true,
      announce: true,
      reason: 'all_party_announced',
    });
  });

  it('treats an unknown place as all-party (the conservative reading)', () => {
    expect(recordingFor(settings({}), { country: 'US', region: null }).reason).toBe('all_party_skipped');
    expect(recordingFor(settings({}), { country: null, region: null }).reason).toBe('all_party_skipped');
    // A country with no listed regions needs no region to be known.
    expect(recordingFor(settings({}), { country: 'GB', region: null }).reason).toBe('one_party');
  });

  it("follows the team's own list, whole countries included", () => {
    const own = settings({ allPartyRegions: ['DE'] });
    expect(recordingFor(own, { country: 'DE', region: 'BY' }).reason).toBe('all_party_skipped');
    expect(recordingFor(own, { country: 'US', region: 'CA' }).reason).toBe('one_party');
    expect(DEFAULT_ALL_PARTY_CONSENT_REGIONS).toContain('US-WA');
  });
});

describe("a lead's place", () => {
  it('uses its country and region fields, else the country of the number', () => {
    expect(placeOf({ country: 'us', region: 'ca' }, '+12125551234')).toEqual({ country: 'US', region: 'CA' });
    expect(placeOf({ country: null, region: null }, '+442079461234')).toEqual({
      country: 'GB',
      region: null,
    });
    expect(placeOf({ country: 'United States', region: 'California' }, '+14155551234')).toEqual({
      country: 'US',
      region: null,
    });
  });
});
