import { z } from 'zod';
import { Account, Lead, LeadStatus, LeadSummary, ResearchNote } from '../domain/lead';
import { method } from './contract';

const LeadId = z.string().uuid();

export const LeadQuery = z.object({
  status: LeadStatus.optional(),
  search: z.string().max(200).optional(),
});
export type LeadQuery = z.infer<typeof LeadQuery>;

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
  'leads.get': method(z.object({ id: LeadId }), LeadDetail),
  'leads.setResearch': method(z.object({ leadId: LeadId, body: z.string().max(100_000) }), ResearchNote),
  'leads.removeDemo': method(z.object({}), z.object({ removed: z.number().int() })),
};
