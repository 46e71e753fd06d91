import ct from 'countries-and-timezones';
import { IANAZone } from 'luxon';
import { fold } from '../map/fold';
import { isKnownBeyondAreaCode, stateOfNumber, zoneOfNumber } from './phoneZone';
import { CITY_ZONES, REGION_ZONES, type RegionEntry } from './regions';

let known: Set<string> | undefined;
const checked = new Map<string, boolean>();

/**
 * True for an IANA zone name written exactly (case included) as the database spells it, current
 * or kept for compatibility ("America/New_York", "Asia/Calcutta", "UTC"), that this runtime can
 * use. Abbreviations such as "PST" or offsets such as "GMT+8" are not zones.
 */
export const isIanaZone = (name: string): boolean => {
  const cached = checked.get(name);
  if (cached !== undefined) return cached;
  known ??= new Set([
    ...Object.keys(ct.getAllTimezones({ deprecated: true })),
    ...Intl.supportedValuesOf('timeZone'),
  ]);
  let valid = known.has(name);
  if (valid) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: name });
    } catch {
      valid = false;
    }
  }
  if (checked.size < 10_000) checked.set(name, valid);
  return valid;
};

/**
 * Countries whose other zones cover under about 2% of their people (see regions.ts for the rule):
 * China's Xinjiang time is unofficial, and the Chatham and Galápagos Islands, Magallanes and Aysén
 * are small; Malaysia's two zones keep one clock and Kuala Lumpur is its usual name.
 */
const MAIN_ZONE: Record<string, string> = {
  CN: 'Asia/Shanghai',
  NZ: 'Pacific/Auckland',
  EC: 'America/Guayaquil',
  CL: 'America/Santiago',
  MY: 'Asia/Kuala_Lumpur',
};

const countryZones = new Map<string, string | null>();

/**
 * The zone of a country that keeps one clock: its only zone, or one of several that share the same
 * offsets all year (Germany's Büsingen keeps Zurich's clock, which is Berlin's). The name is the
 * country's own where the database has one (Europe/Amsterdam rather than Europe/Brussels, which
 * it links to). Null when parts of the country keep different clocks.
 */
export const zoneOfCountry = (code: string): string | null => {
  const cached = countryZones.get(code);
  if (cached !== undefined) return cached;
  let zone: string | null = MAIN_ZONE[code] ?? null;
  if (!zone) {
    const zones = ct.getTimezonesForCountry(code as never) ?? [];
    const clocks = new Set(zones.map((z) => `${z.utcOffset}/${z.dstOffset}`));
    if (clocks.size === 1) {
      const names = (ct.getTimezonesForCountry(code as never, { deprecated: true }) ?? []).filter(
        (z) =>
          /^[A-Z][a-z]+\//.test(z.name) && !/^(?:US|Etc|SystemV|Canada|Mexico|Brazil|Chile)\//.test(z.name),
      );
      const own = names.filter((z) => z.countries[0] === code);
      zone = (own.find((z) => !z.aliasOf) ?? own[0] ?? zones[0])?.name ?? null;
    }
  }
  countryZones.set(code, zone);
  return zone;
};

/** A state's entry and its split state's cities, found by folded name. */
type Tables = { regions: Map<string, RegionEntry>; cities: Map<string, Map<string, string>> };
const lookups = new Map<string, Tables>();
/** Lists repeat the same places on many rows; each distinct one is looked up once. */
const places = new Map<string, Place>();
type Place = { zone: string | null; spans: readonly string[] | null; entry: RegionEntry | null };

/** Chinese administrative suffixes and English words around a region's name. */
const REGION_NOISE =
  /(?:省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区|province|state|sheng|shi|oblast|krai)$/;

const tablesFor = (country: string): Tables => {
  let tables = lookups.get(country);
  if (!tables) {
    const regions = new Map<string, RegionEntry>();
    for (const [name, entry] of Object.entries(REGION_ZONES[country] ?? {})) {
      regions.set(fold(name), entry);
      const bare = fold(name).replace(REGION_NOISE, '');
      if (bare && !regions.has(bare)) regions.set(bare, entry);
    }
    const cities = new Map<string, Map<string, string>>();
    for (const [state, own] of Object.entries(CITY_ZONES[country] ?? {})) {
      cities.set(state, new Map(Object.entries(own).map(([name, zone]) => [fold(name), zone])));
    }
    tables = { regions, cities };
    lookups.set(country, tables);
  }
  return tables;
};

const findRegion = (regions: Map<string, RegionEntry>, text: string | null): RegionEntry | undefined => {
  if (!text) return undefined;
  const key = fold(text);
  return regions.get(key) ?? regions.get(key.replace(REGION_NOISE, ''));
};

/** What the place alone says: a zone, or the clocks the lead may keep (null: any of the country's). */
const placeOf = (country: string, region: string | null, city: string | null): Place => {
  const key = `${country}\u0000${region ?? ''}\u0000${city ?? ''}`;
  const cached = places.get(key);
  if (cached) return cached;
  const tables = tablesFor(country);
  const entry = findRegion(tables.regions, region);
  let place: Place;
  if (!entry) place = { zone: null, spans: null, entry: null };
  else if (entry.zone) place = { zone: entry.zone, spans: [entry.zone], entry };
  else {
    const zone = city ? (tables.cities.get(entry.key)?.get(fold(city)) ?? null) : null;
    place = { zone, spans: entry.spans, entry };
  }
  if (places.size < 10_000) places.set(key, place);
  return place;
};

const YEAR_MS = 365.25 * 24 * 3_600_000;
const clocks = new Map<string, boolean>();
/** Two zones keep one clock when their offsets agree in January and July (now and a year on). */
export const sameClock = (a: string, b: string): boolean => {
  if (a === b) return true;
  const key = `${a}|${b}`;
  const known = clocks.get(key);
  if (known !== undefined) return known;
  const za = IANAZone.create(a);
  const zb = IANAZone.create(b);
  const now = Date.now();
  const same = [0, 0.5, 1, 1.5].every((years) => {
    const at = now + years * YEAR_MS;
    return za.offset(at) === zb.offset(at);
  });
  clocks.set(key, same);
  return same;
};

const zoneCountries = new Map<string, boolean>();
/** True when the IANA zone is one of the country's (America/Toronto is Canada's, not the U.S.'s). */
const isZoneOf = (zone: string, country: string): boolean => {
  const key = `${zone}|${country}`;
  let known = zoneCountries.get(key);
  if (known === undefined) {
    known = isIanaZone(zone) && (ct.getTimezone(zone)?.countries ?? []).includes(country as never);
    zoneCountries.set(key, known);
  }
  return known;
};

/**
 * The zone a lead's phone numbers pin, if they agree: each number's zone comes from
 * libphonenumber's prefix data (see phoneZone), and counts only when it is a zone of the lead's
 * country. In a split state it counts only when the number was assigned in that same state
 * (libphonenumber's geocoding, known for +1) and keeps one of the state's clocks: an Eastern
 * mobile number brought to Gary, Indiana, says nothing about Gary's clock.
 */
const zoneFromPhones = (country: string, place: Place, phones: readonly string[]): string | null => {
  const split = place.entry !== null && place.entry.zone === null;
  const regions = tablesFor(country).regions;
  let found: string | null = null;
  for (const e164 of phones) {
    const zone = zoneOfNumber(e164);
    if (!zone || !isZoneOf(zone, country)) continue;
    // Known only by its area code, a +1 number says its area's main zone, which is wrong for the
    // parts of a split state on another clock: such a number counts only where its state keeps one.
    if (e164.startsWith('+1') && !isKnownBeyondAreaCode(e164)) {
      const state = stateOfNumber(e164);
      const region = state ? findRegion(tablesFor(country).regions, state) : null;
      if (!region?.zone) continue;
    }
    if (split) {
      const state = stateOfNumber(e164);
      if (!state || findRegion(regions, state) !== place.entry) continue;
      if (!place.spans?.some((span) => sameClock(span, zone))) continue;
    }
    if (found && !sameClock(found, zone)) return null;
    found ??= zone;
  }
  return found;
};

/**
 * A lead's IANA zone from where it is, or null (unknown, handled conservatively): never guessed.
 * In order: the country's zone, if it keeps one clock; the state or province's, if all of it keeps
 * one; in a split state, its city's, looked up among that state's cities only (a Portland in
 * Maine says nothing about Oregon); else the zone its phone numbers (E.164) pin, from numbers
 * assigned in that state where it is split. A city without a state lends nothing, since same-named cities lie in other zones.
 */
export const zoneFromPlace = (
  country: string | null,
  region: string | null,
  city: string | null,
  phones: readonly string[] = [],
): string | null => {
  if (!country) return null;
  const zone = zoneOfCountry(country);
  if (zone) return zone;
  const place = placeOf(country, region, city);
  return place.zone ?? zoneFromPhones(country, place, phones);
};
