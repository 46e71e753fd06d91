import type { DncKind } from '@shared/domain/queue';
import { type CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js/min';

/** What the rep typed, read as a do-not-contact entry; null when it is neither a phone nor an email. */
export type DncInput = { kind: DncKind; value: string } | null;

/**
 * A typed value read as a do-not-contact entry, or why not: `bad_domain` when it was written as a
 * whole email domain (`@…`) that is not a domain name (`dncDomainMessage` says what to fix),
 * `not_recognised` when it is neither a phone number, an email address nor `@domain`.
 */
export type DncReading =
  | { ok: true; kind: DncKind; value: string }
  | { ok: false; problem: 'bad_domain' | 'not_recognised' };

/** A DNS label (RFC 1123 §2.1): 1–63 letters, digits or hyphens, no hyphen at either end. */
const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/** Characters that make a typed domain a URL, an address or two words rather than a host name. */
const NOT_IN_A_HOST = /[\s/\\:?#@%[\]]/;

/**
 * `text` (`example.com` or `@example.com`, any case, an IDN in Unicode or punycode) as the host
 * name a do-not-contact domain is stored as: ASCII, lower case, an IDN converted to punycode by the
 * WHATWG URL host parser (UTS #46, the same in Node and in the browser, so the desktop and the server
 * agree). Null unless it has at least two labels, each a DNS label (RFC 1123), at most 253
 * characters in all, and a top-level label that is not all digits (RFC 3696 §2: no IP address).
 * So `exa mple.com`, `-bad.com`, `a..b`, `http://x.com/` and `example.com.` are refused.
 */
export const readDncDomain = (text: string): string | null => {
  const typed = text.trim().replace(/^@/, '');
  if (typed === '' || NOT_IN_A_HOST.test(typed)) return null;
  let ascii: string;
  try {
    ascii = new URL(`http://${typed}`).hostname;
  } catch {
    return null;
  }
  const labels = ascii.split('.');
  const top = labels[labels.length - 1] ?? '';
  if (ascii.length > 253 || labels.length < 2 || /^\d+$/.test(top)) return null;
  return labels.every((label) => LABEL.test(label)) ? ascii : null;
};

/**
 * The message for a domain `readDncDomain` refuses, in English, as the team server answers it
 * (`dnc_invalid_value`); the desktop shows `tasks.dnc.invalidDomain`, whose English text is this one.
 */
export const dncDomainMessage = (typed: string): string =>
  `“${typed}” is not a domain name: use letters, digits and hyphens between dots (no hyphen at the start or end of a part), such as example.com.`;

/**
 * Reads one typed value: an email address (`jo@acme.com`), a whole email domain (`@acme.com`, checked
 * by `readDncDomain`), or a phone number in any written form, read in `region` (ISO 3166, the
 * settings' default region) when it has no country code, and stored as E.164 (`(415) 555-0100` in
 * US → `+14155550100`).
 */
export const readDncEntry = (text: string, region: string): DncReading => {
  const value = text.trim();
  if (value === '') return { ok: false, problem: 'not_recognised' };
  if (value.startsWith('@') && !value.slice(1).includes('@')) {
    const domain = readDncDomain(value);
    return domain === null
      ? { ok: false, problem: 'bad_domain' }
      : { ok: true, kind: 'domain', value: domain };
  }
  if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value))
    return { ok: true, kind: 'email', value: value.toLowerCase() };
  const phone = parsePhoneNumberFromString(value, region as CountryCode);
  return phone?.isValid()
    ? { ok: true, kind: 'phone', value: phone.number }
    : { ok: false, problem: 'not_recognised' };
};

/** `readDncEntry` without the reason: the entry, or null when the value cannot be listed. */
export const readDncInput = (text: string, region: string): DncInput => {
  const read = readDncEntry(text, region);
  return read.ok ? { kind: read.kind, value: read.value } : null;
};
