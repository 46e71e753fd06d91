import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Transferable, Worker } from 'node:worker_threads';
import { AppError } from '../../errors';
import {
  type ImportJob,
  type JobProgress,
  type JobReply,
  type JobRequest,
  type JobResult,
  receiveError,
} from './protocol';

/**
 * Where the import thread's code is. Built (electron-vite bundles the main process into out/main/,
 * with `import-worker.js` as its own entry next to index.js and cli.js, and shared code in
 * out/main/chunks/), it is found relative to this module's URL. Run from TypeScript sources (tests,
 * bench under vitest or tsx) this module's URL ends in .ts and the thread loads entry.ts through tsx.
 */
const workerSource = (): { url: URL; typescript: boolean } => {
  const here = import.meta.url;
  if (here.endsWith('.ts')) return { url: new URL('./entry.ts', here), typescript: true };
  for (const candidate of ['./import-worker.js', '../import-worker.js']) {
    const url = new URL(candidate, here);
    if (existsSync(url)) return { url, typescript: false };
  }
  throw new AppError(
    'internal',
    'Dialdeck could not find the part of itself that reads imports (import-worker.js). Build or install it again.',
  );
};

/** Which import thread a worker is: `reading` runs previews and parsing, `writing` writes the store. */
export type ThreadRole = 'reading' | 'writing';

const startWorker = (role: ThreadRole): Worker => {
  const { url, typescript } = workerSource();
  const workerData = { role };
  if (!typescript) return new Worker(url, { workerData });
  // tsx's loader (its ES module API), registered inside the thread before the entry is imported.
  const tsxDir = dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
  const tsx = pathToFileURL(join(tsxDir, 'dist', 'esm', 'api', 'index.mjs')).href;
  const code = `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(url.href)}); });`;
  return new Worker(code, { eval: true, workerData });
};

type Pending = {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  onProgress?: (progress: JobProgress) => void;
};

/** One import thread: jobs go in with an id; progress and the answer come back under it. */
const createThread = (role: ThreadRole) => {
  let worker: Worker | undefined;
  let nextId = 1;
  const pending = new Map<number, Pending>();

  const failAll = (error: Error) => {
    for (const job of pending.values()) job.reject(error);
    pending.clear();
  };

  const ensure = (): Worker => {
    if (worker) return worker;
    const started = startWorker(role);
    started.on('message', (reply: JobReply) => {
      const job = pending.get(reply.id);
      if (!job) return;
      if (reply.type === 'progress') {
        job.onProgress?.(reply.progress);
        return;
      }
      pending.delete(reply.id);
      if (pending.size === 0) started.unref();
      if (reply.type === 'done') job.resolve(reply.result);
      else job.reject(receiveError(reply.error));
    });
    started.on('error', (error) => {
      if (worker === started) worker = undefined;
      failAll(error);
    });
    started.on('exit', (code) => {
      if (worker === started) worker = undefined;
      failAll(
        new AppError(
          'internal',
          `The import stopped unexpectedly (its thread exited with code ${code}). Import the file again.`,
        ),
      );
    });
    worker = started;
    return started;
  };

  return {
    /** Starts the thread now if it is not running, so it has loaded its code when its first job comes. */
    start(): void {
      const started = ensure();
      if (pending.size === 0) started.unref();
    },
    run(job: ImportJob, transfer: Transferable[], onProgress?: (progress: JobProgress) => void) {
      const target = ensure();
      const id = nextId++;
      // Referenced while it works, so a host with nothing else to do waits for the answer.
      target.ref();
      return new Promise<unknown>((resolve, reject) => {
        pending.set(id, { resolve, reject, onProgress });
        const request: JobRequest = { id, job };
        target.postMessage(request, transfer);
      });
    },
    /** Stops the thread; its jobs fail with `internal` once it has exited (it no longer writes then). */
    close(): void {
      const current = worker;
      worker = undefined;
      if (!current) return;
      current.removeAllListeners('exit');
      current.once('exit', () =>
        failAll(new AppError('internal', 'Dialdeck closed the store while an import was running.')),
      );
      void current.terminate();
    },
  };
};

/**
 * The two threads an import runs on, off the host's event loop: one reads (decodes, parses and
 * normalises rows; also answers previews), one writes (its own connection to the store). Started on
 * first use and kept while the core is open; an idle thread never keeps the process alive. A thread
 * that dies fails its jobs with `internal` and is started again for the next job.
 */
export const createImportThreads = () => {
  const reader = createThread('reading');
  const writer = createThread('writing');
  return {
    run<K extends ImportJob['kind']>(
      job: Extract<ImportJob, { kind: K }>,
      transfer: Transferable[] = [],
      onProgress?: (progress: JobProgress) => void,
    ): Promise<JobResult[K]> {
      const thread = job.kind === 'write' || job.kind === 'check' ? writer : reader;
      return thread.run(job, transfer, onProgress) as Promise<JobResult[K]>;
    },
    /**
     * Starts the writing thread ahead of its first job (a preview calls it: loading the thread's code
     * and the store's addon then overlaps reading the file instead of delaying the import's first chunk).
     */
    prepareWriting(): void {
      writer.start();
    },
    close(): void {
      reader.close();
      writer.close();
    },
  };
};

export type ImportThreads = ReturnType<typeof createImportThreads>;
