import type { ImportField } from '@shared/api/imports';
import { fold } from './fold';

/**
 * Header shapes of contact-manager and CRM exports, read apart from their words:
 * - Google Contacts numbers repeated fields and splits each into parts:
 *   `Phone 1 - Type` / `Phone 1 - Value`, `E-mail 2 - Value`, `Organization 1 - Name` / `- Title`,
 *   `Address 1 - City` / `- Region` / `- Country`.
 * - Pipedrive prefixes the record and suffixes the label: `Person - Phone - Mobile`,
 *   `Person - Email - Work`, `Organization - Name`.
 * - Outlook, Salesforce, HubSpot and Zoho prefix an address's parts with the address they belong to:
 *   `Business State`, `Mailing State/Province`, `Other City`, `Billing Country`, `Home Country/Region`.
 */
export type ExportHeader =
  /** The header is not an export shape; read its words as they are. */
  | { kind: 'plain'; words: string }
  /** A value column: read `words` as a field name; `labelKey` pairs it with its Type/Label column. */
  | { kind: 'value'; words: string; labelKey: string | null; label: string | null }
  /** The Type or Label column of a numbered field: it labels the value column with the same key. */
  | { kind: 'label'; labelKey: string }
  /** A part of an address: `group` names the address, `rank` orders the groups (lower is preferred). */
  | { kind: 'address'; field: ImportField; group: string; rank: number }
  /** A field read from the header's shape (`Organization 1 - Title`). */
  | { kind: 'field'; field: ImportField | null };

/**
 * The address a lead's place (country, state, city) is read from, best first, when an export
 * carries several. The person's own addresses come first: Mailing (Salesforce contacts and
 * leads), Person (Pipedrive), Home, Primary and an unprefixed address, then Business or Work
 * (Outlook's and Google's work address, still the person's own). After them come addresses that
 * are not where the person is: Other (a second address kept "just in case"), then the account's
 * Billing and Shipping addresses (Salesforce, HubSpot and Zoho accounts), which name the
 * company's finance office or warehouse. A lead's time zone must be where the person answers.
 */
export const ADDRESS_GROUPS = [
  'mailing',
  'person',
  'home',
  'primary',
  '',
  'business',
  'work',
  'postal',
  'other',
  'billing',
  'shipping',
] as const;

/** Groups up to Work name where the person is; Postal, Other, Billing and Shipping may lie elsewhere. */
export const LAST_OWN_ADDRESS_RANK = ADDRESS_GROUPS.indexOf('work');

const ADDRESS_PARTS: Record<string, ImportField> = {
  city: 'city',
  town: 'city',
  locality: 'city',
  state: 'region',
  province: 'region',
  region: 'region',
  stateprovince: 'region',
  stateregion: 'region',
  county: 'region',
  country: 'country',
  countryregion: 'country',
  countrycode: 'country',
};

const ADDRESS_PREFIX =
  /^(mailing|person|home|primary|business|work|postal|other|billing|shipping)\s*(?:address)?\s*[-:]?\s*(.+)$/i;
const NUMBERED = /^(.*?\S)\s*(\d+)\s*-\s*(.+)$/;
const RECORD_PREFIX = /^(person|contact|lead|organization|organisation)\s+-\s+(.+)$/i;
const LABELLED_CONTACT = /^(phone|e-?mail|mobile)\s+-\s+(.+)$/i;

const groupRank = (group: string): number => {
  const rank = ADDRESS_GROUPS.indexOf(group as (typeof ADDRESS_GROUPS)[number]);
  return rank < 0 ? ADDRESS_GROUPS.indexOf('') : rank;
};

const addressPart = (part: string, group: string): ExportHeader | null => {
  const field = ADDRESS_PARTS[fold(part)];
  return field ? { kind: 'address', field, group, rank: groupRank(group) } : null;
};

const numbered = (base: string, index: string, partText: string): ExportHeader | null => {
  const baseKey = fold(base);
  const part = fold(partText);
  const labelKey = `${baseKey}${index}`;
  if (part === 'type' || part === 'label') return { kind: 'label', labelKey };
  if (baseKey === 'organization' || baseKey === 'organisation' || baseKey === 'company') {
    if (part === 'name') return { kind: 'field', field: 'company' };
    if (part === 'title' || part === 'jobtitle') return { kind: 'field', field: 'title' };
    return { kind: 'field', field: null };
  }
  if (baseKey === 'address') {
    return addressPart(partText, index === '1' ? '' : 'other') ?? { kind: 'field', field: null };
  }
  if (part === 'value') return { kind: 'value', words: base, labelKey, label: null };
  return null;
};

/** Reads a header's export shape; `plain` when it has none. */
export const readExportHeader = (header: string): ExportHeader => {
  const text = header.trim();
  const record = RECORD_PREFIX.exec(text);
  if (record?.[1] && record[2]) {
    const rest = record[2];
    if (/^organi[sz]ation$/i.test(record[1])) {
      return { kind: 'field', field: fold(rest) === 'name' ? 'company' : null };
    }
    const contact = LABELLED_CONTACT.exec(rest);
    if (contact?.[1] && contact[2]) {
      return { kind: 'value', words: contact[1], labelKey: null, label: contact[2] };
    }
    const address = /^address\s*-\s*(.+)$/i.exec(rest);
    if (address?.[1]) return addressPart(address[1], 'person') ?? { kind: 'field', field: null };
    return { kind: 'plain', words: rest };
  }
  const counted = NUMBERED.exec(text);
  if (counted?.[1] && counted[2] && counted[3]) {
    const shaped = numbered(counted[1], counted[2], counted[3]);
    if (shaped) return shaped;
  }
  const prefixed = ADDRESS_PREFIX.exec(text);
  if (prefixed?.[1] && prefixed[2]) {
    const shaped = addressPart(prefixed[2], prefixed[1].toLowerCase());
    if (shaped) return shaped;
  }
  return { kind: 'plain', words: text };
};
