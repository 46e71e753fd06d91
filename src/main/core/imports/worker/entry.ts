// An import thread (worker_threads): answers the jobs of worker/threads.ts one message at a time,
// several at once (a preview may arrive while a file is being parsed). Built as its own entry,
// out/main/import-worker.js (electron.vite.config.ts).
import { readlinkSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { inspectFile } from '../read/inspect';
import { checkpointOnRequest } from './checkpoint';
import { parseRows } from './parse';
import { type JobProgress, type JobReply, type JobRequest, sendError } from './protocol';
import { checkStore, writeRows } from './write';

const port = parentPort;
if (!port) throw new Error('The import worker runs only as a worker thread.');

/**
 * The reading thread is pure computation that holds no lock: on Linux it yields the CPU to the host's
 * event loop, to the writing thread (which holds the store's write lock while it commits) and to other
 * processes logging outcomes, by lowering its own scheduling priority (nice + 10) (/proc/thread-self names its
 * thread id, which setpriority takes for one thread). Elsewhere it keeps the process's priority.
 */
const lowerReadingPriority = (): void => {
  if (process.platform !== 'linux' || (workerData as { role?: string } | null)?.role !== 'reading') return;
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isInteger(tid) && tid > 0) setPriority(tid, Math.min(19, getPriority(tid) + 10));
  } catch {
    // Without /proc or the right to renice, the thread runs at the process's priority.
  }
};
lowerReadingPriority();

const run = async ({ id, job }: JobRequest, progress: (p: JobProgress) => void): Promise<unknown> => {
  switch (job.kind) {
    case 'inspect': {
      const bytes = Buffer.from(job.bytes.buffer, 0, job.bytes.length);
      const { text: _text, ...inspection } = await inspectFile(bytes, job.fileName, job.options, (done) =>
        progress({ phase: 'reading', done, total: 0 }),
      );
      return inspection;
    }
    case 'parse':
      return parseRows(job, progress);
    case 'write':
      return writeRows(job, progress);
    case 'check':
      return checkStore(job);
    case 'checkpoint':
      return checkpointOnRequest(job);
    default:
      throw new Error(`Unknown import job ${id}.`);
  }
};

port.on('message', (request: JobRequest) => {
  const reply = (message: JobReply) => port.postMessage(message);
  run(request, (progress) => reply({ id: request.id, type: 'progress', progress })).then(
    (result) => reply({ id: request.id, type: 'done', result }),
    (error: unknown) => reply({ id: request.id, type: 'failed', error: sendError(error) }),
  );
});
