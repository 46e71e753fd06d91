import { appendFileSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** A log grows to this many bytes before it is rotated to `dialdeck.log.1` (the older copy is dropped). */
export const LOG_MAX_BYTES = 1_048_576;

/** Where the stack traces of unexpected errors go: `DATA_DIR/logs/dialdeck.log`. */
export const logFile = (dataDir: string): string => join(dataDir, 'logs', 'dialdeck.log');

const sizeOf = (file: string): number => {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
};

/**
 * Appends one timestamped entry (e.g. an error's stack trace) to the data dir's log, rotating it by
 * size: past `maxBytes` the log becomes `dialdeck.log.1` and a new one starts, so it never grows
 * without bound. Returns the log's path, or null when it cannot be written (a full or read-only disk
 * must not turn one error into another).
 */
export const appendLog = (
  dataDir: string,
  text: string,
  options: { now?: number; maxBytes?: number } = {},
): string | null => {
  const file = logFile(dataDir);
  const entry = `${new Date(options.now ?? Date.now()).toISOString()} ${text.trimEnd()}\n`;
  try {
    mkdirSync(join(dataDir, 'logs'), { recursive: true });
    const size = sizeOf(file);
    if (size > 0 && size + Buffer.byteLength(entry) > (options.maxBytes ?? LOG_MAX_BYTES)) {
      renameSync(file, `${file}.1`);
    }
    appendFileSync(file, entry);
    return file;
  } catch {
    return null;
  }
};

/** An error as log text: its stack when it has one, else its message. */
export const describeError = (error: unknown): string =>
  error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error);
