import { TelephonyError } from '../provider';

/** Where an INVITE goes: the number's SIP URI, and the extension to key in once connected ('' for none). */
export type SipDialTarget = { uri: string; extension: string };

const E164 = /^\+[1-9]\d{6,14}$/;

/**
 * The SIP request URI for a lead's number at the account's domain: `+14155550100;ext=12` with domain
 * `pbx.example.com` → `sip:+14155550100@pbx.example.com;user=phone` (RFC 3261 §19.1.6: a telephone
 * number in the user part) with extension `12`, keyed in as DTMF after answer. Throws `invalid_number`
 * for a number that is not E.164 (ITU-T E.164: `+`, country code, at most 15 digits).
 */
export const sipDialTarget = (to: string, domain: string): SipDialTarget => {
  const [number = '', ...parameters] = to.trim().split(';');
  const extension = parameters.find((parameter) => parameter.startsWith('ext='))?.slice(4) ?? '';
  if (!E164.test(number) || !/^[0-9*#]*$/.test(extension)) {
    throw new TelephonyError(
      'invalid_number',
      `${to} is not a phone number in international form (such as +14155550100). Fix the lead's number, then call again.`,
    );
  }
  return { uri: `sip:${number}@${domain};user=phone`, extension };
};
