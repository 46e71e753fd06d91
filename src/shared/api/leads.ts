import { z } from 'zod';
import { Account, Lead, LeadStatus, LeadSummary, ResearchNote } from '../domain/lead';
import { method } from './contract';

const LeadId = z.string().uuid();

export const LeadQuery = z.object({
  status: LeadStatus.optional(),
  search: z.string().max(200).optional(),
});
export type LeadQuery = z.infer<typeof LeadQuery>;

/** One window of the list, for the first paint and for searching before the lead index has arrived. */
export const LeadPageQuery = LeadQuery.extend({
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(1000).default(100),
});
export type LeadPageQuery = z.input<typeof LeadPageQuery>;

export const LeadPage = z.object({
  rows: z.array(LeadSummary),
  /** How many leads match the query in all. */
  total: z.number().int(),
});
export type LeadPage = z.infer<typeof LeadPage>;

/**
 * Every lead's list fields in list order (newest first), packed into a few long strings and number
 * arrays. The workspace loads it once and filters it as the user types, which keeps each keystroke
 * local and fast; being a handful of values rather than 100k objects, it is also quick to parse.
 */
export const LeadIndex = z.object({
  count: z.number().int(),
  /** Each lead's id followed by a newline. */
  ids: z.string(),
  /**
   * Each lead's name, title, company, email and first phone (E.164), separated by tabs and followed by
   * a newline; a missing value is empty. Tabs and newlines inside values are sent as spaces.
   */
  rows: z.string(),
  /** Each lead's status, as its position in LEAD_STATUSES. */
  statuses: z.array(z.number().int()),
  /** The time zones in use; lead i's is `timeZones[zoneOf[i]]`, or unknown where that is -1. */
  timeZones: z.array(z.string()),
  zoneOf: z.array(z.number().int()),
  /** Positions of the demo leads. */
  demo: z.array(z.number().int()),
});
export type LeadIndex = z.infer<typeof LeadIndex>;

export const LeadDetail = z.object({
  lead: Lead,
  account: Account.nullable(),
  /** Other leads at the same company: several people from one account is a buying signal. */
  accountLeads: z.array(LeadSummary),
  research: ResearchNote.nullable(),
});
export type LeadDetail = z.infer<typeof LeadDetail>;

export const leadsMethods = {
  /** Every lead matching the query, as list rows, in a stable order. */
  'leads.list': method(LeadQuery, z.array(LeadSummary)),
  /** Every stored field of every matching lead (the CLI's `leads` and export use this). */
  'leads.listFull': method(LeadQuery, z.array(Lead)),
  /** A window of the list with the total count; the same order and matching as `leads.index`. */
  'leads.page': method(LeadPageQuery, LeadPage),
  /** The whole list as columns, for filtering in the workspace. */
  'leads.index': method(z.object({}), LeadIndex),
  /** List rows of the given leads (those that still exist), to refresh a few rows after a change. */
  'leads.summaries': method(z.object({ ids: z.array(LeadId).max(1000) }), z.array(LeadSummary)),
  'leads.get': method(z.object({ id: LeadId }), LeadDetail),
  'leads.setResearch': method(z.object({ leadId: LeadId, body: z.string().max(100_000) }), ResearchNote),
  'leads.removeDemo': method(z.object({}), z.object({ removed: z.number().int() })),
};
