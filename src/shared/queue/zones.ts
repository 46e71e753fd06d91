import ct from 'countries-and-timezones';
import { isValidTimeZone } from './clock';

/**
 * A lead's zone key: its IANA zone when it has a valid one; otherwise `?CC` (every zone of its country)
 * or `?` (every zone on earth). Leads sharing a key share a calling window.
 */
export type ZoneKey = string;

export const UNKNOWN_EVERYWHERE: ZoneKey = '?';

export const zoneKeyOf = (timeZone: string | null, country: string | null): ZoneKey => {
  if (timeZone && isValidTimeZone(timeZone)) return timeZone;
  const code = country?.trim().toUpperCase();
  if (code && /^[A-Z]{2}$/.test(code) && countryZones(code).length > 0) return `?${code}`;
  return UNKNOWN_EVERYWHERE;
};

export const isUnknownZoneKey = (key: ZoneKey): boolean => key.startsWith('?');

const byCountry = new Map<string, readonly string[]>();
const countryZones = (code: string): readonly string[] => {
  let zones = byCountry.get(code);
  if (!zones) {
    zones = (ct.getTimezonesForCountry(code) ?? []).map((z) => z.name).filter(isValidTimeZone);
    byCountry.set(code, zones);
  }
  return zones;
};

let everywhere: readonly string[] | undefined;

/** Every zone a lead with this key could be in. */
export const zonesOfKey = (key: ZoneKey): readonly string[] => {
  if (!isUnknownZoneKey(key)) return [key];
  if (key === UNKNOWN_EVERYWHERE) {
    everywhere ??= Object.keys(ct.getAllTimezones()).filter(isValidTimeZone);
    return everywhere;
  }
  return countryZones(key.slice(1));
};
