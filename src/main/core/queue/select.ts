import { isInstant } from '@shared/domain/instant';
import type { QueueEntry, QueueTier, RankReason } from '@shared/domain/queue';
import { evaluateBlockers } from '@shared/queue/blockers';
import { isoInZone } from '@shared/queue/clock';
import { isUnknownZoneKey } from '@shared/queue/zones';
import type { Statement } from 'better-sqlite3';
import { toQueueLead } from '../leads/rows';
import { published } from '../store/published';
import { type LoadedDial, loadDialFrom, zoneOf } from './explain';
import { toTask } from './lead-state';
import { NEVER } from './schedule';
import type { Services } from './services';

type ScanRow = { id: string; lead_id: string; ready_at: number; k: number; zone_key: string };

export type Ranked = { tier: QueueTier; band: number; dial: LoadedDial };

const BANDS = [4, 3, 2, 1, 0];
/** Rows per read: the first read of a range is small (the top row usually wins), later ones larger. */
const FIRST_PAGE = 4;
const NEXT_PAGE = 16;
/** Blockers that hold whatever the time; a lead with one is taken out of the index's due range. */
const LASTING = new Set(['status', 'do_not_contact', 'no_phone', 'attempt_limit']);

type Pager<P extends unknown[]> = (params: P, after: ScanRow | undefined, memo?: ScanMemo) => ScanRow[];

type CachedPage = { bound: number; rows: ScanRow[]; full: boolean };

/**
 * What one plan's repeated reads have learnt, reused while nothing is written: pages of the queue's
 * index ranges and each lead's loaded state. A plan asks "the best lead at time t" once per planned
 * dial with t moving forward, so without it every step re-reads the ranges from their top and
 * reloads the leads it passes over. Make one per read-only computation and drop it after.
 */
export type ScanMemo = { pages: Map<string, CachedPage>; dials: Map<string, LoadedDial | null> };

export const createScanMemo = (): ScanMemo => ({ pages: new Map(), dials: new Map() });

/** Leads a shared memo holds before it starts over, so a long-lived one stays small. */
const SHARED_MEMO_LEADS = 20_000;

/**
 * Reads one index range in order, a page at a time, resuming after the last row read. LIMIT is a
 * constant in the SQL: SQLite plans a bound LIMIT less well, which costs several times as much per read.
 *
 * `boundAt` is the position of the range's upper time bound in `params`, and `name` tells the
 * ranges apart in a `memo`. A full page read under bound b0 is the same page under any bound b ≥ b0:
 * the rows between b0 and b sort after all of its rows, which have keys ≤ b0. So a memo hands that page
 * back for a later bound; a short page (the range's end) is read again, as more rows may fall due.
 */
const pager =
  <P extends unknown[]>(
    name: string,
    boundAt: number,
    first: Statement<P, ScanRow>,
    next: Statement<[...P, number, string], ScanRow>,
  ): Pager<P> =>
  (params, after, memo) => {
    const read = () => (after ? next.all(...params, after.k, after.id) : first.all(...params));
    if (!memo) return read();
    const bound = params[boundAt] as number;
    const key = `${name}\u0000${params.filter((_, i) => i !== boundAt).join('\u0000')}\u0000${after ? `${after.k}\u0000${after.id}` : ''}`;
    const cached = memo.pages.get(key);
    if (cached && (cached.bound === bound || (cached.full && cached.bound <= bound))) return cached.rows;
    const rows = read();
    memo.pages.set(key, { bound, rows, full: rows.length === (after ? NEXT_PAGE : FIRST_PAGE) });
    return rows;
  };

export type Selector = ReturnType<typeof createSelector>;

/**
 * Picks leads in queue order: callbacks that are due, then new inbound leads (oldest arrival first),
 * then due cadence steps by band and by how long they have waited. Each tier is read from its own
 * index in rank order, and a lead surfaces only after every queue rule has been checked against it,
 * so reading stops at the first callable lead instead of ranking the whole list.
 */
/** Tasks of an import still being written stay out of the queue until it publishes. */
const PUBLISHED = published('tasks');

export const createSelector = (svc: Services) => {
  const { db } = svc;
  const callbacks = pager<[number]>(
    'callback',
    0,
    db.prepare(`SELECT id, lead_id, ready_at, due_at AS k, zone_key FROM tasks
      WHERE ${PUBLISHED} AND state = 'open' AND lane = 'callback' AND due_at <= ? ORDER BY due_at, id LIMIT ${FIRST_PAGE}`),
    db.prepare(`SELECT id, lead_id, ready_at, due_at AS k, zone_key FROM tasks
      WHERE ${PUBLISHED} AND state = 'open' AND lane = 'callback' AND due_at <= ? AND (due_at, id) > (?, ?)
      ORDER BY due_at, id LIMIT ${NEXT_PAGE}`),
  );
  const fresh = pager<[number, number]>(
    'fresh',
    1,
    db.prepare(`SELECT id, lead_id, ready_at, lead_created_at AS k, zone_key FROM tasks
      WHERE ${PUBLISHED} AND state = 'open' AND lane = 'dial' AND fresh = 1 AND lead_created_at >= ? AND lead_created_at <= ?
      ORDER BY lead_created_at, id LIMIT ${FIRST_PAGE}`),
    db.prepare(`SELECT id, lead_id, ready_at, lead_created_at AS k, zone_key FROM tasks
      WHERE ${PUBLISHED} AND state = 'open' AND lane = 'dial' AND fresh = 1 AND lead_created_at >= ? AND lead_created_at <= ?
        AND (lead_created_at, id) > (?, ?) ORDER BY lead_created_at, id LIMIT ${NEXT_PAGE}`),
  );
  const zoneBand = pager<[string, number, number]>(
    'dial',
    2,
    db.prepare(`SELECT id, lead_id, ready_at, ready_at AS k, zone_key FROM tasks
      WHERE ${PUBLISHED} AND state = 'open' AND lane = 'dial' AND zone_key = ? AND band = ? AND ready_at <= ?
      ORDER BY ready_at, id LIMIT ${FIRST_PAGE}`),
    db.prepare(`SELECT id, lead_id, ready_at, ready_at AS k, zone_key FROM tasks
      WHERE ${PUBLISHED} AND state = 'open' AND lane = 'dial' AND zone_key = ? AND band = ? AND ready_at <= ?
        AND (ready_at, id) > (?, ?) ORDER BY ready_at, id LIMIT ${NEXT_PAGE}`),
  );
  // Read per zone and band from the queue's own index, so no index is kept just for this.
  const nextDial = db
    .prepare<[string, number, number], number | null>(
      `SELECT min(ready_at) FROM tasks WHERE ${PUBLISHED} AND state = 'open' AND lane = 'dial' AND zone_key = ? AND band = ?
         AND ready_at > ?`,
    )
    .pluck();
  const nextCallback = db
    .prepare<[number], number | null>(
      `SELECT min(due_at) FROM tasks WHERE ${PUBLISHED} AND state = 'open' AND lane = 'callback' AND due_at > ?`,
    )
    .pluck();

  // The store as this connection sees it: another connection's commit moves data_version, a change
  // made through this one moves total_changes().
  const storeVersion = db.prepare<[], { v: number; c: number }>(
    'SELECT (SELECT data_version FROM pragma_data_version) AS v, total_changes() AS c',
  );
  let shared: { version: string; memo: ScanMemo } | undefined;

  /** Leads found with a lasting blocker, to be refreshed once the read is over. */
  const stale = new Set<string>();

  function* ranked(
    at: number,
    options: { exclude?: ReadonlySet<string>; memo?: ScanMemo } = {},
  ): Generator<Ranked, void, undefined> {
    const resolved = svc.rules.get();
    const me = svc.me();
    const seen = new Set<string>();
    const { memo } = options;
    const loadDial = (leadId: string): LoadedDial | null => {
      const known = memo?.dials.get(leadId);
      if (known !== undefined) return known;
      const facts = svc.leads.facts(leadId);
      const dial = facts ? loadDialFrom(svc, facts, resolved) : null;
      memo?.dials.set(leadId, dial);
      return dial;
    };

    const consider = (row: ScanRow, tier: QueueTier, band: number): Ranked | undefined => {
      if (seen.has(row.lead_id)) return undefined;
      seen.add(row.lead_id);
      if (options.exclude?.has(row.lead_id) || row.ready_at > at) return undefined;
      // Callbacks and new leads are read across zones: skip the shut ones before loading the lead.
      if (tier !== 'cadence' && !svc.windows(row.zone_key, at, resolved.window).open) return undefined;
      const dial = loadDial(row.lead_id);
      if (!dial || dial.task?.id !== row.id) return undefined;
      const blockers = evaluateBlockers(dial.state, at, svc.env(dial.zoneKey, resolved, me));
      if (blockers.some((b) => LASTING.has(b.rule))) stale.add(row.lead_id);
      return blockers.length === 0 ? { tier, band, dial } : undefined;
    };

    function* walk<P extends unknown[]>(
      read: Pager<P>,
      params: P,
      tier: QueueTier,
    ): Generator<Ranked, void, undefined> {
      let after: ScanRow | undefined;
      for (;;) {
        const limit = after ? NEXT_PAGE : FIRST_PAGE;
        const rows = read(params, after, memo);
        for (const row of rows) {
          const hit = consider(row, tier, 0);
          if (hit) yield hit;
        }
        after = rows.at(-1);
        if (rows.length < limit) return;
      }
    }

    yield* walk(callbacks, [at], 'callback');
    yield* walk(fresh, [at - resolved.rules.speedToLeadHours * 3_600_000, at], 'speed_to_lead');

    // Cadence steps: for each band, merge the due ranges of every zone whose window is open.
    const open = svc.zoneKeys().filter((key) => svc.windows(key, at, resolved.window).open);
    for (const band of BANDS) {
      const cursors = open.map((zone) => ({
        zone,
        rows: [] as ScanRow[],
        next: 0,
        done: false,
        after: undefined as ScanRow | undefined,
      }));
      for (;;) {
        let best: (typeof cursors)[number] | undefined;
        let bestRow: ScanRow | undefined;
        for (const c of cursors) {
          if (c.next >= c.rows.length && !c.done) {
            c.rows = zoneBand([c.zone, band, at], c.after, memo);
            c.next = 0;
            c.done = c.rows.length < (c.after ? NEXT_PAGE : FIRST_PAGE);
            c.after = c.rows.at(-1) ?? c.after;
          }
          const row = c.rows[c.next];
          if (row && (!bestRow || row.k < bestRow.k || (row.k === bestRow.k && row.id < bestRow.id))) {
            best = c;
            bestRow = row;
          }
        }
        if (!best || !bestRow) break;
        best.next++;
        const hit = consider(bestRow, 'cadence', band);
        if (hit) yield hit;
      }
    }
  }

  return {
    ranked,
    /**
     * A memo shared by the queue's reads (list, next lead, plan) for as long as nothing is written to
     * the store, by this connection or any other: after an outcome the queue view asks for its list and
     * the day's plan, which pass over the same leads. A new one once the store has changed.
     */
    readMemo(): ScanMemo {
      const { v, c } = storeVersion.get() as { v: number; c: number };
      const version = `${v}:${c}`;
      if (!shared || shared.version !== version || shared.memo.dials.size > SHARED_MEMO_LEADS)
        shared = { version, memo: createScanMemo() };
      return shared.memo;
    },
    /** Takes the lead ids seen with a lasting blocker since the last call. */
    takeStale(): string[] {
      const ids = [...stale];
      stale.clear();
      return ids;
    },
    /** The earliest instant after `at` that a dial task or callback falls due, to skip idle time in a plan. */
    nextDueAfter(at: number): number | null {
      let soonest = nextCallback.get(at) ?? null;
      for (const zone of svc.zoneKeys()) {
        for (const band of BANDS) {
          const t = nextDial.get(zone, band, at);
          if (typeof t === 'number' && t < NEVER && (soonest === null || t < soonest)) soonest = t;
        }
      }
      return soonest;
    },
    /** The earliest instant after `at` that the calling window changes for a zone with dial tasks. */
    nextWindowChangeAfter(at: number): number | null {
      const resolved = svc.rules.get();
      let soonest: number | null = null;
      for (const key of svc.zoneKeys()) {
        const until = svc.windows(key, at, resolved.window).until;
        if (until !== null && until > at && (soonest === null || until < soonest)) soonest = until;
      }
      return soonest;
    },
  };
};

const minutesBetween = (from: number, to: number) => Math.max(0, Math.round((to - from) / 60_000));

const spanText = (minutes: number): string =>
  minutes < 120
    ? `${minutes} min`
    : minutes < 48 * 60
      ? `${Math.round(minutes / 60)} h`
      : `${Math.round(minutes / 1440)} days`;

/** A surfaced lead as the queue shows it, with the reasons for its place. */
export const toEntry = (ranked: Ranked, position: number, at: number): QueueEntry => {
  const { dial, tier, band } = ranked;
  const task = dial.task;
  if (!task) throw new Error('a surfaced lead always has a live task');
  const { facts, counters } = dial;
  const reasons: RankReason[] = [];
  const zone = isUnknownZoneKey(dial.zoneKey) ? null : dial.zoneKey;
  const local = (t: number) =>
    !isInstant(t) ? 'an unknown time' : zone ? isoInZone(zone, t) : new Date(t).toISOString();
  if (tier === 'callback') {
    reasons.push({
      code: 'callback_due',
      value: task.due_at,
      message: `Callback the prospect asked for at ${local(task.due_at)}: callbacks come first.`,
    });
  } else if (tier === 'speed_to_lead') {
    const waiting = minutesBetween(facts.createdAt, at);
    reasons.push({
      code: 'speed_to_lead',
      value: waiting,
      message: `New inbound lead, waiting ${spanText(waiting)}: speed to lead ranks it ahead of cadence steps.`,
    });
  } else {
    const overdue = minutesBetween(task.ready_at, at);
    reasons.push(
      { code: 'priority', value: band, message: `Priority band ${band} of 4 (fit and attempts so far).` },
      {
        code: 'fit',
        value: counters.fit,
        message: counters.fit === null ? 'Fit not scored (counted as medium).' : `Fit ${counters.fit}/100.`,
      },
      { code: 'attempts', value: counters.total, message: `Dialed ${counters.total} time(s) so far.` },
      {
        code: 'step_due',
        value: overdue,
        message: `"${task.title}" has been due for ${spanText(overdue)}; within a band, the longest wait goes first.`,
      },
    );
  }
  return {
    position,
    tier,
    band,
    lead: toQueueLead(facts),
    zone: zoneOf(facts, dial.zoneKey, at),
    task: toTask(task),
    cadenceName: dial.enrollment?.cadence_name ?? null,
    stepTitle: task.title,
    attempts: counters.total,
    fit: counters.fit,
    reasons,
  };
};
