import type { NewLeadInput, PhoneLinkTarget } from '@shared/api/phoneLinks';
import type { Lead } from '@shared/domain/lead';
import { parsePhoneLink } from '@shared/phoneLinks';
import type { CoreContext } from '../context';
import { AppError } from '../errors';
import { createPhoneReader } from '../imports/normalize/phone';
import { zoneOfNumber } from '../imports/normalize/phoneZone';
import { readSettings } from '../settings/repo';
import { writeNow } from '../store/write-lock';

type PhoneMatch = { lead_id: string; name: string; ext: string | null };

/**
 * Phone links (the OS's `tel:`/`callto:` handler) and leads typed in by hand for a number that matched
 * none: `links.resolvePhone` and `leads.create` in the contract.
 */
export const createPhoneLinks = ({ db, leads, dialing, events, now }: CoreContext) => {
  // Demo leads answer too: a rep trying the handler on the demo data should land on its lead.
  const byNumber = db.prepare<[string], PhoneMatch>(
    `SELECT p.lead_id, l.name, p.ext FROM lead_phones p JOIN leads l ON l.id = p.lead_id
      WHERE p.e164 = ? ORDER BY l.updated_at DESC, l.id`,
  );

  /**
   * Why a link is not a number Dialdeck can dial, and what to do (English; the UI shows
   * `links.problems.<problem>` filled from the same params).
   */
  const advice: Record<string, (params: Record<string, string>) => string> = {
    not_a_phone_link: () => 'it is not a tel: or callto: link. Links look like tel:+12015550123.',
    no_digits: () => 'it holds no phone number. Links look like tel:+12015550123.',
    not_a_number: () =>
      'it names no phone number (a Skype name, a word or letters that are not a vanity number). Call such contacts from their own app.',
    bad_extension: () => 'its extension is not digits. Write it as ;ext=1234.',
    bad_context: () => 'its phone-context is neither a +prefix nor a domain (RFC 3966).',
    bad_encoding: () => 'its %-escapes are broken. Copy the link again from its source.',
    invalid_number: ({ region }) =>
      `its digits are not a valid phone number in ${region}, the default country in Settings. Check them; write a number from another country with its country code (+…).`,
    context_number_invalid: ({ number }) =>
      `its phone-context prefix and local number form ${number}, which is not a valid phone number. Ask for the number with its country code (+…).`,
    global_number_invalid: ({ number }) =>
      `${number} is not a valid phone number in any country (its country code and length were checked). Check the digits.`,
    domain_context: ({ domain, region }) =>
      `it is a local number of ${domain}, and it is not a valid number in ${region} either. Ask for the number with its country code (+…).`,
  };
  const invalid = (url: string, problem: string, extra: Record<string, string> = {}): AppError =>
    new AppError(
      'phone_link_invalid',
      `"${url}" is not a phone number Dialdeck can dial: ${advice[problem]?.(extra) ?? problem}`,
      { problem },
      { value: url, kind: problem, ...extra },
    );

  /** The lead with the number: the same extension wins, then one with none, then the most recently updated. */
  const target = (e164: string, ext: string | null): PhoneLinkTarget => {
    const matches = byNumber.all(e164);
    const best =
      matches.find((m) => m.ext === ext) ?? matches.find((m) => m.ext === null) ?? matches[0] ?? null;
    return {
      e164,
      ext,
      leadId: best?.lead_id ?? null,
      leadName: best?.name ?? null,
      matches: matches.length,
    };
  };

  return {
    /**
     * See `links.resolvePhone`. A global number is read as is; a local one with a `+` context is read
     * as that prefix followed by its digits (RFC 3966 5.1.5); any other local number, a domain context's
     * too, in the default region. Errors: `phone_link_invalid` with params `{value, kind}` (`kind`: the
     * parser's problem, `invalid_number` + `region`, `global_number_invalid` + `number` (a `+` number
     * no country has), `context_number_invalid` + `number`, or
     * `domain_context` + `domain` and `region`).
     */
    resolve(url: string): PhoneLinkTarget {
      const parsed = parsePhoneLink(url);
      if (!parsed.ok) throw invalid(url, parsed.problem);
      const { link } = parsed;
      const region = readSettings(db).defaultRegion;
      const read = createPhoneReader(region);
      // RFC 3966 5.1.5: a global-number context is the prefix the local number's digits follow.
      if (!link.global && link.phoneContext?.startsWith('+')) {
        const number = `${link.phoneContext}${link.digits}`;
        const reading = read(number, null);
        if (!reading.ok) throw invalid(url, 'context_number_invalid', { number });
        return target(reading.phone.e164, link.ext ?? reading.phone.ext);
      }
      const reading = read(link.digits, null);
      if (!reading.ok) {
        // A domain context names where the number is local; Dialdeck knows no domain's numbering.
        if (!link.global && link.phoneContext) {
          throw invalid(url, 'domain_context', { domain: link.phoneContext, region });
        }
        // A global number carries its own country code: the default region has no part in it.
        if (link.global) throw invalid(url, 'global_number_invalid', { number: link.digits });
        throw invalid(url, 'invalid_number', { region });
      }
      return target(reading.phone.e164, link.ext ?? reading.phone.ext);
    },
    /** See `leads.create`. */
    create(input: NewLeadInput): Lead {
      const read = createPhoneReader(readSettings(db).defaultRegion);
      const reading = read(input.phone.number, input.phone.label?.trim() || null);
      if (!reading.ok) {
        throw new AppError('lead_phone_invalid', reading.message, undefined, { value: input.phone.number });
      }
      const at = now();
      const lead = writeNow(db, () => {
        const created = leads.create(
          {
            name: input.name,
            title: input.title?.trim() || null,
            company: input.company?.trim() || null,
            email: input.email?.trim().toLowerCase() || null,
            phones: [reading.phone],
            timeZone: zoneOfNumber(reading.phone.e164),
            country: reading.country ?? null,
            region: null,
            city: null,
            sourceChannel: 'other',
            sourceDetail: null,
            direction: 'outbound',
            status: 'new',
          },
          { at },
        );
        dialing.engine.enrollNewLeads([created.id], at);
        return created;
      });
      events.emit('leads:changed', { ids: [lead.id] });
      events.emit('queue:changed', { leadIds: [lead.id], reason: 'leads' });
      return lead;
    },
  };
};
