import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MethodInput, MethodName, MethodOutput } from '@shared/api';
import { type Core, openCore } from '../core';
import { dispatch } from '../core/dispatch';
import { AppError } from '../core/errors';
import { resolveDataDir } from '../core/paths';
import { fail } from './output';

export type GlobalOptions = { dataDir?: string; json?: boolean };

/** The built renderer, next to the built CLI (out/main → out/renderer). */
export const rendererDir = (): string => join(dirname(fileURLToPath(import.meta.url)), '..', 'renderer');

export const withCore = async (
  options: GlobalOptions,
  run: (core: Core) => Promise<void> | void,
  coreOptions: { seedDemo?: boolean; keepOpen?: boolean; watchOtherWriters?: boolean } = {},
): Promise<void> => {
  let core: Core | undefined;
  try {
    core = openCore({
      dataDir: resolveDataDir(options.dataDir),
      seedDemo: coreOptions.seedDemo ?? false,
      watchOtherWriters: coreOptions.watchOtherWriters ?? false,
    });
    await run(core);
  } catch (error) {
    fail(options.json ?? false, error);
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
  if (!result.ok) throw new AppError(result.error.code as never, result.error.message, result.error.details);
  return result.value as MethodOutput<M>;
};
