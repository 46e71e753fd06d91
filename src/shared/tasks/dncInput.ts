import type { DncKind } from '@shared/domain/queue';
import { type CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js/min';

/** What the rep typed, read as a do-not-contact entry; null when it is neither a phone nor an email. */
export type DncInput = { kind: DncKind; value: string } | null;

/**
 * Reads one typed value: an email address (`jo@acme.com`), a whole email domain (`@acme.com`), or a
 * phone number in any written form, read in `region` (ISO 3166, the settings' default region) when it
 * has no country code, and stored as E.164 (`(415) 555-0100` in US → `+14155550100`).
 */
export const readDncInput = (text: string, region: string): DncInput => {
  const value = text.trim();
  if (value === '') return null;
  if (/^@[^\s@]+\.[^\s@]+$/.test(value)) return { kind: 'domain', value: value.slice(1).toLowerCase() };
  if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) return { kind: 'email', value: value.toLowerCase() };
  const phone = parsePhoneNumberFromString(value, region as CountryCode);
  return phone?.isValid() ? { kind: 'phone', value: phone.number } : null;
};
