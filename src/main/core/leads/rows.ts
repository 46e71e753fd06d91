import type { Account, Lead, LeadPhone, LeadSummary } from '@shared/domain/lead';
import { publishedLeads } from '../store/published';

/** Column lists and row mappers between SQLite rows and domain objects. */
export type LeadRow = {
  id: string;
  name: string;
  title: string | null;
  account_id: string | null;
  company: string | null;
  email: string | null;
  time_zone: string | null;
  country: string | null;
  region: string | null;
  city: string | null;
  source_channel: Lead['sourceChannel'];
  source_detail: string | null;
  direction: Lead['direction'];
  status: Lead['status'];
  owner_id: string | null;
  is_demo: number;
  created_at: number;
  updated_at: number;
};

export const LEAD_COLUMNS = `l.id, l.name, l.title, l.account_id, a.name AS company, l.email, l.time_zone,
  l.country, l.region, l.city, l.source_channel, l.source_detail, l.direction, l.status, l.owner_id,
  l.is_demo, l.created_at, l.updated_at`;

/** Published leads with their accounts: rows of an import still being written stay out (store/published.ts). */
export const LEAD_FROM = `${publishedLeads('l')} LEFT JOIN accounts a ON a.id = l.account_id`;

export type PhoneRow = {
  lead_id: string;
  e164: string;
  ext: string | null;
  label: string | null;
  raw: string;
};

export const toPhone = (row: PhoneRow): LeadPhone => ({
  e164: row.e164,
  ext: row.ext,
  label: row.label,
  raw: row.raw,
});

export const toLead = (row: LeadRow, phones: LeadPhone[]): Lead => ({
  id: row.id,
  name: row.name,
  title: row.title,
  accountId: row.account_id,
  company: row.company,
  email: row.email,
  phones,
  timeZone: row.time_zone,
  country: row.country,
  region: row.region,
  city: row.city,
  sourceChannel: row.source_channel,
  sourceDetail: row.source_detail,
  direction: row.direction,
  status: row.status,
  ownerId: row.owner_id,
  isDemo: row.is_demo === 1,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

export type SummaryRow = Pick<
  LeadRow,
  'id' | 'name' | 'title' | 'company' | 'email' | 'status' | 'time_zone' | 'is_demo'
> & { phone: string | null };

export const SUMMARY_COLUMNS = `l.id, l.name, l.title, a.name AS company, l.email, l.status, l.time_zone,
  l.is_demo, (SELECT p.e164 FROM lead_phones p WHERE p.lead_id = l.id ORDER BY p.position LIMIT 1) AS phone`;

export const toSummary = (row: SummaryRow): LeadSummary => ({
  id: row.id,
  name: row.name,
  title: row.title,
  company: row.company,
  email: row.email,
  status: row.status,
  timeZone: row.time_zone,
  isDemo: row.is_demo === 1,
  phone: row.phone,
});

export type AccountRow = {
  id: string;
  name: string;
  domain: string | null;
  created_at: number;
  updated_at: number;
};

export const toAccount = (row: AccountRow): Account => ({
  id: row.id,
  name: row.name,
  domain: row.domain,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});
