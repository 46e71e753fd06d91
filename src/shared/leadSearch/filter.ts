import type { LeadStatus } from '../domain/lead';
import { searchWordsOf } from './fold';
import { STATUS_ORDER } from './statuses';
import { gramSlotsOf, gramsDecide, type LeadTable } from './table';

export type LeadFilter = { query: string; status: LeadStatus | null };

export type FilterResult = {
  filter: LeadFilter;
  table: LeadTable;
  version: number;
  /** Positions in the table of the leads that match, in list order. */
  positions: Int32Array;
};

/** The first n results; a short list is copied out so it does not keep a 100k-row buffer alive. */
const trimmed = (out: Int32Array, n: number): Int32Array =>
  n * 4 < out.length ? out.slice(0, n) : out.subarray(0, n);

/** A word typed like part of a phone number ("(202)", "555-01") is looked up by its digits. */
const needleOf = (word: string): string => {
  if (!/^[\d\s()+\-.]+$/.test(word)) return word;
  const digits = word.replace(/\D/g, '');
  return digits.length > 0 ? digits : word;
};

/**
 * Keeps the candidates whose text contains `needle`. Dense candidates are checked in one forward
 * pass, reusing the next occurrence the native `indexOf` found until the pass moves beyond it; sparse
 * ones each within their own text.
 */
const keepContaining = (table: LeadTable, candidates: Int32Array, needle: string): Int32Array => {
  const { text, offsets } = table;
  const out = new Int32Array(candidates.length);
  let n = 0;
  if (candidates.length * 16 < table.count) {
    for (let k = 0; k < candidates.length; k++) {
      const i = candidates[k] as number;
      if (text.slice(offsets[i], offsets[i + 1]).includes(needle)) out[n++] = i;
    }
    return trimmed(out, n);
  }
  let hit = -2;
  for (let k = 0; k < candidates.length; k++) {
    const i = candidates[k] as number;
    const start = offsets[i] as number;
    if (hit !== -1 && hit < start) hit = text.indexOf(needle, start);
    if (hit === -1) break;
    if (hit + needle.length <= (offsets[i + 1] as number)) out[n++] = i;
  }
  return trimmed(out, n);
};

/** The leads holding every gram in `slots`, as one bitset; null when some gram never occurs. */
const gramBits = (table: LeadTable, slots: number[]): Uint32Array | null => {
  const first = table.grams.bits[slots[0] as number];
  if (!first) return null;
  if (slots.length === 1) return first;
  const out = first.slice();
  for (let s = 1; s < slots.length; s++) {
    const bits = table.grams.bits[slots[s] as number];
    if (!bits) return null;
    for (let w = 0; w < out.length; w++) out[w] = (out[w] as number) & (bits[w] as number);
  }
  return out;
};

const popcount = (word: number): number => {
  let v = word - ((word >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
};

/** The leads (among `within`, when given) that hold every gram in `slots`. */
const gramCandidates = (table: LeadTable, slots: number[], within: Int32Array | null): Int32Array => {
  const bits = gramBits(table, slots);
  if (!bits) return new Int32Array(0);
  if (within) {
    const out = new Int32Array(within.length);
    let n = 0;
    for (let k = 0; k < within.length; k++) {
      const i = within[k] as number;
      if (((bits[i >>> 5] as number) >>> (i & 31)) & 1) out[n++] = i;
    }
    return trimmed(out, n);
  }
  let total = 0;
  for (let w = 0; w < bits.length; w++) total += popcount(bits[w] as number);
  const out = new Int32Array(total);
  let n = 0;
  for (let w = 0; w < bits.length; w++) {
    let word = bits[w] as number;
    while (word !== 0) {
      out[n++] = (w << 5) | (31 - Math.clz32(word & -word));
      word &= word - 1;
    }
  }
  return out;
};

/** True when every lead matching `next` also matches `previous`, so only its matches need checking. */
const narrows = (previous: LeadFilter, next: LeadFilter): boolean => {
  if (previous.status !== null && previous.status !== next.status) return false;
  const nextNeedles = searchWordsOf(next.query).map(needleOf);
  return searchWordsOf(previous.query)
    .map(needleOf)
    .every((needle) => nextNeedles.some((n) => n.includes(needle)));
};

// Results are never written after they are made, so every view of a table can share this one.
const everyPosition = new WeakMap<LeadTable, Int32Array>();
const allPositionsOf = (table: LeadTable): Int32Array => {
  let all = everyPosition.get(table);
  if (!all) {
    all = new Int32Array(table.count);
    for (let i = 0; i < table.count; i++) all[i] = i;
    everyPosition.set(table, all);
  }
  return all;
};

/**
 * The positions of the leads matching `filter`: every word must appear in the lead's name, company,
 * title, email or phone. Each word first narrows the leads by the gram index, then the survivors'
 * texts are checked. When the previous result is a wider filter over the same table (the user typed
 * one more letter), only its matches are considered.
 */
export const filterLeads = (
  table: LeadTable,
  filter: LeadFilter,
  previous: FilterResult | null,
): FilterResult => {
  const reuse =
    previous !== null &&
    previous.table === table &&
    previous.version === table.version &&
    narrows(previous.filter, filter);
  let positions: Int32Array | null = reuse ? previous.positions : null;
  if (filter.status !== null && !(reuse && previous.filter.status === filter.status)) {
    const code = STATUS_ORDER.indexOf(filter.status);
    const from = positions ?? allPositionsOf(table);
    const out = new Int32Array(from.length);
    let n = 0;
    for (const i of from) if (table.statuses[i] === code) out[n++] = i;
    positions = trimmed(out, n);
  }
  // The longest word first: it usually matches fewest leads, leaving less for the others.
  const needles = [...new Set(searchWordsOf(filter.query).map(needleOf))].sort((a, b) => b.length - a.length);
  for (const needle of needles) {
    const slots = gramSlotsOf(needle);
    if (slots.length > 0) positions = gramCandidates(table, slots, positions);
    if (slots.length === 0 || !gramsDecide(needle)) {
      positions = keepContaining(table, positions ?? allPositionsOf(table), needle);
    }
  }
  return { filter, table, version: table.version, positions: positions ?? allPositionsOf(table) };
};

/** How many leads have each status, for the status filter's counts. */
export const countByStatus = (table: LeadTable): Map<LeadStatus, number> => {
  const byCode = new Array<number>(STATUS_ORDER.length).fill(0);
  for (const code of table.statuses) byCode[code] = (byCode[code] ?? 0) + 1;
  return new Map(STATUS_ORDER.map((status, code) => [status, byCode[code] ?? 0]));
};
