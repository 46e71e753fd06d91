import { describe, expect, it } from 'vitest';
import {
  sipResponseError,
  sipStatusCode,
} from '../../../src/renderer/src/features/calling/providers/sipErrors';
import { sipDialTarget } from '../../../src/renderer/src/features/calling/providers/sipTarget';
import { SipSettings } from '../../../src/shared/api/telephony-sip';

describe('SIP dial target', () => {
  it('puts an E.164 number in the user part at the account domain, the extension apart', () => {
    expect(sipDialTarget('+14155550100;ext=12', 'pbx.example.com:5060')).toEqual({
      uri: 'sip:+14155550100@pbx.example.com:5060;user=phone',
      extension: '12',
    });
  });

  it.each(['4155550100', '+0123', '+1415555010012345', '+1415;ext=1a'])(
    'refuses %s as invalid_number',
    (to) => {
      expect(() => sipDialTarget(to, 'pbx.example.com')).toThrow(
        expect.objectContaining({ code: 'invalid_number' }),
      );
    },
  );
});

describe('SIP responses', () => {
  it.each([
    [401, 'registration_refused'],
    [403, 'registration_refused'],
    [486, 'call_rejected'],
    [603, 'call_rejected'],
    [404, 'invalid_number'],
    [503, 'provider_unreachable'],
  ] as const)('%i → %s', (status, code) => {
    expect(sipStatusCode(status)).toBe(code);
  });

  it('says what to do in the detail', () => {
    expect(sipResponseError(403, 'Forbidden', 'register').message).toMatch(/403 Forbidden.*Settings/);
  });
});

describe('SIP settings', () => {
  const valid = {
    websocketUrl: 'wss://pbx.example.com:8089/ws',
    sipUri: 'sip:alex@pbx.example.com',
    authorizationUser: '',
    displayName: 'Alex',
  };

  it('accepts wss:// anywhere and ws:// on this computer only', () => {
    expect(SipSettings.safeParse(valid).success).toBe(true);
    expect(SipSettings.safeParse({ ...valid, websocketUrl: 'ws://127.0.0.1:5066' }).success).toBe(true);
    expect(SipSettings.safeParse({ ...valid, websocketUrl: 'ws://pbx.example.com/ws' }).success).toBe(false);
    expect(SipSettings.safeParse({ ...valid, websocketUrl: 'https://pbx.example.com' }).success).toBe(false);
  });

  it('wants a sip: address with a user and a domain', () => {
    expect(SipSettings.safeParse({ ...valid, sipUri: 'alex@pbx.example.com' }).success).toBe(false);
    expect(SipSettings.safeParse({ ...valid, sipUri: 'sip:pbx.example.com' }).success).toBe(false);
    expect(SipSettings.safeParse({ ...valid, sipUri: 'sip:+14155550100@10.0.0.5:5060' }).success).toBe(true);
  });
});
