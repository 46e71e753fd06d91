import { MessageChannel } from 'node:worker_threads';
import type { ImportOptions, ImportProgress, ImportSummary } from '@shared/api/imports';
import { isSupportedCountry } from 'libphonenumber-js';
import type { z } from 'zod';
import type { CoreContext } from '../context';
import { AppError } from '../errors';
import { storeFile } from '../paths';
import { readSettings } from '../settings/repo';
import { CleanupPending } from '../store/failures';
import { suggestMapping } from './map/headers';
import type { HeldFile } from './session';
import type { ImportThreads } from './worker/threads';
import { discardBatch, releaseBatch } from './write/batches';
import { claimTurn } from './write/writer';

type RunOptions = z.output<typeof ImportOptions>;
type Phase = ImportProgress['phase'];

/** Leads:changed lists ids only for small imports; a large one tells the renderer to reload. */
const MAX_CHANGED_IDS = 1_000;

/**
 * What an import needs besides the core's context: its threads, the store's addon if the host has one,
 * and, in a host that watches other writers, a hold on that watch while the import thread writes.
 */
export type ImportEnv = { threads: ImportThreads; nativeBinding?: string; holdWatch?: () => () => void };

/**
 * Imports a previewed file off the host's event loop. The reading thread decodes the held bytes,
 * reads and checks every row and sends the accepted ones to the writing thread, which plans them
 * (duplicates of stored leads and of earlier rows) and writes them, with each new lead's place on its
 * cadence, in short transactions that no reader sees until one small transaction publishes them
 * (write/writer.ts) — writing the first rows while later ones are still read. This thread only claims
 * the store for the import, relays progress, and sends the change events once it is published.
 * Rejected rows are reported with their line, column and a stable code; nothing is written when the
 * file itself is refused (its batch is discarded). Throws the reading codes of inspectFile,
 * `invalid_input` (mapping or region), `import_no_name_column`, `import_ragged_rows`, and store
 * failures (translated by the handlers' guard).
 */
export const runImport = async (
  context: CoreContext,
  env: ImportEnv,
  file: HeldFile,
  options: RunOptions,
): Promise<ImportSummary> => {
  const { db, now, events } = context;
  const progress = (phase: Phase, done: number, total: number) =>
    events.emit('import:progress', { token: file.token, phase, done, total });
  progress('reading', 0, 0);
  const region = options.region ?? readSettings(db).defaultRegion;
  if (!isSupportedCountry(region)) {
    throw new AppError(
      'invalid_input',
      `"${region}" is not a country whose phone numbers Dialdeck can read. Use a two-letter ISO country code such as US, GB, CN or KR.`,
      undefined,
      { value: region },
    );
  }
  const { inspection } = file;
  const read = {
    encoding: options.encoding ?? inspection.encoding,
    delimiter: options.delimiter ?? inspection.delimiter,
    headerRow: options.headerRow ?? inspection.headerLine,
  };
  const batch = await claimTurn(db, file.fileName, now);
  const releaseWatch = env.holdWatch?.();
  const { port1, port2 } = new MessageChannel();
  let parsing = true;
  let checked = 0;
  let wrote = { done: 0, total: 0 };
  try {
    const parsed = env.threads.run(
      {
        kind: 'parse',
        bytes: file.bytes,
        fileName: file.fileName,
        inspection,
        read,
        mapping: options.mapping ?? suggestMapping(inspection.headers),
        region,
        origin: {
          direction: options.direction,
          sourceChannel: options.sourceChannel,
          overrideColumns: options.overrideColumns,
        },
        rows: port1,
      },
      [port1],
      (p) => {
        if (p.phase === 'checking') checked = p.done;
        progress(p.phase, p.done, p.total);
      },
    );
    const store = { file: storeFile(context.dataDir), nativeBinding: env.nativeBinding };
    // The writing thread asks the reading thread for its checkpoints over a channel of their own; a
    // failed checkpoint never fails the import (worker/checkpoint.ts).
    const checkpoints = new MessageChannel();
    void env.threads
      .run({ kind: 'checkpoint', store, requests: checkpoints.port1 }, [checkpoints.port1])
      .catch(() => undefined);
    const writing = env.threads.run(
      {
        kind: 'write',
        store,
        batch,
        fileName: file.fileName,
        onDuplicate: options.onDuplicate,
        at: now(),
        rows: port2,
        checkpoints: checkpoints.port2,
      },
      [port2, checkpoints.port2],
      // Writing overlaps reading; the phase moves on to writing once every row is read.
      (p) => {
        wrote = p;
        if (!parsing) progress('writing', p.done, p.total);
      },
    );
    const [read_, written] = await Promise.allSettled([
      parsed.then((result) => {
        parsing = false;
        progress('writing', wrote.done, Math.max(wrote.total, result.accepted));
        return result;
      }),
      writing,
    ]);
    // The reading side's refusal says why; the writing side then only reports that it stopped.
    if (read_.status === 'rejected') throw read_.reason;
    if (written.status === 'rejected') throw written.reason;
    const { rejected, warnings } = read_.value;
    const result = written.value;
    const changed = [...result.created, ...result.mergedInto];
    if (changed.length > 0) {
      events.emit('leads:changed', changed.length <= MAX_CHANGED_IDS ? { ids: changed } : {});
      events.emit('queue:changed', { reason: 'enrollment' });
    }
    progress('done', checked, checked);
    return {
      imported: result.imported,
      merged: result.merged,
      skipped: result.skipped,
      rejected,
      warnings,
    };
  } catch (error) {
    // The writing thread discards its batch on failure; if that thread died, this connection does
    // (a store closed meanwhile leaves it to the next open).
    if (db.open) {
      try {
        await discardBatch(db, batch.id);
      } catch (cleanupFailure) {
        // Both connections failed to remove the rows (a full disk, say): the next open removes them.
        throw error instanceof CleanupPending ? error : new CleanupPending(error, cleanupFailure);
      }
    }
    throw error;
  } finally {
    releaseBatch(batch.id);
    releaseWatch?.();
  }
};
