import type { ColumnMapping, ImportField, RejectedRow } from '@shared/api/imports';
import type { LeadPhone, LeadStatus } from '@shared/domain/lead';
import type { NewLead } from '../../leads/repo';
import { phoneLabelForHeader } from '../map/headers';
import { isRagged } from '../read/csv';
import { countryCode } from './countries';
import { readEmail } from './email';
import { createPhoneReader, type PhoneReader, splitPhoneCell } from './phone';
import { isKnownRegion } from './phoneCompiled';
import { isIanaZone, zoneFromPlace } from './timeZone';
import { channelFor, directionFor, statusFor } from './vocab';

/** A lead read from one row, with its research notes and the line it came from. */
export type ImportedLead = NewLead & { research: string | null; line: number };

export type RowResult = { ok: true; lead: ImportedLead } | { ok: false; rejection: RejectedRow };

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

/**
 * Turns rows into leads. A lead needs a name (a name column, or first and last name) and at least
 * one way to reach it: a valid phone number or email address. Any phone or email cell that is
 * filled in must be valid, and the time zone, status and direction cells must name known values;
 * otherwise the row is rejected with a stable code saying which column is wrong and why.
 */
export const createRowNormalizer = (headers: readonly string[], mapping: ColumnMapping, region: string) => {
  const columns = (field: ImportField): number[] =>
    mapping.flatMap((mapped, index) => (mapped === field ? [index] : []));
  const single = (field: ImportField): number | undefined => columns(field)[0];
  const at = {
    name: columns('name'),
    firstName: single('firstName'),
    lastName: single('lastName'),
    title: columns('title'),
    company: columns('company'),
    email: single('email'),
    timeZone: single('timeZone'),
    country: columns('country'),
    region: columns('region'),
    city: columns('city'),
    sourceChannel: single('sourceChannel'),
    sourceDetail: columns('sourceDetail'),
    direction: single('direction'),
    status: single('status'),
    research: columns('research'),
  };
  const phoneColumns = columns('phone').map((index) => ({
    index,
    label: phoneLabelForHeader(headers[index] ?? ''),
  }));
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
  const reject = (
    line: number,
    column: number | undefined | null,
    code: string,
    message: string,
    params?: RejectedRow['params'],
  ): RowResult => ({
    ok: false,
    rejection: {
      line,
      column: column == null ? null : (headers[column] ?? null),
      code,
      message,
      ...(params ? { params } : {}),
    },
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
    const countryCell = first(fields, at.country);
    const code = countryCell ? countryCode(countryCell) : undefined;
    const readPhone = readerFor(code && isKnownRegion(code) ? code : region);
    const phones: LeadPhone[] = [];
    let phoneCountry: string | undefined;
    for (const column of phoneColumns) {
      const cell = clean(fields[column.index]);
      if (!cell) continue;
      for (const part of splitPhoneCell(cell)) {
        const reading = readPhone(part, column.label);
        if (!reading.ok) {
          return reject(line, column.index, 'invalid_phone', reading.message, {
            value: part,
            region: code && isKnownRegion(code) ? code : region,
          });
        }
        if (phones.some((phone) => phone.e164 === reading.phone.e164 && phone.ext === reading.phone.ext))
          continue;
        phones.push(reading.phone);
        phoneCountry ??= reading.country;
      }
    }

    let email: string | null = null;
    let otherEmails: string[] = [];
    const emailCell = clean(fields[at.email ?? -1]);
    if (emailCell) {
      const reading = readEmail(emailCell);
      if (!reading.ok) return reject(line, at.email, 'invalid_email', reading.message, { value: emailCell });
      email = reading.email;
      otherEmails = reading.others;
    }
    if (phones.length === 0 && !email) {
      return reject(
        line,
        phoneColumns[0]?.index ?? at.email,
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

    const sourceCell = clean(fields[at.sourceChannel ?? -1]);
    const channel = sourceCell ? channelFor(sourceCell) : { channel: 'other' as const, exact: true };
    let sourceDetail = first(fields, at.sourceDetail) || null;
    if (sourceCell && !channel.exact) sourceDetail ??= sourceCell;
    const directionCell = clean(fields[at.direction ?? -1]);
    let direction = channel.channel === 'outbound_list' ? ('outbound' as const) : ('inbound' as const);
    if (directionCell) {
      const known = directionFor(directionCell);
      if (!known) {
        return reject(
          line,
          at.direction,
          'invalid_direction',
          `"${directionCell}" is not a direction. Use inbound or outbound.`,
          { value: directionCell },
        );
      }
      direction = known;
    }

    // Without a country column, the country of the first phone number stands in for it.
    const placeCode = countryCell ? code : phoneCountry;
    const country = placeCode ?? (countryCell || null);
    const regionName = first(fields, at.region) || null;
    const city = first(fields, at.city) || null;
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
      timeZone = zoneFromPlace(placeCode ?? null, regionName, city);
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
        sourceChannel: sourceCell ? channel.channel : 'other',
        sourceDetail,
        direction,
        status,
        research,
        line,
      },
    };
  };
};

export type RowNormalizer = ReturnType<typeof createRowNormalizer>;
