import { accountKey, type LeadPhone, type LeadStatus } from '@shared/domain/lead';
import type { Change } from '@shared/sync';
import type pg from 'pg';
import { insertAccount, recordMove, type StoredLead, teamUser } from '../store/leads';
import type { AppliedBy } from './activities';
import { directLeadRows, type LeadRows } from './lead-rows';

/** Who wrote a change, with the role the server decides by. */
export type LeadWriter = AppliedBy;

/** What a lead change came to: written (`applied`), no lead effect (`none`), or refused with a reason. */
export type LeadVerdict = 'applied' | 'none' | { code: string; message: string };

/**
 * Statuses only the server sets (an AE's acceptance makes `sql`; what follows it is the AE's): a rep's
 * desktop can neither claim them nor move a lead out of them.
 */
const SERVER_DECIDED: ReadonlySet<LeadStatus> = new Set(['sql', 'opportunity', 'won', 'lost']);

/**
 * Per-field last-writer-wins: a write stamped `hlc` replaces field `field` when the field has no stamp
 * (imported) or an older one. HLC texts sort in clock order (wall, then counter, then node id), so two
 * writes with the same wall time and counter are decided by the greater node id: a fixed, stated rule
 * every server process and desktop applies the same way. An equal stamp is the same write again.
 */
export const newerWins = (hlcs: Record<string, string>, field: string, hlc: string): boolean => {
  const held = hlcs[field];
  return held === undefined || hlc > held;
};

/** Writes `values` into `lead` field by field under LWW; returns how many fields took the write. */
const merge = (lead: StoredLead, values: Record<string, unknown>, hlc: string): number => {
  let taken = 0;
  for (const [field, value] of Object.entries(values)) {
    if (value === undefined || !newerWins(lead.fieldHlcs, field, hlc)) continue;
    lead.fields[field] = value;
    lead.fieldHlcs[field] = hlc;
    taken++;
  }
  return taken;
};

/** The lead field writes a change carries, with the lead id, or null for a change about no lead field. */
const fieldWrites = (
  change: Change,
  current: StoredLead | null,
): { id: string; values: Record<string, unknown>; at: number } | null => {
  switch (change.name) {
    case 'lead.create': {
      const { id, ownerId: _owner, isDemo: _demo, ...fields } = change.args;
      return { id, values: fields, at: change.args.updatedAt };
    }
    case 'lead.update':
      return { id: change.args.id, values: { ...change.args.changes }, at: change.args.updatedAt };
    case 'lead.setFit':
      return { id: change.args.id, values: { fit: change.args.fit }, at: change.args.updatedAt };
    case 'lead.setStatus':
    case 'lead.changeStatus':
      return { id: change.args.id, values: { status: change.args.status }, at: change.args.updatedAt };
    case 'research.set':
      return { id: change.args.leadId, values: { research: change.args.body }, at: change.args.updatedAt };
    case 'lead.setPhones':
      return { id: change.args.id, values: { phones: change.args.phones }, at: change.args.updatedAt };
    case 'lead.setPrimaryPhone': {
      const phones = ((current?.fields.phones as LeadPhone[] | undefined) ?? []).slice();
      const at = phones.findIndex((p) => p.e164 === change.args.e164 && p.ext === change.args.ext);
      const [first] = at >= 0 ? phones.splice(at, 1) : [];
      const head: LeadPhone = first ?? {
        e164: change.args.e164,
        ext: change.args.ext,
        label: null,
        raw: change.args.e164,
      };
      return { id: change.args.id, values: { phones: [head, ...phones] }, at: change.args.updatedAt };
    }
    case 'lead.setTimeZone':
      return { id: change.args.id, values: { timeZone: change.args.timeZone }, at: change.args.updatedAt };
    default:
      return null;
  }
};

const leadIdOf = (change: Change): string | null => {
  if (change.name === 'research.set') return change.args.leadId;
  if (change.name.startsWith('lead.') && 'id' in change.args && typeof change.args.id === 'string')
    return change.args.id;
  return null;
};

/** The ids of the leads `changes` may read or write (what `applyLeadChange` locks), in order, once each. */
export const leadIdsOf = (changes: readonly Change[]): string[] => [
  ...new Set(changes.flatMap((change) => leadIdOf(change)?.toLowerCase() ?? [])),
];

/** Whether `by` may write `lead`: a manager any lead of the team; a rep or AE their own, or an unassigned one they created. */
const mayWrite = (lead: StoredLead, by: LeadWriter): boolean =>
  by.role === 'manager' ||
  lead.ownerId === by.userId ||
  (lead.ownerId === null && lead.createdBy === by.userId);

const notYours = (id: string): LeadVerdict => ({
  code: 'sync_lead_not_yours',
  message: `The lead ${id} is not assigned to you on the team server, so your edit of it was not applied. Ask your manager to assign it to you, then make the edit again.`,
});

/**
 * Decides a `lead.setOwner`: a manager assigns any lead to a rep, AE or manager of the team (by user id
 * or email) or to nobody; a rep or AE may only release a lead they own (owner null) or claim an
 * unassigned one for themselves. Anything else is `sync_server_decided`.
 */
const decideOwner = async (
  client: pg.PoolClient,
  lead: StoredLead,
  wanted: string | null,
  by: LeadWriter,
): Promise<{ ownerId: string | null } | { code: string; message: string }> => {
  const target = wanted === null ? null : await teamUser(client, by.teamId, wanted);
  if (wanted !== null && target === null) {
    return {
      code: 'sync_server_decided',
      message: `"${wanted}" is not a member of your team on the server, so the lead keeps its owner. Assign leads to a team member's email.`,
    };
  }
  if (target?.removedAt != null) {
    return {
      code: 'user_removed',
      message: `${target.email} was removed from the team, so the lead keeps its owner. Assign it to a current team member.`,
    };
  }
  const ownerId = target?.id ?? null;
  if (by.role === 'manager') return { ownerId };
  const release = ownerId === null && lead.ownerId === by.userId;
  const claim = ownerId === by.userId && (lead.ownerId === null || lead.ownerId === by.userId);
  if (release || claim) return { ownerId };
  return {
    code: 'sync_server_decided',
    message:
      'Who a lead belongs to is decided by the team server: you may release your own lead or take an unassigned one, not move a lead to or from someone else. Ask your manager to reassign it.',
  };
};

/**
 * Applies what one change means for the team's leads and accounts, inside the caller's transaction, at
 * `by.version`: `account.create` (an account once per id), `lead.create`, `lead.update`, `lead.setFit`,
 * `lead.setStatus`, `lead.changeStatus` (its status; the activity is `applyActivityChange`'s),
 * `research.set`, `lead.setPhones`, `lead.setPrimaryPhone`, `lead.setTimeZone` merge field by field,
 * last writer wins by HLC (`newerWins`); `lead.setOwner` is decided by the server (`decideOwner`).
 * A rep's `lead.create` makes the lead theirs. Returns `none` for a change about no lead.
 * Refusals (`sync_lead_not_yours`: not the writer's lead; `sync_lead_unknown`: the team has no such
 * lead; `sync_server_decided`: a status or owner only the server sets) write nothing. Leads are
 * read and written through `rows` (by default a statement each; a push's batch passes
 * `batchedLeadRows`, which writes them all at once when it is done).
 */
export const applyLeadChange = async (
  client: pg.PoolClient,
  change: Change,
  by: LeadWriter,
  rows: LeadRows = directLeadRows(client, by.teamId),
): Promise<LeadVerdict> => {
  if (change.name === 'account.create') {
    const { id, name, createdAt } = change.args;
    await insertAccount(client, by.teamId, { id, name, nameFolded: accountKey(name), createdAt }, by.version);
    return 'applied';
  }
  const id = leadIdOf(change);
  if (id === null) return 'none';
  if (change.name !== 'lead.create' && change.name !== 'lead.setOwner' && fieldWrites(change, null) === null)
    return 'none';
  const lead = await rows.lock(id);
  if (lead === null) {
    if (change.name !== 'lead.create') {
      return {
        code: 'sync_lead_unknown',
        message: `The team server holds no lead ${id}, so this edit cannot apply. It was set aside; the lead may have been created on a desktop that never synced it.`,
      };
    }
    const { id: _id, ownerId: _owner, isDemo: _demo, ...fields } = change.args;
    const hlcs = Object.fromEntries(Object.keys(fields).map((field) => [field, by.hlc]));
    const mine = by.role === 'manager' ? null : by.userId;
    await rows.save(
      { id, ownerId: mine, createdBy: by.userId, fields, fieldHlcs: hlcs },
      by.version,
      by.receivedAt,
    );
    return 'applied';
  }
  if (!mayWrite(lead, by)) return notYours(id);
  if (change.name === 'lead.setOwner') {
    const decided = await decideOwner(client, lead, change.args.ownerId, by);
    if ('code' in decided) return decided;
    if (decided.ownerId === lead.ownerId) return 'applied';
    if (lead.ownerId !== null)
      await recordMove(client, by.teamId, id, lead.ownerId, decided.ownerId, by.version);
    await rows.save({ ...lead, ownerId: decided.ownerId }, by.version, by.receivedAt);
    return 'applied';
  }
  const writes = fieldWrites(change, lead);
  if (writes === null) return 'none';
  const status = writes.values.status as LeadStatus | undefined;
  const held = lead.fields.status as LeadStatus | undefined;
  if (by.role !== 'manager' && status !== undefined && status !== held) {
    if (SERVER_DECIDED.has(status) || (held !== undefined && SERVER_DECIDED.has(held))) {
      return {
        code: 'sync_server_decided',
        message: `The lead's status "${held ?? status}" is decided on the team server (an AE's answer to a hand-off), so your change to "${status}" was not applied. The lead shows the server's status on your next sync.`,
      };
    }
  }
  if (merge(lead, writes.values, by.hlc) > 0) {
    const updatedAt = typeof lead.fields.updatedAt === 'number' ? lead.fields.updatedAt : 0;
    lead.fields.updatedAt = Math.max(updatedAt, writes.at);
    await rows.save(lead, by.version, by.receivedAt);
  }
  return 'applied';
};
