import { isoOrNull } from '@shared/domain/instant';
import type { Lead, LeadPhone } from '@shared/domain/lead';
import Papa from 'papaparse';
import type { Db } from '../../store/db';

/**
 * The columns of an export. Every header maps back to its field on import (see map/headers.ts),
 * so an exported file re-imports into the same leads; ID and Created At are kept for reference.
 */
const FIXED_BEFORE = ['ID', 'Name', 'Title', 'Company', 'Email'] as const;
const FIXED_AFTER = [
  'Time Zone',
  'Country',
  'Region',
  'City',
  'Source Channel',
  'Source Detail',
  'Direction',
  'Status',
  'Research Notes',
  'Created At',
] as const;

/** Cells that a spreadsheet would run as a formula get a leading quote; import removes it again. */
const FORMULA_START = /^[=+\-@\t\r]/;
const safe = (text: string | null): string => (text && FORMULA_START.test(text) ? `'${text}` : (text ?? ''));

/** "+14155550100 ext. 12 (mobile)": the E.164 number, then its extension and label if any. */
export const phoneCell = (phone: LeadPhone): string =>
  `${phone.e164}${phone.ext ? ` ext. ${phone.ext}` : ''}${phone.label ? ` (${phone.label})` : ''}`;

/**
 * The leads as CSV text: UTF-8 with a byte-order mark so spreadsheets read Chinese and Korean
 * names correctly, one row per lead, phones in Phone, Phone 2, … Demo leads are left out.
 */
export const leadsToCsv = (db: Db, leads: readonly Lead[]): { csv: string; count: number } => {
  const mine = leads.filter((lead) => !lead.isDemo);
  const research = new Map<string, string>();
  for (const row of db
    .prepare<[], { lead_id: string; body: string }>('SELECT lead_id, body FROM research')
    .iterate()) {
    research.set(row.lead_id, row.body);
  }
  const phoneColumns = Math.max(1, ...mine.map((lead) => lead.phones.length));
  const phoneHeaders = Array.from({ length: phoneColumns }, (_, i) => (i === 0 ? 'Phone' : `Phone ${i + 1}`));
  const rows = mine.map((lead) => [
    lead.id,
    safe(lead.name),
    safe(lead.title),
    safe(lead.company),
    safe(lead.email),
    ...phoneHeaders.map((_, i) => {
      const phone = lead.phones[i];
      return phone ? phoneCell(phone) : '';
    }),
    lead.timeZone ?? '',
    safe(lead.country),
    safe(lead.region),
    safe(lead.city),
    lead.sourceChannel,
    safe(lead.sourceDetail),
    lead.direction,
    lead.status,
    safe(research.get(lead.id) ?? null),
    isoOrNull(lead.createdAt) ?? '',
  ]);
  const csv = Papa.unparse(
    { fields: [...FIXED_BEFORE, ...phoneHeaders, ...FIXED_AFTER], data: rows },
    { newline: '\r\n' },
  );
  return { csv: `\uFEFF${csv}\r\n`, count: mine.length };
};
