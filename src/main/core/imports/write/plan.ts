import type { OnDuplicate } from '@shared/api/imports';
import type { LeadPhone } from '@shared/domain/lead';
import type { ImportedLead } from '../normalize/row';

/**
 * Who already owns an email address or a phone number. Emails match case-insensitively; a phone
 * matches on its E.164 number and extension together, since colleagues often share a switchboard
 * number and differ only by extension.
 */
export type ContactIndex = { emails: Map<string, string>; phones: Map<string, string> };

export const emailKey = (email: string): string => email.toLowerCase();
export const phoneKey = (phone: Pick<LeadPhone, 'e164' | 'ext'>): string =>
  phone.ext ? `${phone.e164};ext=${phone.ext}` : phone.e164;

/** Where a duplicate row goes: into an earlier row of the same file, or into a stored lead. */
type Owner = { kind: 'file'; index: number } | { kind: 'store'; id: string };

export type ImportPlan = {
  creates: ImportedLead[];
  /** Rows to fold into stored leads, by lead id, in file order. */
  merges: Map<string, ImportedLead[]>;
  merged: number;
  skipped: number;
};

/** Fields a merge may fill when the lead has them empty. */
export const FILLABLE = [
  'title',
  'company',
  'email',
  'timeZone',
  'country',
  'region',
  'city',
  'sourceDetail',
] as const;

/**
 * Folds `incoming` into `target`: empty fields are filled and phones it does not have are added,
 * unless `takenElsewhere` says another lead owns them. Returns the phones it added.
 */
export const foldInto = (
  target: Pick<ImportedLead, (typeof FILLABLE)[number] | 'phones' | 'research'>,
  incoming: ImportedLead,
  takenElsewhere: (key: string) => boolean,
): LeadPhone[] => {
  for (const field of FILLABLE) {
    if (!target[field] && incoming[field]) target[field] = incoming[field];
  }
  if (!target.research && incoming.research) target.research = incoming.research;
  const have = new Set(target.phones.map(phoneKey));
  const added: LeadPhone[] = [];
  for (const phone of incoming.phones) {
    const key = phoneKey(phone);
    if (have.has(key) || takenElsewhere(key)) continue;
    have.add(key);
    target.phones.push(phone);
    added.push(phone);
  }
  return added;
};

/**
 * Sorts accepted rows into new leads and duplicates (rows merged into an earlier row fill that
 * row in place). A row is a duplicate when its email or one
 * of its phones belongs to a stored lead (checked first) or to an earlier row of the file;
 * duplicates are skipped, or merged into the lead they match.
 */
export const planImport = (
  rows: readonly ImportedLead[],
  store: ContactIndex,
  onDuplicate: OnDuplicate,
): ImportPlan => {
  const planner = createPlanner(store, onDuplicate);
  for (const row of rows) planner.add(row);
  return planner.plan();
};

/** Rows planned between two turns of the event loop. */
const ROWS_PER_TURN = 2_000;

/** `planImport`, letting the event loop turn every couple of thousand rows (for 100k-row files). */
export const planImportInTurns = async (
  rows: readonly ImportedLead[],
  store: ContactIndex,
  onDuplicate: OnDuplicate,
): Promise<ImportPlan> => {
  const planner = createPlanner(store, onDuplicate);
  for (let from = 0; from < rows.length; from += ROWS_PER_TURN) {
    for (const row of rows.slice(from, from + ROWS_PER_TURN)) planner.add(row);
    await new Promise((done) => setImmediate(done));
  }
  return planner.plan();
};

/**
 * Sorts rows one at a time (see planImport): `add` each row in file order; `plan()` returns the plan so
 * far, whose `creates` array grows with later rows (the writer writes it while rows still arrive).
 */
export const createPlanner = (store: ContactIndex, onDuplicate: OnDuplicate) => {
  const creates: ImportedLead[] = [];
  const merges = new Map<string, ImportedLead[]>();
  const fileEmails = new Map<string, Owner>();
  const filePhones = new Map<string, Owner>();
  let merged = 0;
  let skipped = 0;

  const ownerOf = (row: ImportedLead): Owner | undefined => {
    const email = row.email ? emailKey(row.email) : undefined;
    const phones = row.phones.map(phoneKey);
    const stored =
      (email && store.emails.get(email)) || phones.map((key) => store.phones.get(key)).find(Boolean);
    if (stored) return { kind: 'store', id: stored };
    return (
      (email ? fileEmails.get(email) : undefined) ?? phones.map((key) => filePhones.get(key)).find(Boolean)
    );
  };
  const claim = (row: ImportedLead, owner: Owner) => {
    if (row.email && !fileEmails.has(emailKey(row.email))) fileEmails.set(emailKey(row.email), owner);
    for (const phone of row.phones)
      if (!filePhones.has(phoneKey(phone))) filePhones.set(phoneKey(phone), owner);
  };
  const sameOwner = (a: Owner, b: Owner | undefined) =>
    b !== undefined &&
    (a.kind === 'file' ? b.kind === 'file' && b.index === a.index : b.kind === 'store' && b.id === a.id);

  const add = (row: ImportedLead): void => {
    const owner = ownerOf(row);
    if (!owner) {
      const created: Owner = { kind: 'file', index: creates.length };
      creates.push(row);
      claim(row, created);
      return;
    }
    if (onDuplicate === 'skip') {
      skipped++;
      return;
    }
    merged++;
    const foreign = (other: Owner | undefined) => other !== undefined && !sameOwner(owner, other);
    if (owner.kind === 'store') {
      // Contacts an earlier row of the file already claimed stay with that row's lead.
      const kept: ImportedLead = {
        ...row,
        email: row.email && foreign(fileEmails.get(emailKey(row.email))) ? null : row.email,
        phones: row.phones.filter((phone) => !foreign(filePhones.get(phoneKey(phone)))),
      };
      const list = merges.get(owner.id);
      if (list) list.push(kept);
      else merges.set(owner.id, [kept]);
    } else {
      // Store keys always win in ownerOf, so a row merged into an earlier row shares nothing with
      // stored leads; only phones another row of the file already owns are held back.
      foldInto(creates[owner.index] as ImportedLead, row, (key) => foreign(filePhones.get(key)));
    }
    claim(row, owner);
  };
  return { add, plan: (): ImportPlan => ({ creates, merges, merged, skipped }) };
};
