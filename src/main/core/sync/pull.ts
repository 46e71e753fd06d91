import { setImmediate } from 'node:timers/promises';
import { SYNC_PROTOCOL_VERSION } from '@shared/sync/protocol';
import { MAX_PULL_LIMIT } from '@shared/sync/pull';
import { z } from 'zod';
import type { Dialing } from '../queue/dialing';
import { readSetting, writeSetting } from '../settings/repo';
import type { Db } from '../store/db';
import { writeNow } from '../store/write-lock';
import type { SyncCredentials } from './credentials';
import { postSync } from './http';
import { applyPulledPage } from './pulled';
import { createPulledDefinitions, type DefinitionsChanged } from './pulled/definitions';

/** The setting that keeps the pull cursor, with whom it was pulled as (another team or user starts over). */
const CURSOR_SETTING = 'sync.pullCursor' as const;

/**
 * A pull answer as the client first reads it: `PullResponse`'s envelope with each change's
 * `{version, kind, data}` checked, its `data` not yet. `applyPulledPage` parses each change once by
 * its kind (and skips a kind it does not know), so a page of 2,000 leads is not validated twice.
 */
const PullPage = z.strictObject({
  protocolVersion: z.number().int(),
  changes: z.array(z.object({ version: z.number().int(), kind: z.string(), data: z.unknown() })),
  nextCursor: z.number().int().min(0),
  hasMore: z.boolean(),
});
type PullPage = z.infer<typeof PullPage>;

type SavedCursor = { server: string; teamId: string; userId: string; cursor: number };

/** The stored cursor for these credentials, or 0 (a first pull, or another team or user). */
export const pullCursor = (db: Db, credentials: SyncCredentials): number => {
  const saved = readSetting(db, CURSOR_SETTING);
  if (saved === null) return 0;
  // The team and user decide the feed; the server's address may change (a new port, a load balancer).
  const same = saved.teamId === credentials.teamId && saved.userId === credentials.userId;
  return same ? saved.cursor : 0;
};

export type PullOptions = {
  /** Changes per request (at most `MAX_PULL_LIMIT`). */
  limit?: number;
  now?: () => number;
  /** Called after each page is committed, with the leads whose rows changed (for change events). */
  onApplied?: (leadIds: string[]) => void;
  /**
   * The core's cadence engine and queue, which the team's pulled definitions (cadences, DNC) are
   * applied through; without it a store's own is made when the first definition arrives.
   */
  dialing?: Dialing;
  /** Called after a page that changed any of the team's definitions is committed (for change events). */
  onDefinitions?: (changed: DefinitionsChanged) => void;
  /** A test's hook: called (and awaited) after a page arrived and before it is applied. */
  beforeApply?: () => void | Promise<void>;
};

/** What a pull did: changes received and applied, changes of unknown kinds skipped, the cursor reached. */
export type PullSummary = { pulled: number; skipped: number; cursor: number };

/**
 * Pulls the team's changes this user may see, page by page until the server says no more wait, and
 * applies each page (`applyPulledPage`) in one write transaction together with the cursor it reached,
 * so the cursor moves only with the changes it covers: a crash or a lost answer before that commit
 * pulls the page again, and applying it again changes nothing (leads are written whole, activities once
 * by id). The next page is asked for (from the cursor this page ends at) while this one is applied, so
 * the server's reading and the store's writing overlap; a page is still applied only after the one
 * before it committed, and when applying fails the page asked for ahead is dropped unread. Pushing
 * never touches the cursor. Throws what `postSync` throws (`server_unreachable`, `unauthorized`,
 * `sync_protocol_outdated`…); pages committed before the failure stay.
 */
export const pullOnce = async (
  db: Db,
  credentials: SyncCredentials,
  options: PullOptions = {},
): Promise<PullSummary> => {
  const limit = Math.max(1, Math.min(MAX_PULL_LIMIT, options.limit ?? MAX_PULL_LIMIT));
  const now = options.now ?? Date.now;
  const cursor = pullCursor(db, credentials);
  const summary: PullSummary = { pulled: 0, skipped: 0, cursor };
  const ask = (from: number): Promise<PullPage> => {
    const asked = postSync(
      credentials,
      '/v1/sync/pull',
      { protocolVersion: SYNC_PROTOCOL_VERSION, cursor: from, limit },
      PullPage,
    );
    // Awaited in its turn; a page asked ahead of a failed apply must not count as unhandled.
    asked.catch(() => {});
    return asked;
  };
  let next = ask(cursor);
  for (;;) {
    const page = await next;
    await options.beforeApply?.();
    if (page.hasMore) {
      next = ask(page.nextCursor);
      // Let the request go out before the synchronous apply below holds this thread.
      await setImmediate();
    }
    const saved: SavedCursor = {
      server: credentials.server,
      teamId: credentials.teamId,
      userId: credentials.userId,
      cursor: page.nextCursor,
    };
    const applied = writeNow(db, () => {
      const definitions = options.dialing ? createPulledDefinitions(options.dialing) : undefined;
      const result = applyPulledPage(db, page.changes, now(), definitions);
      writeSetting(db, CURSOR_SETTING, saved);
      return result;
    });
    summary.pulled += applied.applied;
    summary.skipped += applied.skipped;
    summary.cursor = page.nextCursor;
    if (applied.leadIds.length > 0) options.onApplied?.(applied.leadIds);
    if (applied.definitions && anyDefinitionChanged(applied.definitions)) {
      options.onDefinitions?.(applied.definitions);
    }
    if (!page.hasMore) return summary;
  }
};

const anyDefinitionChanged = (changed: DefinitionsChanged): boolean =>
  changed.scripts || changed.cadences || changed.outcomes || changed.dnc;
