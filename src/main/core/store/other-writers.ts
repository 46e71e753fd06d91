import type { CoreEvents } from '../events';
import type { Db } from './db';

/** How often the store is asked whether another connection committed; well inside the 1 s promise. */
export const OTHER_WRITERS_POLL_MS = 250;

/** More changed leads than this are announced as "leads changed" without ids (the list reloads). */
const MAX_PRECISE_IDS = 200;

export type OtherWritersWatch = {
  /** Checks once, now (the timer calls this); true when another connection had committed. */
  check(): boolean;
  stop(): void;
};

type OutboxRow = { name: string; args: string };

/** What one batch of outbox rows says changed: the leads it names, or null when it cannot tell. */
type Touched = { leadIds: Set<string>; precise: boolean };

/** Mutations whose args name one lead: `id` for the lead's own mutations, `leadId` for the rest. */
const leadIdOf = (name: string, args: Record<string, unknown>): string | undefined => {
  const id = name.startsWith('lead.') ? args.id : args.leadId;
  return typeof id === 'string' ? id : undefined;
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Collects the lead ids a mutation touches; a batch (`{changes: [{name, args}]}`) is read entry by entry. */
const collect = (name: string, args: unknown, touched: Touched): void => {
  if (!isRecord(args)) return;
  if (Array.isArray(args.changes)) {
    for (const change of args.changes) {
      if (isRecord(change) && typeof change.name === 'string') collect(change.name, change.args, touched);
    }
    return;
  }
  const leadId = leadIdOf(name, args);
  if (leadId) touched.leadIds.add(leadId);
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
 * committed (https://www.sqlite.org/pragma.html#pragma_data_version): one cheap read when nothing
 * changed. On a change it reads the outbox rows written since the last look to name the leads touched
 * (`leads:changed {ids}`, `queue:changed {leadIds, reason: 'external'}`); when the outbox cannot tell
 * (demo leads record nothing, too many rows, an unpublished import), it sends both events without ids.
 * `settings:changed` goes out only when the settings table's content differs from the last look.
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
  // Settings are a few small rows; their text is the cheapest exact fingerprint.
  const settingsPrint = db
    .prepare<[], string | null>(
      'SELECT group_concat(key || char(31) || value, char(30)) FROM (SELECT key, value FROM settings ORDER BY key)',
    )
    .pluck();

  let version = dataVersion.get() ?? 0;
  let seq = lastSeq.get() ?? 0;
  let settings = settingsPrint.get() ?? null;

  const announce = (): void => {
    const touched: Touched = { leadIds: new Set(), precise: true };
    const rows: OutboxRow[] = outboxSince.all(seq, MAX_PRECISE_IDS + 1);
    if (rows.length === 0 || rows.length > MAX_PRECISE_IDS) touched.precise = false;
    for (const row of rows) collect(row.name, parse(row.args), touched);
    seq = lastSeq.get() ?? seq;
    if (touched.leadIds.size > MAX_PRECISE_IDS) touched.precise = false;

    const nextSettings = settingsPrint.get() ?? null;
    const settingsChanged = nextSettings !== settings;
    if (settingsChanged) {
      settings = nextSettings;
      events.emit('settings:changed', {});
      // Preferences saved in another window write no outbox row: nothing else to reload.
      if (rows.length === 0) return;
    }
    if (touched.precise && touched.leadIds.size > 0) {
      const ids = [...touched.leadIds];
      events.emit('leads:changed', { ids });
      events.emit('queue:changed', { leadIds: ids, reason: 'external' });
    } else if (!touched.precise) {
      events.emit('leads:changed', {});
      events.emit('queue:changed', { reason: 'external' });
    } else {
      // Outbox rows that name no lead (calling rules, cadences, the outcome set): the queue may differ.
      events.emit('queue:changed', { reason: 'external' });
    }
  };

  const check = (): boolean => {
    if (!db.open) return false;
    const next = dataVersion.get() ?? 0;
    if (next === version) return false;
    version = next;
    announce();
    return true;
  };

  const timer = setInterval(() => {
    try {
      check();
    } catch {
      // A busy or closing store is asked again on the next tick; the watch never takes the host down.
    }
  }, intervalMs);
  timer.unref();

  return { check, stop: () => clearInterval(timer) };
};
