import type { MessagePort } from 'node:worker_threads';
import { AppError } from '../../errors';
import { createCoreEvents } from '../../events';
import { createDialing } from '../../queue/dialing';
import { openConnection } from '../../store/db';
import { assertStoreSound } from '../../store/soundness';
import { createOutbox } from '../../sync/outbox';
import type { ImportedLead } from '../normalize/row';
import { type WriteResult, writeClaimed } from '../write/writer';
import { checkpointsOver } from './checkpoint';
import type { CheckJob, JobProgress, RowsMessage, WriteJob } from './protocol';

/** Thrown when the reading side stopped: the file was refused (it reports why) or its thread ended. */
export class ReadingStopped extends AppError {
  constructor() {
    super('internal', 'Reading the file stopped before its last row; nothing of it was imported.');
  }
}

/**
 * The rows arriving from the reading thread, as groups in file order. Ends with the file; throws
 * ReadingStopped when the reading side aborts or closes its end without finishing.
 */
export const rowsFrom = (port: MessagePort) => {
  const queue: RowsMessage[] = [];
  let wake: (() => void) | undefined;
  let closed = false;
  let rejected = 0;
  port.on('message', (message: RowsMessage) => {
    queue.push(message);
    wake?.();
  });
  port.on('close', () => {
    closed = true;
    wake?.();
  });
  const next = async (): Promise<RowsMessage> => {
    for (;;) {
      const message = queue.shift();
      if (message) return message;
      if (closed) return { type: 'abort' };
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
      wake = undefined;
    }
  };
  async function* groups(): AsyncGenerator<readonly ImportedLead[]> {
    for (;;) {
      const message = await next();
      if (message.type === 'rows') yield message.rows;
      else if (message.type === 'end') {
        rejected = message.rejected;
        return;
      } else throw new ReadingStopped();
    }
  }
  return { groups: groups(), rejected: () => rejected };
};

/**
 * The writing side of an import (runs on the writing thread, with its own connection to the store):
 * plans and writes the rows as they arrive into the batch the host claimed, then publishes it
 * (write/writer.ts). Every stamp is the host's clock reading `job.at`. The cadence engine and outbox
 * here are this connection's own; the host sends the change events once the result is back. Throws
 * ReadingStopped when the file was refused, SQLite's errors as they are; the batch is discarded first.
 */
export const writeRows = async (job: WriteJob, progress: (p: JobProgress) => void): Promise<WriteResult> => {
  const source = rowsFrom(job.rows);
  const db = openConnection(job.store.file, { nativeBinding: job.store.nativeBinding });
  try {
    const now = () => job.at;
    const outbox = createOutbox(db, now);
    const dialing = createDialing({ db, outbox, now, events: createCoreEvents() });
    return await writeClaimed(db, outbox, now, job.batch, {
      fileName: job.fileName,
      rows: source.groups,
      rejected: source.rejected,
      onDuplicate: job.onDuplicate,
      enroll: (created, at, batchId) => dialing.engine.enrollCreated(created, at, batchId),
      requeue: (leadIds, at) => dialing.maintenance.refreshLeads(leadIds, at),
      onProgress: (done, total) => progress({ phase: 'writing', done, total }),
      checkpoints: job.checkpoints && checkpointsOver(job.checkpoints),
    });
  } finally {
    job.rows.close();
    job.checkpoints?.close();
    db.close();
  }
};

/**
 * Runs the store's soundness check (store/soundness.ts) on this thread's own connection, so the read of
 * every page never holds the host's event loop. Resolves null; throws AppError `store_corrupt`.
 */
export const checkStore = (job: CheckJob): null => {
  const db = openConnection(job.store.file, { nativeBinding: job.store.nativeBinding });
  try {
    assertStoreSound(db, job.store.file);
    return null;
  } finally {
    db.close();
  }
};
