import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MethodInput, MethodName, MethodOutput } from '@shared/api';
import { type Core, openCore } from '../core';
import { dispatch } from '../core/dispatch';
import { AppError } from '../core/errors';
import { type FailurePlace, toAppError } from '../core/guard';
import { resolveDataDir, storeFile } from '../core/paths';
import { fail } from './output';

export type GlobalOptions = { dataDir?: string; json?: boolean };

/** The built renderer, next to the built CLI (out/main → out/renderer). */
export const rendererDir = (): string => join(dirname(fileURLToPath(import.meta.url)), '..', 'renderer');

/** The store and log a command works on, from `--data-dir`, DIALDECK_DATA_DIR or the OS default. */
export const placeOf = (options: GlobalOptions): FailurePlace => {
  const dataDir = resolveDataDir(options.dataDir);
  return { dataDir, storeFile: storeFile(dataDir) };
};

/**
 * Opens the core, runs a command on it and closes it. Any failure is reported by `fail` with its
 * stable code: storage failures as `store_*` naming the path, unexpected ones as `internal` with the
 * stack trace in the data dir's log (never on stderr).
 */
export const withCore = async (
  options: GlobalOptions,
  run: (core: Core) => Promise<void> | void,
  coreOptions: {
    seedDemo?: boolean;
    keepOpen?: boolean;
    watchOtherWriters?: boolean;
    syncInBackground?: boolean;
  } = {},
): Promise<void> => {
  const place = placeOf(options);
  let core: Core | undefined;
  try {
    core = openCore({
      dataDir: place.dataDir,
      seedDemo: coreOptions.seedDemo ?? false,
      watchOtherWriters: coreOptions.watchOtherWriters ?? false,
      syncInBackground: coreOptions.syncInBackground ?? false,
    });
    await run(core);
  } catch (error) {
    fail(options.json ?? false, toAppError(error, 'this command', place));
  } finally {
    if (!coreOptions.keepOpen) core?.close();
  }
};

/** Calls a contract method the same way the renderer does: validated input, typed output. */
export const call = async <M extends MethodName>(
  core: Core,
  name: M,
  input: MethodInput<M>,
): Promise<MethodOutput<M>> => {
  const result = await dispatch(core.handlers, name, input);
  if (!result.ok) {
    const { code, message, details, params } = result.error;
    throw new AppError(code as never, message, details, params);
  }
  return result.value as MethodOutput<M>;
};
