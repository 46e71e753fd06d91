import type { LocalPresenceNumber, RecordingSettings } from '@shared/server/twilio';
import { parsePhoneNumberFromString } from 'libphonenumber-js/min';

/** Where a lead is, as far as its record and its number tell: ISO country and region (or null). */
export type LeadPlace = { country: string | null; region: string | null };

/**
 * The caller ID for a call to `toE164`: the team's local-presence number whose country is the
 * number's country (by libphonenumber-js) and whose area code begins the number's national
 * significant number — the longest such area code when several match, since area codes differ in
 * length by country — else the team's own number `fallback`.
 */
export const callerIdFor = (
  toE164: string,
  localPresence: readonly LocalPresenceNumber[],
  fallback: string,
): { callerId: string; localPresence: LocalPresenceNumber | null } => {
  const parsed = parsePhoneNumberFromString(toE164);
  if (!parsed?.country) return { callerId: fallback, localPresence: null };
  const national = String(parsed.nationalNumber);
  let best: LocalPresenceNumber | null = null;
  for (const entry of localPresence) {
    if (entry.country !== parsed.country || !national.startsWith(entry.areaCode)) continue;
    if (best === null || entry.areaCode.length > best.areaCode.length) best = entry;
  }
  return best ? { callerId: best.number, localPresence: best } : { callerId: fallback, localPresence: null };
};

/** The lead's place: its own country and region fields, else the country of the number dialled. */
export const placeOf = (fields: { country?: unknown; region?: unknown }, toE164: string): LeadPlace => {
  const own = typeof fields.country === 'string' ? fields.country.trim().toUpperCase() : '';
  const country = /^[A-Z]{2}$/.test(own) ? own : (parsePhoneNumberFromString(toE164)?.country ?? null);
  const region = typeof fields.region === 'string' ? fields.region.trim().toUpperCase() : '';
  return { country, region: /^[A-Z0-9]{1,3}$/.test(region) ? region : null };
};

/** Whether and how a call is recorded, and why (for the log and the call row). */
export type RecordingDecision = {
  record: boolean;
  announce: boolean;
  reason: 'disabled' | 'one_party' | 'all_party_announced' | 'all_party_skipped';
};

/**
 * The consent rule. Recording is off unless the team enabled it. A lead is in an all-party-consent
 * region when the team's list names its country, or its country-region (`US-CA`); when the list names
 * regions of the lead's country and the lead's region is unknown, or the lead's country is unknown,
 * the lead is treated as in one (the conservative reading, as DESIGN.md asks for unknowns). There the
 * team's `allPartyConsent` applies: `announce` plays the announcement to the prospect before the call
 * is bridged and records; `skip` does not record. Elsewhere one party's (the rep's) consent suffices.
 */
export const recordingFor = (recording: RecordingSettings, place: LeadPlace): RecordingDecision => {
  if (!recording.enabled) return { record: false, announce: false, reason: 'disabled' };
  const regions = new Set(recording.allPartyRegions);
  const allParty =
    place.country === null ||
    regions.has(place.country) ||
    (place.region !== null && regions.has(`${place.country}-${place.region}`)) ||
    (place.region === null && [...regions].some((code) => code.startsWith(`${place.country}-`)));
  if (!allParty) return { record: true, announce: false, reason: 'one_party' };
  return recording.allPartyConsent === 'announce'
    ? { record: true, announce: true, reason: 'all_party_announced' }
    : { record: false, announce: false, reason: 'all_party_skipped' };
};
