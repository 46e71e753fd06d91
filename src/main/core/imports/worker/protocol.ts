import type { MessagePort } from 'node:worker_threads';
import type { ErrorParams } from '@shared/api';
import type { ImportOptions, ImportWarning, OnDuplicate, RejectedRow } from '@shared/api/imports';
import type { z } from 'zod';
import { AppError } from '../../errors';
import { CleanupPending } from '../../store/failures';
import type { ImportedLead } from '../normalize/row';
import type { Inspection, ReadOptions } from '../read/inspect';
import type { BatchClaim } from '../write/batches';
import type { WriteResult } from '../write/writer';

/** The bytes of a held file: shared memory, so the host and both import threads read one copy. */
export type SharedBytes = { buffer: SharedArrayBuffer; length: number };

/** Where the writing thread opens its own connection: the store file and the host's addon, if any. */
export type StoreTarget = { file: string; nativeBinding?: string };

/** A first read of a file for `imports.preview`: answered with its Inspection (without the text). */
export type InspectJob = { kind: 'inspect'; bytes: SharedBytes; fileName: string; options: ReadOptions };

/** Parse and normalise every row, sending them to the writing thread over `rows` in file order. */
export type ParseJob = {
  kind: 'parse';
  bytes: SharedBytes;
  fileName: string;
  inspection: Inspection;
  /** The run's encoding, delimiter and header row; the preview's inspection is reused when equal. */
  read: Required<ReadOptions>;
  mapping: NonNullable<z.output<typeof ImportOptions>['mapping']>;
  region: string;
  origin: Pick<z.output<typeof ImportOptions>, 'direction' | 'sourceChannel' | 'overrideColumns'>;
  rows: MessagePort;
};

/** Plan and write the rows arriving over `rows` into `batch`, then publish it (write/writer.ts). */
export type WriteJob = {
  kind: 'write';
  store: StoreTarget;
  batch: BatchClaim;
  fileName: string;
  onDuplicate: OnDuplicate;
  /** The host's clock reading when the import started (UTC epoch ms): every row is stamped with it. */
  at: number;
  rows: MessagePort;
  /**
   * Where to ask for the import's passive checkpoints (worker/checkpoint.ts, on the reading thread);
   * without it the writing thread runs them itself.
   */
  checkpoints?: MessagePort;
};

/**
 * Run a passive checkpoint on a connection of this thread's own each time one is asked for over
 * `requests`, until that port closes (worker/checkpoint.ts).
 */
export type CheckpointJob = { kind: 'checkpoint'; store: StoreTarget; requests: MessagePort };

/**
 * Check the store is sound before an import writes to it (store/soundness.ts), on the writing thread,
 * so a large store's full read never holds the host's event loop.
 */
export type CheckJob = { kind: 'check'; store: StoreTarget };

export type ImportJob = InspectJob | ParseJob | WriteJob | CheckJob | CheckpointJob;

/** What the parsing thread reports when every row is read. */
export type ParseResult = {
  /** Rows read below the header (not blank). */
  checked: number;
  /** Rows accepted and sent to the writing thread: the most leads the import may write. */
  accepted: number;
  rejected: RejectedRow[];
  warnings: ImportWarning[];
};

export type JobResult = {
  inspect: Omit<Inspection, never>;
  parse: ParseResult;
  write: WriteResult;
  check: null;
  /** How many checkpoints ran. */
  checkpoint: number;
};

/** Over a run's `rows` port, parsing thread → writing thread. */
export type RowsMessage =
  | { type: 'rows'; rows: ImportedLead[] }
  /** Every row was sent and the file is accepted; `rejected` rows count in the import's record. */
  | { type: 'end'; rejected: number }
  /** The file was refused or reading failed: write nothing and discard the batch. */
  | { type: 'abort' };

/** Progress of a job: the phase and counts `import:progress` carries. */
export type JobProgress = { phase: 'reading' | 'checking' | 'writing'; done: number; total: number };

/** An error as it crosses between threads: an AppError's code and params, or SQLite's error code. */
export type SentError = {
  name: string;
  message: string;
  code?: string;
  params?: ErrorParams;
  details?: unknown;
  stack?: string;
  /** The import failed and discarding its rows failed too: they wait for the next open (CleanupPending). */
  cleanupPending?: true;
};

/** Host → import thread. */
export type JobRequest = { id: number; job: ImportJob };

/** Import thread → host. */
export type JobReply =
  | { id: number; type: 'progress'; progress: JobProgress }
  | { id: number; type: 'done'; result: unknown }
  | { id: number; type: 'failed'; error: SentError };

/** Takes an error apart so it survives postMessage with its code (AppError or SqliteError). */
export const sendError = (error: unknown): SentError => {
  if (error instanceof CleanupPending) return { ...sendError(error.failure), cleanupPending: true };
  if (error instanceof AppError) {
    return {
      name: error.name,
      message: error.message,
      code: error.code,
      params: error.params,
      details: error.details,
      stack: error.stack,
    };
  }
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return {
      name: error.name,
      message: error.message,
      code: typeof code === 'string' ? code : undefined,
      stack: error.stack,
    };
  }
  return { name: 'Error', message: String(error) };
};

/**
 * Puts an error from an import thread back together: an AppError again, or an Error carrying SQLite's
 * `code` (e.g. SQLITE_FULL), which the handlers' guard turns into its `store_*` code.
 */
export const receiveError = (sent: SentError): Error => {
  if (sent.cleanupPending) {
    const { cleanupPending: _pending, ...failure } = sent;
    return new CleanupPending(receiveError(failure), undefined);
  }
  if (sent.name === 'AppError' && sent.code) {
    const error = new AppError(sent.code as AppError['code'], sent.message, sent.details, sent.params);
    if (sent.stack) error.stack = sent.stack;
    return error;
  }
  const error = new Error(sent.message) as Error & { code?: string };
  error.name = sent.name;
  if (sent.code) error.code = sent.code;
  if (sent.stack) error.stack = sent.stack;
  return error;
};
