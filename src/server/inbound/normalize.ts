import type { ColumnMapping, ImportField } from '@shared/api/imports';
import type { InboundChannel, InboundLeadInput } from '@shared/server/inbound';
import { createRowNormalizer, type ImportedLead } from '../../main/core/imports/normalize/row';
import { emailKey } from '../../main/core/imports/write/plan';

/** One thing wrong with an inbound lead: the body field at fault, a stable code and what to do. */
export type InboundIssue = { path: string; code: string; message: string; params?: Record<string, unknown> };

/** A valid inbound lead, read by the import's rules, with its dedupe keys. */
export type InboundLead = {
  lead: Omit<ImportedLead, 'line'>;
  phonesE164: string[];
  emailFolded: string | null;
};

export type InboundReading = { ok: true; value: InboundLead } | { ok: false; issues: InboundIssue[] };

/**
 * The body's fields as the columns of a one-row import file. The header is the body's own key, so
 * a rejected cell names the field to fix; `country`, `region` and `city` are read as one address.
 */
const COLUMNS: readonly { key: keyof InboundLeadInput; field: ImportField }[] = [
  { key: 'name', field: 'name' },
  { key: 'firstName', field: 'firstName' },
  { key: 'lastName', field: 'lastName' },
  { key: 'phone', field: 'phone' },
  { key: 'email', field: 'email' },
  { key: 'company', field: 'company' },
  { key: 'title', field: 'title' },
  { key: 'country', field: 'country' },
  { key: 'region', field: 'region' },
  { key: 'city', field: 'city' },
  { key: 'timeZone', field: 'timeZone' },
  { key: 'sourceDetail', field: 'sourceDetail' },
  { key: 'notes', field: 'research' },
];
const HEADERS = COLUMNS.map((c) => c.key);
const MAPPING: ColumnMapping = COLUMNS.map((c) => c.field);
/** Numbers without a country code need a country to be read in; this region is never used then. */
const UNUSED_REGION = 'US';

const normalizers = new Map<InboundChannel, ReturnType<typeof createRowNormalizer>>();
const normalizerFor = (channel: InboundChannel) => {
  let normalize = normalizers.get(channel);
  if (!normalize) {
    normalize = createRowNormalizer(HEADERS, MAPPING, UNUSED_REGION, {
      direction: 'inbound',
      sourceChannel: channel,
      overrideColumns: true,
    });
    normalizers.set(channel, normalize);
  }
  return normalize;
};

const INTERNATIONAL = /^\s*(\+|00)/;

/**
 * The import speaks of rows and of what it kept despite a warning; an inbound lead is refused instead,
 * so these codes get words for a sender (the others' messages are the import's own).
 */
const INBOUND_WORDING: Partial<Record<string, string>> = {
  missing_name: 'The lead has no name. Send name, or firstName and lastName.',
  missing_contact: 'The lead has neither a phone number nor an email address. Send phone or email.',
  unknown_country:
    'This is not a country Dialdeck knows. Send the country by its English name or ISO code (e.g. US, DE, CN), or leave it out.',
};

/**
 * Reads an inbound lead with the desktop import's row rules (`createRowNormalizer`, the same phone,
 * email, country and time-zone readers), as a one-row file whose columns are the body's fields.
 * Direction is always inbound and the channel `body.sourceChannel` (default `web_form`). Stricter
 * than a file in one way: what an import keeps with a warning (an unknown country, one unreadable
 * number beside a good one) is an issue here, since the sender can fix and resend a single lead.
 * A phone number without a country code needs `country`. Returns every issue found, each naming
 * its body field (`path`) and a code from the import's rejection codes (`invalid_phone`,
 * `invalid_email`, `missing_name`, `missing_contact`, `unknown_country`, `invalid_time_zone`…).
 */
export const readInboundLead = (body: InboundLeadInput): InboundReading => {
  const issues: InboundIssue[] = [];
  if (body.phone?.trim() && !body.country?.trim() && !INTERNATIONAL.test(body.phone)) {
    issues.push({
      path: 'phone',
      code: 'invalid_phone',
      message: `"${body.phone.trim()}" has no country code. Send it as +<country code> <number> (e.g. +49 30 901820), or send the lead's country.`,
      params: { value: body.phone.trim() },
    });
  }
  const cells = COLUMNS.map((c) => {
    const value = body[c.key];
    return typeof value === 'string' ? value : '';
  });
  const reading = normalizerFor(body.sourceChannel ?? 'web_form')(cells, 1);
  const issueOf = (row: { column: string | null; code: string; message: string; params?: unknown }) => ({
    path: row.column ?? '',
    code: row.code,
    message: INBOUND_WORDING[row.code] ?? row.message,
    ...(row.params ? { params: row.params as Record<string, unknown> } : {}),
  });
  if (!reading.ok) {
    const rejection = issueOf(reading.rejection);
    if (!issues.some((i) => i.path === rejection.path)) issues.push(rejection);
    return { ok: false, issues };
  }
  issues.push(...reading.warnings.map(issueOf).filter((w) => !issues.some((i) => i.path === w.path)));
  if (issues.length > 0) return { ok: false, issues };
  const { line: _line, ...lead } = reading.lead;
  return {
    ok: true,
    value: {
      lead,
      phonesE164: [...new Set(lead.phones.map((p) => p.e164))],
      emailFolded: lead.email ? emailKey(lead.email) : null,
    },
  };
};
