import {
  accountKey,
  type Lead,
  type LeadPhone,
  type LeadStatus,
  type ResearchNote,
} from '@shared/domain/lead';
import type { LeadChanges } from '@shared/sync/mutations/leads';
import { newId } from '../ids';
import type { Db } from '../store/db';
import { holdable } from '../store/deferred';
import { published } from '../store/published';
import type { Outbox } from '../sync/outbox';
import { LEAD_COLUMNS, LEAD_FROM, type LeadRow, PHONE_COLUMNS, type PhoneRow, toLead, toPhone } from './rows';

/** A lead as written by import or creation: what is known, before ids and timestamps. */
export type NewLead = Omit<Lead, 'id' | 'accountId' | 'createdAt' | 'updatedAt' | 'ownerId' | 'isDemo'> & {
  ownerId?: string | null;
  isDemo?: boolean;
};

/** An account as a lead links to it: its id and the company name it is stored under. */
export type StoredAccount = { id: string; name: string };

/** Accounts are matched by a folded form of the company name (NFKC, trimmed, lower case, one space). */
export { accountKey };

/** How a write is tagged and told to sync. */
export type WriteOptions = {
  /** When the write happened, epoch ms: the rows' created/updated times and the mutations' times. */
  at: number;
  /**
   * The import batch the rows belong to: no query shows them until it publishes (store/published.ts).
   * Null (the default) for a write every reader sees when its transaction commits.
   */
  batchId?: string | null;
  /** The `imports` row a created lead came from. */
  importId?: string | null;
  /** False writes nothing to the outbox (demo data). Demo leads are never recorded, whatever this says. */
  record?: boolean;
  /**
   * Accounts this run already found or created, by `accountKey`: an import passes one map for all its
   * rows, which spares a lookup per lead. Only for writes inside one import batch.
   */
  accounts?: Map<string, StoredAccount>;
};

/** A stored lead's fields that an update writes (an import's merge fills them when empty). */
export type LeadFields = Pick<
  Lead,
  'title' | 'accountId' | 'email' | 'timeZone' | 'country' | 'region' | 'city' | 'sourceDetail'
>;

export type LeadWriter = ReturnType<typeof createLeadWriter>;

/**
 * The one place that writes leads and what hangs off them: the lead row, its account (found or created
 * by `accountKey`), its phones in dialing order, its research notes, and the outbox mutation each write
 * owes sync (`lead.create`, `lead.update`, `account.create`, `research.set`; schemas in
 * `@shared/sync`). Creating a lead by hand, seeding demo leads and an import's chunks all go through it,
 * so a lead reads back the same whichever way it came in.
 *
 * Its statements are prepared once, when it is created on a connection, and reused for every row. It
 * keeps no state of its own between calls, opens no transaction and yields nothing: call it inside the
 * caller's transaction (an import calls it per row inside its chunk's). Use `leadWriterFor` to get the
 * connection's writer; a worker thread with its own connection gets its own.
 */
export const createLeadWriter = (db: Db, outbox: Outbox) => {
  const accountByKey = db.prepare<[string], StoredAccount & { batch_id: string | null }>(
    'SELECT id, name, batch_id FROM accounts WHERE name_key = ?',
  );
  const adoptAccount = holdable(db, db.prepare<[string]>('UPDATE accounts SET batch_id = NULL WHERE id = ?'));
  const insertAccount = holdable(
    db,
    db.prepare<[string, string, string, number, number, string | null]>(
      'INSERT INTO accounts (id, name, name_key, domain, created_at, updated_at, batch_id) VALUES (?, ?, ?, NULL, ?, ?, ?)',
    ),
  );
  const insertLead = holdable(
    db,
    db.prepare<unknown[]>(`INSERT INTO leads (id, name, title, account_id, email, time_zone,
    country, region, city, source_channel, source_detail, direction, status, owner_id, is_demo, import_id,
    created_at, updated_at, batch_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
  );
  const updateLead = holdable(
    db,
    db.prepare<unknown[]>(`UPDATE leads SET title = ?, account_id = ?, email = ?,
    time_zone = ?, country = ?, region = ?, city = ?, source_detail = ?, updated_at = ? WHERE id = ?`),
  );
  const updateStatus = holdable(
    db,
    db.prepare<[LeadStatus, number, string]>('UPDATE leads SET status = ?, updated_at = ? WHERE id = ?'),
  );
  const insertPhone = holdable(
    db,
    db.prepare<[string, number, string, string | null, string | null, string, string | null]>(
      'INSERT INTO lead_phones (lead_id, position, e164, ext, label, raw, batch_id) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ),
  );
  const deletePhones = db.prepare<[string]>('DELETE FROM lead_phones WHERE lead_id = ?');
  const updateTimeZone = db.prepare<[string | null, number, string]>(
    'UPDATE leads SET time_zone = ?, updated_at = ? WHERE id = ?',
  );
  const updateOwner = db.prepare<[string | null, number, string]>(
    'UPDATE leads SET owner_id = ?, updated_at = ? WHERE id = ?',
  );
  const touch = db.prepare<[number, string]>('UPDATE leads SET updated_at = ? WHERE id = ?');
  const lastPosition = db
    .prepare<[string], number>('SELECT coalesce(max(position), -1) FROM lead_phones WHERE lead_id = ?')
    .pluck();
  const insertResearch = holdable(
    db,
    db.prepare<[string, string, number, string | null]>(
      'INSERT INTO research (lead_id, body, updated_at, batch_id) VALUES (?, ?, ?, ?)',
    ),
  );
  const upsertResearch = holdable(
    db,
    db.prepare<[string, string, number, string | null]>(
      `INSERT INTO research (lead_id, body, updated_at, batch_id) VALUES (?, ?, ?, ?)
     ON CONFLICT(lead_id) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at`,
    ),
  );
  const leadById = db.prepare<[string], LeadRow>(`SELECT ${LEAD_COLUMNS} FROM ${LEAD_FROM} WHERE l.id = ?`);
  const phonesOf = db.prepare<[string], PhoneRow>(
    `SELECT ${PHONE_COLUMNS} FROM lead_phones WHERE lead_id = ? ORDER BY position`,
  );
  const phoneOwner = db
    .prepare<[string, string | null], string>(
      `SELECT lead_id FROM lead_phones p WHERE e164 = ? AND ext IS ? AND ${published('p')} LIMIT 1`,
    )
    .pluck();
  const researchExists = db.prepare<[string], number>('SELECT 1 FROM research WHERE lead_id = ?').pluck();
  const accountById = db.prepare<[string], StoredAccount>('SELECT id, name FROM accounts WHERE id = ?');
  const replaceLead = db.prepare<unknown[]>(`UPDATE leads SET name = ?, title = ?, account_id = ?, email = ?,
    time_zone = ?, country = ?, region = ?, city = ?, source_channel = ?, source_detail = ?, direction = ?,
    status = ?, owner_id = ?, updated_at = ? WHERE id = ?`);
  const leadExists = db.prepare<[string], number>('SELECT 1 FROM leads WHERE id = ?').pluck();
  const deleteLead = db.prepare<[string]>('DELETE FROM leads WHERE id = ?');
  const deleteResearch = db.prepare<[string]>('DELETE FROM research WHERE lead_id = ?');

  /**
   * The account stored under `company`'s key, else a new one (recorded as `account.create` unless
   * `record` is false). Null for an empty name. An account an unpublished import is still writing
   * becomes a write outside that batch's account too (it stays when that import is discarded).
   */
  const account = (company: string | null, options: WriteOptions): StoredAccount | null => {
    const name = company?.trim();
    if (!name) return null;
    const key = accountKey(name);
    const known = options.accounts?.get(key);
    if (known) return known;
    const batchId = options.batchId ?? null;
    const stored = accountByKey.get(key);
    let found: StoredAccount;
    if (stored) {
      if (stored.batch_id !== null && stored.batch_id !== batchId) adoptAccount.run(stored.id);
      found = { id: stored.id, name: stored.name };
    } else {
      found = { id: newId(), name };
      insertAccount.run(found.id, name, key, options.at, options.at, batchId);
      if (options.record !== false)
        outbox.record('account.create', { id: found.id, name, createdAt: options.at });
    }
    options.accounts?.set(key, found);
    return found;
  };

  /** Appends phones after the lead's last one, in the order given. */
  const appendPhones = (
    leadId: string,
    phones: readonly LeadPhone[],
    batchId: string | null = null,
  ): void => {
    let position = lastPosition.get(leadId) ?? -1;
    for (const phone of phones)
      insertPhone.run(leadId, ++position, phone.e164, phone.ext, phone.label, phone.raw, batchId);
  };

  /** Writes the lead's research notes whole (last writer wins) and records `research.set`. */
  const setResearch = (leadId: string, body: string, options: WriteOptions): ResearchNote => {
    upsertResearch.run(leadId, body, options.at, options.batchId ?? null);
    if (options.record !== false) outbox.record('research.set', { leadId, body, updatedAt: options.at });
    return { leadId, body, updatedAt: options.at };
  };

  return {
    account,
    appendPhones,
    setResearch,

    /**
     * Writes a new lead: its row, its account, its phones at positions 0…n-1 and, when given, its
     * research notes; records `lead.create` (the `Lead` returned, as a read gives it back: `company` is
     * the account's stored name) unless the lead is demo data or `record` is false. Returns the lead.
     */
    create(input: NewLead & { research?: string | null }, options: WriteOptions): Lead {
      const id = newId();
      const { at } = options;
      const batchId = options.batchId ?? null;
      const isDemo = input.isDemo === true;
      const own: WriteOptions = isDemo ? { ...options, record: false } : options;
      const linked = account(input.company, own);
      const accountId = linked?.id ?? null;
      const ownerId = input.ownerId ?? null;
      insertLead.run(
        id,
        input.name,
        input.title,
        accountId,
        input.email,
        input.timeZone,
        input.country,
        input.region,
        input.city,
        input.sourceChannel,
        input.sourceDetail,
        input.direction,
        input.status,
        ownerId,
        isDemo ? 1 : 0,
        options.importId ?? null,
        at,
        at,
        batchId,
      );
      for (let position = 0; position < input.phones.length; position++) {
        const phone = input.phones[position] as LeadPhone;
        insertPhone.run(id, position, phone.e164, phone.ext, phone.label, phone.raw, batchId);
      }
      const lead: Lead = {
        id,
        name: input.name,
        title: input.title,
        accountId,
        company: linked?.name ?? null,
        email: input.email,
        phones: input.phones,
        timeZone: input.timeZone,
        country: input.country,
        region: input.region,
        city: input.city,
        sourceChannel: input.sourceChannel,
        sourceDetail: input.sourceDetail,
        direction: input.direction,
        status: input.status,
        ownerId,
        isDemo,
        createdAt: at,
        updatedAt: at,
      };
      if (own.record !== false) outbox.record('lead.create', lead);
      if (input.research) {
        // A lead just written has no notes yet: a plain insert, no conflict to look for.
        insertResearch.run(id, input.research, at, batchId);
        if (own.record !== false)
          outbox.record('research.set', { leadId: id, body: input.research, updatedAt: at });
      }
      return lead;
    },

    /**
     * Writes a stored lead's fields as `fields` holds them and records `lead.update` with `changes` (the
     * fields that changed, in `Lead` terms; nothing is written when it is empty).
     */
    update(id: string, fields: LeadFields, changes: LeadChanges, options: WriteOptions): void {
      if (Object.keys(changes).length === 0) return;
      updateLead.run(
        fields.title,
        fields.accountId,
        fields.email,
        fields.timeZone,
        fields.country,
        fields.region,
        fields.city,
        fields.sourceDetail,
        options.at,
        id,
      );
      if (options.record !== false) outbox.record('lead.update', { id, changes, updatedAt: options.at });
    },

    /**
     * Sets a lead's status. The caller records `lead.setStatus`, since an outcome bundles it with the
     * activity and task it logs (queue/services.ts).
     */
    setStatus(id: string, status: LeadStatus, at: number): void {
      updateStatus.run(status, at, id);
    },

    /**
     * Replaces a stored lead's phones with `phones` in dialing order (positions 0…n-1) and records
     * `lead.setPhones` with the whole list, or `lead.setPrimaryPhone` when `primary` says the edit only
     * moved that number first. Call inside the caller's transaction.
     */
    setPhones(
      id: string,
      phones: readonly LeadPhone[],
      options: WriteOptions & { primary?: Pick<LeadPhone, 'e164' | 'ext'> },
    ): void {
      deletePhones.run(id);
      phones.forEach((phone, position) => {
        insertPhone.run(id, position, phone.e164, phone.ext, phone.label, phone.raw, null);
      });
      touch.run(options.at, id);
      if (options.record === false) return;
      if (options.primary)
        outbox.record('lead.setPrimaryPhone', {
          id,
          e164: options.primary.e164,
          ext: options.primary.ext,
          updatedAt: options.at,
        });
      else outbox.record('lead.setPhones', { id, phones: [...phones], updatedAt: options.at });
    },

    /** Sets a lead's IANA time zone (null: unknown) and records `lead.setTimeZone`. */
    setTimeZone(id: string, timeZone: string | null, options: WriteOptions): void {
      updateTimeZone.run(timeZone, options.at, id);
      if (options.record !== false)
        outbox.record('lead.setTimeZone', { id, timeZone, updatedAt: options.at });
    },

    /** Reassigns a lead (null: nobody) and records `lead.setOwner`. */
    setOwner(id: string, ownerId: string | null, options: WriteOptions): void {
      updateOwner.run(ownerId, options.at, id);
      if (options.record !== false) outbox.record('lead.setOwner', { id, ownerId, updatedAt: options.at });
    },

    /**
     * Writes a lead as the team server holds it (a pull), under the server's id: inserted when new,
     * else its fields, owner, phones and research notes replaced — except the fields named in `keep`,
     * which stay as stored (a local edit still in the outbox whose HLC is newer than the server's).
     * A company the store has no account for becomes the account `lead.accountId` (or, when the store
     * has an account of that name under another id, the lead links to that one). Records nothing in
     * the outbox: what came from the server is never pushed back. Returns the lead as now stored.
     */
    putPulled(lead: Lead & { research: string | null }, keep: ReadonlySet<string>, at: number): Lead {
      const stored = leadExists.get(lead.id) === undefined ? undefined : this.find(lead.id);
      const take = <K extends keyof Lead>(field: K): Lead[K] =>
        stored !== undefined && keep.has(field) ? stored[field] : lead[field];
      let accountId = take('accountId');
      const company = take('company');
      if (accountId !== null && accountById.get(accountId) === undefined) {
        const named = company?.trim() ? accountByKey.get(accountKey(company)) : undefined;
        if (named) accountId = named.id;
        else if (company?.trim())
          insertAccount.run(accountId, company.trim(), accountKey(company), at, at, null);
        else accountId = null;
      }
      const values = [
        take('name'),
        take('title'),
        accountId,
        take('email'),
        take('timeZone'),
        take('country'),
        take('region'),
        take('city'),
        take('sourceChannel'),
        take('sourceDetail'),
        take('direction'),
        take('status'),
      ];
      if (stored === undefined) {
        insertLead.run(lead.id, ...values, lead.ownerId, 0, null, lead.createdAt, lead.updatedAt, null);
      } else {
        replaceLead.run(...values, lead.ownerId, Math.max(stored.updatedAt, lead.updatedAt), lead.id);
      }
      if (stored === undefined || !keep.has('phones')) {
        deletePhones.run(lead.id);
        lead.phones.forEach((phone, position) => {
          insertPhone.run(lead.id, position, phone.e164, phone.ext, phone.label, phone.raw, null);
        });
      }
      if (!keep.has('research')) {
        if (lead.research === null) deleteResearch.run(lead.id);
        else upsertResearch.run(lead.id, lead.research, lead.updatedAt, null);
      }
      return this.find(lead.id) as Lead;
    },

    /**
     * Stores a team account under the server's id, unless the store holds that id or an account of the
     * same name (`accountKey`) already. Records nothing. Returns whether it was written.
     */
    putPulledAccount(account: { id: string; name: string; createdAt: number }): boolean {
      const name = account.name.trim();
      if (!name || accountById.get(account.id) || accountByKey.get(accountKey(name))) return false;
      insertAccount.run(account.id, name, accountKey(name), account.createdAt, account.createdAt, null);
      return true;
    },

    /**
     * Removes a lead from this store with what hangs off it (phones, activities, research, tasks,
     * enrollments): the team server moved it to someone else. Records nothing; rows of it still in the
     * outbox are pushed as they are. Returns whether the lead was here.
     */
    removePulled(id: string): boolean {
      return deleteLead.run(id).changes > 0;
    },

    /** The lead as every reader sees it now (published rows only), or undefined. */
    find(id: string): Lead | undefined {
      const row = leadById.get(id);
      return row ? toLead(row, phonesOf.all(id).map(toPhone)) : undefined;
    },

    /** A lead's phones in dialing order. */
    phones: (leadId: string): LeadPhone[] => phonesOf.all(leadId).map(toPhone),

    /** The published lead that owns this number and extension, if any. */
    phoneOwner: (phone: Pick<LeadPhone, 'e164' | 'ext'>): string | undefined =>
      phoneOwner.get(phone.e164, phone.ext),

    hasResearch: (leadId: string): boolean => researchExists.get(leadId) !== undefined,
  };
};

const writers = new WeakMap<Db, WeakMap<Outbox, LeadWriter>>();

/**
 * The lead writer of this connection and outbox, created (and its statements prepared) on first use.
 * Keyed by the connection object, so each connection, in any thread, has its own.
 */
export const leadWriterFor = (db: Db, outbox: Outbox): LeadWriter => {
  let byOutbox = writers.get(db);
  if (!byOutbox) {
    byOutbox = new WeakMap();
    writers.set(db, byOutbox);
  }
  let writer = byOutbox.get(outbox);
  if (!writer) {
    writer = createLeadWriter(db, outbox);
    byOutbox.set(outbox, writer);
  }
  return writer;
};
