import type { LeadDetail, LeadIndex, LeadPage, LeadQuery } from '@shared/api/leads';
import {
  LEAD_STATUSES,
  type Lead,
  type LeadPhone,
  type LeadStatus,
  type LeadSummary,
  type ResearchNote,
} from '@shared/domain/lead';
import { AppError } from '../errors';
import { newId } from '../ids';
import type { Db } from '../store/db';
import { publishedLeads } from '../store/published';
import type { Clock, Outbox } from '../sync/outbox';
import {
  type AccountRow,
  LEAD_COLUMNS,
  LEAD_FROM,
  type LeadRow,
  type PhoneRow,
  SUMMARY_COLUMNS,
  type SummaryRow,
  toAccount,
  toLead,
  toPhone,
  toSummary,
} from './rows';

/** A lead as written by import or creation: what is known, before ids and timestamps. */
export type NewLead = Omit<Lead, 'id' | 'accountId' | 'createdAt' | 'updatedAt' | 'ownerId' | 'isDemo'> & {
  ownerId?: string | null;
  isDemo?: boolean;
};

/** Accounts are matched by a folded form of the company name. */
export const accountKey = (name: string): string =>
  name.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');

/** Splits a search into words; a lead matches when every word is found in one of its list fields. */
export const searchWords = (search: string | undefined): string[] =>
  (search ?? '').normalize('NFKC').trim().toLowerCase().split(/\s+/).filter(Boolean);

const likeOf = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

const whereFor = (query: LeadQuery): { sql: string; params: unknown[] } => {
  const clauses: string[] = [];
  const params: unknown[] = [];
  if (query.status) {
    clauses.push('l.status = ?');
    params.push(query.status);
  }
  for (const word of searchWords(query.search)) {
    const like = likeOf(word);
    // Phone numbers are stored as E.164, so "(202) 555" is looked up by its digits.
    const digits = word.replace(/\D/g, '');
    clauses.push(`(l.name LIKE ? ESCAPE '\\' OR a.name LIKE ? ESCAPE '\\' OR l.email LIKE ? ESCAPE '\\'
      OR l.title LIKE ? ESCAPE '\\'
      OR EXISTS (SELECT 1 FROM lead_phones p WHERE p.lead_id = l.id AND p.e164 LIKE ? ESCAPE '\\'))`);
    params.push(like, like, like, like, digits.length >= 3 ? likeOf(digits) : like);
  }
  return { sql: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
};

const STATUS_CODE = new Map<LeadStatus, number>(LEAD_STATUSES.map((status, i) => [status, i]));

/** A value for the packed index: tabs and newlines separate its fields, so inside one they become spaces. */
const indexField = (value: string | null): string =>
  value === null ? '' : value.includes('\t') || value.includes('\n') ? value.replace(/[\t\n]/g, ' ') : value;

/** The list's order, shared by `list`, `page` and `index` so positions agree. */
const LIST_ORDER = 'ORDER BY l.created_at DESC, l.id DESC';

type IndexRow = [
  id: string,
  name: string,
  title: string | null,
  company: string | null,
  email: string | null,
  phone: string | null,
  status: LeadStatus,
  timeZone: string | null,
  isDemo: number,
];

export type LeadsRepo = ReturnType<typeof createLeadsRepo>;

export const createLeadsRepo = (db: Db, outbox: Outbox, now: Clock) => {
  const phonesOf = db.prepare<[string], PhoneRow>(
    'SELECT lead_id, e164, ext, label, raw FROM lead_phones WHERE lead_id = ? ORDER BY position',
  );
  const accountByKey = db.prepare<[string], AccountRow & { batch_id: string | null }>(
    'SELECT id, name, domain, created_at, updated_at, batch_id FROM accounts WHERE name_key = ?',
  );
  const adoptAccount = db.prepare('UPDATE accounts SET batch_id = NULL WHERE id = ?');
  const insertAccount = db.prepare(
    'INSERT INTO accounts (id, name, name_key, domain, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const insertLead = db.prepare(`INSERT INTO leads (id, name, title, account_id, email, time_zone, country,
    region, city, source_channel, source_detail, direction, status, owner_id, is_demo, import_id, created_at,
    updated_at) VALUES (@id, @name, @title, @accountId, @email, @timeZone, @country, @region, @city,
    @sourceChannel, @sourceDetail, @direction, @status, @ownerId, @isDemo, @importId, @createdAt, @updatedAt)`);
  const insertPhone = db.prepare(
    'INSERT INTO lead_phones (lead_id, position, e164, ext, label, raw) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const upsertResearch = db.prepare(`INSERT INTO research (lead_id, body, updated_at) VALUES (?, ?, ?)
    ON CONFLICT(lead_id) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at`);

  /** `record: false` is for demo data, which never reaches the server (nor do its accounts). */
  const ensureAccount = (name: string | null, at: number, record = true): string | null => {
    if (!name?.trim()) return null;
    const key = accountKey(name);
    const existing = accountByKey.get(key);
    if (existing) {
      // An account an import is still writing becomes this lead's too: it stays when that import fails.
      if (existing.batch_id !== null) adoptAccount.run(existing.id);
      return existing.id;
    }
    const id = newId();
    insertAccount.run(id, name.trim(), key, null, at, at);
    if (record) outbox.record('account.create', { id, name: name.trim(), createdAt: at });
    return id;
  };

  const getLead = (id: string): Lead => {
    const row = db
      .prepare<[string], LeadRow>(`SELECT ${LEAD_COLUMNS} FROM ${LEAD_FROM} WHERE l.id = ?`)
      .get(id);
    if (!row)
      throw new AppError('not_found', `No lead with id ${id}. It may have been removed; refresh the list.`);
    return toLead(row, phonesOf.all(id).map(toPhone));
  };

  /** Writes one lead with its account and phones. Call inside a transaction. */
  const create = (
    input: NewLead,
    options: { importId?: string; at?: number; record?: boolean } = {},
  ): Lead => {
    const at = options.at ?? now();
    const id = newId();
    // Demo leads never reach the server, whatever the caller asked.
    const record = options.record !== false && !input.isDemo;
    const accountId = ensureAccount(input.company, at, record);
    insertLead.run({
      ...input,
      id,
      accountId,
      ownerId: input.ownerId ?? null,
      isDemo: input.isDemo ? 1 : 0,
      importId: options.importId ?? null,
      createdAt: at,
      updatedAt: at,
    });
    input.phones.forEach((phone: LeadPhone, position) => {
      insertPhone.run(id, position, phone.e164, phone.ext, phone.label, phone.raw);
    });
    const lead: Lead = {
      ...input,
      id,
      accountId,
      ownerId: input.ownerId ?? null,
      isDemo: input.isDemo ?? false,
      createdAt: at,
      updatedAt: at,
    };
    if (record) outbox.record('lead.create', lead);
    return lead;
  };

  return {
    ensureAccount,
    create,
    getLead,
    phonesOf: (id: string) => phonesOf.all(id).map(toPhone),

    list(query: LeadQuery): LeadSummary[] {
      const { sql, params } = whereFor(query);
      return db
        .prepare<unknown[], SummaryRow>(`SELECT ${SUMMARY_COLUMNS} FROM ${LEAD_FROM} ${sql} ${LIST_ORDER}`)
        .all(...params)
        .map(toSummary);
    },

    page(query: LeadQuery & { offset: number; limit: number }): LeadPage {
      const { sql, params } = whereFor(query);
      const rows = db
        .prepare<unknown[], SummaryRow>(
          `SELECT ${SUMMARY_COLUMNS} FROM ${LEAD_FROM} ${sql} ${LIST_ORDER} LIMIT ? OFFSET ?`,
        )
        .all(...params, query.limit, query.offset)
        .map(toSummary);
      const from = query.search?.trim() ? LEAD_FROM : publishedLeads('l');
      const { total } = db
        .prepare<unknown[], { total: number }>(`SELECT count(*) AS total FROM ${from} ${sql}`)
        .get(...params) ?? { total: 0 };
      return { rows, total };
    },

    index(): LeadIndex {
      const rows = db
        .prepare<[], IndexRow>(
          `SELECT l.id, l.name, l.title, a.name, l.email,
             (SELECT p.e164 FROM lead_phones p WHERE p.lead_id = l.id ORDER BY p.position LIMIT 1),
             l.status, l.time_zone, l.is_demo
           FROM ${LEAD_FROM} ${LIST_ORDER}`,
        )
        .raw()
        .all() as IndexRow[];
      const ids = new Array<string>(rows.length);
      const texts = new Array<string>(rows.length);
      const statuses = new Array<number>(rows.length);
      const zoneOf = new Array<number>(rows.length);
      const zones = new Map<string, number>();
      const demo: number[] = [];
      rows.forEach(([id, name, title, company, email, phone, status, timeZone, isDemo], i) => {
        ids[i] = id;
        texts[i] =
          `${indexField(name)}\t${indexField(title)}\t${indexField(company)}\t${indexField(email)}\t${phone ?? ''}`;
        statuses[i] = STATUS_CODE.get(status) ?? 0;
        let zone = -1;
        if (timeZone) {
          zone = zones.get(timeZone) ?? zones.size;
          zones.set(timeZone, zone);
        }
        zoneOf[i] = zone;
        if (isDemo === 1) demo.push(i);
      });
      return {
        count: rows.length,
        ids: rows.length ? `${ids.join('\n')}\n` : '',
        rows: rows.length ? `${texts.join('\n')}\n` : '',
        statuses,
        timeZones: [...zones.keys()],
        zoneOf,
        demo,
      };
    },

    summaries(ids: string[]): LeadSummary[] {
      if (ids.length === 0) return [];
      return db
        .prepare<string[], SummaryRow>(
          `SELECT ${SUMMARY_COLUMNS} FROM ${LEAD_FROM} WHERE l.id IN (${ids.map(() => '?').join(', ')}) ${LIST_ORDER}`,
        )
        .all(...ids)
        .map(toSummary);
    },

    listFull(query: LeadQuery): Lead[] {
      const { sql, params } = whereFor(query);
      const rows = db
        .prepare<unknown[], LeadRow>(
          `SELECT ${LEAD_COLUMNS} FROM ${LEAD_FROM} ${sql} ORDER BY l.created_at, l.id`,
        )
        .all(...params);
      const phones = new Map<string, LeadPhone[]>();
      for (const phone of db
        .prepare<[], PhoneRow>(
          'SELECT lead_id, e164, ext, label, raw FROM lead_phones ORDER BY lead_id, position',
        )
        .iterate()) {
        const list = phones.get(phone.lead_id);
        if (list) list.push(toPhone(phone));
        else phones.set(phone.lead_id, [toPhone(phone)]);
      }
      return rows.map((row) => toLead(row, phones.get(row.id) ?? []));
    },

    detail(id: string): LeadDetail {
      const lead = getLead(id);
      const account = lead.accountId
        ? db
            .prepare<[string], AccountRow>(
              'SELECT id, name, domain, created_at, updated_at FROM accounts WHERE id = ?',
            )
            .get(lead.accountId)
        : undefined;
      const accountLeads = lead.accountId
        ? db
            .prepare<[string, string], SummaryRow>(
              `SELECT ${SUMMARY_COLUMNS} FROM ${LEAD_FROM} WHERE l.account_id = ? AND l.id <> ?
               ORDER BY l.created_at DESC LIMIT 50`,
            )
            .all(lead.accountId, id)
            .map(toSummary)
        : [];
      const research = db
        .prepare<[string], { lead_id: string; body: string; updated_at: number }>(
          'SELECT lead_id, body, updated_at FROM research WHERE lead_id = ?',
        )
        .get(id);
      return {
        lead,
        account: account ? toAccount(account) : null,
        accountLeads,
        research: research
          ? { leadId: research.lead_id, body: research.body, updatedAt: research.updated_at }
          : null,
      };
    },

    setResearch(leadId: string, body: string): ResearchNote {
      getLead(leadId);
      const at = now();
      db.transaction(() => {
        upsertResearch.run(leadId, body, at);
        outbox.record('research.set', { leadId, body, updatedAt: at });
      })();
      return { leadId, body, updatedAt: at };
    },

    removeDemo(): number {
      return db.transaction(() => {
        const accounts = db
          .prepare<[], { account_id: string }>(
            'SELECT DISTINCT account_id FROM leads WHERE is_demo = 1 AND account_id IS NOT NULL',
          )
          .all();
        const removed = db.prepare('DELETE FROM leads WHERE is_demo = 1').run().changes;
        const dropUnused = db.prepare(
          'DELETE FROM accounts WHERE id = ? AND NOT EXISTS (SELECT 1 FROM leads WHERE account_id = ?)',
        );
        for (const { account_id } of accounts) dropUnused.run(account_id, account_id);
        // Demo leads were never recorded in the outbox, so nothing about them reaches the server.
        return removed;
      })();
    },
  };
};
