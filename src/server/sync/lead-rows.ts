import type pg from 'pg';
import { lockLead, lockLeads, type StoredLead, saveLead, saveLeads } from '../store/leads';

/**
 * Where `applyLeadChange` reads and writes the team's leads inside the caller's transaction: `lock`
 * returns a lead locked for the transaction (or null when the team has none), `save` writes it at a
 * change version (`now` in epoch ms).
 */
export type LeadRows = {
  lock: (id: string) => Promise<StoredLead | null>;
  save: (lead: StoredLead, version: number, now: number) => Promise<void>;
};

/** Leads read and written one statement each, as they are asked for. */
export const directLeadRows = (client: pg.PoolClient, teamId: string): LeadRows => ({
  lock: (id) => lockLead(client, teamId, id),
  save: (lead, version, now) => saveLead(client, teamId, lead, version, now),
});

/** `LeadRows` whose writes wait for `flush`. */
export type BatchedLeadRows = LeadRows & {
  /** Writes every lead saved since it was made, once each in its last state, in one statement. */
  flush: () => Promise<void>;
};

/**
 * Leads for a whole push transaction in two statements, however many changes touch them: the leads
 * `ids` are locked and read at once (`lockLeads`), every change after that reads and changes the copy
 * held here (so the second change to a lead sees the first), and `flush` writes each changed lead
 * once, at the version of its last change — the rows a statement per change would have left. A lead
 * asked for outside `ids` is read (and locked) on its own. Nothing in a push transaction reads the
 * `leads` table between `lock` and `flush` except through this object.
 */
export const batchedLeadRows = async (
  client: pg.PoolClient,
  teamId: string,
  ids: readonly string[],
): Promise<BatchedLeadRows> => {
  const held = new Map<string, StoredLead | null>();
  for (const id of ids) held.set(id.toLowerCase(), null);
  for (const [id, lead] of await lockLeads(client, teamId, ids)) held.set(id, lead);
  // A lead the batch creates is first written at its end: its creation time is the one it had when the
  // batch first saved it, as if each change had been written as it came (a later `lead.create` of the
  // same lead may win its fields, never its row's creation time).
  const saved = new Map<string, { lead: StoredLead; version: number; now: number; createdAt?: number }>();
  const firstCreatedAt = (lead: StoredLead, now: number) =>
    typeof lead.fields.createdAt === 'number' ? lead.fields.createdAt : now;
  return {
    lock: async (id) => {
      const key = id.toLowerCase();
      if (!held.has(key)) held.set(key, await lockLead(client, teamId, key));
      return held.get(key) ?? null;
    },
    save: async (lead, version, now) => {
      const key = lead.id.toLowerCase();
      const isNew = held.get(key) === null;
      const createdAt = saved.get(key)?.createdAt ?? (isNew ? firstCreatedAt(lead, now) : undefined);
      held.set(key, lead);
      saved.set(key, { lead, version, now, ...(createdAt === undefined ? {} : { createdAt }) });
    },
    flush: async () => {
      await saveLeads(client, teamId, [...saved.values()]);
      saved.clear();
    },
  };
};
