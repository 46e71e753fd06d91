// The shapes of the region and city tables (see index.ts for the rule), and their builders.

/** One clock, or the clocks a split state spans. */
export type Zones = string | readonly string[];
/** A state: the key its cities are filed under, its one zone (null when split) and the zones it spans. */
export type RegionEntry = { key: string; zone: string | null; spans: readonly string[] };
export type RegionTable = Record<string, RegionEntry>;
export type CityTable = Record<string, Record<string, string>>;

export const NY = 'America/New_York';
export const CHI = 'America/Chicago';
export const DEN = 'America/Denver';
export const LA = 'America/Los_Angeles';
export const SH = 'Asia/Shanghai';

/** Keys are a state's code and its names; the first name is the key its cities are filed under. */
export const entries = (rows: readonly [readonly string[], Zones][]): RegionTable => {
  const table: RegionTable = {};
  for (const [names, zones] of rows) {
    const key = names[0] ?? '';
    const entry: RegionEntry =
      typeof zones === 'string'
        ? { key, zone: zones, spans: [zones] }
        : { key, zone: null, spans: zones as readonly string[] };
    for (const name of names) table[name] = entry;
  }
  return table;
};

/** Cities of split states, by the state's key: `[state, [[cities, zone], …]]`. */
export const cities = (rows: readonly [string, readonly [readonly string[], string][]][]): CityTable => {
  const table: CityTable = {};
  for (const [state, groups] of rows) {
    const own: Record<string, string> = {};
    for (const [names, zone] of groups) for (const name of names) own[name] = zone;
    table[state] = own;
  }
  return table;
};
