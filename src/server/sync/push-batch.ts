import type { Change, PushedMutation } from '@shared/sync';
import { batchMutations } from '@shared/sync/mutations/batches';
import type pg from 'pg';
import { applyDefinitionChange } from '../definitions/apply';
import { applyHandoffChange } from '../handoffs/apply';
import { type AppliedBy, applyActivityChanges, touchesActivities } from './activities';
import { batchedLeadRows, type LeadRows } from './lead-rows';
import { applyLeadChange, leadIdsOf } from './leads';
import { nextVersionsSql, sqlText } from './versions';

/** A pushed mutation once checked: its changes, or why it is rejected (recorded, so a retry hears it again). */
export type Checked =
  | { ok: true; changes: Change[] }
  | { ok: false; code: string; message: string; record: boolean };

/** One mutation of a batch: who pushed it (a user of the batch's team, with their role), and its check. */
export type BatchItem = {
  userId: string;
  role: AppliedBy['role'];
  mutation: PushedMutation;
  checked: Checked;
};

/** Whether a mutation name is a batch (one user action's changes, applied together). */
export const isBatchName = (name: string): boolean => Object.hasOwn(batchMutations, name);

/**
 * Applies what a mutation's changes mean beyond activities — leads and accounts (per-field LWW,
 * `applyLeadChange`), hand-offs (`applyHandoffChange`) and the team's definitions
 * (`applyDefinitionChange`) — inside the batch's transaction, in the
 * mutation's order. A lead edit the server refuses rejects a single-change mutation (it wrote
 * nothing); inside a batch mutation (one user action's changes) only that edit is left out.
 * Returns whether anything was applied, or the rejection. Leads go through `leads` (the batch's).
 */
const applyBeyondActivities = async (
  client: pg.PoolClient,
  mutationName: string,
  changes: readonly Change[],
  by: AppliedBy,
  leads: LeadRows,
): Promise<boolean | { code: string; message: string }> => {
  let applied = false;
  for (const change of changes) {
    const lead = await applyLeadChange(client, change, by, leads);
    if (typeof lead === 'object') {
      if (!isBatchName(mutationName)) return lead;
    } else if (lead === 'applied') applied = true;
    if (await applyHandoffChange(client, change, by)) applied = true;
    if (await applyDefinitionChange(client, change, by)) applied = true;
  }
  return applied;
};

/**
 * Runs `fn` on one pooled connection inside the transaction `fn`'s first statement opens (it starts
 * with `BEGIN`), and commits when `fn` resolves; when anything fails the transaction is rolled back
 * and the error thrown as it is. `inTransaction` sends `BEGIN` on its own, a round trip a push need
 * not wait for.
 */
const inBatchTransaction = async <T>(
  pool: pg.Pool,
  fn: (client: pg.PoolClient) => Promise<T>,
): Promise<T> => {
  const client = await pool.connect();
  try {
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
};

/** What became of one mutation in a batch: recorded now with this verdict, or recorded before (null). */
export type BatchVerdict =
  | { status: 'applied' | 'stored' }
  | { status: 'rejected'; code: string; message: string }
  | null;

/**
 * Records and applies a batch of one team's mutations — one request's, or several requests' together
 * (push-queue.ts) — in ONE transaction: first the team's change versions as one block
 * (`nextVersionsSql`), then the `mutations` rows with their versions in one statement (`ON CONFLICT DO
 * NOTHING`: an id recorded before is left alone and answered from its earlier result), both sent with
 * `BEGIN` in one round trip, then every
 * lead the new mutations name, locked and read in one statement, changed in memory mutation by
 * mutation and written back in one statement (`batchedLeadRows`), then the activities and voids in
 * one statement each: a fixed number of round trips however many mutations the batch carries. A mutation not to be recorded (its check `record:
 * false`) must not be passed. Returns one verdict per mutation. Throws PostgreSQL's error as it is and
 * commits nothing when any statement fails: the caller applies the request one mutation at a time
 * instead (a value the columns refuse rejects only its mutation).
 */
export const applyBatch = async (
  pool: pg.Pool,
  teamId: string,
  items: readonly BatchItem[],
  now: number,
): Promise<BatchVerdict[]> =>
  inBatchTransaction(pool, async (client) => {
    const mutations = items.map((item) => item.mutation);
    const checked = items.map((item) => item.checked);
    const statusOf = (check: Checked): 'applied' | 'stored' | 'rejected' =>
      !check.ok ? 'rejected' : check.changes.some(touchesActivities) ? 'applied' : 'stored';
    // The team's versions first, one for each mutation that may apply (one found recorded already
    // leaves its version unused: versions have gaps, never repeats). Holding the team's row before
    // writing any, this transaction never waits on another's mutation row while that one waits for
    // the team's row, and every row is written with its version at once. `k` is a row's place among
    // those that take a version.
    const applicable = checked.filter((check) => check.ok).length;
    let k = 0;
    const rows = mutations.map((mutation, i) => {
      const check = checked[i] as Checked;
      return {
        n: i,
        id: mutation.id,
        user_id: (items[i] as BatchItem).userId,
        name: mutation.name,
        args: mutation.args ?? null,
        hlc: mutation.hlc,
        status: statusOf(check),
        code: check.ok ? null : check.code,
        message: check.ok ? null : check.message,
        k: check.ok ? k++ : null,
      };
    });
    // BEGIN, the versions and the mutations in one round trip (simple query protocol, so the values
    // are written in as dollar-quoted constants): a push waits on the database once here instead of three
    // times. The mutations read their versions from the team's row this transaction just bumped.
    const team = sqlText(teamId);
    const versioned = applicable > 0;
    const answers = (await client.query(
      `BEGIN;
       ${versioned ? `${nextVersionsSql(sqlText, teamId, applicable)};` : ''}
       INSERT INTO mutations (team_id, id, user_id, name, args, hlc, status, code, message, change_version,
         received_at)
       SELECT ${team}::uuid, r.id, r.user_id, r.name, r.args, r.hlc, r.status, r.code, r.message,
              ${versioned ? `(SELECT version FROM team_versions WHERE team_id = ${team}::uuid) - ${applicable} + 1 + r.k` : 'NULL::bigint'},
              ${Math.trunc(now)}
         FROM jsonb_to_recordset(${sqlText(JSON.stringify(rows))}::jsonb)
              AS r(n integer, id uuid, user_id uuid, name text, args jsonb, hlc text, status text, code text,
                   message text, k bigint)
        ORDER BY r.n
       ON CONFLICT (team_id, id) DO NOTHING RETURNING id`,
    )) as unknown as pg.QueryResult[];
    const bumped = versioned ? (answers[1] as pg.QueryResult<{ version: string }>).rows[0] : undefined;
    const first = bumped ? Number(bumped.version) - applicable + 1 : 0;
    const versionOf = rows.map((row) => (row.k === null ? null : first + row.k));
    const inserted = (answers.at(-1) as pg.QueryResult<{ id: string }>).rows;
    // An id sent twice in one request is recorded by its first copy only.
    const fresh = new Set(inserted.map((row) => row.id));
    const recordedNow = mutations.map((mutation) => fresh.delete(mutation.id.toLowerCase()));
    const leads = await batchedLeadRows(
      client,
      teamId,
      leadIdsOf(checked.flatMap((check, i) => (recordedNow[i] && check.ok ? check.changes : []))),
    );
    const changes: { change: Change; by: AppliedBy }[] = [];
    // Status changes found while applying (a lead edit applied or refused, a hand-off recorded).
    const settled: { id: string; status: string; code: string | null; message: string | null }[] = [];
    for (const [i, mutation] of mutations.entries()) {
      const check = checked[i] as Checked;
      const row = rows[i];
      const version = versionOf[i];
      if (!row || !recordedNow[i] || !check.ok || version == null) continue;
      const item = items[i] as BatchItem;
      const by: AppliedBy = {
        teamId,
        userId: item.userId,
        role: item.role,
        mutationId: mutation.id,
        hlc: mutation.hlc,
        version,
        receivedAt: now,
      };
      const beyond = await applyBeyondActivities(client, mutation.name, check.changes, by, leads);
      if (typeof beyond === 'object') {
        Object.assign(row, { status: 'rejected', code: beyond.code, message: beyond.message });
        settled.push({ id: mutation.id, status: 'rejected', code: beyond.code, message: beyond.message });
        continue;
      }
      if (beyond && row.status === 'stored') {
        row.status = 'applied';
        settled.push({ id: mutation.id, status: 'applied', code: null, message: null });
      }
      for (const change of check.changes) changes.push({ change, by });
    }
    await leads.flush();
    if (settled.length > 0) {
      await client.query(
        `UPDATE mutations m SET status = s.status, code = s.code, message = s.message,
                change_version = CASE WHEN s.status = 'rejected' THEN NULL ELSE m.change_version END
           FROM jsonb_to_recordset($2::jsonb) AS s(id uuid, status text, code text, message text)
          WHERE m.team_id = $1 AND m.id = s.id`,
        [teamId, JSON.stringify(settled)],
      );
    }
    await applyActivityChanges(client, changes);
    return mutations.map((_, i): BatchVerdict => {
      if (!recordedNow[i]) return null;
      const row = rows[i] as (typeof rows)[number];
      return row.status === 'rejected'
        ? { status: 'rejected', code: row.code ?? '', message: row.message ?? '' }
        : { status: row.status };
    });
  });
