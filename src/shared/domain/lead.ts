import { z } from 'zod';

/** The PLAYBOOK funnel, in order. */
export const LEAD_STATUSES = [
  'new',
  'working',
  'nurture',
  'mql',
  'sql',
  'opportunity',
  'won',
  'lost',
  'disqualified',
  'do_not_contact',
] as const;
export const LeadStatus = z.enum(LEAD_STATUSES);
export type LeadStatus = z.infer<typeof LeadStatus>;

export const SOURCE_CHANNELS = [
  'web_form',
  'hotline',
  'content_download',
  'event',
  'ads',
  'partner',
  'referral',
  'outbound_list',
  'other',
] as const;
export const SourceChannel = z.enum(SOURCE_CHANNELS);
export type SourceChannel = z.infer<typeof SourceChannel>;

export const Direction = z.enum(['inbound', 'outbound']);
export type Direction = z.infer<typeof Direction>;

/** A phone number in E.164 form, with the extension kept apart and the text it came from. */
export const LeadPhone = z.object({
  e164: z.string().regex(/^\+[1-9]\d{1,14}$/),
  ext: z.string().nullable(),
  label: z.string().nullable(),
  raw: z.string(),
});
export type LeadPhone = z.infer<typeof LeadPhone>;

export const Lead = z.object({
  id: z.string().uuid(),
  name: z.string(),
  title: z.string().nullable(),
  accountId: z.string().uuid().nullable(),
  company: z.string().nullable(),
  email: z.string().nullable(),
  phones: z.array(LeadPhone),
  timeZone: z.string().nullable(),
  country: z.string().nullable(),
  region: z.string().nullable(),
  city: z.string().nullable(),
  sourceChannel: SourceChannel,
  sourceDetail: z.string().nullable(),
  direction: Direction,
  status: LeadStatus,
  ownerId: z.string().nullable(),
  isDemo: z.boolean(),
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
});
export type Lead = z.infer<typeof Lead>;

/** The fields a list row needs; the full lead is fetched when it is opened. */
export const LeadSummary = Lead.pick({
  id: true,
  name: true,
  title: true,
  company: true,
  email: true,
  status: true,
  timeZone: true,
  isDemo: true,
}).extend({ phone: z.string().nullable() });
export type LeadSummary = z.infer<typeof LeadSummary>;

export const Account = z.object({
  id: z.string().uuid(),
  name: z.string(),
  domain: z.string().nullable(),
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
});
export type Account = z.infer<typeof Account>;

export const ResearchNote = z.object({
  leadId: z.string().uuid(),
  body: z.string(),
  updatedAt: z.number().int(),
});
export type ResearchNote = z.infer<typeof ResearchNote>;

/**
 * The folded form accounts are matched by, on the desktop and on the team server alike: NFKC, trimmed,
 * lower case, runs of white space as one space. "ACME  Corp " and "acme corp" are one account.
 */
export const accountKey = (name: string): string =>
  name.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');
