import type { ColumnMapping, ImportField, ImportWarning, RejectedRow } from '@shared/api/imports';
import type { Direction, LeadPhone, LeadStatus, SourceChannel } from '@shared/domain/lead';
import type { NewLead } from '../../leads/repo';
import { LAST_OWN_ADDRESS_RANK } from '../map/exportHeaders';
import { addressGroups, labelColumns, phoneLabelFor, phoneLabelForHeader } from '../map/headers';
import { isRagged } from '../read/csv';
import { countryCode } from './countries';
import { crmSourceFor } from './crmSources';
import { readEmail } from './email';
import { createPhoneReader, type PhoneReader, splitPhoneCell } from './phone';
import { isKnownRegion } from './phoneCompiled';
import { isIanaZone, sameClock, zoneFromPlace } from './timeZone';
import { channelFor, directionFor, statusFor } from './vocab';

/** A lead read from one row, with its research notes and the line it came from. */
export type ImportedLead = NewLead & { research: string | null; line: number };

export type RowResult =
  | { ok: true; lead: ImportedLead; warnings: ImportWarning[] }
  | { ok: false; rejection: RejectedRow };

/** The import's own choice of direction and source (see ImportOptions). */
export type LeadOrigin = {
  direction?: Direction;
  sourceChannel?: SourceChannel;
  overrideColumns?: boolean;
};

/** Google Contacts joins the values of one field in one cell with " ::: ". */
const MULTI_VALUE = /\s+:::\s+/;

const MAX_CELL = 2_000;
const MAX_RESEARCH = 100_000;
const CJK = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]/;
/** Spreadsheet-safe exports put a quote before cells that start like formulas; read them back. */
const ESCAPED_FORMULA = /^'[=+\-@\t\r\n]/;

const clean = (cell: string | undefined): string => {
  if (cell === undefined || cell === '') return '';
  const text = cell.trim();
  return text.charCodeAt(0) === 39 && ESCAPED_FORMULA.test(text) ? text.slice(1).trim() : text;
};

/** The first non-empty cell among these columns. */
const first = (fields: readonly string[], indexes: readonly number[]): string => {
  for (const index of indexes) {
    const value = clean(fields[index]);
    if (value) return value;
  }
  return '';
};

/** Chinese and Korean names are written family name first, without a space. */
const joinName = (first: string, last: string): string => {
  if (!first || !last) return first || last;
  return CJK.test(first) || CJK.test(last) ? `${last}${first}` : `${first} ${last}`;
};

/** A place's cells, as columns of one address (Mailing, Business, Other…). */
type AddressColumns = { rank: number; country: number[]; region: number[]; city: number[] };

const addressColumns = (headers: readonly string[], mapping: ColumnMapping): AddressColumns[] => {
  const groups = new Map<string, AddressColumns>();
  addressGroups(headers).forEach((group, index) => {
    const field = mapping[index];
    if (field !== 'country' && field !== 'region' && field !== 'city') return;
    const key = group?.group ?? '';
    let columns = groups.get(key);
    if (!columns) {
      columns = { rank: group?.rank ?? 0, country: [], region: [], city: [] };
      groups.set(key, columns);
    }
    columns[field].push(index);
  });
  return [...groups.values()].sort((a, b) => a.rank - b.rank);
};

/** A type cell's label for its n-th value: "Mobile", "* Work", or "Mobile ::: Work" value by value. */
const labelAt = (typeCell: string, n: number): string | null => {
  if (!typeCell) return null;
  const parts = typeCell.split(MULTI_VALUE);
  const text = (parts[n] ?? parts[0] ?? '').replace(/^\*\s*/, '').trim();
  if (!text) return null;
  return phoneLabelFor(text) ?? text.toLowerCase().slice(0, 40);
};

/**
 * Turns rows into leads. A lead needs a name (a name column, or first and last name) and at least
 * one way to reach it: a valid phone number or email address. Any phone or email cell that is
 * filled in must be valid, and the time zone, status and direction cells must name known values;
 * otherwise the row is rejected with a stable code saying which column is wrong and why.
 */
export const createRowNormalizer = (
  headers: readonly string[],
  mapping: ColumnMapping,
  region: string,
  origin: LeadOrigin = {},
) => {
  const columns = (field: ImportField): number[] =>
    mapping.flatMap((mapped, index) => (mapped === field ? [index] : []));
  const single = (field: ImportField): number | undefined => columns(field)[0];
  const at = {
    name: columns('name'),
    firstName: single('firstName'),
    lastName: single('lastName'),
    title: columns('title'),
    company: columns('company'),
    email: columns('email'),
    timeZone: single('timeZone'),
    sourceChannel: single('sourceChannel'),
    sourceDetail: columns('sourceDetail'),
    direction: single('direction'),
    status: single('status'),
    research: columns('research'),
  };
  const typeColumns = labelColumns(headers);
  const phoneColumns = columns('phone').map((index) => ({
    index,
    label: phoneLabelForHeader(headers[index] ?? ''),
    typeColumn: typeColumns[index],
  }));
  const addresses = addressColumns(headers, mapping);
  /** The best address the row filled in, and a country from any address if that one has none. */
  const placeOf = (fields: readonly string[]) => {
    // A lone Country column does not make its address the row's: the city and state decide.
    const chosen =
      addresses.find((a) => first(fields, [...a.city, ...a.region]) !== '') ??
      addresses.find((a) => first(fields, a.country) !== '') ??
      addresses[0];
    let countryAt = chosen?.country ?? [];
    let countryCell = first(fields, countryAt);
    for (const other of addresses) {
      if (countryCell) break;
      countryCell = first(fields, other.country);
      countryAt = other.country;
    }
    // The row's other filled addresses where the person is (not Other, Billing or Shipping): a lead
    // whose own addresses lie on two clocks has no known zone.
    const others = addresses
      .filter((a) => a !== chosen && a.rank <= LAST_OWN_ADDRESS_RANK)
      .filter((a) => first(fields, [...a.city, ...a.region]) !== '')
      .map((a) => ({
        countryCell: first(fields, a.country) || countryCell,
        region: first(fields, a.region) || null,
        city: first(fields, a.city) || null,
      }));
    return {
      countryCell,
      countryColumn: countryAt[0],
      region: first(fields, chosen?.region ?? []) || null,
      city: first(fields, chosen?.city ?? []) || null,
      others,
    };
  };
  const readers = new Map<string, PhoneReader>();
  const readerFor = (phoneRegion: string): PhoneReader => {
    let reader = readers.get(phoneRegion);
    if (!reader) {
      reader = createPhoneReader(phoneRegion);
      readers.set(phoneRegion, reader);
    }
    return reader;
  };
  const width = headers.length;
  // A list without a source is a list someone bought or exported: outbound, unless the import
  // says otherwise.
  const defaultChannel: SourceChannel =
    origin.sourceChannel ?? (origin.direction === 'inbound' ? 'other' : 'outbound_list');
  const reason = (
    line: number,
    column: number | undefined | null,
    code: string,
    message: string,
    params?: RejectedRow['params'],
  ): RejectedRow => ({
    line,
    column: column == null ? null : (headers[column] ?? null),
    code,
    message,
    ...(params ? { params } : {}),
  });
  const reject = (...args: Parameters<typeof reason>): RowResult => ({
    ok: false,
    rejection: reason(...args),
  });

  return (fields: readonly string[], line: number): RowResult => {
    if (isRagged(fields, width)) {
      return reject(
        line,
        null,
        'ragged_row',
        `This row has ${fields.length} cells but the header has ${width}. Check for a missing or extra delimiter, or an unquoted cell that holds one.`,
        { value: fields.length, expected: width },
      );
    }
    for (let i = 0; i < width; i++) {
      if (mapping[i] == null) continue;
      const limit = mapping[i] === 'research' ? MAX_RESEARCH : MAX_CELL;
      if ((fields[i]?.length ?? 0) > limit) {
        return reject(
          line,
          i,
          'value_too_long',
          `This cell is longer than ${limit.toLocaleString('en')} characters.`,
          { limit },
        );
      }
    }

    const name =
      first(fields, at.name) || joinName(clean(fields[at.firstName ?? -1]), clean(fields[at.lastName ?? -1]));
    if (!name) {
      return reject(
        line,
        at.name[0] ?? at.firstName ?? at.lastName,
        'missing_name',
        'This row has no name. Every lead needs one.',
      );
    }

    // A row that names its country has its national numbers read in that country.
    const place = placeOf(fields);
    const countryCell = place.countryCell;
    const code = countryCell ? countryCode(countryCell) : undefined;
    const phoneRegion = code && isKnownRegion(code) ? code : region;
    const readPhone = readerFor(phoneRegion);
    const phones: LeadPhone[] = [];
    const badPhones: RejectedRow[] = [];
    let phoneCountry: string | undefined;
    for (const column of phoneColumns) {
      const cell = clean(fields[column.index]);
      if (!cell) continue;
      const typeCell = column.typeColumn === undefined ? '' : clean(fields[column.typeColumn]);
      splitPhoneCell(cell).forEach((part, n) => {
        const reading = readPhone(part, labelAt(typeCell, n) ?? column.label);
        if (!reading.ok) {
          const value = part.trim();
          badPhones.push(
            reason(line, column.index, 'invalid_phone', reading.message, { value, region: phoneRegion }),
          );
          return;
        }
        if (phones.some((phone) => phone.e164 === reading.phone.e164 && phone.ext === reading.phone.ext))
          return;
        phones.push(reading.phone);
        phoneCountry ??= reading.country;
      });
    }
    // One bad number among good ones leaves the lead its good ones, with a warning on the line;
    // a lead whose every number is unreadable is rejected so that no number is silently lost.
    const [firstBad] = badPhones;
    if (firstBad && phones.length === 0) return { ok: false, rejection: firstBad };
    const warnings: ImportWarning[] = badPhones;

    let email: string | null = null;
    let otherEmails: string[] = [];
    const emailCells = at.email.map((index) => ({ index, cell: clean(fields[index]) })).filter((e) => e.cell);
    if (emailCells.length > 0) {
      const reading = readEmail(emailCells.map((e) => e.cell.split(MULTI_VALUE).join('; ')).join('; '));
      if (!reading.ok) {
        const bad =
          emailCells.find((e) => !readEmail(e.cell.split(MULTI_VALUE).join('; ')).ok) ?? emailCells[0];
        return reject(line, bad?.index, 'invalid_email', reading.message, { value: bad?.cell ?? '' });
      }
      email = reading.email;
      otherEmails = reading.others.filter((other) => other.toLowerCase() !== email?.toLowerCase());
    }
    if (phones.length === 0 && !email) {
      return reject(
        line,
        phoneColumns[0]?.index ?? at.email[0],
        'missing_contact',
        'This row has neither a phone number nor an email address. A lead needs at least one way to reach it.',
      );
    }

    let status: LeadStatus = 'new';
    const statusCell = clean(fields[at.status ?? -1]);
    if (statusCell) {
      const known = statusFor(statusCell);
      if (!known) {
        return reject(
          line,
          at.status,
          'invalid_status',
          `"${statusCell}" is not a lead status. Use one of: new, working, nurture, MQL, SQL, opportunity, won, lost, disqualified, do not contact.`,
          { value: statusCell },
        );
      }
      status = known;
    }

    // The file's Source and Direction cells win per row unless the import overrides them.
    const override = origin.overrideColumns === true;
    const sourceCell = override ? '' : clean(fields[at.sourceChannel ?? -1]);
    const crm = sourceCell ? crmSourceFor(sourceCell) : undefined;
    const channel = crm
      ? { channel: crm.channel, exact: true }
      : sourceCell
        ? channelFor(sourceCell)
        : { channel: defaultChannel, exact: true };
    let sourceDetail = first(fields, at.sourceDetail) || null;
    if (sourceCell && !channel.exact) sourceDetail ??= sourceCell;
    const directionCell = override ? '' : clean(fields[at.direction ?? -1]);
    let direction: Direction =
      !sourceCell && origin.direction
        ? origin.direction
        : crm
          ? (crm.direction ?? origin.direction ?? 'outbound')
          : channel.channel === 'outbound_list'
            ? 'outbound'
            : 'inbound';
    if (directionCell) {
      const known = directionFor(directionCell);
      // An unreadable direction costs the lead nothing: it keeps the one its source implies.
      if (known) direction = known;
      else {
        warnings.push(
          reason(
            line,
            at.direction,
            'invalid_direction',
            `"${directionCell}" is not a direction, so the lead was imported as ${direction}. Use inbound or outbound.`,
            { value: directionCell },
          ),
        );
      }
    }

    // Without a country the file names, the country of the first phone number stands in for it; an
    // unknown name ("Narnia") is a warning, never stored as if it were a country.
    if (countryCell && !code) {
      warnings.push(
        reason(
          line,
          place.countryColumn,
          'unknown_country',
          `"${countryCell}" is not a country Dialdeck knows, so the lead's country was taken from its phone number. Use the country's name or its ISO code (e.g. US, DE, CN).`,
          { value: countryCell },
        ),
      );
    }
    const placeCode = code ?? phoneCountry;
    const country = placeCode ?? null;
    const regionName = place.region;
    const city = place.city;
    let timeZone: string | null;
    const zoneCell = clean(fields[at.timeZone ?? -1]);
    if (zoneCell) {
      if (!isIanaZone(zoneCell)) {
        return reject(
          line,
          at.timeZone,
          'invalid_time_zone',
          `"${zoneCell}" is not a time zone name. Use an IANA name such as America/New_York, Europe/London or Asia/Shanghai.`,
          { value: zoneCell },
        );
      }
      timeZone = zoneCell;
    } else {
      timeZone = zoneFromPlace(
        placeCode ?? null,
        regionName,
        city,
        phones.map((phone) => phone.e164),
      );
      // A Home address in New York and a Business one in Seattle: calling by either clock could
      // reach the lead at 5 a.m., so the zone stays unknown (handled conservatively by the queue).
      for (const other of place.others) {
        if (!timeZone) break;
        const otherCode = other.countryCell ? countryCode(other.countryCell) : placeCode;
        const otherZone = zoneFromPlace(otherCode ?? null, other.region, other.city);
        if (otherZone && !sameClock(otherZone, timeZone)) timeZone = null;
      }
    }

    const notes = at.research.map((index) => clean(fields[index])).filter((text) => text !== '');
    if (otherEmails.length > 0) notes.push(`Other emails: ${otherEmails.join(', ')}`);
    const research = notes.length > 0 ? notes.join('\n\n') : null;

    return {
      ok: true,
      lead: {
        name,
        title: first(fields, at.title) || null,
        company: first(fields, at.company) || null,
        email,
        phones,
        timeZone,
        country,
        region: regionName,
        city,
        sourceChannel: channel.channel,
        sourceDetail,
        direction,
        status,
        research,
        line,
      },
      warnings,
    };
  };
};

export type RowNormalizer = ReturnType<typeof createRowNormalizer>;
