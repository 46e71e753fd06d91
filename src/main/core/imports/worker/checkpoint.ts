import type { MessagePort } from 'node:worker_threads';
import { openConnection } from '../../store/db';
import type { CheckpointJob } from './protocol';

/** What the writing thread posts over a checkpoint port: copy what the log holds into the store. */
export const CHECKPOINT_REQUEST = 'checkpoint';

/** What a checkpoint answers: the pages the write-ahead log held and how many of them are copied. */
export type CheckpointDone = { logPages: number; copiedPages: number };

/** A row of `PRAGMA wal_checkpoint`: busy 1 when another checkpoint or a reader held it back. */
type CheckpointResult = { busy: number; log: number; checkpointed: number };

/**
 * An import's checkpoints, run on the reading thread with a connection of its own while the writing
 * thread writes: each request on `job.requests` (posted by the writing thread after every stretch of
 * chunk writing, write/writer.ts) runs one passive checkpoint, which copies the write-ahead log's
 * committed pages into the store file and fsyncs both, without taking the write lock. Requests that
 * arrive while one runs, or before this thread's event loop turns (it may be parsing), are answered
 * by one checkpoint, and each one answers (CheckpointDone). So the copies and
 * fsyncs no longer stop the thread that holds the write lock between its chunks. Ends when the port closes (the writing thread is done or gone), resolving with
 * the number of checkpoints run. A checkpoint that fails (a full disk, say) ends the checkpoints
 * quietly, without an answer, so the writing thread goes back to checkpointing itself: a checkpoint
 * only copies what the log already holds durably, and the import's own writes report such a failure
 * with their code.
 */
export const checkpointOnRequest = (job: CheckpointJob): Promise<number> =>
  new Promise<number>((resolve) => {
    const port: MessagePort = job.requests;
    let db: ReturnType<typeof openConnection> | undefined;
    let runs = 0;
    let asked = false;
    let failed = false;
    let closed = false;
    const finish = () => {
      closed = true;
      db?.close();
      db = undefined;
      resolve(runs);
    };
    const run = () => {
      asked = false;
      if (failed || closed) return;
      try {
        db ??= openConnection(job.store.file, { nativeBinding: job.store.nativeBinding });
        const [result] = db.pragma('wal_checkpoint(PASSIVE)') as CheckpointResult[];
        runs++;
        port.postMessage({
          logPages: result?.log ?? 0,
          copiedPages: result?.checkpointed ?? 0,
        } satisfies CheckpointDone);
      } catch {
        failed = true;
      }
    };
    port.on('message', (message: unknown) => {
      if (message !== CHECKPOINT_REQUEST || asked) return;
      asked = true;
      setImmediate(run);
    });
    port.once('close', finish);
  });

/**
 * The writing thread's end of a checkpoint port: `ask` requests a checkpoint; `pending` says the last
 * one asked for has not answered (that thread is busy, or its checkpoints failed).
 */
export const checkpointsOver = (port: MessagePort) => {
  let pending = false;
  port.on('message', () => {
    pending = false;
  });
  return {
    ask: (): void => {
      pending = true;
      port.postMessage(CHECKPOINT_REQUEST);
    },
    pending: (): boolean => pending,
  };
};

export type RemoteCheckpoints = ReturnType<typeof checkpointsOver>;
