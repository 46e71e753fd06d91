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

/**
 * Cells a spreadsheet would run as a formula (CSV injection): a cell that starts with `=`, `+`, `-`,
 * `@`, a tab, CR or LF is written with a leading `'`, so Excel, LibreOffice and Google Sheets show it
 * as text; Dialdeck's import removes the quote again (normalize/row.ts). This covers every cell,
 * since names, labels and notes come from imported files. Rule from OWASP's "CSV Injection" page
 * (https://owasp.org/www-community/attacks/CSV_Injection).
 *
 * One exception keeps phone numbers usable: a cell that is exactly an E.164 number (`+` and up to 15
 * digits, ITU-T E.164) is written as is. With no letters, references or operators after the `+`, a
 * spreadsheet can at worst read it as a number; it can call no function. A phone cell with an
 * extension or a label (`+14155550100 (mobile)`, label text from an imported file) is quoted.
 */
export const FORMULA_CELL = /^(?!\+[1-9]\d{1,14}$)[=+\-@\t\r\n]/;

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
    lead.name ?? '',
    lead.title ?? '',
    lead.company ?? '',
    lead.email ?? '',
    ...phoneHeaders.map((_, i) => {
      const phone = lead.phones[i];
      return phone ? phoneCell(phone) : '';
    }),
    lead.timeZone ?? '',
    lead.country ?? '',
    lead.region ?? '',
    lead.city ?? '',
    lead.sourceChannel,
    lead.sourceDetail ?? '',
    lead.direction,
    lead.status,
    research.get(lead.id) ?? '',
    isoOrNull(lead.createdAt) ?? '',
  ]);
  const csv = Papa.unparse(
    { fields: [...FIXED_BEFORE, ...phoneHeaders, ...FIXED_AFTER], data: rows },
    { newline: '\r\n', escapeFormulae: FORMULA_CELL },
  );
  return { csv: `\uFEFF${csv}\r\n`, count: mine.length };
};
