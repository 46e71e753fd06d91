import type { OnDuplicate } from '@shared/api/imports';
import type { Lead, LeadPhone } from '@shared/domain/lead';
import type { CreatedLead } from '../../cadence/bulk-enroll';
import { newId } from '../../ids';
import { accountKey } from '../../leads/repo';
import { LEAD_COLUMNS, LEAD_FROM, type LeadRow } from '../../leads/rows';
import type { Db } from '../../store/db';
import type { Clock, Outbox } from '../../sync/outbox';
import type { ImportedLead } from '../normalize/row';
import { type ContactIndex, emailKey, FILLABLE, foldInto, phoneKey, planImport } from './plan';

export type WriteInput = {
  fileName: string;
  rows: readonly ImportedLead[];
  rejected: number;
  onDuplicate: OnDuplicate;
  /** Runs inside the transaction once the leads are written (the call queue enrolls them here). */
  afterWrite?: (written: {
    importId: string;
    /** The leads the import created, with what putting them on a cadence needs to know. */
    created: readonly CreatedLead[];
    /** Stored leads whose phones, email, time zone or country the import filled in. */
    requeue: readonly string[];
  }) => void;
};

export type WriteResult = {
  imported: number;
  merged: number;
  skipped: number;
  importId: string | null;
  /** Ids of the leads the import created. */
  created: string[];
  /** Ids of stored leads it merged rows into. */
  mergedInto: string[];
};

/** Everything the store already knows about who owns which email and phone. */
const contactIndex = (db: Db): ContactIndex => {
  const emails = new Map<string, string>();
  for (const row of db
    .prepare<[], { id: string; email: string }>('SELECT id, email FROM leads WHERE email IS NOT NULL')
    .iterate()) {
    emails.set(emailKey(row.email), row.id);
  }
  const phones = new Map<string, string>();
  for (const row of db
    .prepare<[], { lead_id: string; e164: string; ext: string | null }>(
      'SELECT lead_id, e164, ext FROM lead_phones',
    )
    .iterate()) {
    phones.set(phoneKey(row), row.lead_id);
  }
  return { emails, phones };
};

/**
 * Writes an import in one transaction: new accounts, new leads with their phones and research
 * notes, merges into stored leads, an outbox row for each change, and the import's record. The
 * store ends up with all of it or none of it. Duplicates are decided inside the transaction,
 * so a lead written meanwhile by someone else is seen.
 */
export const writeImport = (db: Db, outbox: Outbox, now: Clock, input: WriteInput): WriteResult => {
  const insertAccount = db.prepare(
    'INSERT INTO accounts (id, name, name_key, domain, created_at, updated_at) VALUES (?, ?, ?, NULL, ?, ?)',
  );
  const insertLead = db.prepare(`INSERT INTO leads (id, name, title, account_id, email, time_zone, country,
    region, city, source_channel, source_detail, direction, status, owner_id, is_demo, import_id, created_at,
    updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, 0, ?, ?, ?)`);
  const insertPhone = db.prepare(
    'INSERT INTO lead_phones (lead_id, position, e164, ext, label, raw) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const insertResearch = db.prepare('INSERT INTO research (lead_id, body, updated_at) VALUES (?, ?, ?)');
  const insertImport = db.prepare(
    'INSERT INTO imports (id, file_name, imported, merged, skipped, rejected, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );

  return db
    .transaction((): WriteResult => {
      const store = contactIndex(db);
      const plan = planImport(input.rows, store, input.onDuplicate);
      if (plan.creates.length === 0 && plan.merges.size === 0) {
        return { imported: 0, merged: 0, skipped: plan.skipped, importId: null, created: [], mergedInto: [] };
      }
      const at = now();
      const importId = newId();
      // Accounts by folded name; a lead names its company as its account is stored.
      const accounts = new Map<string, { id: string; name: string }>();
      for (const row of db
        .prepare<[], { id: string; name: string; name_key: string }>(
          'SELECT id, name, name_key FROM accounts',
        )
        .iterate()) {
        accounts.set(row.name_key, { id: row.id, name: row.name });
      }
      const keys = new Map<string, string>();
      const accountFor = (company: string | null): { id: string; name: string } | null => {
        if (!company) return null;
        let key = keys.get(company);
        if (key === undefined) {
          key = accountKey(company);
          keys.set(company, key);
        }
        let account = accounts.get(key);
        if (!account) {
          account = { id: newId(), name: company };
          insertAccount.run(account.id, company, key, at, at);
          outbox.record('account.create', { id: account.id, name: company, createdAt: at });
          accounts.set(key, account);
        }
        return account;
      };

      const created: string[] = [];
      const createdLeads: CreatedLead[] = [];
      for (const row of plan.creates) {
        const id = newId();
        const account = accountFor(row.company);
        const accountId = account?.id ?? null;
        insertLead.run(
          id,
          row.name,
          row.title,
          accountId,
          row.email,
          row.timeZone,
          row.country,
          row.region,
          row.city,
          row.sourceChannel,
          row.sourceDetail,
          row.direction,
          row.status,
          importId,
          at,
          at,
        );
        for (const [position, phone] of row.phones.entries()) {
          insertPhone.run(id, position, phone.e164, phone.ext, phone.label, phone.raw);
        }
        const lead: Lead = {
          id,
          name: row.name,
          title: row.title,
          accountId,
          company: account?.name ?? null,
          email: row.email,
          phones: row.phones,
          timeZone: row.timeZone,
          country: row.country,
          region: row.region,
          city: row.city,
          sourceChannel: row.sourceChannel,
          sourceDetail: row.sourceDetail,
          direction: row.direction,
          status: row.status,
          ownerId: null,
          isDemo: false,
          createdAt: at,
          updatedAt: at,
        };
        outbox.record('lead.create', lead);
        if (row.research) {
          insertResearch.run(id, row.research, at);
          outbox.record('research.set', { leadId: id, body: row.research, updatedAt: at });
        }
        created.push(id);
        createdLeads.push({
          id,
          status: row.status,
          direction: row.direction,
          sourceChannel: row.sourceChannel,
          timeZone: row.timeZone,
          country: row.country,
          createdAt: at,
          hasPhone: row.phones.length > 0,
        });
      }

      const merged: string[] = [];
      const requeue: string[] = [];
      for (const [id, rows] of plan.merges) {
        const changed = mergeIntoStored(db, outbox, { id, rows, at, store, accountFor });
        merged.push(id);
        if (QUEUE_FIELDS.some((field) => field in changed)) requeue.push(id);
      }
      input.afterWrite?.({ importId, created: createdLeads, requeue });

      insertImport.run(
        importId,
        input.fileName,
        plan.creates.length,
        plan.merged,
        plan.skipped,
        input.rejected,
        at,
      );
      return {
        imported: plan.creates.length,
        merged: plan.merged,
        skipped: plan.skipped,
        importId,
        created,
        mergedInto: merged,
      };
    })
    .immediate();
};

const KEPT = '(kept)';

/** Lead fields the call queue reads: filling one in can move the lead in the queue. */
const QUEUE_FIELDS = ['phones', 'email', 'timeZone', 'country'] as const;

type MergeInput = {
  id: string;
  rows: readonly ImportedLead[];
  at: number;
  store: ContactIndex;
  accountFor: (company: string | null) => { id: string; name: string } | null;
};

/** Fills a stored lead's empty fields from duplicate rows and adds their new phones; returns the changes. */
const mergeIntoStored = (
  db: Db,
  outbox: Outbox,
  { id, rows, at, store, accountFor }: MergeInput,
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
  for (const incoming of rows) {
    added.push(...foldInto(target, incoming, (key) => (store.phones.get(key) ?? id) !== id));
  }

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
