import type { HandSetStatus, LeadEditResult, PhoneInput } from '@shared/api/leadEdits';
import type { LeadPhone } from '@shared/domain/lead';
import { isValidTimeZone } from '@shared/queue/clock';
import type { CoreContext } from '../context';
import { AppError } from '../errors';
import { newId } from '../ids';
import { createPhoneReader } from '../imports/normalize/phone';
import { readSettings } from '../settings/repo';
import { writeNow } from '../store/write-lock';
import { createLeadActivityWriter } from './activity';
import { leadWriterFor } from './writer';

/** Statuses past the hand-off: the AE and the server own them, so a rep does not change them by hand. */
const HANDED_OFF = new Set(['mql', 'sql', 'opportunity', 'won']);

const phoneKey = (phone: Pick<LeadPhone, 'e164' | 'ext'>): string => `${phone.e164};${phone.ext ?? ''}`;

export type LeadEdits = ReturnType<typeof createLeadEdits>;

/**
 * A rep's fixes to a lead on the spot: its numbers, the number dialed first, its time zone, its status
 * (with a reason kept in the history) and its owner. Each edit is one `writeNow` transaction that writes
 * through the lead writer, records one outbox mutation (`lead.setPhones`, `lead.setPrimaryPhone`,
 * `lead.setTimeZone`, `lead.changeStatus`, `lead.setOwner`) and brings the lead's cadence and queue
 * position in line (queue/maintenance.ts). When that ends the lead's cadence — a status that ends work,
 * or a number on the do-not-contact list — the ending is its own `enrollment.remove` batch.
 */
export const createLeadEdits = ({ db, outbox, dialing, events, now }: CoreContext) => {
  const { svc, maintenance } = dialing;
  const writer = leadWriterFor(db, outbox);
  const writeActivity = createLeadActivityWriter(db);

  const mustLead = (leadId: string) => {
    const lead = writer.find(leadId);
    if (!lead) throw new AppError('not_found', `No lead has id ${leadId}. List leads with: dialdeck leads`);
    return lead;
  };

  const dncPhones = (phones: readonly string[]): string[] =>
    phones.filter((e164) => svc.leads.dncMatches({ phones: [e164], email: null }).length > 0);

  const result = (leadId: string): LeadEditResult => {
    const lead = mustLead(leadId);
    return { lead, dncPhones: dncPhones(lead.phones.map((p) => p.e164)) };
  };

  /** The edit and the cadence consequences it has, in one IMMEDIATE transaction. */
  const edit = (
    leadId: string,
    fn: (lead: ReturnType<typeof mustLead>, at: number) => boolean,
  ): LeadEditResult => {
    const at = now();
    const changed = writeNow(db, () => {
      const lead = mustLead(leadId);
      if (!fn(lead, at)) return false;
      svc.batch('enrollment.remove', () => maintenance.refreshLead(lead.id, at));
      return true;
    });
    if (changed) {
      events.emit('leads:changed', { ids: [leadId] });
      events.emit('queue:changed', { leadIds: [leadId], reason: 'leads' });
    }
    return result(leadId);
  };

  /**
   * Reads `inputs` as phone numbers in the lead's country (else the default region), keeping the label
   * and the raw text. Throws `lead_phone_invalid` or `lead_phone_duplicate` naming the number.
   */
  const readPhones = (country: string | null, inputs: readonly PhoneInput[]): LeadPhone[] => {
    const read = createPhoneReader(country?.toUpperCase() ?? readSettings(db).defaultRegion);
    const seen = new Set<string>();
    return inputs.map((input) => {
      const reading = read(input.number, input.label?.trim() || null);
      if (!reading.ok) {
        throw new AppError('lead_phone_invalid', reading.message, undefined, { value: input.number });
      }
      const key = phoneKey(reading.phone);
      if (seen.has(key)) {
        throw new AppError(
          'lead_phone_duplicate',
          `${reading.phone.e164} is given twice; keep it once.`,
          undefined,
          { value: reading.phone.e164 },
        );
      }
      seen.add(key);
      return reading.phone;
    });
  };

  return {
    /** See `leads.dncPhones` in the contract. */
    dncPhones: (leadId: string): string[] => result(leadId).dncPhones,

    /** See `leads.setPhones` in the contract. A number on the do-not-contact list is kept and marked. */
    setPhones(leadId: string, inputs: readonly PhoneInput[]): LeadEditResult {
      const country = mustLead(leadId).country;
      const phones = readPhones(country, inputs);
      return edit(leadId, (lead, at) => {
        const before = lead.phones.map(phoneKey).join(',');
        const after = phones.map(phoneKey).join(',');
        const sameLabels = lead.phones.every((p, i) => p.label === phones[i]?.label);
        if (before === after && sameLabels) return false;
        writer.setPhones(lead.id, phones, { at, record: !lead.isDemo });
        return true;
      });
    },

    /** See `leads.setPrimaryPhone` in the contract. */
    setPrimaryPhone(leadId: string, e164: string, ext: string | null): LeadEditResult {
      return edit(leadId, (lead, at) => {
        const index = lead.phones.findIndex((p) => p.e164 === e164 && (ext === null || p.ext === ext));
        const chosen = lead.phones[index];
        if (!chosen) {
          throw new AppError(
            'lead_phone_not_on_lead',
            `${e164} is not one of ${lead.name}'s numbers; add it first (dialdeck lead set ${lead.id} --phone ${e164}).`,
            undefined,
            { value: e164 },
          );
        }
        if (index === 0) return false;
        const phones = [chosen, ...lead.phones.filter((_, i) => i !== index)];
        writer.setPhones(lead.id, phones, { at, record: !lead.isDemo, primary: chosen });
        return true;
      });
    },

    /** See `leads.setTimeZone` in the contract. */
    setTimeZone(leadId: string, timeZone: string | null): LeadEditResult {
      const zone = timeZone?.trim() || null;
      if (zone !== null && !isValidTimeZone(zone)) {
        throw new AppError(
          'lead_time_zone_invalid',
          `"${zone}" is not an IANA time zone this system knows. Use a name such as America/New_York or Asia/Seoul.`,
          undefined,
          { value: zone },
        );
      }
      return edit(leadId, (lead, at) => {
        if (lead.timeZone === zone) return false;
        writer.setTimeZone(lead.id, zone, { at, record: !lead.isDemo });
        return true;
      });
    },

    /** See `leads.setStatus` in the contract. */
    setStatus(leadId: string, status: HandSetStatus, reason: string): LeadEditResult {
      return edit(leadId, (lead, at) => {
        if (lead.status === status) return false;
        if (lead.status === 'do_not_contact') {
          throw new AppError(
            'lead_do_not_contact',
            `${lead.name} is marked do not contact; that status is not changed by hand.`,
            undefined,
            { value: lead.name },
          );
        }
        if (HANDED_OFF.has(lead.status)) {
          throw new AppError(
            'handoff_already_handed_off',
            `${lead.name} was handed off already (status ${lead.status}); the AE answers that hand-off.`,
            { leadId: lead.id },
          );
        }
        const activityId = newId();
        writer.setStatus(lead.id, status, at);
        writeActivity({
          id: activityId,
          leadId: lead.id,
          kind: 'status_change',
          note: reason.trim(),
          data: { statusBefore: lead.status, status },
          at,
        });
        if (!lead.isDemo)
          outbox.record('lead.changeStatus', {
            id: lead.id,
            status,
            statusBefore: lead.status,
            reason: reason.trim(),
            activityId,
            updatedAt: at,
          });
        return true;
      });
    },

    /** See `leads.setOwner` in the contract. */
    setOwner(leadId: string, owner: string | null): LeadEditResult {
      const ownerId = owner?.trim() || null;
      return edit(leadId, (lead, at) => {
        if (lead.ownerId === ownerId) return false;
        writer.setOwner(lead.id, ownerId, { at, record: !lead.isDemo });
        return true;
      });
    },
  };
};
