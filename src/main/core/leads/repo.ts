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
import type { Db } from '../store/db';
import { publishedLeads } from '../store/published';
import { writeNow } from '../store/write-lock';
import type { Clock, Outbox } from '../sync/outbox';
import {
  ACCOUNT_COLUMNS,
  type AccountRow,
  LEAD_COLUMNS,
  LEAD_FROM,
  type LeadRow,
  PHONE_COLUMNS,
  type PhoneRow,
  phonesByLead,
  SUMMARY_COLUMNS,
  type SummaryRow,
  toAccount,
  toLead,
  toSummary,
} from './rows';
import { leadWriterFor, type NewLead } from './writer';

// Older import paths of these names (tests, the import bench).
export { accountKey, type NewLead } from './writer';

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

/** Distinct list queries kept prepared: one per combination of filter and number of search words. */
const MAX_LIST_STATEMENTS = 64;

export type LeadsRepo = ReturnType<typeof createLeadsRepo>;

/**
 * Reads of the lead list and a lead's page, and the single-lead writes (through the connection's lead
 * writer, leads/writer.ts). Statements are prepared once per connection; list queries, whose WHERE
 * depends on the search, are prepared once per shape and kept.
 */
export const createLeadsRepo = (db: Db, outbox: Outbox, now: Clock) => {
  const writer = leadWriterFor(db, outbox);
  const allPhones = db.prepare<[], PhoneRow>(
    `SELECT ${PHONE_COLUMNS} FROM lead_phones ORDER BY lead_id, position`,
  );
  const accountById = db.prepare<[string], AccountRow>(
    `SELECT ${ACCOUNT_COLUMNS} FROM accounts WHERE id = ?`,
  );
  const accountLeadsOf = db.prepare<[string, string], SummaryRow>(
    `SELECT ${SUMMARY_COLUMNS} FROM ${LEAD_FROM} WHERE l.account_id = ? AND l.id <> ?
     ORDER BY l.created_at DESC LIMIT 50`,
  );
  const researchOf = db.prepare<[string], { lead_id: string; body: string; updated_at: number }>(
    'SELECT lead_id, body, updated_at FROM research WHERE lead_id = ?',
  );
  const summariesOf = db.prepare<[string], SummaryRow>(
    `SELECT ${SUMMARY_COLUMNS} FROM ${LEAD_FROM} WHERE l.id IN (SELECT value FROM json_each(?)) ${LIST_ORDER}`,
  );
  const indexRows = db
    .prepare<[], IndexRow>(
      `SELECT l.id, l.name, l.title, a.name, l.email,
         (SELECT p.e164 FROM lead_phones p WHERE p.lead_id = l.id ORDER BY p.position LIMIT 1),
         l.status, l.time_zone, l.is_demo
       FROM ${LEAD_FROM} ${LIST_ORDER}`,
    )
    .raw();
  const demoAccounts = db
    .prepare<[], string>('SELECT DISTINCT account_id FROM leads WHERE is_demo = 1 AND account_id IS NOT NULL')
    .pluck();
  const removeDemoLeads = db.prepare('DELETE FROM leads WHERE is_demo = 1');
  const dropUnusedAccount = db.prepare<[string, string]>(
    'DELETE FROM accounts WHERE id = ? AND NOT EXISTS (SELECT 1 FROM leads WHERE account_id = ?)',
  );
  const listStatements = new Map<string, ReturnType<Db['prepare']>>();
  /** The prepared statement for one shape of list query. */
  const listStatement = <P extends unknown[], R>(sql: string) => {
    let statement = listStatements.get(sql);
    if (!statement) {
      if (listStatements.size >= MAX_LIST_STATEMENTS) listStatements.clear();
      statement = db.prepare(sql);
      listStatements.set(sql, statement);
    }
    return statement as unknown as ReturnType<typeof db.prepare<P, R>>;
  };

  const getLead = (id: string): Lead => {
    const lead = writer.find(id);
    if (!lead)
      throw new AppError('not_found', `No lead with id ${id}. It may have been removed; refresh the list.`);
    return lead;
  };

  /**
   * Writes one lead with its account and phones (leads/writer.ts) and records it for sync unless it is
   * demo data or `record` is false. Call inside a transaction.
   */
  const create = (input: NewLead, options: { importId?: string; at?: number; record?: boolean } = {}): Lead =>
    writer.create(input, {
      at: options.at ?? now(),
      importId: options.importId ?? null,
      record: options.record !== false,
    });

  return {
    create,
    getLead,
    phonesOf: (id: string): LeadPhone[] => writer.phones(id),

    list(query: LeadQuery): LeadSummary[] {
      const { sql, params } = whereFor(query);
      return listStatement<unknown[], SummaryRow>(
        `SELECT ${SUMMARY_COLUMNS} FROM ${LEAD_FROM} ${sql} ${LIST_ORDER}`,
      )
        .all(...params)
        .map(toSummary);
    },

    page(query: LeadQuery & { offset: number; limit: number }): LeadPage {
      const { sql, params } = whereFor(query);
      const rows = listStatement<unknown[], SummaryRow>(
        `SELECT ${SUMMARY_COLUMNS} FROM ${LEAD_FROM} ${sql} ${LIST_ORDER} LIMIT ? OFFSET ?`,
      )
        .all(...params, query.limit, query.offset)
        .map(toSummary);
      const from = query.search?.trim() ? LEAD_FROM : publishedLeads('l');
      const { total } = listStatement<unknown[], { total: number }>(
        `SELECT count(*) AS total FROM ${from} ${sql}`,
      ).get(...params) ?? { total: 0 };
      return { rows, total };
    },

    index(): LeadIndex {
      const rows = indexRows.all() as IndexRow[];
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
      return summariesOf.all(JSON.stringify(ids)).map(toSummary);
    },

    listFull(query: LeadQuery): Lead[] {
      const { sql, params } = whereFor(query);
      const rows = listStatement<unknown[], LeadRow>(
        `SELECT ${LEAD_COLUMNS} FROM ${LEAD_FROM} ${sql} ORDER BY l.created_at, l.id`,
      ).all(...params);
      const phones = phonesByLead(allPhones.iterate());
      return rows.map((row) => toLead(row, phones.get(row.id) ?? []));
    },

    detail(id: string): LeadDetail {
      const lead = getLead(id);
      const account = lead.accountId ? accountById.get(lead.accountId) : undefined;
      const accountLeads = lead.accountId ? accountLeadsOf.all(lead.accountId, id).map(toSummary) : [];
      const research = researchOf.get(id);
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
      return writeNow(db, () => writer.setResearch(leadId, body, { at }));
    },

    removeDemo(): number {
      return writeNow(db, () => {
        const accounts = demoAccounts.all();
        const removed = removeDemoLeads.run().changes;
        for (const accountId of accounts) dropUnusedAccount.run(accountId, accountId);
        // Demo leads were never recorded in the outbox, so nothing about them reaches the server.
        return removed;
      });
    },
  };
};
