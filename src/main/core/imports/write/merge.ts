import type { LeadPhone } from '@shared/domain/lead';
import type { LeadChanges } from '@shared/sync/mutations/leads';
import type { LeadWriter, StoredAccount } from '../../leads/writer';
import type { ImportedLead } from '../normalize/row';
import { FILLABLE, foldInto } from './plan';

const KEPT = '(kept)';

/** Lead fields the call queue reads: filling one in can move the lead in the queue. */
export const QUEUE_FIELDS = ['phones', 'email', 'timeZone', 'country'] as const;

export type MergeInput = {
  id: string;
  rows: readonly ImportedLead[];
  at: number;
  accountFor: (company: string | null) => StoredAccount | null;
};

/**
 * Fills a stored lead's empty fields from duplicate rows and adds their new phones, as the lead stands
 * now (call inside the publishing transaction, so an edit made during the import is kept: only empty
 * fields are filled). A phone another published lead owns is not added. Writes through the lead writer
 * (leads/writer.ts), which records `lead.update` and `research.set`. Returns the changes, keyed by Lead
 * field (empty when the lead was removed meanwhile).
 */
export const mergeIntoStored = (
  writer: LeadWriter,
  { id, rows, at, accountFor }: MergeInput,
): LeadChanges => {
  const lead = writer.find(id);
  if (!lead) return {};
  const hasResearch = writer.hasResearch(id);
  const target = {
    title: lead.title,
    company: lead.company,
    email: lead.email,
    timeZone: lead.timeZone,
    country: lead.country,
    region: lead.region,
    city: lead.city,
    sourceDetail: lead.sourceDetail,
    phones: [...lead.phones],
    // A lead's own research notes are never replaced; the placeholder keeps foldInto from filling them.
    research: hasResearch ? KEPT : null,
  };
  const before = { ...target };
  const added: LeadPhone[] = [];
  const takenElsewhere = (key: string) => {
    const [e164 = '', ext = null] = key.split(';ext=');
    return (writer.phoneOwner({ e164, ext }) ?? id) !== id;
  };
  for (const incoming of rows) added.push(...foldInto(target, incoming, takenElsewhere));

  const changes: LeadChanges = {};
  for (const field of FILLABLE) {
    if (target[field] !== before[field]) changes[field] = target[field];
  }
  let accountId = lead.accountId;
  if (changes.company !== undefined && !accountId) {
    const account = accountFor(target.company);
    accountId = account?.id ?? null;
    changes.company = account?.name ?? null;
    changes.accountId = accountId;
  }
  if (added.length > 0) {
    writer.appendPhones(id, added);
    changes.phones = target.phones;
  }
  writer.update(id, { ...target, accountId }, changes, { at });
  if (!hasResearch && target.research) writer.setResearch(id, target.research, { at });
  return changes;
};
