import type { Direction, SourceChannel } from '@shared/domain/lead';
import { fold } from '../map/fold';

/**
 * A CRM's own source value: the channel it means and its direction. `direction: null` is a value that
 * says nothing about who reached out first ("Other", "API"): the lead takes the import's direction
 * (outbound unless the import says otherwise), so a vague source never jumps the queue as speed-to-lead.
 */
export type CrmSource = { channel: SourceChannel; direction: Direction | null };

const inbound = (channel: SourceChannel): CrmSource => ({ channel, direction: 'inbound' });
const outbound: CrmSource = { channel: 'outbound_list', direction: 'outbound' };
const unsaid: CrmSource = { channel: 'other', direction: null };

/**
 * The source picklists of the CRMs SDR teams export from, by their labels and API names.
 * - HubSpot "Original Source" (hs_analytics_source), HubSpot Knowledge Base, "Understand the source
 *   properties": every value but Offline Sources is a visit that converted on a tracked page or form;
 *   Offline Sources is a contact created by import, by hand, by an integration or the API — a list.
 *   Its "Referrals" is a visit from a link on another site, still a hand-raise.
 * - Salesforce Lead Source (LeadSource), standard values old and new: Web, Phone Inquiry, Partner
 *   Referral, Purchased List, Other; Advertisement, Employee/External Referral, Partner, Public
 *   Relations, Seminar - Internal/Partner, Trade Show, Word of mouth.
 * - Pipedrive lead and deal "Source origin" (Manually created, Import, API, Web forms, Chatbot, Live
 *   chat, Prospector, Web visitors, LeadBooster…) and "Source channel" (developers.pipedrive.com
 *   changelog, 2024-05-20). Prospector is Pipedrive's bought contact data and Web visitors are
 *   companies seen on the site without a hand-raise: both outbound.
 */
const CRM_SOURCES: Readonly<Record<string, CrmSource>> = {
  // HubSpot
  'Organic Search': inbound('web_form'),
  ORGANIC_SEARCH: inbound('web_form'),
  'Paid Search': inbound('ads'),
  PAID_SEARCH: inbound('ads'),
  'Email Marketing': inbound('other'),
  EMAIL_MARKETING: inbound('other'),
  'Social Media': inbound('other'),
  'Organic Social': inbound('other'),
  SOCIAL_MEDIA: inbound('other'),
  Referrals: inbound('referral'),
  REFERRALS: inbound('referral'),
  'Other Campaigns': inbound('other'),
  OTHER_CAMPAIGNS: inbound('other'),
  'Direct Traffic': inbound('web_form'),
  DIRECT_TRAFFIC: inbound('web_form'),
  'Offline Sources': outbound,
  OFFLINE: outbound,
  'Paid Social': inbound('ads'),
  PAID_SOCIAL: inbound('ads'),
  'AI Referrals': inbound('web_form'),
  AI_REFERRALS: inbound('web_form'),
  // Salesforce
  Web: inbound('web_form'),
  'Phone Inquiry': inbound('hotline'),
  'Partner Referral': inbound('partner'),
  'Purchased List': outbound,
  Other: unsaid,
  Advertisement: inbound('ads'),
  'Employee Referral': inbound('referral'),
  'External Referral': inbound('referral'),
  Partner: inbound('partner'),
  'Public Relations': inbound('other'),
  'Seminar - Internal': inbound('event'),
  'Seminar - Partner': inbound('event'),
  'Trade Show': inbound('event'),
  'Word of mouth': inbound('referral'),
  // Pipedrive
  'Manually created': outbound,
  Import: outbound,
  API: unsaid,
  'Web forms': inbound('web_form'),
  Chatbot: inbound('web_form'),
  'Live chat': inbound('web_form'),
  Prospector: outbound,
  'Web visitors': outbound,
  LeadBooster: unsaid,
  'Workflow automation': unsaid,
  Marketplace: unsaid,
  'Messaging inbox': inbound('other'),
  Campaigns: unsaid,
  'Email marketing': inbound('other'),
  Referral: inbound('referral'),
  Events: inbound('event'),
  Offline: outbound,
  'Cold outreach': outbound,
  'Cold call': outbound,
};

const BY_FOLD = new Map(Object.entries(CRM_SOURCES).map(([label, source]) => [fold(label), source]));

/** Every CRM source value this module knows, by its label as the CRM shows it (tests walk the list). */
export const CRM_SOURCE_VALUES: Readonly<Record<string, CrmSource>> = CRM_SOURCES;

/** The CRM source value `text` names (any case, spacing or punctuation), or undefined. */
export const crmSourceFor = (text: string): CrmSource | undefined => BY_FOLD.get(fold(text));
