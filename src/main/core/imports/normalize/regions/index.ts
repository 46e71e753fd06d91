/**
 * Time zones of the states and provinces of countries that span several, and of the cities of
 * the states that are themselves split.
 *
 * The rule, so that a lead is never called before its own morning: a state maps to one zone when
 * all of it keeps that zone's clock, or when the places that keep another clock hold under about 2%
 * of its people AND are never behind the main clock (a call at 8 a.m. main time is 8 a.m. or later
 * there). A state where a part keeps an earlier clock (the Florida Panhandle, Kansas's western
 * counties, Michigan's western Upper Peninsula, north-western Ontario…) is split: it lists the
 * zones it spans, and a lead there needs its city (looked up in that state only) or a phone number
 * assigned in that state that pins one of those zones (see timeZone.ts). The places set aside or split off are named beside each entry.
 * Sources: the IANA time zone database's zone comments (zone1970.tab, northamerica, australasia,
 * southamerica, europe), and the U.S. DOT's time zone boundaries (49 CFR part 71).
 */
import { AU_CITIES, AU_STATES } from './au';
import { BR_CITIES, BR_STATES } from './br';
import { CA_CITIES, CA_PROVINCES } from './ca';
import { CN_PROVINCES } from './cn';
import { MX_CITIES, MX_STATES } from './mx';
import { RU_REGIONS } from './ru';
import type { CityTable, RegionTable } from './table';
import { US_CITIES, US_STATES } from './us';

export type { RegionEntry } from './table';

/** States and provinces by country; a country missing here is read by its phone numbers only. */
export const REGION_ZONES: Record<string, RegionTable> = {
  US: US_STATES,
  CA: CA_PROVINCES,
  AU: AU_STATES,
  MX: MX_STATES,
  BR: BR_STATES,
  RU: RU_REGIONS,
  CN: CN_PROVINCES,
};

/** Cities of split states, by country and then by the state's key (its first name above). */
export const CITY_ZONES: Record<string, CityTable> = {
  US: US_CITIES,
  CA: CA_CITIES,
  AU: AU_CITIES,
  MX: MX_CITIES,
  BR: BR_CITIES,
};
