import type { MethodName } from '@shared/api';
import { AppError } from './errors';
import type { Handlers } from './handlers';
import { appendLog, describeError, logFile } from './logs';
import { translateStoreFailure } from './store/failures';

/** Where a failure happened: the store it concerns and the data dir whose log takes stack traces. */
export type FailurePlace = { storeFile: string; dataDir: string };

/**
 * The one translation of a failure into what a caller sees: an AppError stays as it is; an SQLite or
 * file-system failure becomes its `store_*` code naming the path; anything else is `internal`, with
 * its stack trace written to `DATA_DIR/logs/dialdeck.log` and the message naming that file
 * (params `{ action, log }`).
 */
export const toAppError = (error: unknown, action: string, place: FailurePlace): AppError => {
  const known = translateStoreFailure(error, place.storeFile);
  if (known) return known;
  const log = appendLog(place.dataDir, `${action} failed: ${describeError(error)}`) ?? logFile(place.dataDir);
  return new AppError(
    'internal',
    `Dialdeck hit an unexpected error in ${action}. Its details are in ${log}. Try again; if it persists, restart the app and send that file to support.`,
    undefined,
    { action, log },
  );
};

const isThenable = (value: unknown): value is PromiseLike<unknown> =>
  typeof value === 'object' && value !== null && 'then' in value && typeof value.then === 'function';

/**
 * Wraps every handler so no failure leaves it untranslated (see `toAppError`). A handler that answers
 * synchronously still does, so callers in the same process keep their plain values.
 */
export const guardHandlers = (handlers: Handlers, place: FailurePlace): Handlers => {
  const guarded: Record<string, (args: unknown) => unknown> = {};
  for (const [name, handler] of Object.entries(handlers) as [MethodName, (args: unknown) => unknown][]) {
    guarded[name] = (args: unknown) => {
      try {
        const result = handler(args);
        return isThenable(result)
          ? Promise.resolve(result).catch((error: unknown) => {
              throw toAppError(error, name, place);
            })
          : result;
      } catch (error) {
        throw toAppError(error, name, place);
      }
    };
  }
  return guarded as Handlers;
};
