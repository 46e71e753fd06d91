import type {
  Account,
  Direction,
  Lead,
  LeadPhone,
  LeadStatus,
  LeadSummary,
  SourceChannel,
} from '@shared/domain/lead';
import type { QueueLead } from '@shared/domain/queue';
import { publishedLeads } from '../store/published';

/**
 * The one mapping between rows of `leads`, `lead_phones` and `accounts` and the domain's lead shapes
 * (`Lead`, `LeadSummary`, the queue's `LeadFacts` and `QueueLead`, a cadence's enroll candidate).
 * Every read of a lead selects one of the column lists below and maps it with the matching `to…`.
 */
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

/** A lead's phones in dialing order (`position`), as `PhoneRow`s. */
export const PHONE_COLUMNS = 'lead_id, e164, ext, label, raw';

export const toPhone = (row: Omit<PhoneRow, 'lead_id'>): LeadPhone => ({
  e164: row.e164,
  ext: row.ext,
  label: row.label,
  raw: row.raw,
});

/** Phone rows (ordered by lead, then position) grouped into each lead's list. */
export const phonesByLead = (rows: Iterable<PhoneRow>): Map<string, LeadPhone[]> => {
  const phones = new Map<string, LeadPhone[]>();
  for (const row of rows) {
    const list = phones.get(row.lead_id);
    if (list) list.push(toPhone(row));
    else phones.set(row.lead_id, [toPhone(row)]);
  }
  return phones;
};

/** The fields that route a lead: who it is, where it stands, where it came from, where it is. */
export type RoutingRow = Pick<
  LeadRow,
  'id' | 'status' | 'direction' | 'source_channel' | 'time_zone' | 'country' | 'created_at' | 'is_demo'
>;

export type LeadRouting = {
  id: string;
  status: LeadStatus;
  direction: Direction;
  sourceChannel: SourceChannel;
  timeZone: string | null;
  country: string | null;
  createdAt: number;
  isDemo: boolean;
};

export const toRouting = (row: RoutingRow): LeadRouting => ({
  id: row.id,
  status: row.status,
  direction: row.direction,
  sourceChannel: row.source_channel,
  timeZone: row.time_zone,
  country: row.country,
  createdAt: row.created_at,
  isDemo: row.is_demo === 1,
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

/** The lead fields the queue and the cadence engine need; `phones` are E.164 numbers in dialing order. */
export type LeadFacts = LeadRouting & {
  name: string;
  title: string | null;
  company: string | null;
  email: string | null;
  phones: string[];
};

export type FactsRow = RoutingRow & Pick<LeadRow, 'name' | 'title' | 'company' | 'email'>;

/** Select from `LEAD_FROM`. */
export const FACTS_COLUMNS = `l.id, l.name, l.title, a.name AS company, l.email, l.status, l.direction,
  l.source_channel, l.time_zone, l.country, l.created_at, l.is_demo`;

export const toLeadFacts = (row: FactsRow, phones: string[]): LeadFacts => ({
  ...toRouting(row),
  name: row.name,
  title: row.title,
  company: row.company,
  email: row.email,
  phones,
});

/** The lead as a queue entry or a due task shows it. */
export const toQueueLead = (facts: LeadFacts): QueueLead => ({
  id: facts.id,
  name: facts.name,
  title: facts.title,
  company: facts.company,
  email: facts.email,
  phone: facts.phones[0] ?? null,
  status: facts.status,
  direction: facts.direction,
  sourceChannel: facts.sourceChannel,
  createdAt: facts.createdAt,
});

export type AccountRow = {
  id: string;
  name: string;
  domain: string | null;
  created_at: number;
  updated_at: number;
};

export const ACCOUNT_COLUMNS = 'id, name, domain, created_at, updated_at';

export const toAccount = (row: AccountRow): Account => ({
  id: row.id,
  name: row.name,
  domain: row.domain,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});
