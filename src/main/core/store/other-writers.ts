import type { CoreEvents } from '../events';
import type { Db } from './db';

/** How often the store is asked whether another connection committed; well inside the 1 s promise. */
export const OTHER_WRITERS_POLL_MS = 250;

/**
 * "Leads changed" without ids makes every open list reload all its leads, so it goes out at most
 * once per this many ms while another process keeps writing (a long import); the last one always goes.
 */
export const COARSE_EVENT_GAP_MS = 1000;

/** More changed leads than this are announced as "leads changed" without ids (the list reloads). */
const MAX_PRECISE_IDS = 200;

export type OtherWritersWatch = {
  /** Looks once, now (the timer calls this); true when it announced a change. */
  check(): boolean;
  /**
   * Holds the watch while this core's own import writes on its own connection (imports/run.ts), whose
   * commits are not another writer's: returns the release. On release it announces only the outbox
   * rows written meanwhile outside any import batch (other writers' changes) and takes the rest as seen.
   */
  hold(): () => void;
  stop(): void;
};

type OutboxRow = { name: string; args: string };

/** Mutations whose args name one lead: `id` for the lead's own mutations, `leadId` for the rest. */
const leadIdOf = (name: string, args: Record<string, unknown>): string | undefined => {
  const id = name.startsWith('lead.') ? args.id : args.leadId;
  return typeof id === 'string' ? id : undefined;
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Adds the lead ids a mutation touches; a batch (`{changes: [{name, args}]}`) is read entry by entry. */
const collect = (name: string, args: unknown, leadIds: Set<string>): void => {
  if (!isRecord(args)) return;
  if (Array.isArray(args.changes)) {
    for (const change of args.changes) {
      if (isRecord(change) && typeof change.name === 'string') collect(change.name, change.args, leadIds);
    }
    return;
  }
  const leadId = leadIdOf(name, args);
  if (leadId) leadIds.add(leadId);
};

const parse = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
};

/**
 * Turns commits made by other connections to the same store (the CLI, a second window, a worker) into
 * the core's own change events, so an open window shows them within a second.
 *
 * Every `intervalMs` it reads `PRAGMA data_version`, which changes only when ANOTHER connection has
 * committed or checkpointed (https://www.sqlite.org/pragma.html#pragma_data_version): one cheap read
 * when nothing changed. On a change:
 * - outbox rows written since the last look name the leads touched: `leads:changed {ids}` and
 *   `queue:changed {leadIds, reason: 'external'}`; rows naming no lead (rules, cadences, the outcome
 *   set) send `queue:changed {reason: 'external'}`;
 * - with no new outbox row (demo leads record none, nor do unpublished import rows), a fingerprint of
 *   the leads and activities tables tells whether anything a view shows changed; if so, both events go
 *   out without ids (at most once per COARSE_EVENT_GAP_MS); if not (a checkpoint), nothing does;
 * - `settings:changed` goes out when the settings table's content differs from the last look.
 * The timer is unref'd (it never keeps a process alive) and stops with `stop()`.
 */
export const watchOtherWriters = (
  db: Db,
  events: CoreEvents,
  intervalMs: number = OTHER_WRITERS_POLL_MS,
): OtherWritersWatch => {
  const dataVersion = db.prepare<[], number>('PRAGMA data_version').pluck();
  const lastSeq = db.prepare<[], number>('SELECT coalesce(max(seq), 0) FROM outbox').pluck();
  const outboxSince = db.prepare<[number, number], OutboxRow>(
    'SELECT name, args FROM outbox WHERE seq > ? ORDER BY seq LIMIT ?',
  );
  const unbatchedSince = db.prepare<[number, number], OutboxRow>(
    'SELECT name, args FROM outbox WHERE seq > ? AND batch_id IS NULL ORDER BY seq LIMIT ?',
  );
  // Settings are a few small rows; their text is the cheapest exact fingerprint.
  const settingsPrint = db
    .prepare<[], string | null>(
      'SELECT group_concat(key || char(31) || value, char(30)) FROM (SELECT key, value FROM settings ORDER BY key)',
    )
    .pluck();
  // Leads added or removed, and calls or notes logged; index lookups, no table scan.
  const contentPrint = db
    .prepare<[], string>(
      `SELECT (SELECT count(*) FROM leads) || ':' || (SELECT coalesce(max(rowid), 0) FROM leads) || ':' ||
              (SELECT coalesce(max(rowid), 0) FROM activities) || ':' || (SELECT count(*) FROM dnc)`,
    )
    .pluck();

  let version = dataVersion.get() ?? 0;
  let seq = lastSeq.get() ?? 0;
  let settings = settingsPrint.get() ?? null;
  let content = contentPrint.get() ?? '';
  let lastCoarseAt = Number.NEGATIVE_INFINITY;
  let coarsePending = false;

  const sendCoarse = (): void => {
    const at = Date.now();
    if (at - lastCoarseAt < COARSE_EVENT_GAP_MS) {
      coarsePending = true;
      return;
    }
    coarsePending = false;
    lastCoarseAt = at;
    events.emit('leads:changed', {});
    events.emit('queue:changed', { reason: 'external' });
  };

  /** Sends the events for what changed since the last look; false when nothing a view shows did. */
  const announce = (): boolean => {
    let announced = false;
    const nextSettings = settingsPrint.get() ?? null;
    if (nextSettings !== settings) {
      settings = nextSettings;
      events.emit('settings:changed', {});
      announced = true;
    }
    const nextContent = contentPrint.get() ?? '';
    const contentChanged = nextContent !== content;
    content = nextContent;

    const rows: OutboxRow[] = outboxSince.all(seq, MAX_PRECISE_IDS + 1);
    seq = lastSeq.get() ?? seq;
    if (rows.length === 0) {
      if (!contentChanged) return announced;
      sendCoarse();
      return true;
    }
    return announceRows(rows) || announced;
  };

  /** Sends the events the outbox rows name; true when there were any. */
  const announceRows = (rows: readonly OutboxRow[]): boolean => {
    if (rows.length === 0) return false;
    const leadIds = new Set<string>();
    for (const row of rows) collect(row.name, parse(row.args), leadIds);
    if (rows.length > MAX_PRECISE_IDS || leadIds.size > MAX_PRECISE_IDS) {
      sendCoarse();
    } else if (leadIds.size > 0) {
      const ids = [...leadIds];
      events.emit('leads:changed', { ids });
      events.emit('queue:changed', { leadIds: ids, reason: 'external' });
    } else {
      events.emit('queue:changed', { reason: 'external' });
    }
    return true;
  };

  let holds = 0;

  const check = (): boolean => {
    if (!db.open || holds > 0) return false;
    if (coarsePending) sendCoarse();
    const next = dataVersion.get() ?? 0;
    if (next === version) return false;
    version = next;
    return announce();
  };

  const timer = setInterval(() => {
    try {
      check();
    } catch {
      // A busy or closing store is asked again on the next tick; the watch never takes the host down.
    }
  }, intervalMs);
  timer.unref();

  const hold = (): (() => void) => {
    holds++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      holds--;
      if (holds > 0 || !db.open) return;
      try {
        const rows = unbatchedSince.all(seq, MAX_PRECISE_IDS + 1);
        version = dataVersion.get() ?? version;
        seq = lastSeq.get() ?? seq;
        settings = settingsPrint.get() ?? null;
        content = contentPrint.get() ?? '';
        announceRows(rows);
      } catch {
        // A busy or closing store: the next look starts from the last baseline.
      }
    };
  };

  return { check, hold, stop: () => clearInterval(timer) };
};
