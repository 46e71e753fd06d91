import type { LeadIndex } from '../api/leads';
import type { LeadStatus, LeadSummary } from '../domain/lead';
import { foldForSearch } from './fold';
import { STATUS_ORDER } from './statuses';

/** Fields per row of `LeadIndex.rows`: name, title, company, email, phone. */
const FIELDS = 5;
const TAB = 9;
const NEWLINE = 10;

/**
 * Letters and digits, and pairs of them, are indexed up front: gram k's bitset has bit i set when
 * lead i's search text holds it. One or two typed characters are then answered without a scan, and
 * a longer word only needs checking in the leads that hold all of its pairs.
 */
export const INDEXED_CHARS = 'abcdefghijklmnopqrstuvwxyz0123456789';
const CHARS = INDEXED_CHARS.length;
const CHAR_SLOT = new Int8Array(128).fill(-1);
for (let k = 0; k < CHARS; k++) CHAR_SLOT[INDEXED_CHARS.charCodeAt(k)] = k;

/** Gram slots: 0..CHARS-1 single characters, then CHARS + a * CHARS + b for the pair ab. */
export type GramIndex = { words: number; bits: Array<Uint32Array | undefined> };

/**
 * The whole lead list as a few long strings and typed arrays, in list order: a handful of objects
 * however many leads there are, so the garbage collector never walks 100k rows. Row i's fields are
 * slices of `rows`; its folded search text is `text` between `offsets[i]` and `offsets[i + 1]`.
 */
export type LeadTable = {
  count: number;
  /** A newline, then each id followed by a newline. */
  ids: string;
  idOffsets: Int32Array;
  rows: string;
  /** Where each field of each row starts; field j of row i is at `fieldOffsets[i * 5 + j]`. */
  fieldOffsets: Int32Array;
  statuses: Uint8Array;
  timeZones: string[];
  zoneOf: Int32Array;
  isDemo: Uint8Array;
  demoCount: number;
  text: string;
  offsets: Int32Array;
  grams: GramIndex;
  /** Changes whenever a row is patched, so views recompute. */
  version: number;
  /** Id → position for leads recently shown or looked up (the keyboard's row is, on every view change). */
  positions: Map<string, number>;
};

const slotOfCode = (code: number): number => (code < 128 ? (CHAR_SLOT[code] as number) : -1);

/** The gram slots a word needs: its single character, or each pair of adjacent indexed characters. */
export const gramSlotsOf = (word: string): number[] => {
  if (word.length === 1) {
    const slot = slotOfCode(word.charCodeAt(0));
    return slot >= 0 ? [slot] : [];
  }
  const slots = new Set<number>();
  for (let c = 1; c < word.length; c++) {
    const a = slotOfCode(word.charCodeAt(c - 1));
    const b = slotOfCode(word.charCodeAt(c));
    if (a >= 0 && b >= 0) slots.add(CHARS + a * CHARS + b);
  }
  return [...slots];
};

/** True when the grams alone decide a match: one indexed character, or two. */
export const gramsDecide = (word: string): boolean =>
  word.length <= 2 && [...word].every((char) => slotOfCode(char.charCodeAt(0)) >= 0);

const setBit = (grams: GramIndex, slot: number, word: number, mask: number) => {
  let bits = grams.bits[slot];
  if (!bits) {
    bits = new Uint32Array(grams.words);
    grams.bits[slot] = bits;
  }
  bits[word] = (bits[word] as number) | mask;
};

/** Records lead i's characters and pairs in the gram index. */
const indexRow = (grams: GramIndex, text: string, start: number, end: number, i: number) => {
  const word = i >>> 5;
  const mask = 1 << (i & 31);
  let previous = -1;
  for (let c = start; c < end; c++) {
    const slot = slotOfCode(text.charCodeAt(c));
    if (slot >= 0) {
      setBit(grams, slot, word, mask);
      if (previous >= 0) setBit(grams, CHARS + previous * CHARS + slot, word, mask);
    }
    previous = slot;
  }
};

/** Start of each line in `text` (lines end in a newline), and its length at the end. */
const lineOffsets = (text: string, count: number, from = 0): Int32Array => {
  const offsets = new Int32Array(count + 1);
  let at = from;
  for (let i = 0; i < count; i++) {
    offsets[i] = at;
    at = text.indexOf('\n', at) + 1;
  }
  offsets[count] = text.length;
  return offsets;
};

/** Start of every field of `rows`, found from the tabs and newlines between them. */
const fieldOffsetsOf = (rows: string, count: number): Int32Array => {
  const offsets = new Int32Array(count * FIELDS + 1);
  let field = 1;
  for (let c = 0; c < rows.length; c++) {
    const code = rows.charCodeAt(c);
    if (code === TAB || code === NEWLINE) offsets[field++] = c + 1;
  }
  return offsets;
};

type Pause = () => Promise<void>;
const noPause: Pause = () => Promise.resolve();

/**
 * Builds the table. `pause` is awaited between slices of work so a 100k-lead build does not hold
 * the page still (the workspace passes a short timeout; tests pass nothing).
 */
export const buildLeadTable = async (
  index: LeadIndex,
  pause: Pause = noPause,
  sliceSize = 20_000,
): Promise<LeadTable> => {
  const { count, rows } = index;
  const fieldOffsets = fieldOffsetsOf(rows, count);
  await pause();
  const parts: string[] = [];
  for (let start = 0; start < count; start += sliceSize) {
    const end = Math.min(count, start + sliceSize);
    parts.push(foldForSearch(rows.slice(fieldOffsets[start * FIELDS], fieldOffsets[end * FIELDS])));
    await pause();
  }
  const text = parts.join('');
  const offsets = lineOffsets(text, count);
  const grams: GramIndex = { words: (count + 31) >>> 5, bits: new Array(CHARS + CHARS * CHARS) };
  for (let start = 0; start < count; start += sliceSize) {
    const end = Math.min(count, start + sliceSize);
    for (let i = start; i < end; i++)
      indexRow(grams, text, offsets[i] as number, offsets[i + 1] as number, i);
    await pause();
  }
  const isDemo = new Uint8Array(count);
  for (const position of index.demo) isDemo[position] = 1;
  const ids = `\n${index.ids}`;
  return {
    count,
    ids,
    idOffsets: lineOffsets(ids, count, 1),
    rows,
    fieldOffsets,
    statuses: Uint8Array.from(index.statuses),
    timeZones: index.timeZones,
    zoneOf: Int32Array.from(index.zoneOf),
    isDemo,
    demoCount: index.demo.length,
    text,
    offsets,
    grams,
    version: 0,
    positions: new Map(),
  };
};

const fieldAt = (table: LeadTable, i: number, field: number): string =>
  table.rows.slice(
    table.fieldOffsets[i * FIELDS + field],
    (table.fieldOffsets[i * FIELDS + field + 1] as number) - 1,
  );

const orNull = (value: string) => (value === '' ? null : value);

export const idAt = (table: LeadTable, i: number): string =>
  table.ids.slice(table.idOffsets[i], (table.idOffsets[i + 1] as number) - 1);

export const statusAt = (table: LeadTable, i: number): LeadStatus =>
  STATUS_ORDER[table.statuses[i] ?? 0] ?? 'new';

/** Ids the list has shown are remembered with their position; the cache is emptied when it grows large. */
const remember = (table: LeadTable, id: string, position: number) => {
  if (table.positions.size > 10_000) table.positions.clear();
  table.positions.set(id, position);
};

/** The list row at `position`. */
export const rowAt = (table: LeadTable, i: number): LeadSummary => {
  const id = idAt(table, i);
  remember(table, id, i);
  return readRow(table, i, id);
};

const readRow = (table: LeadTable, i: number, id: string): LeadSummary => ({
  id,
  name: fieldAt(table, i, 0),
  title: orNull(fieldAt(table, i, 1)),
  company: orNull(fieldAt(table, i, 2)),
  email: orNull(fieldAt(table, i, 3)),
  phone: orNull(fieldAt(table, i, 4)),
  status: statusAt(table, i),
  timeZone: table.timeZones[table.zoneOf[i] ?? -1] ?? null,
  isDemo: table.isDemo[i] === 1,
});

/** The position of lead `id`, or -1 when the table does not hold it. */
export const positionOf = (table: LeadTable, id: string): number => {
  const cached = table.positions.get(id);
  if (cached !== undefined) return cached;
  const at = id ? table.ids.indexOf(`\n${id}\n`) : -1;
  let position = -1;
  if (at >= 0) {
    // idOffsets are increasing; the id starts just after the newline found.
    let lo = 0;
    let hi = table.count - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const start = table.idOffsets[mid] as number;
      if (start === at + 1) {
        position = mid;
        break;
      }
      if (start < at + 1) lo = mid + 1;
      else hi = mid - 1;
    }
  }
  remember(table, id, position);
  return position;
};

const STATUS_CODE = new Map<LeadStatus, number>(STATUS_ORDER.map((status, i) => [status, i]));

const clean = (value: string | null) => (value ?? '').replace(/[\t\n]/g, ' ');

const rowLine = (row: LeadSummary) =>
  `${clean(row.name)}\t${clean(row.title)}\t${clean(row.company)}\t${clean(row.email)}\t${clean(row.phone)}\n`;

/**
 * Writes fresh rows over their old positions. Returns the same table when nothing it shows changed
 * (a saved research note, say), and null when a row is not in the table (a new lead): the caller
 * then reloads the whole index to place it.
 */
export const patchLeadTable = (table: LeadTable, updates: LeadSummary[]): LeadTable | null => {
  const changed = new Map<number, LeadSummary>();
  for (const row of updates) {
    const i = positionOf(table, row.id);
    if (i < 0) return null;
    const current = readRow(table, i, row.id);
    const same = (Object.keys(current) as Array<keyof LeadSummary>).every((key) => current[key] === row[key]);
    if (!same) changed.set(i, row);
  }
  if (changed.size === 0) return table;

  // Only the changed rows are rebuilt: the text between them is reused as is and the offsets after
  // each one shift by its change in length, so a patch costs a copy of the offset arrays, not a
  // rebuild of every row (about 50 ms at 100k leads, once per logged outcome).
  const order = [...changed.keys()].sort((a, b) => a - b);
  const fieldOffsets = table.fieldOffsets.slice();
  const offsets = table.offsets.slice();
  const isDemo = table.isDemo.slice();
  const statuses = table.statuses.slice();
  const zoneOf = table.zoneOf.slice();
  const timeZones = [...table.timeZones];
  const rowParts: string[] = [];
  const textParts: string[] = [];
  let rowFrom = 0;
  let textFrom = 0;
  let rowShift = 0;
  let textShift = 0;
  const reindex: number[] = [];
  for (let k = 0; k < order.length; k++) {
    const i = order[k] as number;
    const row = changed.get(i) as LeadSummary;
    const line = rowLine(row);
    const fold = foldForSearch(line);
    const oldRowStart = table.fieldOffsets[i * FIELDS] as number;
    const oldRowEnd = table.fieldOffsets[(i + 1) * FIELDS] as number;
    const oldTextStart = table.offsets[i] as number;
    const oldTextEnd = table.offsets[i + 1] as number;
    rowParts.push(table.rows.slice(rowFrom, oldRowStart), line);
    rowFrom = oldRowEnd;
    if (fold !== table.text.slice(oldTextStart, oldTextEnd)) reindex.push(i);
    textParts.push(table.text.slice(textFrom, oldTextStart), fold);
    textFrom = oldTextEnd;

    const rowStart = oldRowStart + rowShift;
    let field = i * FIELDS;
    fieldOffsets[field] = rowStart;
    for (let c = 0; c < line.length - 1; c++)
      if (line.charCodeAt(c) === TAB) fieldOffsets[++field] = rowStart + c + 1;
    offsets[i] = oldTextStart + textShift;
    rowShift += line.length - (oldRowEnd - oldRowStart);
    textShift += fold.length - (oldTextEnd - oldTextStart);
    const next = (order[k + 1] as number | undefined) ?? table.count;
    for (let j = (i + 1) * FIELDS; j <= next * FIELDS; j++)
      fieldOffsets[j] = (table.fieldOffsets[j] as number) + rowShift;
    for (let j = i + 1; j <= next; j++) offsets[j] = (table.offsets[j] as number) + textShift;

    statuses[i] = STATUS_CODE.get(row.status) ?? 0;
    isDemo[i] = row.isDemo ? 1 : 0;
    let zone = row.timeZone ? timeZones.indexOf(row.timeZone) : -1;
    if (row.timeZone && zone < 0) zone = timeZones.push(row.timeZone) - 1;
    zoneOf[i] = zone;
  }
  rowParts.push(table.rows.slice(rowFrom));
  textParts.push(table.text.slice(textFrom));
  const text = textParts.join('');
  for (const i of reindex) {
    for (const bits of table.grams.bits)
      if (bits) bits[i >>> 5] = (bits[i >>> 5] as number) & ~(1 << (i & 31));
    indexRow(table.grams, text, offsets[i] as number, offsets[i + 1] as number, i);
  }
  return {
    ...table,
    rows: rowParts.join(''),
    fieldOffsets,
    statuses,
    timeZones,
    zoneOf,
    isDemo,
    demoCount:
      table.demoCount +
      order.reduce((sum, i) => sum + (isDemo[i] as number) - (table.isDemo[i] as number), 0),
    text,
    offsets,
    version: table.version + 1,
    // A patch never moves a row, so the remembered positions still hold.
    positions: table.positions,
  };
};
