import type { DncEntry, DncKind } from '@shared/domain/queue';
import { dncDomainMessage, readDncDomain } from '@shared/tasks/dncInput';
import type { Statement } from 'better-sqlite3';
import { AppError } from '../errors';
import { newId } from '../ids';
import type { Db } from '../store/db';
import { published, publishedLeads } from '../store/published';
import type { Recorder } from './tasks-store';

type DncRow = {
  id: string;
  kind: DncKind;
  value: string;
  reason: string | null;
  lead_id: string | null;
  created_at: number;
};

const toEntry = (row: DncRow): DncEntry => ({
  id: row.id,
  kind: row.kind,
  value: row.value,
  reason: row.reason,
  leadId: row.lead_id,
  createdAt: row.created_at,
});

/**
 * The stored form of a do-not-contact value: E.164 phone, lowercase email, lowercase bare domain (an
 * IDN as punycode, by `readDncDomain`). Raises `invalid_input` with what to type for a value that is none.
 */
export const normalizeDnc = (kind: DncKind, value: string): string => {
  const text = value.trim();
  if (kind === 'phone') {
    const phone = text.replace(/[\s().-]/g, '');
    if (!/^\+[1-9]\d{1,14}$/.test(phone)) {
      throw new AppError(
        'invalid_input',
        `"${value}" is not a phone number in E.164 form (e.g. +12025550143).`,
      );
    }
    return phone;
  }
  const lower = text.toLowerCase();
  if (kind === 'email') {
    if (!/^[^\s@]+@[^\s@]+$/.test(lower))
      throw new AppError('invalid_input', `"${value}" is not an email address.`);
    return lower;
  }
  // One rule with the desktop's form and the team server: an IDN is kept as punycode.
  const domain = readDncDomain(text);
  if (domain === null) throw new AppError('invalid_input', dncDomainMessage(text.replace(/^@/, '')));
  return domain;
};

export type DncStore = ReturnType<typeof createDncStore>;

export const createDncStore = (db: Db, record: Recorder) => {
  const insert = db.prepare(
    'INSERT OR IGNORE INTO dnc (id, kind, value, reason, lead_id, created_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const byValue = db.prepare<[DncKind, string], DncRow>('SELECT * FROM dnc WHERE kind = ? AND value = ?');
  const byId = db.prepare<[string], DncRow>('SELECT * FROM dnc WHERE id = ?');
  const remove = db.prepare('DELETE FROM dnc WHERE id = ?');
  const removeByValue = db.prepare('DELETE FROM dnc WHERE kind = ? AND value = ?');
  const all = db.prepare<[], DncRow>('SELECT * FROM dnc ORDER BY created_at DESC, id DESC');
  const matching: Record<DncKind, Statement<[string], string>> = {
    phone: db
      .prepare<[string], string>(
        `SELECT DISTINCT lead_id FROM lead_phones p WHERE e164 = ? AND ${published('p')}`,
      )
      .pluck(),
    email: db
      .prepare<[string], string>(`SELECT id FROM ${publishedLeads('l')} WHERE lower(trim(email)) = ?`)
      .pluck(),
    domain: db
      .prepare<[string], string>(
        `SELECT id FROM ${publishedLeads('l')} WHERE lower(trim(email)) LIKE '%@' || ?`,
      )
      .pluck(),
  };

  return {
    /** Adds entries (already normalized); an existing entry is kept as it is. Returns the entries added. */
    add(
      entries: { kind: DncKind; value: string }[],
      reason: string | null,
      leadId: string | null,
      at: number,
      isDemo: boolean,
    ): DncEntry[] {
      const added: DncEntry[] = [];
      for (const { kind, value } of entries) {
        const id = newId();
        if (insert.run(id, kind, value, reason, leadId, at).changes === 0) continue;
        const entry = toEntry(byValue.get(kind, value) as DncRow);
        added.push(entry);
        record(isDemo, 'dnc.add', entry);
      }
      return added;
    },
    remove(id: string): DncEntry {
      const row = byId.get(id);
      if (!row)
        throw new AppError('not_found', `No do-not-contact entry with id ${id}; list them with dnc.list.`);
      remove.run(id);
      record(false, 'dnc.remove', { id, kind: row.kind, value: row.value });
      return toEntry(row);
    },
    /**
     * Adds an entry pulled from the team server (value as the server normalised it) without an outbox
     * row; an entry of that kind and value already here is kept. Returns whether it was added.
     */
    addPulled(entry: DncEntry): boolean {
      return (
        insert.run(entry.id, entry.kind, entry.value, entry.reason, entry.leadId, entry.createdAt).changes > 0
      );
    },
    /** Removes the entry of this kind and value (a removal pulled from the team server), without an outbox row. */
    removePulled(kind: DncKind, value: string): boolean {
      return removeByValue.run(kind, value).changes > 0;
    },
    list(): DncEntry[] {
      return all.all().map(toEntry);
    },
    /** Leads an entry covers, to take them off their cadences. */
    leadsMatching(kind: DncKind, value: string): string[] {
      return matching[kind].all(value);
    },
  };
};
