import type { LeadPhone } from '@shared/domain/lead';
import { LEAD_COLUMNS, LEAD_FROM, type LeadRow } from '../../leads/rows';
import type { Db } from '../../store/db';
import { published } from '../../store/published';
import type { Outbox } from '../../sync/outbox';
import type { ImportedLead } from '../normalize/row';
import { FILLABLE, foldInto } from './plan';

const KEPT = '(kept)';

/** Lead fields the call queue reads: filling one in can move the lead in the queue. */
export const QUEUE_FIELDS = ['phones', 'email', 'timeZone', 'country'] as const;

export type MergeInput = {
  id: string;
  rows: readonly ImportedLead[];
  at: number;
  accountFor: (company: string | null) => { id: string; name: string } | null;
};

/**
 * Fills a stored lead's empty fields from duplicate rows and adds their new phones, as the lead stands
 * now (call inside the publishing transaction, so an edit made during the import is kept: only empty
 * fields are filled). A phone another published lead owns is not added. Returns the changes, keyed by
 * Lead field (empty when the lead was removed meanwhile).
 */
export const mergeIntoStored = (
  db: Db,
  outbox: Outbox,
  { id, rows, at, accountFor }: MergeInput,
): Record<string, unknown> => {
  const row = db
    .prepare<[string], LeadRow>(`SELECT ${LEAD_COLUMNS} FROM ${LEAD_FROM} WHERE l.id = ?`)
    .get(id);
  if (!row) return {};
  const phones = db
    .prepare<[string], LeadPhone & { position: number }>(
      'SELECT position, e164, ext, label, raw FROM lead_phones WHERE lead_id = ? ORDER BY position',
    )
    .all(id);
  const owner = db
    .prepare<[string, string | null], string>(
      `SELECT lead_id FROM lead_phones p WHERE e164 = ? AND ext IS ? AND ${published('p')} LIMIT 1`,
    )
    .pluck();
  const hasResearch = db.prepare('SELECT 1 FROM research WHERE lead_id = ?').get(id) !== undefined;
  const target = {
    title: row.title,
    company: row.company,
    email: row.email,
    timeZone: row.time_zone,
    country: row.country,
    region: row.region,
    city: row.city,
    sourceDetail: row.source_detail,
    phones: phones.map(({ e164, ext, label, raw }) => ({ e164, ext, label, raw })),
    // A lead's own research notes are never replaced; the placeholder keeps foldInto from filling them.
    research: hasResearch ? KEPT : null,
  };
  const before = { ...target };
  const added: LeadPhone[] = [];
  const takenElsewhere = (key: string) => {
    const [e164 = '', ext = null] = key.split(';ext=');
    return (owner.get(e164, ext) ?? id) !== id;
  };
  for (const incoming of rows) added.push(...foldInto(target, incoming, takenElsewhere));

  const changes: Record<string, unknown> = {};
  for (const field of FILLABLE) if (target[field] !== before[field]) changes[field] = target[field];
  let accountId = row.account_id;
  if (changes.company !== undefined && !accountId) {
    const account = accountFor(target.company);
    accountId = account?.id ?? null;
    changes.company = account?.name ?? null;
    changes.accountId = accountId;
  }
  if (added.length > 0) {
    let position = phones.reduce((max, phone) => Math.max(max, phone.position), -1);
    const insertPhone = db.prepare(
      'INSERT INTO lead_phones (lead_id, position, e164, ext, label, raw) VALUES (?, ?, ?, ?, ?, ?)',
    );
    for (const phone of added) insertPhone.run(id, ++position, phone.e164, phone.ext, phone.label, phone.raw);
    changes.phones = target.phones;
  }
  if (Object.keys(changes).length > 0) {
    db.prepare(
      `UPDATE leads SET title = ?, account_id = ?, email = ?, time_zone = ?, country = ?, region = ?, city = ?,
       source_detail = ?, updated_at = ? WHERE id = ?`,
    ).run(
      target.title,
      accountId,
      target.email,
      target.timeZone,
      target.country,
      target.region,
      target.city,
      target.sourceDetail,
      at,
      id,
    );
    outbox.record('lead.update', { id, changes, updatedAt: at });
  }
  if (!hasResearch && target.research) {
    db.prepare('INSERT INTO research (lead_id, body, updated_at) VALUES (?, ?, ?)').run(
      id,
      target.research,
      at,
    );
    outbox.record('research.set', { leadId: id, body: target.research, updatedAt: at });
  }
  return changes;
};
