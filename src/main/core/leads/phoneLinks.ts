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

  /** What to do about each kind of link that holds no dialable number (English; the UI translates the code). */
  const advice: Record<string, string> = {
    not_a_phone_link: 'it is not a tel: or callto: link. Links look like tel:+12015550123.',
    no_digits: 'it holds no phone number. Links look like tel:+12015550123.',
    not_a_number:
      'it names no phone number (a Skype name or other text). Call such contacts from their own app.',
    bad_extension: 'its extension is not digits. Write it as ;ext=1234.',
    bad_context: 'its phone-context is neither a +prefix nor a domain (RFC 3966).',
    bad_encoding: 'its %-escapes are broken. Copy the link again from its source.',
    invalid_number:
      'its digits are not a valid phone number. Check them; write a number from another country with its country code (+…), and a local one needs the default country in Settings.',
  };
  const invalid = (url: string, problem: string): AppError =>
    new AppError(
      'phone_link_invalid',
      `"${url}" is not a phone number Dialdeck can dial: ${advice[problem] ?? problem}`,
      { problem },
      { value: url },
    );

  return {
    /**
     * See `links.resolvePhone`. A global number is read as is; a local one with a `+` context is read
     * under that prefix (RFC 3966 5.1.5); any other local number in the default region. The lead whose
     * number has the same extension wins, then one with no extension, then the most recently updated.
     */
    resolve(url: string): PhoneLinkTarget {
      const parsed = parsePhoneLink(url);
      if (!parsed.ok) throw invalid(url, parsed.problem);
      const { link } = parsed;
      const text = link.global
        ? link.digits
        : link.phoneContext?.startsWith('+')
          ? `${link.phoneContext}${link.digits}`
          : link.digits;
      const reading = createPhoneReader(readSettings(db).defaultRegion)(text, null);
      if (!reading.ok) throw invalid(url, 'invalid_number');
      const { e164 } = reading.phone;
      const ext = link.ext ?? reading.phone.ext;
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
