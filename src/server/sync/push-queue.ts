import type pg from 'pg';
import { applyBatch, type BatchItem, type BatchVerdict } from './push-batch';

/**
 * The most mutations one transaction takes from a team's waiting pushes. Ten requests of the largest
 * batch a desktop sends (`MAX_PUSH_BATCH`, 200): big enough that a busy team commits hundreds of
 * mutations per commit, small enough that one transaction stays a few hundred milliseconds.
 */
export const MAX_GROUP_MUTATIONS = 2_000;

type Waiting = {
  items: readonly BatchItem[];
  now: number;
  done: (verdicts: BatchVerdict[]) => void;
  fail: (error: unknown) => void;
};

type TeamQueue = { busy: boolean; waiting: Waiting[] };

const queues = new WeakMap<pg.Pool, Map<string, TeamQueue>>();

/** PostgreSQL's SQLSTATE classes for bad data (22) and broken constraints (23). */
const isDataError = (error: unknown): boolean => {
  const code: unknown = error instanceof Error ? Reflect.get(error, 'code') : undefined;
  return typeof code === 'string' && /^2[23]/.test(code);
};

/**
 * Runs one group of waiting pushes as one transaction. When the database refuses a value in it, each
 * push runs again on its own, so only the push carrying that value fails (and its caller applies it
 * one mutation at a time); any other failure fails every push of the group (their desktops retry).
 */
const runGroup = async (pool: pg.Pool, teamId: string, group: Waiting[]): Promise<void> => {
  const now = Math.max(...group.map((w) => w.now));
  try {
    const verdicts = await applyBatch(
      pool,
      teamId,
      group.flatMap((w) => w.items),
      now,
    );
    let at = 0;
    for (const w of group) {
      w.done(verdicts.slice(at, at + w.items.length));
      at += w.items.length;
    }
  } catch (error) {
    if (group.length === 1 || !isDataError(error)) {
      for (const w of group) w.fail(error);
      return;
    }
    for (const w of group) {
      try {
        w.done(await applyBatch(pool, teamId, w.items, w.now));
      } catch (alone) {
        w.fail(alone);
      }
    }
  }
};

/**
 * Applies one push's checked mutations (`applyBatch`), together with the other pushes of the same
 * team that wait in this process: while a team's transaction runs, pushes for that team queue, and
 * the next transaction takes them all (up to `MAX_GROUP_MUTATIONS`). Every applying transaction holds
 * the team's change-version row until it commits, so a team's commits are one at a time; grouping
 * makes each of them carry many pushes (group commit). Nothing changes for a push: its mutations are
 * applied in its order, each answered on its own, a mutation sent by two pushes of one group recorded
 * once (the second answered from the first, like any duplicate). Resolves with one verdict per item;
 * rejects with PostgreSQL's error (a data error only when this push carries the refused value).
 */
export const applyGrouped = (
  pool: pg.Pool,
  teamId: string,
  items: readonly BatchItem[],
  now: number,
): Promise<BatchVerdict[]> => {
  let teams = queues.get(pool);
  if (!teams) {
    teams = new Map();
    queues.set(pool, teams);
  }
  const byTeam = teams;
  let queue = byTeam.get(teamId);
  if (!queue) {
    queue = { busy: false, waiting: [] };
    byTeam.set(teamId, queue);
  }
  const team = queue;
  const result = new Promise<BatchVerdict[]>((done, fail) => team.waiting.push({ items, now, done, fail }));
  const drain = async () => {
    team.busy = true;
    try {
      while (team.waiting.length > 0) {
        const group: Waiting[] = [];
        let size = 0;
        while (team.waiting.length > 0) {
          const next = team.waiting[0] as Waiting;
          if (group.length > 0 && size + next.items.length > MAX_GROUP_MUTATIONS) break;
          group.push(next);
          size += next.items.length;
          team.waiting.shift();
        }
        await runGroup(pool, teamId, group);
      }
    } finally {
      team.busy = false;
      byTeam.delete(teamId);
    }
  };
  if (!team.busy) void drain();
  return result;
};
