import ct from 'countries-and-timezones';
import { fold } from '../map/fold';
import { CITY_ZONES, REGION_ZONES } from './regions';

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

type Lookup = Map<string, string | null>;
/** Lists repeat the same places on many rows; each distinct one is looked up once. */
const places = new Map<string, string | null>();
const lookups = new Map<string, { regions: Lookup; cities: Lookup }>();

/** Chinese administrative suffixes and English words around a region's name. */
const REGION_NOISE =
  /(?:省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区|province|state|sheng|shi)$/;

const tablesFor = (country: string) => {
  let tables = lookups.get(country);
  if (!tables) {
    const regions: Lookup = new Map();
    for (const [name, zone] of Object.entries(REGION_ZONES[country] ?? {})) regions.set(fold(name), zone);
    const cities: Lookup = new Map();
    // A zone is named after a city of its country ("America/Chicago"): that city keeps its clock.
    for (const zone of ct.getTimezonesForCountry(country as never) ?? []) {
      if (zone.countries[0] !== country) continue;
      const city = zone.name.split('/').pop()?.replaceAll('_', ' ');
      if (city) cities.set(fold(city), zone.name);
    }
    for (const [name, zone] of Object.entries(CITY_ZONES[country] ?? {})) cities.set(fold(name), zone);
    tables = { regions, cities };
    lookups.set(country, tables);
  }
  return tables;
};

const find = (table: Lookup, text: string | null): string | null | undefined => {
  if (!text) return undefined;
  const key = fold(text);
  return table.get(key) ?? table.get(key.replace(REGION_NOISE, ''));
};

/**
 * A lead's zone from where it is: the country's, if it keeps one clock; else its state or province's,
 * if that keeps one; else its city's, if the city is known. Null (unknown) otherwise: never guessed.
 */
export const zoneFromPlace = (
  country: string | null,
  region: string | null,
  city: string | null,
): string | null => {
  if (!country) return null;
  const zone = zoneOfCountry(country);
  if (zone) return zone;
  const key = `${country}\u0000${region ?? ''}\u0000${city ?? ''}`;
  const cached = places.get(key);
  if (cached !== undefined) return cached;
  const tables = tablesFor(country);
  const found = find(tables.regions, region) || find(tables.cities, city) || null;
  if (places.size < 10_000) places.set(key, found);
  return found;
};
