import type { Db } from '../../store/db';

/** Lead fields a local change writes, by mutation name (`lead.create` writes them all). */
const ALL_FIELDS = [
  'name',
  'title',
  'accountId',
  'company',
  'email',
  'phones',
  'timeZone',
  'country',
  'region',
  'city',
  'sourceChannel',
  'sourceDetail',
  'direction',
  'status',
];

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The lead id and fields one change writes, or null for a change about no lead field. */
const writesOf = (name: string, args: Record<string, unknown>): { id: unknown; fields: string[] } | null => {
  switch (name) {
    case 'lead.create':
      return { id: args.id, fields: ALL_FIELDS };
    case 'lead.update':
      return { id: args.id, fields: isRecord(args.changes) ? Object.keys(args.changes) : [] };
    case 'lead.setStatus':
    case 'lead.changeStatus':
      return { id: args.id, fields: ['status'] };
    case 'lead.setPhones':
    case 'lead.setPrimaryPhone':
      return { id: args.id, fields: ['phones'] };
    case 'lead.setTimeZone':
      return { id: args.id, fields: ['timeZone'] };
    case 'research.set':
      return { id: args.leadId, fields: ['research'] };
    default:
      return null;
  }
};

/** Lead id → field → the newest HLC of a local write of that field still waiting in the outbox. */
export type PendingFieldStamps = Map<string, Map<string, string>>;

/**
 * The lead fields written by outbox rows the server has not acknowledged yet (state `pending`, batches
 * read change by change), with each field's newest stamp: a pulled value of such a field loses to the
 * local one when the local stamp is newer (per-field last-writer-wins, as on the server).
 */
export const pendingFieldStamps = (db: Db): PendingFieldStamps => {
  const stamps: PendingFieldStamps = new Map();
  const rows = db
    .prepare<[], { name: string; args: string; hlc: string }>(
      "SELECT name, args, hlc FROM outbox WHERE state = 'pending' ORDER BY seq",
    )
    .all();
  const note = (name: string, args: unknown, hlc: string) => {
    if (!isRecord(args)) return;
    if (Array.isArray(args.changes)) {
      for (const change of args.changes) {
        if (isRecord(change) && typeof change.name === 'string') note(change.name, change.args, hlc);
      }
      return;
    }
    const writes = writesOf(name, args);
    if (writes === null || typeof writes.id !== 'string') return;
    let fields = stamps.get(writes.id);
    if (!fields) {
      fields = new Map();
      stamps.set(writes.id, fields);
    }
    for (const field of writes.fields) {
      const held = fields.get(field);
      if (held === undefined || hlc > held) fields.set(field, hlc);
    }
  };
  for (const row of rows) {
    try {
      note(row.name, JSON.parse(row.args), row.hlc);
    } catch {
      // Unreadable args: the server rejects that row; it writes no field here.
    }
  }
  return stamps;
};

/**
 * The fields of lead `leadId` to keep as stored: those with a pending local write stamped later than
 * the server's stamp for the field (`serverStamps`; a field without one was imported, so any edit wins).
 */
export const fieldsToKeep = (
  pending: PendingFieldStamps,
  leadId: string,
  serverStamps: Record<string, string>,
): Set<string> => {
  const keep = new Set<string>();
  for (const [field, hlc] of pending.get(leadId) ?? []) {
    const server = serverStamps[field];
    if (server === undefined || hlc > server) keep.add(field);
  }
  return keep;
};
