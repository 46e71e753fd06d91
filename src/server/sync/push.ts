import { parseHlc } from '@shared/hlc';
import type { ServerActivity } from '@shared/server/activities';
import {
  type Change,
  MAX_CLOCK_SKEW_MS,
  MutationEnvelope,
  type PushedMutation,
  type PushResult,
} from '@shared/sync';
import type pg from 'pg';
import { applyDefinitionChange } from '../definitions/apply';
import { applyHandoffChange } from '../handoffs/apply';
import { inTransaction } from '../store/teams';
import { type AppliedBy, applyActivityChange } from './activities';
import { applyLeadChange } from './leads';
import { type BatchVerdict, type Checked, isBatchName } from './push-batch';
import { applyGrouped } from './push-queue';
import { nextVersion } from './versions';

/** The pusher: a user of one team (the team is always the token's) and their role. */
export type Pusher = { teamId: string; userId: string; role: 'rep' | 'ae' | 'manager' };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Verdict = { status: 'applied' | 'stored' } | { status: 'rejected'; code: string; message: string };

/** PostgreSQL's SQLSTATE classes for bad data (22) and broken constraints (23): the row can never apply. */
const isDataError = (error: unknown): error is Error & { code: string } => {
  const code: unknown = error instanceof Error ? Reflect.get(error, 'code') : undefined;
  return typeof code === 'string' && /^2[23]/.test(code);
};

/**
 * Checks a pushed mutation before anything is written. `sync_clock_skew` when its HLC wall time is
 * more than `MAX_CLOCK_SKEW_MS` ahead of `now` (not recorded: once the clocks agree, a later push
 * applies it); `sync_mutation_invalid` when its id is not a UUID, its stamp not an HLC, its name
 * unknown or its args not of that mutation's shape.
 */
const check = (mutation: PushedMutation, now: number): Checked => {
  if (!UUID.test(mutation.id)) {
    return {
      ok: false,
      record: false,
      code: 'sync_mutation_invalid',
      message: `The change's id "${mutation.id}" is not a UUID, so it cannot be applied once; it was set aside.`,
    };
  }
  const parsed = MutationEnvelope.safeParse(mutation);
  if (!parsed.success) {
    const issues = parsed.error.issues
      .map((i) => `${i.path.join('.') || 'mutation'}: ${i.message}`)
      .join('; ');
    return {
      ok: false,
      record: true,
      code: 'sync_mutation_invalid',
      message: `The server cannot apply the change "${mutation.name}" (${issues}); it was set aside so the changes behind it sync. Update Dialdeck, or tell your manager.`,
    };
  }
  const ahead = parseHlc(mutation.hlc).wall - now;
  if (ahead > MAX_CLOCK_SKEW_MS) {
    return {
      ok: false,
      record: false,
      code: 'sync_clock_skew',
      message: `This change is stamped ${Math.round(ahead / 1000)} s ahead of the server's clock (at most ${MAX_CLOCK_SKEW_MS / 1000} s allowed): the desktop's clock is fast, or the server's is slow. Set the clock that is wrong to the time from the network; the change waits in the outbox and syncs then.`,
    };
  }
  const envelope = parsed.data;
  // A batch carries one user action's changes, applied together; any other mutation is one change.
  const changes: Change[] = isBatchName(envelope.name)
    ? (envelope.args as { changes: Change[] }).changes
    : [{ name: envelope.name, args: envelope.args } as Change];
  return { ok: true, changes };
};

/** A rejected mutation as it can always be recorded: no NUL in its text, its args left out. */
const keepable = (mutation: PushedMutation): PushedMutation => ({
  id: mutation.id,
  name: mutation.name.replaceAll('\u0000', ''),
  args: null,
  hlc: mutation.hlc.replaceAll('\u0000', ''),
});

/** A recorded mutation's earlier result: a rejection is answered again, anything else is a duplicate. */
const earlier = async (pool: pg.Pool, teamId: string, id: string): Promise<PushResult | null> => {
  const { rows } = await pool.query<{ status: string; code: string | null; message: string | null }>(
    'SELECT status, code, message FROM mutations WHERE team_id = $1 AND id = $2',
    [teamId, id],
  );
  const row = rows[0];
  if (!row) return null;
  if (row.status === 'rejected') {
    return { id, status: 'rejected', code: row.code ?? 'sync_mutation_invalid', message: row.message ?? '' };
  }
  return { id, status: 'duplicate' };
};

/** `earlier` for many ids in one query, keyed by the id in lower case (as PostgreSQL prints a uuid). */
const earlierAll = async (
  pool: pg.Pool,
  teamId: string,
  ids: readonly string[],
): Promise<Map<string, PushResult>> => {
  const found = new Map<string, PushResult>();
  if (ids.length === 0) return found;
  const { rows } = await pool.query<{
    id: string;
    status: string;
    code: string | null;
    message: string | null;
  }>('SELECT id, status, code, message FROM mutations WHERE team_id = $1 AND id = ANY($2::uuid[])', [
    teamId,
    ids,
  ]);
  for (const row of rows) {
    found.set(
      row.id,
      row.status === 'rejected'
        ? {
            id: row.id,
            status: 'rejected',
            code: row.code ?? 'sync_mutation_invalid',
            message: row.message ?? '',
          }
        : { id: row.id, status: 'duplicate' },
    );
  }
  return found;
};

/**
 * Records and applies one mutation in its own transaction. The row in `mutations` is inserted first
 * (primary key (team, id)): a second delivery finds it — or waits for the first delivery's transaction
 * and then finds it — and changes nothing. Returns null when the id was there already.
 */
const applyOnce = async (
  pool: pg.Pool,
  pusher: Pusher,
  mutation: PushedMutation,
  verdictOf: (client: pg.PoolClient, by: AppliedBy) => Promise<Verdict>,
  now: number,
): Promise<Verdict | null> =>
  inTransaction(pool, async (client) => {
    // The team's row before the mutation's (as applyBatch does), so two transactions never wait on
    // each other's locks in opposite order; a duplicate leaves its version unused.
    const version = await nextVersion(client, pusher.teamId);
    const inserted = await client.query(
      `INSERT INTO mutations (team_id, id, user_id, name, args, hlc, status, received_at)
       VALUES ($1, $2, $3, $4, $5, $6, 'stored', $7) ON CONFLICT (team_id, id) DO NOTHING`,
      [
        pusher.teamId,
        mutation.id,
        pusher.userId,
        mutation.name,
        JSON.stringify(mutation.args ?? null),
        mutation.hlc,
        now,
      ],
    );
    if (inserted.rowCount === 0) return null;
    const by: AppliedBy = { ...pusher, mutationId: mutation.id, hlc: mutation.hlc, version, receivedAt: now };
    const verdict = await verdictOf(client, by);
    await client.query(
      'UPDATE mutations SET status = $3, code = $4, message = $5, change_version = $6 WHERE team_id = $1 AND id = $2',
      [
        pusher.teamId,
        mutation.id,
        verdict.status,
        verdict.status === 'rejected' ? verdict.code : null,
        verdict.status === 'rejected' ? verdict.message : null,
        verdict.status === 'rejected' ? null : version,
      ],
    );
    return verdict;
  });

/**
 * `applyPush` one mutation at a time, each in its own transaction: the way a request is applied when
 * its one-transaction attempt hit a value the database refuses, so that only the mutation carrying it
 * is rejected (SQLSTATE class 22/23) and the others apply.
 */
const applyEach = async (
  pool: pg.Pool,
  pusher: Pusher,
  mutations: readonly PushedMutation[],
  now: number,
): Promise<PushResult[]> => {
  const results: PushResult[] = [];
  for (const mutation of mutations) {
    const checked = check(mutation, now);
    if (!checked.ok && !checked.record) {
      results.push({ id: mutation.id, status: 'rejected', code: checked.code, message: checked.message });
      continue;
    }
    const rejectWith = async (code: string, message: string) => {
      const reject = async (): Promise<Verdict> => ({ status: 'rejected', code, message });
      try {
        return await applyOnce(pool, pusher, mutation, reject, now);
      } catch (error) {
        if (!isDataError(error)) throw error;
        // The database refuses even to keep the change as received (text with a NUL character, which
        // PostgreSQL's text and jsonb cannot hold): its id and the reason are kept, so a retry hears
        // the same rejection instead of failing the whole request again and blocking the outbox.
        return applyOnce(pool, pusher, keepable(mutation), reject, now);
      }
    };
    let verdict: Verdict | null;
    if (!checked.ok) {
      verdict = await rejectWith(checked.code, checked.message);
    } else {
      try {
        verdict = await applyOnce(
          pool,
          pusher,
          mutation,
          async (client, by) => {
            let applied = false;
            for (const change of checked.changes) {
              const lead = await applyLeadChange(client, change, by);
              // Inside a batch a lead edit the server refuses is left out; the batch's activities still land.
              if (typeof lead === 'object' && !isBatchName(mutation.name))
                return { status: 'rejected', ...lead };
              if (lead === 'applied') applied = true;
              if (await applyActivityChange(client, change, by)) applied = true;
              if (await applyHandoffChange(client, change, by)) applied = true;
              if (await applyDefinitionChange(client, change, by)) applied = true;
            }
            return { status: applied ? 'applied' : 'stored' };
          },
          now,
        );
      } catch (error) {
        if (!isDataError(error)) throw error;
        verdict = await rejectWith(
          'sync_mutation_invalid',
          `The server's database refused the change "${mutation.name}" (${error.message}); it was set aside so the changes behind it sync. Tell your manager.`,
        );
      }
    }
    if (verdict === null) {
      // Delivered before: a rejection is answered again, anything else is a duplicate.
      results.push(
        (await earlier(pool, pusher.teamId, mutation.id)) ?? { id: mutation.id, status: 'duplicate' },
      );
    } else if (verdict.status === 'rejected') {
      results.push({ id: mutation.id, status: 'rejected', code: verdict.code, message: verdict.message });
    } else {
      results.push({ id: mutation.id, status: 'applied' });
    }
  }
  return results;
};

/**
 * Applies pushed mutations for `pusher`'s team, in the order given, and answers one `PushResult` each
 * (see `@shared/sync/protocol`). Activities and voids land in their tables; every other valid mutation
 * is kept as received (`mutations.status = 'stored'`). A mutation that can never apply is recorded as
 * rejected and acknowledged, so it never blocks those behind it; one whose data the database refuses
 * (SQLSTATE class 22/23) is rejected the same way. The request is applied in one transaction
 * (`applyBatch`: a few statements and one commit however many mutations it carries), shared with the
 * team's other pushes waiting in this process (`applyGrouped`); when the database refuses a value in
 * it, it is applied again one mutation at a time, so only that mutation is rejected. Other database failures (the database went away) throw with nothing committed, and the
 * client retries the whole batch later — what was committed before then answers `duplicate`. `now`
 * is the server's clock (UTC epoch ms).
 */
export const applyPush = async (
  pool: pg.Pool,
  pusher: Pusher,
  mutations: readonly PushedMutation[],
  now: number,
): Promise<PushResult[]> => {
  const checks = mutations.map((mutation) => check(mutation, now));
  const recorded = mutations.flatMap((mutation, i) => {
    const checked = checks[i] as Checked;
    return checked.ok || checked.record ? [{ mutation, checked }] : [];
  });
  let verdicts: BatchVerdict[] = [];
  if (recorded.length > 0) {
    try {
      verdicts = await applyGrouped(
        pool,
        pusher.teamId,
        recorded.map((r) => ({
          userId: pusher.userId,
          role: pusher.role,
          mutation: r.mutation,
          checked: r.checked,
        })),
        now,
      );
    } catch (error) {
      if (!isDataError(error)) throw error;
      return applyEach(pool, pusher, mutations, now);
    }
  }
  const verdictOf = new Map(recorded.map((r, i) => [r.mutation, verdicts[i] ?? null]));
  const before = await earlierAll(
    pool,
    pusher.teamId,
    recorded.filter((_, i) => verdicts[i] === null).map((r) => r.mutation.id),
  );
  return mutations.map((mutation, i): PushResult => {
    const checked = checks[i] as Checked;
    if (!checked.ok && !checked.record) {
      return { id: mutation.id, status: 'rejected', code: checked.code, message: checked.message };
    }
    const verdict = verdictOf.get(mutation) ?? null;
    if (verdict === null) {
      // Delivered before: a rejection is answered again, anything else is a duplicate.
      return { ...(before.get(mutation.id.toLowerCase()) ?? { status: 'duplicate' }), id: mutation.id };
    }
    if (verdict.status === 'rejected') {
      return { id: mutation.id, status: 'rejected', code: verdict.code, message: verdict.message };
    }
    return { id: mutation.id, status: 'applied' };
  });
};

/**
 * Every activity of a team, in the order it was applied (change version), each with its void when
 * the rep took it back: the shape of `TeamActivitiesOutput`.
 */
export const listActivities = async (pool: pg.Pool, teamId: string): Promise<ServerActivity[]> => {
  const { rows } = await pool.query<{
    id: string;
    lead_id: string;
    user_id: string;
    kind: string;
    outcome: string | null;
    note: string | null;
    data: unknown;
    occurred_at: string;
    mutation_id: string;
    change_version: string;
    void_kind: string | null;
    void_reason: string | null;
    voided_at: string | null;
    void_user_id: string | null;
  }>(
    `SELECT a.id, a.lead_id, a.user_id, a.kind, a.outcome, a.note, a.data, a.occurred_at, a.mutation_id,
            a.change_version, v.kind AS void_kind, v.reason AS void_reason, v.voided_at,
            v.user_id AS void_user_id
       FROM activities a
       LEFT JOIN LATERAL (SELECT * FROM activity_voids av WHERE av.team_id = a.team_id AND av.activity_id = a.id
                           ORDER BY av.change_version DESC LIMIT 1) v ON true
      WHERE a.team_id = $1
      ORDER BY a.change_version, a.id`,
    [teamId],
  );
  return rows.map((r) => ({
    id: r.id,
    leadId: r.lead_id,
    userId: r.user_id,
    kind: r.kind,
    outcome: r.outcome,
    note: r.note,
    data: r.data,
    occurredAt: Number(r.occurred_at),
    mutationId: r.mutation_id,
    changeVersion: Number(r.change_version),
    void:
      r.void_kind === null || r.voided_at === null || r.void_user_id === null
        ? null
        : { kind: r.void_kind, reason: r.void_reason, voidedAt: Number(r.voided_at), userId: r.void_user_id },
  }));
};
